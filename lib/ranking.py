"""Ranking local problems by how independent sources agree on them, and how they change.

For each source (complaints, citizen dialogues, police events …) a problem's **strength** in
that source is its figure divided by the largest figure of any problem in the same source,
so every source weighs at most 1 whatever its volume. A source **sees** a problem when that
strength is at least SEEN_SHARE. Then:

    score = breadth + strength + change
    breadth  = (number of sources that see the problem) - 1
    strength = sum of the problem's strengths over all sources            (0 … number of sources)
    change   = CHANGE_WEIGHT * clamp((now - before) / max(before, 1), -1, 1)

Breadth dominates on purpose: a problem that complaints, dialogues and police events all
see ranks above one that a single source sees, however loudly (triangulation). Strength
orders problems seen by as many sources; change (against the previous period of the same
length, on counted records) breaks near-ties and lifts what is growing.
"""

from collections.abc import Mapping
from dataclasses import dataclass

SEEN_SHARE = 0.05
CHANGE_WEIGHT = 0.5


@dataclass(frozen=True)
class Ranked:
    key: str
    strengths: dict[str, float]
    seen_by: list[str]
    change: float | None
    score: float


def relative_change(now: float, before: float) -> float | None:
    """(now - before) / before, or None when there is nothing before to compare with."""
    if before <= 0:
        return None
    return (now - before) / before


def rank(
    figures: Mapping[str, Mapping[str, float]],
    now: Mapping[str, float],
    before: Mapping[str, float],
) -> list[Ranked]:
    """Rank problems given figures[problem][source] and counted records now and before.

    Ties keep the order in which `figures` lists the problems.
    """
    largest: dict[str, float] = {}
    for by_source in figures.values():
        for source, value in by_source.items():
            largest[source] = max(largest.get(source, 0.0), value)
    ranked = []
    for key, by_source in figures.items():
        strengths = {
            source: value / largest[source]
            for source, value in by_source.items()
            if value > 0 and largest[source] > 0
        }
        seen_by = [s for s, strength in strengths.items() if strength >= SEEN_SHARE]
        if not seen_by:
            continue
        growth = (now.get(key, 0) - before.get(key, 0)) / max(before.get(key, 0), 1)
        change = relative_change(now.get(key, 0), before.get(key, 0))
        score = (
            (len(seen_by) - 1)
            + sum(strengths.values())
            + CHANGE_WEIGHT * max(-1.0, min(1.0, growth))
        )
        ranked.append(Ranked(key, strengths, seen_by, change, round(score, 3)))
    order = list(figures)
    return sorted(ranked, key=lambda r: (-r.score, order.index(r.key)))
