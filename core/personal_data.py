"""Warning the person typing free text that it seems to hold personal data, through the
shared confirmation (`core.confirm`). The finding itself is `lib.personal_data`."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.confirm import NeedsConfirmation, ask, is_confirmed
from lib.personal_data import Finding, Kind, find_personal_data

KIND_LABELS = {
    Kind.IDENTITY_NUMBER: _("a personal identity number"),
    Kind.EMAIL: _("an e-mail address"),
    Kind.PHONE: _("a phone number"),
    Kind.VEHICLE: _("a vehicle registration number"),
    Kind.NAME: _("a name"),
}


def personal_data_reasons(*texts: str, published: bool = False) -> list[str]:
    """The reason to confirm before storing the texts, or none when they hold no personal
    data. `published` says the texts are written for the public pages, which it then says."""
    findings = [finding for text in texts if text for finding in find_personal_data(text)]
    return [warning(findings, published=published)] if findings else []


def personal_data_allowed(form: forms.BaseForm, *texts: str, published: bool = False) -> bool:
    """Whether the texts of a valid form may be stored: they hold no personal data, or the
    user confirmed that they must. Otherwise the form asks, and is shown again with
    everything typed kept."""
    reasons = personal_data_reasons(*texts, published=published)
    if not reasons or is_confirmed(form):
        return True
    ask(form, NeedsConfirmation(reasons))
    return False


def warning(findings: list[Finding], *, published: bool = False) -> str:
    """What the warning says: each finding with its kind, in the order of the text, and
    who will read the text if it is kept."""
    listed = ", ".join(f"{KIND_LABELS[f.kind]} ({f.text})" for f in findings)
    if published:
        return gettext(
            "The text seems to hold personal data: %(found)s. Remove it, or confirm only "
            "if the text cannot do without it: it is published as it stands, on the public "
            "pages and in the open data."
        ) % {"found": listed}
    return gettext(
        "The text seems to hold personal data: %(found)s. Remove it, or confirm only if the "
        "record cannot do without it. The text is never published."
    ) % {"found": listed}
