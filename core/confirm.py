"""One way to ask before storing what may be right but looks wrong. A service raises
`NeedsConfirmation` with its reasons; the view hands it to `ask`, which shows the form again
with everything typed, the reasons, and the choice to confirm and save or to cancel
(`templates/_confirm.html`). Confirming posts the same form again with `confirmed`."""

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError

# The one field a confirmed form carries: set by the "confirm and save" button.
CONFIRM = "confirmed"


class NeedsConfirmation(ValidationError):
    """A write that may be right but looks wrong: done only once the user confirms. Its
    messages are the reasons, each a sentence the user can act on; a reason given as a
    ValidationError keeps its code, for a caller that answers one kind differently."""

    def __init__(self, reasons: Iterable[str | ValidationError]) -> None:
        super().__init__(
            [r if isinstance(r, ValidationError) else ValidationError(r) for r in reasons],
            code="needs_confirmation",
        )

    def has(self, code: str) -> bool:
        """Whether one of the reasons has the code."""
        return any(error.code == code for error in self.error_list)


def require_confirmed(reasons: Iterable[str | ValidationError | None], *, confirmed: bool) -> None:
    """Raise NeedsConfirmation with the reasons given (empty ones dropped), unless there are
    none or the user has confirmed."""
    found = [reason for reason in reasons if reason]
    if found and not confirmed:
        raise NeedsConfirmation(found)


def is_confirmed(form: forms.BaseForm) -> bool:
    """Whether the form was posted by the button that confirms."""
    return bool(
        forms.CheckboxInput().value_from_datadict(form.data, form.files, form.add_prefix(CONFIRM))
    )


def ask(form: forms.BaseForm, error: NeedsConfirmation) -> None:
    """Put the reasons on the form, so that its page asks to confirm or cancel."""
    reasons: list[str] = getattr(form, "confirmation_reasons", [])
    form.confirmation_reasons = [*reasons, *error.messages]  # type: ignore[attr-defined]
    form.confirmation_field = form.add_prefix(CONFIRM)  # type: ignore[attr-defined]
