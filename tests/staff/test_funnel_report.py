"""The funnel report from anonymous counts: totals, the CSV, and the SVG charts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree

from sqlalchemy import inspect

from bot.staff.charts import horizontal_bars, weekly_bars
from bot.staff.funnel import build_report, funnel_csv
from bot.storage.models import FunnelEvent
from bot.storage.funnel import FunnelCount

W1, W2 = dt.date(2026, 11, 23), dt.date(2026, 11, 30)
NPC = "NCT06839066"
COUNTS = [
    FunnelCount(W1, NPC, "started", "", 5),
    FunnelCount(W1, NPC, "finished", "likely_ineligible", 2),
    FunnelCount(W1, NPC, "finished", "likely_eligible", 1),
    FunnelCount(W1, NPC, "excluded_by", "NPC-I02", 2),
    FunnelCount(W1, NPC, "handed_off", "", 1),
    FunnelCount(W2, NPC, "started", "", 2),
    FunnelCount(W2, NPC, "excluded_by", "NPC-I02", 1),
    FunnelCount(W2, NPC, "excluded_by", "NPC-E05", 1),
    FunnelCount(W2, NPC, "first_contact", "3", 1),
    FunnelCount(W2, NPC, "first_contact", "1", 2),
    FunnelCount(W2, NPC, "state", "contacted", 3),
]


def test_the_report_adds_up_per_week_and_in_total():
    report = build_report(COUNTS)
    week1, week2 = report.by_trial[NPC]["2026-11-23"], report.by_trial[NPC]["2026-11-30"]
    assert (week1.started, week1.finished, week1.handed_off) == (5, 3, 1)
    assert week1.verdicts == {"likely_ineligible": 2, "likely_eligible": 1}
    assert week2.median_days_to_first_contact == 1
    total = report.totals(NPC)
    assert (total.started, total.finished) == (7, 3)
    assert total.excluded_by == {"NPC-I02": 3, "NPC-E05": 1}
    assert total.states == {"contacted": 3}


def test_the_csv_has_one_line_per_count():
    lines = funnel_csv(build_report(COUNTS)).splitlines()
    assert lines[0] == "week_starting,trial,event,detail,count"
    assert lines[1] == "2026-11-23,NCT06839066,started,,5"
    assert "2026-11-30,NCT06839066,first_contact,1,2" in lines
    assert len(lines) == 1 + len(COUNTS)


def test_charts_are_valid_svg_with_a_title_and_escaped_labels():
    svg = horizontal_bars("c1", "People each criterion excluded", [("NPC-I02", 3), ("<b>x</b>", 1)])
    root = ElementTree.fromstring(str(svg))
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.find(f"{namespace}title").text == "People each criterion excluded"
    bars = {r.get("data-label"): int(r.get("data-value")) for r in root.iter(f"{namespace}rect")}
    assert bars == {"NPC-I02": 3, "<b>x</b>": 1}
    assert "<b>" not in str(svg)
    weekly = ElementTree.fromstring(str(weekly_bars("c2", "Per week", ["2026-11-23"], {"Started": [5]})))
    assert [r.get("data-value") for r in weekly.iter(f"{namespace}rect") if r.get("data-series")] == ["5"]


def test_funnel_events_hold_nothing_that_could_identify_a_person():
    columns = {column.name for column in inspect(FunnelEvent).columns}
    assert columns == {"id", "week_start", "trial_id", "event", "detail"}
