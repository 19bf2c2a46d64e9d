"""The promise as a printed document: as signed, with each activity's progress."""

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from documents.formatting import day, done_cell, no_data, number
from documents.model import Block, Bullets, Document, Heading, Paragraph, Table
from places.printing import municipality_header
from promises.labels import (
    done_label,
    evidence_labels,
    outcome_label,
    pace_heading,
    pace_label,
    promise_status_label,
    rate_label,
    target_label,
)
from promises.models import CitizenPromise
from promises.selectors import progress_as_of, promise_progress


def outcome_lines(outcomes: dict[str, Any], index: int | None = None) -> str:
    """Outcome figures as lines of text; `index` picks one of [period, year] pairs. A period
    figure that no report of the period gave is None and reads as no data, not 0."""
    lines = []
    for name, values in outcomes.items():
        value = values[index] if index is not None else values
        text = no_data() if value is None else number(value)
        lines.append(f"{str(outcome_label(name)).capitalize()}: {text}")
    return "\n".join(lines) or "–"


def promise_document(promise: CitizenPromise, today: date) -> Document:
    """The promise as signed, with each activity's progress as of `today`."""
    blocks: list[Block] = []
    if promise.introduction:
        blocks.append(Paragraph(promise.introduction))
    if promise.situation:
        blocks += [Heading(_("Situation")), Paragraph(promise.situation)]
        sources = evidence_labels(promise.evidence_sources)
        if sources:
            blocks.append(
                Paragraph(f"{_('Based on')}: {', '.join(str(s) for s in sources)}", small=True)
            )
    commitments = [c.text for c in promise.commitments.all()]
    if commitments:
        blocks += [Heading(_("Our commitments")), Bullets(tuple(commitments))]
    rows = []
    for item in promise_progress(promise, today):
        activity = item.activity
        # The rate, or "at least" a target, as the page's title says them; a plain target
        # is said by the done column.
        promised = rate_label(activity) or (target_label(activity) if activity.minimum else "")
        rows.append(
            (
                f"{activity.get_kind_display()}: {activity.description}"
                + (f" ({promised})" if promised else ""),
                # Without a target, what has been done, and no pace to measure it by.
                done_cell(activity.done_count, activity.target, activity.unit)
                if activity.target
                else done_label(activity),
                str(pace_label(item.progress.pace)) if activity.target else "–",
                ", ".join(org.name for org in activity.responsible.all()) or "–",
            )
        )
    blocks += [
        Heading(_("Activities")),
        Table(
            _("Carried out up to %(day)s") % {"day": day(progress_as_of(promise, today))},
            (
                _("Activity"),
                _("Done / target"),
                str(pace_heading(promise, today)),
                _("Carried out by"),
            ),
            tuple(rows),
        ),
    ]
    if promise.effect:
        blocks += [Heading(_("Intended effect")), Paragraph(promise.effect)]
    follow = [
        _("The promise is followed up: %(cadence)s.")
        % {"cadence": promise.get_follow_up_display().lower()}
    ]
    if promise.evaluation_plan:
        follow.append(promise.evaluation_plan)
    if promise.evaluation_due:
        follow.append(f"{_('Evaluation due')}: {day(promise.evaluation_due)}")
    blocks += [Heading(_("Follow-up and evaluation")), *(Paragraph(t) for t in follow)]
    signatories = [
        (s.name, s.title, s.organisation.name if s.organisation else "–")
        for s in promise.signatories.all()
    ]
    if signatories:
        blocks.append(Heading(_("Signed")))
        if promise.signed_on:
            blocks.append(Paragraph(_("Signed on %(day)s.") % {"day": day(promise.signed_on)}))
        blocks.append(Table("", (_("Name"), _("Title"), _("Organisation")), tuple(signatories)))
    return Document(
        blocks=tuple(blocks),
        subtitle=f"{promise.police_area.name} · {promise_status_label(promise, today)}",
        **municipality_header(
            promise.municipality,
            promise.title,
            _("Citizen promise %(year)s") % {"year": promise.year},
            f"medborgarlofte-{promise.municipality.slug}-{promise.year}",
        ),
    )
