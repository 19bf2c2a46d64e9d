"""The two parties' approval of a year's situation picture: which figures an approval was
given for, and whether it still counts.

An approval keeps a fingerprint of the figures its preview showed. When the evidence later
gives other figures, the fingerprint differs and the approval no longer counts: both parties
approve again what is now true. Sources without data for the year are left out of the
fingerprint, so "no data" is never compared as a figure."""

import hashlib
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from places.models import Municipality
from situation.models import PictureApproval, PublishedPicture
from situation.selectors.picture import Picture
from situation.selectors.published import frozen_picture
from situation.vocabularies import ApprovingParty, Source


def figures_fingerprint(picture: Picture) -> str:
    """A hash of the picture's figures, per problem and source with data, and its totals."""
    with_data = [source for source in Source.values if source not in picture.without_data]
    rows = sorted(
        (row.problem, [[s, picture.figure(row, s)] for s in with_data], row.change)
        for row in picture.rows
    )
    totals = {source: picture.totals.get(source) for source in with_data}
    text = json.dumps({"rows": rows, "totals": totals}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def picture_is_empty(picture: Picture) -> bool:
    """Whether no source has any record for the picture's period: nothing to publish."""
    return not set(Source.values) - picture.without_data


def published_fingerprint(published: PublishedPicture | None) -> str | None:
    """The fingerprint of the figures as published, or None when the year is not public."""
    return None if published is None else figures_fingerprint(frozen_picture(published))


@dataclass(frozen=True)
class PartyApproval:
    """One party's standing on a picture: its latest approval, and whether it counts."""

    party: str
    label: str
    approval: PictureApproval | None
    counts: bool

    @property
    def outdated(self) -> bool:
        """Approved, but for figures that the evidence no longer gives."""
        return self.approval is not None and not self.counts


def picture_approvals(
    municipality: Municipality, year: int, fingerprint: str
) -> list[PartyApproval]:
    """Each party's approval of the year's picture, against the figures it has now."""
    approvals = PictureApproval.objects.filter(municipality=municipality, year=year)
    found = {a.party: a for a in approvals.select_related("approved_by")}
    rows = []
    for party, label in ApprovingParty.choices:
        approval = found.get(party)
        counts = approval is not None and approval.figures_fingerprint == fingerprint
        rows.append(PartyApproval(party, str(label), approval, counts))
    return rows


def approval_summary(rows: list[PartyApproval]) -> str:
    """One sentence on where the approval stands."""
    if all(row.counts for row in rows):
        return _("Both parties have approved these figures.")
    if any(row.outdated for row in rows):
        return _(
            "The figures differ from those that were approved: an approval given for other "
            "figures no longer counts."
        )
    return _("A coordinator of each party must approve the figures before they are published.")
