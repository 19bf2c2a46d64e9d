"""A situation picture as a printed document: problems ranked, each source's figure, the
change, the months and which promise answers it."""

from typing import Any

from django.utils.translation import gettext as _

from documents.formatting import no_data, number
from documents.model import Block, Cell, Document, Paragraph, Spark, Table
from places.printing import municipality_header
from situation.labels import change_text, public_figure_text
from situation.selectors import Picture
from situation.vocabularies import Source


def picture_document(
    picture: Picture,
    *,
    answered: dict[str, list[Any]],
    public: bool,
    period_label: str,
    before_label: str,
    note: str = "",
) -> Document:
    """A situation picture: problems ranked, each source's figure, the change, the months
    and which promise answers it. For the public, counts under three are not shown; `note`
    says when a public picture was published."""
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
            _figure_cell(picture.figure(row, s), s, public) for s in Source.values
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
        *([Paragraph(note, small=True)] if note else []),
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
        **municipality_header(
            picture.municipality,
            title,
            _("Situation picture"),
            f"lagesbild-{picture.municipality.slug}-{picture.year}",
        ),
    )


def _figure_cell(value: float | None, source: str, public: bool) -> str:
    # A source with records that has none of this problem counts a real 0; only a source
    # without any record in the period has no data.
    if value is None:
        return no_data()
    return public_figure_text(value, source) if public else number(value)
