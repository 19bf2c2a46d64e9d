"""The project's form renderer: Django's own templates, with two changes every form gets."""

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest

SELECT = "django/forms/widgets/select.html"


class FormRenderer(DjangoTemplates):
    """Renders widgets as Django does, except that

    - a required single-choice list with exactly one choice shows it chosen, not an empty
      "---------" the user must open to pick the only answer;
    - no box carries a `maxlength`: a browser silently cuts pasted text at the limit, where
      the server names the limit in a message and keeps everything that was typed.
    """

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict):
            widget.get("attrs", {}).pop("maxlength", None)
            if template_name == SELECT and widget.get("required"):
                _choose_the_only_choice(widget)
        return super().render(template_name, context, request)


def _choose_the_only_choice(widget: dict[str, Any]) -> None:
    if widget["attrs"].get("multiple"):
        return
    options = [
        option for _group, group_options, _index in widget["optgroups"] for option in group_options
    ]
    real = [option for option in options if str(option["value"]) != ""]
    if len(real) != 1:
        return
    widget["optgroups"] = [
        (name, [o for o in group_options if str(o["value"]) != ""], index)
        for name, group_options, index in widget["optgroups"]
        if any(str(o["value"]) != "" for o in group_options)
    ]
    real[0]["selected"] = True
    real[0]["attrs"] = {**real[0]["attrs"], "selected": True}
