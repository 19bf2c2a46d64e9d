"""Warning the person typing free text that it seems to hold personal data, through the
shared confirmation (`core.confirm`). The finding itself is `lib.personal_data`."""

from collections.abc import Iterable, Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.confirm import NeedsConfirmation, ask, is_confirmed, require_confirmed
from lib.personal_data import Finding, Kind, find_personal_data

# The code of a reason to confirm that names personal data.
PERSONAL_DATA = "personal_data"

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


def field_personal_data(
    texts: Mapping[str, str], *, published: bool = False
) -> list[ValidationError]:
    """One reason per labelled text that seems to hold personal data, naming the text's
    label (a field, or "concern 2") and what was found in it."""
    reasons = []
    for label, text in texts.items():
        findings = find_personal_data(text) if text else []
        if findings:
            reasons.append(
                ValidationError(
                    f"{capfirst(label)}: {warning(findings, published=published)}",
                    code=PERSONAL_DATA,
                )
            )
    return reasons


def require_no_personal_data(
    texts: Mapping[str, str], *, confirmed: bool, published: bool = False
) -> None:
    """Refuse (NeedsConfirmation) labelled texts that seem to hold personal data, unless the
    user confirmed that they must. Services call it on every free text they store."""
    require_confirmed(field_personal_data(texts, published=published), confirmed=confirmed)


def labelled(instance: models.Model, *names: str) -> dict[str, str]:
    """The instance's text fields by their translated names, for `require_no_personal_data`."""
    meta = instance._meta
    return {
        str(getattr(meta.get_field(name), "verbose_name", name)): getattr(instance, name) or ""
        for name in names
    }


def numbered(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Texts by label for `require_no_personal_data`, a repeated label numbered ("Comment
    (2)"), so that no text hides another under the same label. Empty texts are left out."""
    texts: dict[str, str] = {}
    for label, text in pairs:
        if not text:
            continue
        key, n = label, 1
        while key in texts:
            n += 1
            key = f"{label} ({n})"
        texts[key] = text
    return texts
