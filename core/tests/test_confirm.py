"""The shared confirmation: a service's reasons come back on the form, with one button that
confirms and a link that cancels, and the same post with `confirmed` goes through."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.confirm import NeedsConfirmation, ask, is_confirmed, require_confirmed


class _Form(forms.Form):
    text = forms.CharField()


def test_nothing_is_asked_without_a_reason_or_once_confirmed() -> None:
    require_confirmed([None, ""], confirmed=False)
    require_confirmed(["Looks wrong."], confirmed=True)


def test_the_reasons_given_are_raised_in_order_and_keep_their_codes() -> None:
    with pytest.raises(NeedsConfirmation) as caught:
        require_confirmed(
            ["First.", None, ValidationError("Second.", code="other_place")], confirmed=False
        )
    assert caught.value.messages == ["First.", "Second."]
    assert caught.value.has("other_place") and not caught.value.has("personal_data")


def test_the_confirming_button_is_read_with_the_forms_prefix() -> None:
    assert not is_confirmed(_Form({"text": "x"}))
    assert is_confirmed(_Form({"text": "x", "confirmed": "1"}))
    assert is_confirmed(_Form({"p-text": "x", "p-confirmed": "1"}, prefix="p"))
    assert not is_confirmed(_Form({"p-text": "x", "confirmed": "1"}, prefix="p"))


def test_the_form_shows_the_reasons_and_the_choice_to_confirm_or_cancel() -> None:
    form = _Form({"text": "x"}, prefix="p")
    form.is_valid()
    ask(form, NeedsConfirmation(["Looks wrong."]))
    request = RequestFactory().post("/arbete/ny/")
    page = render_to_string(
        "_form_errors.html", {"form": form, "request": request, "cancel": "/tillbaka/"}
    )
    assert "Looks wrong." in page
    assert '<button type="submit" class="primary" name="p-confirmed" value="1"' in page
    assert 'formaction="/arbete/ny/"' in page and 'href="/tillbaka/"' in page


def test_a_form_that_was_not_asked_shows_no_choice() -> None:
    form = _Form({"text": "x"})
    form.is_valid()
    page = render_to_string("_form_errors.html", {"form": form})
    assert "confirmed" not in page
