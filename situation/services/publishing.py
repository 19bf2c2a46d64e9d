"""Publishing a year's situation picture by both parties: a coordinator of the municipality
and one of the local police area each approve the figures on the preview, and the approval
that completes the pair publishes them. An approval counts only while the evidence still
gives the figures it was given for. Either party may take the picture off the site alone."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from audit.models import AuditAction
from audit.services import audit_record, snapshot, stored_snapshot
from places.models import Municipality
from situation.models import PictureApproval, PublishedPicture
from situation.selectors.approvals import (
    figures_fingerprint,
    picture_is_empty,
    published_fingerprint,
)
from situation.selectors.picture import Picture, year_picture
from situation.selectors.published import figure_changes, frozen_picture, picture_figures
from situation.vocabularies import ApprovingParty


def _locked(municipality: Municipality) -> None:
    """Take the municipality's row lock: two coordinators approving at the same moment are
    taken one after the other, so the second sees the first's approval (one publication)."""
    Municipality.objects.select_for_update().filter(pk=municipality.pk).values_list(
        "pk", flat=True
    ).get()


def _parties(municipality: Municipality, by: Any) -> list[str]:
    parties = permissions.picture_approval_parties(by, municipality)
    if not parties:
        raise ValidationError(
            _("Only a coordinator of the municipality or of the local police area may approve."),
            code="not_a_party",
        )
    return parties


def _current(municipality: Municipality, year: int, seen_figures: str) -> tuple[Picture, str]:
    """The picture the evidence gives now, refused when empty or not the one that was seen."""
    picture = year_picture(municipality, year)
    if picture_is_empty(picture):
        raise ValidationError(
            _("There is nothing to publish: no source has any data for %s.") % year,
            code="empty",
        )
    fingerprint = figures_fingerprint(picture)
    if seen_figures != fingerprint:
        raise ValidationError(
            _(
                "The figures have changed since the preview was opened. Look at them again "
                "before you approve."
            ),
            code="figures_changed",
        )
    return picture, fingerprint


def _party_to_approve(parties: list[str], standing: dict[str, PictureApproval], by: Any) -> str:
    """The user's party whose approval of these figures is still missing."""
    # One person approves for one party; an administrator may stand in for both.
    if not by.is_superuser and any(a.approved_by_id == by.pk for a in standing.values()):
        raise ValidationError(
            _("You have already approved. A coordinator of the other party must approve too."),
            code="approved_already",
        )
    waiting = [party for party in parties if party not in standing]
    if not waiting:
        raise ValidationError(
            _("Your party has already approved. The other party's coordinator must approve."),
            code="approved_already",
        )
    return waiting[0]


def _approval_record(
    municipality: Municipality, year: int, party: str, by: Any, fingerprint: str
) -> PictureApproval:
    """Record the party's approval of these figures, replacing an earlier one of the party
    (the municipality's row is locked, so no one else writes it meanwhile)."""
    found = PictureApproval.objects.filter(
        municipality=municipality, year=year, party=party
    ).first()
    before = stored_snapshot(found) if found else None
    if found is None:
        found = PictureApproval(municipality=municipality, year=year, party=party)
    found.approved_by, found.approved_at = by, timezone.now()
    found.figures_fingerprint = fingerprint
    found.save()
    action = AuditAction.CHANGE if before else AuditAction.CREATE
    audit_record(action=action, instance=found, by=by, before=before)
    return found


def _publish(municipality: Municipality, year: int, picture: Picture, by: Any) -> PublishedPicture:
    """Show the approved figures on the public site, or replace the ones shown there; the
    history keeps which figures changed."""
    published = PublishedPicture.objects.filter(municipality=municipality, year=year).first()
    if published is None:
        published = PublishedPicture.objects.create(
            municipality=municipality, year=year, published_by=by, figures=picture_figures(picture)
        )
        audit_record(action=AuditAction.CREATE, instance=published, by=by)
        return published
    before = {**stored_snapshot(published), "changed_figures": []}
    changes = figure_changes(frozen_picture(published), picture)
    published.figures = picture_figures(picture)
    published.updated_at, published.updated_by = timezone.now(), by
    published.save()
    after = {
        **snapshot(published),
        "changed_figures": [f"{c.label}, {c.column}: {c.published} → {c.now}" for c in changes],
    }
    audit_record(action=AuditAction.CHANGE, instance=published, by=by, before=before, after=after)
    return published


@transaction.atomic
def picture_approve(
    *, municipality: Municipality, year: int, by: Any, seen_figures: str
) -> PublishedPicture | None:
    """Approve the year's picture, as the preview showed it (`seen_figures` is the
    fingerprint of the figures seen), for the user's party. When the other party has approved
    the same figures, they are published; the publication, else None."""
    _locked(municipality)
    parties = _parties(municipality, by)
    picture, fingerprint = _current(municipality, year, seen_figures)
    published = PublishedPicture.objects.filter(municipality=municipality, year=year).first()
    if published_fingerprint(published) == fingerprint:
        raise ValidationError(_("These figures are already public."), code="published_already")
    standing = {
        a.party: a
        for a in PictureApproval.objects.filter(
            municipality=municipality, year=year, figures_fingerprint=fingerprint
        )
    }
    party = _party_to_approve(parties, standing, by)
    standing[party] = _approval_record(municipality, year, party, by, fingerprint)
    if len(standing) < len(ApprovingParty.values):
        return None
    return _publish(municipality, year, picture, by)


@transaction.atomic
def picture_approval_discard(*, municipality: Municipality, year: int, party: str, by: Any) -> None:
    """Take back the party's approval of the year's picture before it is published; a
    published picture is taken off the site instead (`picture_unpublish`)."""
    _locked(municipality)
    if party not in _parties(municipality, by):
        raise ValidationError(
            _("Only a coordinator of that party may take back its approval."), code="not_a_party"
        )
    approval = PictureApproval.objects.filter(municipality=municipality, year=year, party=party)
    found = approval.first()
    if found is None:
        raise ValidationError(_("There is no approval to take back."), code="no_approval")
    published = PublishedPicture.objects.filter(municipality=municipality, year=year).first()
    if published_fingerprint(published) == found.figures_fingerprint:
        raise ValidationError(
            _("These figures are public. Take the picture off the public site instead."),
            code="published",
        )
    audit_record(action=AuditAction.DELETE, instance=found, by=by)
    found.delete()


@transaction.atomic
def picture_unpublish(*, municipality: Municipality, year: int, by: Any) -> None:
    """Take the year's picture off the public site, with its approvals: publishing it again
    needs both parties again. Either party may do this alone."""
    _locked(municipality)
    _parties(municipality, by)
    for published in PublishedPicture.objects.filter(municipality=municipality, year=year):
        audit_record(action=AuditAction.DELETE, instance=published, by=by)
        published.delete()
    for approval in PictureApproval.objects.filter(municipality=municipality, year=year):
        audit_record(action=AuditAction.DELETE, instance=approval, by=by)
        approval.delete()
