"""Nothing a person types is lost: every form on every page, sent through each of its
buttons with text typed in each of its text fields, either saves that text or shows the form
again with all of it.

The pages are those of the permission matrix, filled in with its objects and opened by the
first of the cast who may open them; the forms and buttons are read from the pages
themselves, so a form added later is checked too.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse, reverse_lazy

from accounts.tests.test_permission_matrix import MATRIX, OK, _world
from conftest import Cast, client_for

# Who opens a page: the first of these the matrix lets open it.
OPENERS = ("coordinator", "reporter", "admin")
# Forms of the page frame, not of the page: they carry nothing typed.
FRAME_ACTIONS = (reverse_lazy("accounts:logout"), reverse_lazy("set_language"))
# Values for inputs that must hold a value of their kind to be sent at all.
TYPED = {
    "date": "2017-05-10",
    "datetime-local": "2017-06-01T18:00",
    "time": "18:00",
    "number": "2",
    "email": "skrivet@example.org",
    "url": "https://example.org/skrivet",
    "tel": "040-123456",
}
NOT_TYPED = {"hidden", "checkbox", "radio", "submit", "button", "file", "password", "reset"}


@dataclass
class Form:
    method: str
    action: str
    inputs: list[dict[str, str]] = field(default_factory=list)
    selects: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    textareas: dict[str, str] = field(default_factory=dict)
    buttons: list[dict[str, str]] = field(default_factory=list)


class Forms(HTMLParser):
    """The forms of a page with their fields and submit buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
        elif not self.forms:
            return
        elif tag == "input":
            if a.get("type") in ("submit", "image"):
                self.forms[-1].buttons.append(a)
            else:
                self.forms[-1].inputs.append(a)
        elif tag == "button" and a.get("type", "submit") == "submit":
            self.forms[-1].buttons.append(a)
        elif tag == "select":
            self._select = a.get("name")
            self.forms[-1].selects[a.get("name", "")] = []
        elif tag == "option" and self._select is not None:
            self.forms[-1].selects[self._select].append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea = a.get("name", "")
            self.forms[-1].textareas[self._textarea] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.forms[-1].textareas[self._textarea] += data


def _fill(form: Form, press: int) -> tuple[dict[str, Any], list[str]]:
    """The form's data with a distinct marker typed in every text field, and the markers."""
    data: dict[str, Any] = {}
    markers: list[str] = []
    for a in form.inputs:
        name, kind = a.get("name"), a.get("type", "text")
        # A password or a one-time code is typed anew, never shown back.
        if not name or kind in ("file", "password") or a.get("autocomplete") == "one-time-code":
            continue
        if kind in ("checkbox", "radio"):
            if "checked" in a:
                data.setdefault(name, []).append(a.get("value", "on"))
        elif kind == "hidden":
            data[name] = a.get("value", "")
        elif kind in TYPED:
            data[name] = a.get("value") or TYPED[kind]
        else:
            data[name], markers = (
                _marker(press, name, markers),
                [*markers, _marker(press, name, markers)],
            )
    for name, options in form.selects.items():
        chosen = [v for v, selected in options if selected] or [v for v, _ in options if v]
        data[name] = chosen[0] if chosen else ""
    for name in form.textareas:
        data[name], markers = (
            _marker(press, name, markers),
            [*markers, _marker(press, name, markers)],
        )
    return data, markers


def _marker(press: int, name: str, before: list[str]) -> str:
    """Text no page shows by itself: the press, the field's place and a bit of its name."""
    return f"skrivet{press}n{len(before)}x{name.replace('-', '').replace('_', '')}"[:36]


def _stored(marker: str) -> bool:
    """Whether any text of any table holds the marker."""
    for model in apps.get_models():
        texts = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]
        for name in texts:
            if model._default_manager.filter(**{f"{name}__icontains": marker}).exists():
                return True
    return False


PAGES = sorted(
    name for name, row in MATRIX.items() if any(row.get.get(who) == OK for who in OPENERS)
)


def _opener(name: str) -> str:
    return next(who for who in OPENERS if MATRIX[name].get.get(who) == OK)


def _page_forms(client: Any, url: str) -> list[Form]:
    parser = Forms()
    page = client.get(url)
    if not page.get("Content-Type", "").startswith("text/html"):
        return []
    parser.feed(page.content.decode())
    return [f for f in parser.forms if f.action not in {str(a) for a in FRAME_ACTIONS}]


@pytest.mark.parametrize("name", PAGES)
def test_every_button_of_every_form_keeps_what_was_typed(cast: Cast, name: str) -> None:
    world = _world(cast)
    url = reverse(name, kwargs=MATRIX[name].kwargs(world))
    client = client_for(getattr(cast, _opener(name)))
    press = 0
    for index, form in enumerate(_page_forms(client, url)):
        for button in form.buttons or [{}]:
            # Each button is pressed on a fresh page, as a person would after the last one.
            fresh = _page_forms(client, url)
            if index >= len(fresh):
                break
            press += 1
            data, markers = _fill(fresh[index], press)
            if not markers:
                continue
            if button.get("name"):
                data[button["name"]] = button.get("value", "")
            target = button.get("formaction") or form.action or url
            send = client.get if form.method == "get" else client.post
            response = send(target, data)
            text = response.content.decode() if response.status_code == 200 else ""
            lost = [m for m in markers if m not in text and not _stored(m)]
            label = button.get("value") or button.get("formaction") or "submit"
            assert response.status_code in (200, 302), f"{url} {label}"
            assert not lost, f"{url}: the button {label} lost {lost}"


def _is_editing(form: Form) -> bool:
    return (
        form.method == "post"
        and bool(_fill(form, 0)[1])
        and any("primary" in b.get("class", "") for b in form.buttons)
    )


@pytest.mark.parametrize("name", PAGES)
def test_no_button_beside_a_form_drops_what_was_typed_in_it(cast: Cast, name: str) -> None:
    """A button in a form of its own next to a form being edited would send none of the
    typed text; the page's actions are buttons of the edited form (removals aside)."""
    world = _world(cast)
    url = reverse(name, kwargs=MATRIX[name].kwargs(world))
    forms = _page_forms(client_for(getattr(cast, _opener(name))), url)
    if not any(_is_editing(form) for form in forms):
        return
    beside = [
        b.get("formaction") or form.action
        for form in forms
        if not _is_editing(form) and form.method == "post"
        for b in form.buttons
        if "danger" not in b.get("class", "")
    ]
    assert beside == [], f"{url}: these buttons drop what was typed in the form"
