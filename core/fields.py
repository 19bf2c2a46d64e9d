"""Form fields that turn any posted id that cannot be a database key into a form error.

Django's model choice fields pass a posted id straight to the database; an id beyond the
64-bit range makes SQLite raise OverflowError, a server error instead of a message.
"""

import re
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

_KEY = re.compile(r"^\d{1,18}$")


def is_database_key(value: Any) -> bool:
    """Whether a posted value can be a row's id (a whole number within 64 bits)."""
    return isinstance(value, int) or bool(_KEY.match(str(value).strip()))


class ModelChoiceField(forms.ModelChoiceField[Any]):
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
