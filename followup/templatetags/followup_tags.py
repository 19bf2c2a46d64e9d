"""Template helpers of the follow-up pages."""

from typing import Any

from django import template
from django.utils import timezone

from followup.labels import logged_since_text, pace_heading, period_name, span_name
from followup.models import Evaluation
from followup.selectors import (
    LoggedSince,
    evaluation_lines,
    evaluation_pace_shown,
    follow_up_lines,
    follow_up_pace_shown,
    period_rows,
    public_evaluation_or_revision,
    public_follow_ups_of,
    waiting_follow_ups,
)
from followup.vocabularies import FOLLOWED_PROMISE_STATUSES
from promises.vocabularies import PromiseStatus

register = template.Library()


@register.simple_tag
def form_field(form: Any, prefix: str, pk: int) -> Any:
    """The bound field `<prefix>_<pk>` of a form, or None when there is no form to fill."""
    if form is None:
        return None
    name = f"{prefix}_{pk}"
    return form[name] if name in form.fields else None


@register.inclusion_tag("followup/_periods.html")
def follow_ups_of(
    promise: Any, can_start: bool = False, public: bool = False, published: Any = None
) -> dict[str, Any]:
    """The follow-up section of a promise page: on staff pages every period of the year with
    its follow-up (and a button to start one that is due); on public pages the published
    (given when the page has read them already)."""
    today = timezone.localdate()
    if public:
        if published is None:
            published = public_follow_ups_of(promise)
        return {"promise": promise, "public": True, "published": published}
    return {
        "promise": promise,
        "public": False,
        "rows": period_rows(promise, today),
        "can_start": can_start and promise.status in FOLLOWED_PROMISE_STATUSES,
    }


@register.inclusion_tag("followup/_waiting.html")
def follow_ups_waiting(user: Any) -> dict[str, Any]:
    """The dashboard's list of follow-ups still to be written, approved or co-signed."""
    return {"waiting": waiting_follow_ups(user), "today": timezone.localdate()}


@register.inclusion_tag("followup/_evaluation_section.html")
def evaluation_of(promise: Any, can_start: bool = False, public: bool = False) -> dict[str, Any]:
    """The evaluation section of a promise page: on staff pages a link to it (or a button to
    start it); on public pages its result in brief, once published."""
    revising = None
    if public:
        found, revising = public_evaluation_or_revision(promise)
    else:
        found = Evaluation.objects.filter(promise=promise).first()
    return {
        "promise": promise,
        "public": public,
        "evaluation": found,
        "revising": revising,
        "can_start": can_start and promise.status == PromiseStatus.PUBLISHED,
    }


@register.simple_tag
def activity_lines(follow_up: Any) -> list[tuple[Any, LoggedSince | None]]:
    """A follow-up's activity lines, each with what was logged after its figures were frozen."""
    return follow_up_lines(follow_up)


@register.filter
def logged_since(late: LoggedSince) -> str:
    """What was logged for the period after publication, and the figure today."""
    return logged_since_text(late)


@register.filter(name="period_name")
def period_name_filter(period: Any) -> str:
    """A period, or a follow-up's period, by its name in the year: "Quarter 1 2017"."""
    if hasattr(period, "period_start"):
        return span_name(period.period_start, period.period_end)
    return period_name(period)


@register.simple_tag
def follow_up_pace_heading(follow_up: Any) -> str:
    """ "Pace" while the promise runs; once ended, the pace at the period's end, or "Result"
    for the year's last period."""
    return pace_heading(follow_up_pace_shown(follow_up, timezone.localdate()))


@register.simple_tag
def evaluation_pace_heading(evaluation: Any) -> str:
    """ "Result" once the promise has ended, "Pace" while its year runs."""
    return pace_heading(evaluation_pace_shown(evaluation, timezone.localdate()))


@register.simple_tag
def evaluation_activity_lines(evaluation: Any) -> list[tuple[Any, str]]:
    """The evaluation's activity lines, each with the pace or result its column tells."""
    return evaluation_lines(evaluation, timezone.localdate())
