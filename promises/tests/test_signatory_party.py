"""A coordinator says in the promise form which party each signatory signs for, so a promise
written in Löften (not imported) can be published, and saving the form keeps the parties."""

import re

from django.test import Client
from django.urls import reverse

from conftest import Cast, client_for, sign_for_both
from promises.models import Agreement, CitizenPromise
from promises.selectors import publication_gaps


def _form_fields(page: str) -> dict[str, str]:
    """The form's text, hidden and selected values, as a browser would send them unchanged."""
    fields = {
        name: value
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page)
        if name != "csrfmiddlewaretoken"
    }
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        fields[name] = chosen.group(1) if chosen else ""
    for name, text in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page, re.S):
        fields[name] = text
    return fields


def _edit(client: Client, promise: CitizenPromise, **changes: object) -> None:
    url = reverse("promises:promise_edit", args=[promise.pk])
    data: dict[str, object] = {**_form_fields(client.get(url).content.decode()), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_signatories_typed_with_their_party_leave_no_publication_gap(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    _edit(
        client,
        cast.draft,
        **{
            "sig-0-name": "Anna Andersson",
            "sig-0-title": "Lokalpolisområdeschef",
            "sig-0-organisation": cast.police_org.pk,
            "sig-1-name": "Bo Berg",
            "sig-1-title": "Kommunstyrelsens ordförande",
            "sig-1-organisation": cast.municipality_org.pk,
        },
    )
    draft = CitizenPromise.objects.get(pk=cast.draft.pk)
    assert [(s.name, s.organisation) for s in draft.signatories.all()] == [
        ("Anna Andersson", cast.police_org),
        ("Bo Berg", cast.municipality_org),
    ]
    assert not [gap for gap in publication_gaps(draft) if "signator" in gap.lower()]


def test_changing_the_text_keeps_each_signatorys_party(cast: Cast) -> None:
    sign_for_both(cast.draft)
    before = [(s.name, s.organisation_id) for s in cast.draft.signatories.all()]
    assert all(party for _, party in before)
    _edit(client_for(cast.coordinator), cast.draft, introduction="En ny inledning.")
    draft = CitizenPromise.objects.get(pk=cast.draft.pk)
    assert draft.introduction == "En ny inledning."
    assert [(s.name, s.organisation_id) for s in draft.signatories.all()] == before
    assert not [gap for gap in publication_gaps(draft) if "signator" in gap.lower()]


def test_the_party_offered_is_one_of_the_promises_own(cast: Cast) -> None:
    page = (
        client_for(cast.coordinator)
        .get(reverse("promises:promise_edit", args=[cast.draft.pk]))
        .content.decode()
    )
    assert "Signs for" in page
    assert cast.police_org.name in page and cast.municipality_org.name in page
    assert cast.lund_org.name not in page


def test_an_agreements_signatories_keep_their_party_when_it_is_edited(cast: Cast) -> None:
    agreement = Agreement.objects.create(
        municipality=cast.eslov,
        police_area=cast.area,
        title="Överenskommelse",
        start_year=2019,
        end_year=2022,
    )
    agreement.signatories.create(name="Kim", title="Ordförande", organisation=cast.municipality_org)
    agreement.signatories.create(name="Pat", title="Polischef", organisation=cast.police_org)
    client = client_for(cast.coordinator)
    url = reverse("promises:agreement_edit", args=[agreement.pk])
    fields = _form_fields(client.get(url).content.decode())
    response = client.post(url, {**fields, "summary": "Ny sammanfattning."})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [(s.name, s.organisation) for s in agreement.signatories.all()] == [
        ("Kim", cast.municipality_org),
        ("Pat", cast.police_org),
    ]
