"""A follow-up and an evaluation as printed documents, from the figures frozen in them."""

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.formatting import day, done_cell, no_data, number
from documents.model import Block, Bullets, Document, Heading, Paragraph, Table
from followup.labels import logged_since_text, pace_heading
from followup.models import Evaluation, EvaluationActivity, FollowUp
from followup.selectors import (
    evaluation_lines,
    evaluation_pace_shown,
    follow_up_lines,
    follow_up_pace_shown,
)
from lib.pace import Pace
from places.printing import municipality_header
from promises.labels import pace_label
from promises.printing import outcome_lines
from situation.labels import public_figure_text
from situation.vocabularies import Problem, Source


def follow_up_document(follow_up: FollowUp) -> Document:
    """A follow-up with its figures, comments, commitment statuses and assessment."""
    promise = follow_up.promise
    period = _("%(start)s – %(end)s") % {
        "start": day(follow_up.period_start),
        "end": day(follow_up.period_end),
    }
    with_late = follow_up_lines(follow_up)
    lines = [line for line, _late in with_late]
    rows = tuple(
        (
            f"{line.activity.get_kind_display()}: {line.activity.description}",
            number(line.done_in_period),
            done_cell(line.done_to_date, line.target),
            str(pace_label(Pace(line.pace))),
            outcome_lines(line.outcomes, index=0),
        )
        for line in lines
    )
    # Reports logged for the period after publication: the figures stay as published, and
    # the document says what they are today.
    late = [
        f"{line.activity.get_kind_display()}: {logged_since_text(since)}"
        for line, since in with_late
        if since is not None
    ]
    blocks: list[Block] = [
        Heading(_("Activities")),
        Table(
            _("Carried out from %(start)s to %(end)s, and in the year up to then")
            % {"start": day(follow_up.period_start), "end": day(follow_up.period_end)},
            (
                _("Activity"),
                _("In the period"),
                _("Year to date"),
                pace_heading(follow_up_pace_shown(follow_up, timezone.localdate())),
                _("Outcomes"),
            ),
            rows,
            numeric=(1,),
        ),
    ]
    if late:
        blocks += [Heading(_("Logged after publication"), level=3), Bullets(tuple(late))]
    comments = [
        f"{line.activity.get_kind_display()}: {line.comment}" for line in lines if line.comment
    ]
    if comments:
        blocks += [Heading(_("Comments"), level=3), Bullets(tuple(comments))]
    judged = [
        (j.commitment.text, j.get_effective_status_display(), j.comment or "–")
        for j in follow_up.commitments.all()
    ]
    if judged:
        blocks += [
            Heading(_("Commitments")),
            Table("", (_("Commitment"), _("Status"), _("Comment")), tuple(judged)),
        ]
    blocks += [
        Heading(_("Overall assessment")),
        Paragraph(follow_up.assessment or _("Not written yet.")),
    ]
    signed = []
    if follow_up.approved_at:
        signed.append(
            _("Approved by %(who)s on %(moment)s.")
            % {"who": follow_up.approved_by, "moment": day(follow_up.approved_at.date())}
        )
    if follow_up.cosigned_at:
        signed.append(
            _("Co-signed by %(who)s on %(moment)s.")
            % {"who": follow_up.cosigned_by, "moment": day(follow_up.cosigned_at.date())}
        )
    if signed:
        blocks.append(Paragraph(" ".join(signed), small=True))
    title = _("Follow-up %(number)s of %(title)s") % {
        "number": follow_up.number,
        "title": promise.title,
    }
    return Document(
        blocks=tuple(blocks),
        subtitle=f"{period} · {follow_up.get_status_display()}",
        **municipality_header(
            promise.municipality,
            title,
            _("Follow-up %(number)s") % {"number": follow_up.number},
            f"uppfoljning-{promise.municipality.slug}-{promise.year}-{follow_up.number}",
        ),
    )


def _effect_figure(value: float | None, source: str, public: bool) -> str:
    if value is None:
        return no_data()
    return public_figure_text(value, source) if public else number(value)


def _reach_text(line: EvaluationActivity) -> str:
    """The people an activity reached: a dash for a kind that does not count them, no data
    where no report gave the figure (not 0), with the share of a known audience."""
    if not line.measures_reach:
        return "–"
    if line.reached is None:
        return no_data()
    if line.reach_percent is None:
        return number(line.reached)
    return _("%(reached)s of %(size)s (%(percent)s %%)") % {
        "reached": number(line.reached),
        "size": number(line.audience_size),
        "percent": line.reach_percent,
    }


def evaluation_document(evaluation: Evaluation, *, public: bool) -> Document:
    """An evaluation: result, what was done, each commitment's effect and assessment."""
    promise = evaluation.promise
    compared = evaluation.compared
    today = timezone.localdate()
    rows = []
    for line, pace in evaluation_lines(evaluation, today):
        rows.append(
            (
                f"{line.activity.get_kind_display()}: {line.activity.description}",
                done_cell(line.done, line.target),
                str(pace_label(Pace(pace))),
                _reach_text(line),
                outcome_lines(line.outcomes),
            )
        )
    blocks: list[Block] = [
        Heading(_("Result in brief")),
        Paragraph(evaluation.summary or _("Not written yet.")),
        Heading(_("What was done")),
        Table(
            _("Carried out from %(first)s to %(last)s")
            % {"first": day(compared["after_first"]), "last": day(compared["after_last"])},
            (
                _("Activity"),
                _("Done"),
                pace_heading(evaluation_pace_shown(evaluation, today)),
                _("Reach"),
                _("Outcomes"),
            ),
            tuple(rows),
        ),
    ]
    problems, sources = dict(Problem.choices), dict(Source.choices)
    caption = _(
        "The situation picture for the problems it answers: %(b1)s – %(b2)s compared with "
        "%(a1)s – %(a2)s (crime statistics and surveys: the two years)"
    ) % {
        "b1": day(compared["before_first"]),
        "b2": day(compared["before_last"]),
        "a1": day(compared["after_first"]),
        "a2": day(compared["after_last"]),
    }
    if evaluation.commitments.all():
        blocks.append(Heading(_("Commitments and their effect")))
    for judged in evaluation.commitments.all():
        blocks.append(Heading(judged.commitment.text, level=3))
        if judged.effects:
            effects = tuple(
                (
                    str(problems.get(e["problem"], e["problem"])),
                    str(sources.get(e["source"], e["source"])),
                    _effect_figure(e["before"], e["source"], public),
                    _effect_figure(e["after"], e["source"], public),
                )
                for e in judged.effects
            )
            blocks.append(
                Table(
                    caption,
                    (_("Problem"), _("Source"), _("Before"), _("During")),
                    effects,
                    numeric=(2, 3),
                )
            )
        if judged.partners_assessment:
            partners = _("The partners' assessment")
            blocks.append(Paragraph(f"{partners}: {judged.partners_assessment}"))
        if judged.next_year:
            blocks.append(Paragraph(f"{_('What carries into next year')}: {judged.next_year}"))
    return Document(
        blocks=tuple(blocks),
        subtitle=f"{promise.police_area.name} · {evaluation.get_status_display()}",
        **municipality_header(
            promise.municipality,
            _("Evaluation of %(title)s") % {"title": promise.title},
            _("Evaluation %(year)s") % {"year": promise.year},
            f"utvardering-{promise.municipality.slug}-{promise.year}",
        ),
    )
