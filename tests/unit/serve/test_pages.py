"""serve.pages: the findings page, escaped, and the reload script in the right place."""

from __future__ import annotations

from uppdrag.findings import CheckResult, Location, error, warning
from uppdrag.output.diagnostics import summary
from uppdrag.serve.pages import findings_page, not_found_page, problem_page, reload_script, with_reload


def test_findings_page_lists_located_errors_as_validate_words_them() -> None:
    result = CheckResult(
        ["missions/forskola.yaml", "missions/ka.yaml"],
        [
            warning(Location("missions/ka.yaml", 3, 1), "period", "perioden har gått ut"),
            error(Location("missions/forskola.yaml", 71, 17), "type", "måste vara ett heltal", "möten.minst_per_år"),
            error(Location("missions/forskola.yaml", 2, 7), "type", "får inte vara tom", "namn"),
        ],
    )
    page = findings_page(result)
    assert "<h1>Uppdragsfilerna behöver rättas</h1>" in page
    assert (
        '<ul class="problems">\n'
        '<li class="error">missions/forskola.yaml:2:7: fel: namn: får inte vara tom</li>\n'
        '<li class="error">missions/forskola.yaml:71:17: fel: möten.minst_per_år: måste vara ett heltal</li>\n'
        '<li class="warning">missions/ka.yaml:3:1: varning: perioden har gått ut</li>\n'
        "</ul>\n"
    ) in page
    assert (
        f"<p>{summary(result)} Dokumentet visas igen när felen är rättade; sidan laddas om när du sparar.</p>" in page
    )


def test_not_found_page_links_the_pages_there_are() -> None:
    page = not_found_page(["forskola.html", "index.html"])
    assert "<h1>Sidan finns inte</h1>\n<p>Förhandsvisningen visar bara webbplatsens egna sidor:</p>\n" in page
    assert '<li><a href="/forskola.html">forskola.html</a></li>\n<li><a href="/index.html">index.html</a></li>' in page


def test_data_is_text_on_the_problem_page() -> None:
    page = problem_page("Fel <i>", ["a <script>alert('x')</script> & b"], 'rätta "det"')
    assert "<script>" not in page
    assert "<li>a &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; b</li>" in page
    assert "<h1>Fel &lt;i&gt;</h1>" in page
    assert "<p>rätta &quot;det&quot;</p>" in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')


def test_reload_script_names_its_version() -> None:
    assert reload_script("3fa2c1d0.7") == (
        "<script>\n"
        'const uppdragEvents = new EventSource("/_uppdrag/events?since=3fa2c1d0.7");\n'
        "uppdragEvents.onmessage = () => { uppdragEvents.close(); location.reload(); };\n"
        "</script>\n"
    )


def test_a_version_cannot_break_out_of_the_script() -> None:
    assert 'EventSource("/_uppdrag/events?since=%3C%2Fscript%3E%22")' in reload_script('</script>"')


def test_script_goes_before_the_last_closing_body() -> None:
    html = "<html><body><pre>&lt;/body&gt; </body> in text</pre>\n</BODY >\n</html>\n"
    assert with_reload(html, "v.3") == (
        "<html><body><pre>&lt;/body&gt; </body> in text</pre>\n" + reload_script("v.3") + "</BODY >\n</html>\n"
    )


def test_script_is_appended_to_a_page_without_body() -> None:
    assert with_reload("<p>x</p>\n", "v.0") == "<p>x</p>\n" + reload_script("v.0")
