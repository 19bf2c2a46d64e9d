"""Every form is drawn by the project's renderer: a required list with one choice shows it
chosen, and no box cuts typed text at a maxlength."""

from django import forms


class _Form(forms.Form):
    only = forms.ChoiceField(choices=[("", "---------"), ("eslov", "Eslöv")])
    optional = forms.ChoiceField(choices=[("", "---------"), ("eslov", "Eslöv")], required=False)
    two = forms.ChoiceField(choices=[("", "---------"), ("eslov", "Eslöv"), ("lund", "Lund")])
    name = forms.CharField(max_length=10)
    notes = forms.CharField(max_length=10, widget=forms.Textarea)


def test_a_required_list_with_one_choice_shows_it_chosen() -> None:
    html = str(_Form()["only"])
    assert "---------" not in html
    assert '<option value="eslov" selected>Eslöv</option>' in html


def test_an_optional_list_or_one_with_more_choices_keeps_the_empty_choice() -> None:
    form = _Form()
    assert "---------" in str(form["optional"])
    two = str(form["two"])
    assert "---------" in two and "selected" not in two.replace('value="" selected', "")


def test_the_only_choice_is_what_the_form_sends() -> None:
    form = _Form({"only": "eslov", "two": "lund", "name": "x", "notes": "y"})
    assert form.is_valid(), form.errors


def test_no_box_carries_a_maxlength_and_the_server_still_refuses_long_text() -> None:
    form = _Form({"only": "eslov", "two": "lund", "name": "x" * 11, "notes": "y" * 11})
    assert "maxlength" not in str(form["name"]) and "maxlength" not in str(form["notes"])
    assert not form.is_valid()
    assert "at most 10 characters" in str(form.errors["name"])
    assert 'value="xxxxxxxxxxx"' in str(form["name"]), "what was typed is shown again"
