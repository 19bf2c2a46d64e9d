"""Warning the person typing free text that it seems to hold personal data. The finding
itself is `lib.personal_data`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lib.personal_data import Finding, Kind, find_personal_data

# The field a form gets once it has warned: ticked, the text is stored as it is.
CONFIRM = "confirm_personal_data"

KIND_LABELS = {
    Kind.IDENTITY_NUMBER: _("a personal identity number"),
    Kind.EMAIL: _("an e-mail address"),
    Kind.PHONE: _("a phone number"),
    Kind.VEHICLE: _("a vehicle registration number"),
    Kind.NAME: _("a name"),
}


def personal_data_allowed(form: forms.BaseForm, *texts: str, published: bool = False) -> bool:
    """Whether the texts of a valid form may be stored: they hold no personal data, or the
    user ticked that they may. Otherwise the form gets a warning that lists what was found,
    and the box to tick, and is shown again with everything typed kept. `published` says
    the texts are written for the public pages, which the box then says."""
    confirm = forms.CheckboxInput().value_from_datadict(
        form.data, form.files, form.add_prefix(CONFIRM)
    )
    findings = [finding for text in texts if text for finding in find_personal_data(text)]
    if confirm or not findings:
        return True
    form.fields[CONFIRM] = forms.BooleanField(
        label=_("Store anyway: the personal data is needed"),
        required=False,
        help_text=(
            _("Only when the text cannot do without it: it is published as it stands.")
            if published
            else _("Only when the record cannot do without it. The text is never published.")
        ),
    )
    form.add_error(None, ValidationError(warning(findings), code="personal_data"))
    return False


def warning(findings: list[Finding]) -> str:
    """What the warning says: each finding with its kind, in the order of the text."""
    listed = ", ".join(f"{KIND_LABELS[f.kind]} ({f.text})" for f in findings)
    return gettext(
        "The text seems to hold personal data: %(found)s. Remove it, or tick the box below "
        "if it must be kept."
    ) % {"found": listed}
