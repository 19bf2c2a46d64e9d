"""Form fields that turn any posted id that cannot be a database key into a form error.

Django's model choice fields pass a posted id straight to the database; an id beyond the
64-bit range makes SQLite raise OverflowError, a server error instead of a message.
"""

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

# Most characters a typed text may have, so that a form names the limit rather than storing
# megabytes: a note, comment, reason or description, and a long text (a promise's section,
# an assessment). Every model's TextField has one (loften/tests/test_text_limits.py).
NOTE_LIMIT = 5000
TEXT_LIMIT = 20000

_KEY = re.compile(r"^\d{1,18}$")


def is_database_key(value: Any) -> bool:
    """Whether a posted value can be a row's id (a whole number within 64 bits)."""
    return isinstance(value, int) or bool(_KEY.match(str(value).strip()))


DASHES = BLANK_CHOICE_DASH[0][1]


def empty_choice_label(required: bool) -> "_StrPromise":
    """What an empty drop-down says instead of Django's "---------" (lazy: class-level
    fields are made at import, before a request's language is known)."""
    return _("Choose…") if required else _("None chosen")


def name_empty_choices(form: forms.BaseForm) -> None:
    """Give every drop-down of the form a named empty choice rather than "---------"."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DASHES:
                field.empty_label = empty_choice_label(field.required)
        elif isinstance(field, forms.ChoiceField):
            choices = list(cast("Iterable[tuple[Any, Any]]", field.choices))
            if choices and choices[0] == ("", DASHES):
                field.choices = [("", empty_choice_label(field.required)), *choices[1:]]


class ModelChoiceField(forms.ModelChoiceField[Any]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.empty_label == DASHES:
            self.empty_label = empty_choice_label(self.required)

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not is_database_key(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField[Any]):
    def _check_values(self, value: Any) -> Any:
        for key in value:
            if not is_database_key(key):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)  # type: ignore[misc]


F = TypeVar("F", bound=forms.Field)


def required_later(field: F) -> F:
    """Mark a field a draft may leave empty but a later step (approving, publishing) needs:
    its label then does not say "optional", since its help text says it is required."""
    setattr(field, "required_later", True)  # noqa: B010 - read by the template _field.html
    return field


def date_box_bounds(form: forms.BaseForm, name: str, bounds: tuple[date, date] | None) -> None:
    """Give a date box the first and last plausible day, so that a phone's date picker
    offers only those; the validators still decide. No bounds when there is no such day."""
    if name not in form.fields or bounds is None or bounds[0] > bounds[1]:
        return
    first, last = bounds
    form.fields[name].widget.attrs.update({"min": first.isoformat(), "max": last.isoformat()})


class VersionField(forms.IntegerField):
    """The version of a record a form was opened at, carried in a hidden field. An edit sent
    without it (or with a made-up one) is refused by `require_version`: taking the stored
    version instead would let a stale save overwrite a newer one unnoticed."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=1, max_value=2**31 - 1, **kwargs)

    def clean(self, value: Any) -> int | None:
        # A hidden field's own error would show as "(Hidden field version)"; the form says it.
        try:
            return cast("int | None", super().clean(value))
        except ValidationError:
            return None


def require_version(form: forms.BaseForm) -> None:
    """Refuse, in words, an edit whose form lost the version it was opened at."""
    if not form.cleaned_data.get("version"):
        form.add_error(
            None,
            _(
                "The page was sent without the version of the record it was opened at, so "
                "your changes could overwrite someone else's. Reload the page and make them "
                "again."
            ),
        )
