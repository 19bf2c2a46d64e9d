"""Loads the shipped reference data (regions, counties, municipalities) idempotently."""

import csv
from pathlib import Path
from typing import Any

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def municipality_names() -> list[str]:
    """The name of every municipality in data/municipalities.csv."""
    return [row["name"] for row in _rows("municipalities.csv")]


def load_reference_data(region_model: Any, county_model: Any, municipality_model: Any) -> None:
    """Create or update regions, counties and municipalities from the CSV files in data/."""
    regions = {}
    for row in _rows("regions.csv"):
        regions[row["slug"]], _ = region_model.objects.update_or_create(
            slug=row["slug"], defaults={"name": row["name"]}
        )
    counties = {}
    for row in _rows("counties.csv"):
        counties[row["code"]], _ = county_model.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "police_region": regions[row["police_region"]]},
        )
    for row in _rows("municipalities.csv"):
        municipality_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                # Håbo and Habo would share a slug, so the file may name one explicitly.
                "slug": row["slug"] or slugify(row["name"]),
                "county": counties[row["code"][:2]],
            },
        )


def load_municipality_centres(municipality_model: Any) -> None:
    """Set each municipality's centre and reach from data/municipalities.csv."""
    for row in _rows("municipalities.csv"):
        municipality_model.objects.filter(code=row["code"]).update(
            latitude=row["latitude"], longitude=row["longitude"], reach_km=int(row["reach_km"])
        )
