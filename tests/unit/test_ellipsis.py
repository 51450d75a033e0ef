"""ellipsis.shortened: the one way text is cut short with '…'."""

from __future__ import annotations

from uppdrag.ellipsis import shortened


def test_text_within_the_limit_is_whole() -> None:
    assert shortened("a" * 60, 60) == "a" * 60
    assert shortened("", 0) == ""


def test_longer_text_keeps_its_first_limit_characters_and_gets_an_ellipsis() -> None:
    assert shortened("a" * 61, 60) == "a" * 60 + "…"


def test_a_head_shorter_than_the_limit_fits_the_ellipsis_within_it() -> None:
    assert shortened("b" * 71, 70, 69) == "b" * 69 + "…"
    assert len(shortened("b" * 500, 70, 69)) == 70


def test_a_tail_keeps_the_end_of_a_path() -> None:
    path = "missions/" + "x" * 100 + "/forskola.yaml"
    assert shortened(path, 100, 60, 20) == path[:60] + "…" + path[-20:]
    assert shortened(path[:100], 100, 60, 20) == path[:100]  # only longer paths are cut


def test_no_space_is_left_before_the_ellipsis() -> None:
    assert shortened("a" * 253 + " bcd", 255, 254) == "a" * 253 + "…"
    assert shortened("ord ord ord", 4) == "ord…"
