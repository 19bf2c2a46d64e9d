"""The CSV tables lay the API's outputs flat: their columns are fields the API describes, and
their figures are the API's."""

import csv
import io
from typing import Any

import pytest

from api import schemas
from api.tables import TABLES, PromiseRow
from api.v1 import api
from conftest import client_for

from .conftest import OpenData

COMPONENTS = api.get_openapi_schema(path_prefix="/api/v1")["components"]["schemas"]
# What a table adds to its output: a promise's municipality code, which the API leaves out.
BEYOND_THE_API = PromiseRow.__required_keys__ - schemas.PromiseOut.__required_keys__


def _described(schema: dict[str, Any], names: list[str]) -> bool:
    """Whether the path of field names leads somewhere in the description: through lists to
    their items, and through a dict to its entries' `key` and `value`."""
    for name in names:
        while "$ref" in schema or schema.get("type") == "array":
            schema = COMPONENTS[schema["$ref"].split("/")[-1]] if "$ref" in schema else schema
            schema = schema.get("items", schema)
        if "additionalProperties" in schema and name in ("key", "value"):
            schema = schema["additionalProperties"] if name == "value" else {"type": "string"}
        elif name in schema.get("properties", {}):
            schema = schema["properties"][name]
        else:
            return False
    return True


@pytest.mark.parametrize("name", list(TABLES))
def test_every_column_is_a_field_the_api_describes(name: str) -> None:
    table = TABLES[name]
    output = COMPONENTS[table.output.__name__]
    for column, path in table.columns.items():
        if path not in BEYOND_THE_API:
            assert _described(output, path.split(".")), (name, column, path)
    if table.each:
        assert _described(output, table.each.split("."))


def test_the_column_names_stay_as_published() -> None:
    assert {name: table.header for name, table in TABLES.items()} == {
        "loften": [
            "promise_id",
            "municipality_code",
            "municipality",
            "police_area",
            "year",
            "title",
            "status",
            "signed_on",
            "published_at",
            "commitments",
            "activities",
            "phase",
            "withdrawn_by",
        ],
        "aktiviteter": [
            "promise_id",
            "municipality",
            "year",
            "activity_id",
            "kind",
            "description",
            "target",
            "unit",
            "done",
            "pace",
            "last_done_on",
            "reached",
            "audience_size",
            "measures_reach",
            "rate_count",
            "rate_per",
            "minimum",
        ],
        "uppfoljningar": [
            "follow_up_id",
            "municipality",
            "year",
            "period",
            "period_start",
            "period_end",
            "activity_id",
            "kind",
            "done_in_period",
            "done_to_date",
            "target",
            "pace",
            "comment",
        ],
        "utvarderingar": [
            "evaluation_id",
            "municipality",
            "year",
            "activity_id",
            "kind",
            "done",
            "target",
            "pace",
            "reached",
            "audience_size",
            "measures_reach",
        ],
        "lagesbilder": [
            "municipality",
            "year",
            "rank",
            "problem",
            "source",
            "figure",
            "withheld",
            "no_data",
        ],
    }


def _rows(url: str) -> list[dict[str, str]]:
    text = client_for().get(url).content.decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_promise_table_says_the_phase_as_the_page_does(open_data: OpenData) -> None:
    promise = client_for().get("/api/v1/promises").json()["results"][0]
    (row,) = _rows("/oppna-data/loften.csv")
    assert (row["status"], row["phase"]) == (promise["status"], promise["phase"])
    assert row["phase"] in {"running", "ended", "planned"}
    assert row["withdrawn_by"] == ""


def test_the_activity_table_has_the_api_figures(open_data: OpenData) -> None:
    open_data.cast.walks.audience_size = 0
    open_data.cast.walks.save()
    promise = client_for().get("/api/v1/promises").json()["results"][0]
    rows = _rows("/oppna-data/aktiviteter.csv")
    assert [row["activity_id"] for row in rows] == [str(a["id"]) for a in promise["activities"]]
    for row, activity in zip(rows, promise["activities"], strict=True):
        for column in ("kind", "done", "pace"):
            assert row[column] == str(activity[column])
        # None is written empty, and so is an audience of none.
        for column in ("target", "reached"):
            assert row[column] == ("" if activity[column] is None else str(activity[column]))
        assert row["audience_size"] == str(activity["audience_size"] or "")
        assert row["measures_reach"] == ("yes" if activity["measures_reach"] else "no")
    walks = next(row for row in rows if row["activity_id"] == str(open_data.cast.walks.pk))
    assert walks["audience_size"] == ""
