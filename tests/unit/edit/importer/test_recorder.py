"""The recorder the reading stages write to."""

from __future__ import annotations

from uppdrag.edit.importer.recorder import Imported, ReportField


def test_a_value_is_reported_with_its_source_and_places_its_paragraph() -> None:
    record = Imported({})
    record.set(("roller", 0, "personer", 1), {"namn": "Karin Holm"}, "stycke 7")
    record.place("stycke 8")
    record.check(("möten",), "'varannan månad' (stycke 9) läst som minst 6 möten per år")
    assert record.fields[0].path == "roller[0].personer[1]"
    assert record.fields[0].where == "stycke 7"
    assert record.fields[0].key == ("roller", 0, "personer", 1)
    assert isinstance(record.fields[0], ReportField)
    assert record.placed == {"stycke 7", "stycke 8"}
    assert record.checks == {("möten",): ["'varannan månad' (stycke 9) läst som minst 6 möten per år"]}
