"""Drop-downs name their empty choice in the reader's language, never "---------"."""

from django.utils import translation

from conftest import Cast
from imports.forms import SourceForm
from places.models import Municipality
from promises.forms import ActivityForm
from promises.models import CitizenPromise


def test_a_required_list_asks_to_choose_in_the_language_of_the_request(db: None) -> None:
    for language, label in (("sv", "Välj …"), ("en", "Choose…")):
        with translation.override(language):
            form = SourceForm(municipalities=Municipality.objects.all())
            html = str(form["municipality"])
        assert f'<option value="" selected>{label}</option>' in html
        assert "---------" not in html


def test_an_activitys_kind_and_optional_commitment_name_their_empty_choice(cast: Cast) -> None:
    promise = CitizenPromise.objects.get(title="Hemligt utkast 2018")
    with translation.override("sv"):
        form = ActivityForm(promise=promise)
        kind, commitment = str(form["kind"]), str(form["commitment"])
    assert '<option value="" selected>Välj …</option>' in kind
    assert '<option value="" selected>Inget valt</option>' in commitment
