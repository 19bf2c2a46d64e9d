"""What each printed document says: the promise as signed, a follow-up, an evaluation and a
situation picture, built as plain `Document`s from the same selectors as their pages.
Builders run in the language the document is printed in."""

from datetime import date
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _

from documents.model import Bar, Block, Bullets, Cell, Document, Heading, Paragraph, Spark, Table
from followup.models import Evaluation, FollowUp
from lib.pace import Pace
from places.models import Logo, Municipality
from promises.models import CitizenPromise
from promises.selectors import promise_progress
from promises.templatetags.promise_tags import evidence_labels, outcome_label, pace_label
from situation.selectors import Picture
from situation.templatetags.situation_tags import change_text, public_figure_text
from situation.vocabularies import Problem, Source


def number(value: float | int | None) -> str:
    """A figure the Swedish way (12 345, 24,5), or a dash when there is none."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return formats.number_format(value, decimal_pos=1, use_l10n=True, force_grouping=True)
    return formats.number_format(int(value), use_l10n=True, force_grouping=True)


def day(value: date) -> str:
    return formats.date_format(value, "j F Y")


def _base(
    municipality: Municipality, title: str, running_head: str, stem: str, **more: Any
) -> dict[str, Any]:
    logo = Logo.objects.filter(municipality=municipality).first()
    return {
        "title": title,
        "organisation": municipality.name,
        "running_head": running_head,
        "language": translation.get_language() or "sv",
        "printed": _("Printed %(day)s") % {"day": day(date.today())},
        "logo": bytes(logo.data) if logo else b"",
        "logo_type": logo.content_type if logo else "",
        "file_stem": stem,
        **more,
    }


def _done_cell(done: int, target: int | None, unit: str = "") -> Cell:
    if not target:
        return number(done)
    label = _("%(done)s of %(target)s") % {"done": number(done), "target": number(target)}
    return Bar(done, target, f"{label} {unit}".strip())


def _outcomes(outcomes: dict[str, Any], index: int | None = None) -> str:
    """Outcome figures as lines of text; `index` picks one of [period, year] pairs."""
    lines = []
    for name, values in outcomes.items():
        value = values[index] if index is not None else values
        lines.append(f"{str(outcome_label(name)).capitalize()}: {number(value)}")
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
        rows.append(
            (
                f"{activity.get_kind_display()}: {activity.description}",
                _done_cell(activity.done_count, activity.target, activity.unit),
                str(pace_label(item.progress.pace)),
                ", ".join(org.name for org in activity.responsible.all()) or "–",
            )
        )
    blocks += [
        Heading(_("Activities")),
        Table(
            _("Carried out up to %(day)s") % {"day": day(today)},
            (_("Activity"), _("Done / target"), _("Pace"), _("Carried out by")),
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
        subtitle=f"{promise.police_area.name} · {promise.get_status_display()}",
        **_base(
            promise.municipality,
            promise.title,
            _("Citizen promise %(year)s") % {"year": promise.year},
            f"medborgarlofte-{promise.municipality.slug}-{promise.year}",
        ),
    )


def follow_up_document(follow_up: FollowUp) -> Document:
    """A follow-up with its figures, comments, commitment statuses and assessment."""
    promise = follow_up.promise
    period = _("%(start)s – %(end)s") % {
        "start": day(follow_up.period_start),
        "end": day(follow_up.period_end),
    }
    lines = list(follow_up.activities.all())
    rows = tuple(
        (
            f"{line.activity.get_kind_display()}: {line.activity.description}",
            number(line.done_in_period),
            _done_cell(line.done_to_date, line.target),
            str(pace_label(Pace(line.pace))),
            _outcomes(line.outcomes, index=0),
        )
        for line in lines
    )
    blocks: list[Block] = [
        Heading(_("Activities")),
        Table(
            _("Carried out from %(start)s to %(end)s, and in the year up to then")
            % {"start": day(follow_up.period_start), "end": day(follow_up.period_end)},
            (_("Activity"), _("In the period"), _("Year to date"), _("Pace"), _("Results")),
            rows,
            numeric=(1,),
        ),
    ]
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
        **_base(
            promise.municipality,
            title,
            _("Follow-up %(number)s") % {"number": follow_up.number},
            f"uppfoljning-{promise.municipality.slug}-{promise.year}-{follow_up.number}",
        ),
    )


def _effect_figure(value: float, source: str, public: bool) -> str:
    return public_figure_text(value, source) if public else number(value)


def evaluation_document(evaluation: Evaluation, *, public: bool) -> Document:
    """An evaluation: result, what was done, each commitment's effect and assessment."""
    promise = evaluation.promise
    compared = evaluation.compared
    rows = []
    for line in evaluation.activities.all():
        reach = "–"
        if line.reach_percent is not None:
            reach = _("%(reached)s of %(size)s (%(percent)s %%)") % {
                "reached": number(line.reached),
                "size": number(line.audience_size),
                "percent": line.reach_percent,
            }
        elif line.reached:
            reach = number(line.reached)
        rows.append(
            (
                f"{line.activity.get_kind_display()}: {line.activity.description}",
                _done_cell(line.done, line.target),
                str(pace_label(Pace(line.pace))),
                reach,
                _outcomes(line.outcomes),
            )
        )
    blocks: list[Block] = [
        Heading(_("Result in brief")),
        Paragraph(evaluation.summary or _("Not written yet.")),
        Heading(_("What was done")),
        Table(
            _("Carried out from %(first)s to %(last)s")
            % {"first": day(compared["after_first"]), "last": day(compared["after_last"])},
            (_("Activity"), _("Done"), _("Pace"), _("Reach"), _("Results")),
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
        **_base(
            promise.municipality,
            _("Evaluation of %(title)s") % {"title": promise.title},
            _("Evaluation %(year)s") % {"year": promise.year},
            f"utvardering-{promise.municipality.slug}-{promise.year}",
        ),
    )


def picture_document(
    picture: Picture,
    *,
    answered: dict[str, list[Any]],
    public: bool,
    period_label: str,
    before_label: str,
) -> Document:
    """A situation picture: problems ranked, each source's figure, the change, the months
    and which promise answers it. For the public, counts under three are not shown."""
    header = (
        _("Problem"),
        *(str(label) for value, label in Source.choices),
        _("Change"),
        _("Month by month"),
        _("Answered by"),
    )
    rows: list[tuple[Cell, ...]] = []
    for row in picture.rows:
        figures: list[Cell] = [
            (public_figure_text(v, s) if public else number(v))
            if (v := row.figures.get(s, 0))
            else "–"
            for s in Source.values
        ]
        answers = ", ".join(
            _("promise %(year)s") % {"year": year}
            for year, _promise in answered.get(row.problem, [])
        )
        spark_label = _("%(label)s per month: %(values)s") % {
            "label": row.label,
            "values": ", ".join(str(v) for v in row.monthly),
        }
        rows.append(
            (
                row.label,
                *figures,
                change_text(row.change),
                Spark(tuple(row.monthly), spark_label),
                answers or _("no promise"),
            )
        )
    blocks: list[Block] = [
        Paragraph(
            _(
                "Problems ranked by how many independent sources see them, how strongly, and "
                "how they changed since %(before)s."
            )
            % {"before": before_label}
        ),
        Table("", header, tuple(rows), numeric=tuple(range(1, len(Source.values) + 2))),
    ]
    if public:
        blocks.append(Paragraph(_("Counts under three are not shown."), small=True))
    title = _("Situation picture %(name)s %(period)s") % {
        "name": picture.municipality.name,
        "period": period_label,
    }
    return Document(
        blocks=tuple(blocks),
        landscape=True,
        **_base(
            picture.municipality,
            title,
            _("Situation picture"),
            f"lagesbild-{picture.municipality.slug}-{picture.year}",
        ),
    )
