"""The network pages in headless Chromium on the hand-made graph: drawn, filterable,
searchable, clean console, and no request to any host but the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from queries.settings import Settings, get_settings
from tests.browser.conftest import Recorded

pytestmark = [pytest.mark.browser, pytest.mark.integration]

READY = '#network[data-ready="1"]'


def open_page(rec: Recorded, url: str) -> Any:
    page: Any = rec.page
    response = page.goto(url)
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    return page, response


def painted_pixels(page: Any) -> int:
    """Non-white pixels on the network canvas: proof that something was drawn."""
    return page.evaluate("""() => {
        const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        }
        return n;
    }""")


def visible_ids(page: Any) -> set[str]:
    return set(page.evaluate("window.viz.nodeView.getIds()"))


def assert_clean(rec: Recorded) -> None:
    assert rec.errors == []
    assert rec.foreign_requests() == []
    assert any(u.endswith("/static/vis-network.min.js") for u in rec.requests) or any(
        u.startswith("file://") for u in rec.requests
    )


def test_start_page(sample_graph: Settings, live_app: Any, recorded: Recorded) -> None:
    page: Any = recorded.page
    page.goto(live_app.url + "/")
    assert page.locator("#key-figures li").count() == 4
    page.fill("#q", "jobcenter")
    page.press("#q", "Enter")
    page.wait_for_selector(".hits a")
    assert page.locator(".hits a").first.get_attribute("href") == "/organisation/jc-c"
    recorded.screenshot("start")
    assert recorded.errors == [] and recorded.foreign_requests() == []


def test_whole_network_filters_and_search(
    sample_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=einzeln")
    assert painted_pixels(page) > 500
    assert page.locator("#legend-nodes li").count() == 6  # 5 organisation types + programme
    assert page.locator("#legend-links li").count() == 5
    assert visible_ids(page) == {
        "org:stadt-a",
        "org:verein-b",
        "org:jc-c",
        "org:d-stiftung",
        "org:e-hochschule",
        "prog:iq",
        "prog:charta",
    }  # the school has no link: listed beside the drawing, not drawn
    assert page.text_content("#alone") and "Freie Schule F" in page.text_content("#alone")
    recorded.screenshot("netzwerk")
    # type filter: hide the Verein
    page.uncheck("#filter-otype-Verein")
    assert "org:verein-b" not in visible_ids(page) and len(visible_ids(page)) == 6
    assert page.text_content("#visible-count") == "6"
    page.check("#filter-otype-Verein")
    # programme filter: IQ and its participants only
    page.select_option("#filter-programme", "prog:iq")
    assert visible_ids(page) == {"prog:iq", "org:stadt-a", "org:jc-c"}
    page.select_option("#filter-programme", "")
    # field of action 1: only Jobcenter C among organisations (programmes stay)
    page.select_option("#filter-category", "1")
    assert {k for k in visible_ids(page) if k.startswith("org:")} == {"org:jc-c"}
    page.select_option("#filter-category", "")
    # link type filter: the edges of the other types and only the nodes they touch
    before = page.evaluate("window.viz.edgeView.length")
    page.uncheck("#filter-link-COOPERATES_WITH")
    assert page.evaluate("window.viz.edgeView.length") == before - 1
    ends = set(page.evaluate(
        "window.viz.edgeView.get().flatMap(function (e) { return [e.from, e.to]; })"
    ))  # fmt: skip
    assert visible_ids(page) == ends
    page.check("#filter-link-COOPERATES_WITH")
    # search focuses and selects the node
    page.fill("#net-search", "D-Stift")
    page.click("#net-search-form button")
    assert page.evaluate("window.viz.network.getSelectedNodes()") == ["org:d-stiftung"]
    # vis-network animates per drawn frame, not per millisecond: on a loaded machine the
    # 400 ms camera move takes longer, so wait for the view to arrive (fails after 10 s)
    page.wait_for_function(
        """() => {
          const v = window.viz.network.getViewPosition();
          const n = window.viz.network.getPositions(['org:d-stiftung'])['org:d-stiftung'];
          return Math.abs(v.x - n.x) < 5 && Math.abs(v.y - n.y) < 5;
        }""",
        timeout=10_000,
    )
    assert "D-Stiftung ausgewählt" in page.text_content("#net-search-status")
    recorded.screenshot("netzwerk-gesucht")
    assert_clean(recorded)


def test_tooltip_shows_name_type_and_evidence_as_text(
    sample_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=einzeln")
    titles = page.evaluate("window.viz.edges.get().map(e => e.title)")
    coop = next(t for t in titles if "kooperiert mit" in t)
    assert "Beleg: „Die Stadt A arbeitet mit dem Verein <script>alert(1)</script>" in coop
    node_title = page.evaluate("window.viz.nodes.get('org:verein-b').title")
    assert node_title.startswith("Verein <B> & Co\nTyp: Verein")
    pos = page.evaluate("""() => {
        const p = window.viz.network.getPositions(['org:jc-c'])['org:jc-c'];
        const d = window.viz.network.canvasToDOM(p);
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y};
    }""")
    page.mouse.move(pos["x"], pos["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    tip = page.text_content("div.vis-tooltip")
    assert "Jobcenter C" in tip and "Typ: Jobcenter" in tip
    recorded.screenshot("tooltip")
    assert_clean(recorded)


def test_organisation_page_depth(sample_graph: Settings, live_app: Any, recorded: Recorded) -> None:
    page, _ = open_page(recorded, live_app.url + "/organisation/stadt-a")
    assert visible_ids(page) == {"org:stadt-a", "org:verein-b", "prog:iq", "prog:charta"}
    assert painted_pixels(page) > 300
    assert page.evaluate("window.viz.network.getSelectedNodes()") == ["org:stadt-a"]
    assert page.locator("text=<script>alert(1)</script>").count() == 1  # shown as text
    recorded.screenshot("organisation")
    page.select_option("#tiefe", "3")
    page.click("form.depth button")
    page.wait_for_selector(READY, state="attached")
    assert "tiefe=3" in page.url
    assert "org:d-stiftung" in visible_ids(page) and len(visible_ids(page)) == 6
    recorded.screenshot("organisation-tiefe3")
    assert_clean(recorded)


def test_programme_page(sample_graph: Settings, live_app: Any, recorded: Recorded) -> None:
    page, _ = open_page(recorded, live_app.url + "/programm/iq")
    assert visible_ids(page) == {"prog:iq", "org:stadt-a", "org:jc-c"}
    assert painted_pixels(page) > 300
    recorded.screenshot("programm")
    assert_clean(recorded)


def test_unknown_organisation_page(
    sample_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page: Any = recorded.page
    response = page.goto(live_app.url + "/organisation/gibt-es-nicht")
    assert response.status == 404
    assert "Nicht gefunden" in page.text_content("h1")
    recorded.screenshot("404")
    assert recorded.foreign_requests() == []


def test_aggregated_network_expands_a_group_on_click(
    sample_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    settings = get_settings()
    before = settings.viz_aggregate_above
    settings.viz_aggregate_above = 3
    try:
        page, _ = open_page(recorded, live_app.url + "/netzwerk")
    finally:
        settings.viz_aggregate_above = before
    groups = page.evaluate("window.viz.nodes.getIds()")
    assert groups and all(g.startswith("group:") for g in groups)
    recorded.screenshot("netzwerk-gruppen")
    pos = page.evaluate("""() => {
        const p = window.viz.network.getPositions(['group:g1'])['group:g1'];
        const d = window.viz.network.canvasToDOM(p);
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y};
    }""")
    with page.expect_response(lambda r: "/api/netzwerk/gruppe/g1" in r.url):
        page.mouse.click(pos["x"], pos["y"])
    page.wait_for_function("!window.viz.nodes.get('group:g1')")
    ids = set(page.evaluate("window.viz.nodes.getIds()"))
    assert "org:stadt-a" in ids or "org:jc-c" in ids
    # search reaches members of groups still folded
    page.fill("#net-search", "E-Hochschule")
    page.click("#net-search-form button")
    page.wait_for_function("window.viz.network.getSelectedNodes()[0] === 'org:e-hochschule'")
    recorded.screenshot("netzwerk-gruppe-offen")
    assert_clean(recorded)


def test_viz_file_works_offline(sample_graph: Settings, recorded: Recorded, tmp_path: Path) -> None:
    from vielfalt.viz_commands import write_viz

    out = tmp_path / "network.html"
    write_viz(out)
    page, _ = open_page(recorded, out.as_uri())
    assert len(visible_ids(page)) == 8 and painted_pixels(page) > 500
    page.uncheck("#filter-otype-Programm")
    assert len(visible_ids(page)) == 6
    recorded.screenshot("viz-datei")
    assert recorded.requests == [out.as_uri()]
    assert recorded.errors == []


def test_grouping_by_programme_expands_and_switches(
    sample_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    settings = get_settings()
    before = settings.viz_aggregate_above
    settings.viz_aggregate_above = 3
    try:
        page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=programm")
        assert set(page.evaluate("window.viz.nodes.getIds()")) == {
            "group:p-iq",
            "group:p-charta",
            "group:ohne-programm",
        }
        assert "Programm mit Beteiligten" in page.text_content("#legend-nodes")
        assert "Zentralität (PageRank" in page.text_content("#size-hint")
        recorded.screenshot("netzwerk-programme")
        with page.expect_response(lambda r: "/api/netzwerk/gruppe/p-iq?nach=programm" in r.url):
            page.evaluate("window.viz.expandGroup(window.viz.nodes.get('group:p-iq'))")
        page.wait_for_function("!!window.viz.nodes.get('prog:iq')")
        ids = set(page.evaluate("window.viz.nodes.getIds()"))
        assert {"prog:iq", "org:jc-c"} <= ids and "group:p-iq" not in ids
        recorded.screenshot("netzwerk-programm-offen")
        # switching the grouping reloads the page grouped by community
        with page.expect_navigation():
            page.select_option("#nach", "gemeinschaft")
        page.wait_for_selector(READY, state="attached")
        assert "nach=gemeinschaft" in page.url
        groups = page.evaluate("window.viz.nodes.getIds()")
        assert "group:g1" in groups and "group:p-iq" not in groups
    finally:
        settings.viz_aggregate_above = before
    assert_clean(recorded)


def test_search_box_forgives_a_typo_and_reaches_folded_groups(
    sample_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    """A name the page cannot match letter by letter goes to the server's name search
    (umlauts folded both ways, one typo), whose hit is shown, in a group or not."""
    page, _ = open_page(recorded, live_app.url + "/netzwerk")
    with page.expect_response(lambda r: "/api/suche?q=Jobcentr" in r.url):
        page.fill("#net-search", "Jobcentr")
        page.click("#net-search-form button")
    page.wait_for_function("window.viz.network.getSelectedNodes()[0] === 'org:jc-c'")
    page.fill("#net-search", "Jbcntr")
    page.click("#net-search-form button")
    page.wait_for_function(
        "document.querySelector('#net-search-status').textContent"
        ".indexOf('Kein sichtbarer Knoten') === 0"
    )
    settings = get_settings()
    before = settings.viz_aggregate_above
    settings.viz_aggregate_above = 3
    try:
        page, _ = open_page(recorded, live_app.url + "/netzwerk")
    finally:
        settings.viz_aggregate_above = before
    page.fill("#net-search", "Hochshule")
    page.click("#net-search-form button")
    page.wait_for_function("window.viz.network.getSelectedNodes()[0] === 'org:e-hochschule'")
    recorded.screenshot("netzwerk-suche-tippfehler")
    assert_clean(recorded)


_INSIDE = """() => {
    const v = window.viz, ids = v.nodeView.getIds();
    const c = document.querySelector('#network canvas').getBoundingClientRect();
    const pos = v.network.getPositions(ids);
    const d = ids.map(id => v.network.canvasToDOM(pos[id]));
    const xs = d.map(p => p.x), ys = d.map(p => p.y);
    const inside = d.every(p => p.x >= -2 && p.y >= -2
        && p.x <= c.width + 2 && p.y <= c.height + 2);
    // fitted: the nodes fill the view instead of sitting where the whole network put them
    // (a handful of nodes is held back by the zoom limit, so it need not fill the view)
    const filled = ids.length < 6 || Math.max(...xs) - Math.min(...xs) >= 0.4 * c.width
        || Math.max(...ys) - Math.min(...ys) >= 0.4 * c.height;
    return ids.length > 0 && inside && filled;
}"""


def _inside_canvas(page: Any) -> bool:
    """Whether the visible nodes end up inside the canvas and filling it (the view was
    re-fitted); waits for the fit animation, however slow the machine."""
    try:
        page.wait_for_function(_INSIDE, timeout=10_000)
    except Exception:  # noqa: BLE001 - a timeout means: not inside
        return False
    return True


def test_overview_of_the_corpus_reads(
    corpus_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    """/netzwerk at 1400×900: grouped, nodes without links listed beside the drawing, names
    only for the important nodes, every filter change re-fits, a link-type filter keeps
    only the nodes those links touch."""
    from queries.network import whole_network
    from queries.network_groups import drawn_part

    _drawn, alone = drawn_part(whole_network())
    page: Any = recorded.page
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(live_app.url + "/netzwerk")
    page.wait_for_selector(READY, state="attached", timeout=60_000)
    ids = page.evaluate("window.viz.nodes.getIds()")
    assert ids and all(i.startswith("group:") for i in ids)
    assert page.locator("#alone li").count() == len(alone) > 0
    canvas = page.locator("#network").bounding_box()
    aside = page.locator("#alone").bounding_box()
    assert aside["x"] >= canvas["x"] + canvas["width"]  # beside, not under the drawing
    page.wait_for_timeout(500)
    recorded.screenshot("netzwerk-ueberblick")

    with page.expect_navigation():
        page.select_option("#nach", "einzeln")
    page.wait_for_selector(READY, state="attached", timeout=60_000)
    labelled = page.evaluate("window.viz.nodes.get().filter(n => n.label && n.label.length).length")
    assert 0 < labelled <= 20 < page.evaluate("window.viz.nodes.length")
    quiet = page.evaluate("window.viz.nodes.get().find(n => !n.label).id")
    page.evaluate(f"void window.viz.network.emit('hoverNode', {{node: '{quiet}'}})")
    assert page.evaluate(f"window.viz.nodes.get('{quiet}').label")  # its name on hover
    recorded.screenshot("netzwerk-einzeln")

    progs = page.evaluate("Array.from(document.querySelectorAll('#filter-programme option'))"
                          ".map(o => o.value).filter(v => v)")  # fmt: skip
    page.select_option("#filter-programme", progs[0])
    page.wait_for_timeout(700)
    assert _inside_canvas(page)
    page.select_option("#filter-programme", "")
    for box in page.locator("#filter-link input").all():
        if box.get_attribute("value") != "SIGNED":
            box.uncheck()
    page.wait_for_timeout(700)
    ends = set(page.evaluate("window.viz.edgeView.get().flatMap(e => [e.from, e.to])"))
    assert ends and visible_ids(page) == ends and _inside_canvas(page)
    recorded.screenshot("netzwerk-nur-unterzeichnet")
    assert_clean(recorded)


def test_a_quote_opens_its_source_passage(
    corpus_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    from queries import db

    org = db.read(
        "MATCH (o:Organisation)-[r:COOPERATES_WITH]-() RETURN o.id AS id, count(r) AS n "
        "ORDER BY n DESC, id LIMIT 1",
        corpus_graph,
    )[0]["id"]
    page: Any = recorded.page
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{live_app.url}/organisation/{org}")
    link = page.locator("blockquote a.src").first
    cited = link.get_attribute("href")
    assert cited and "Zeile" in link.text_content()
    with page.expect_navigation():
        link.click()
    line = cited.split("#z")[1]
    target = page.locator(f"#z{line}")
    assert "hit" in (target.get_attribute("class") or "")
    assert target.locator("mark").count() == 1
    box = target.bounding_box()
    assert box and 0 <= box["y"] < 900  # scrolled to the cited line
    recorded.screenshot("quelle")
    assert recorded.errors == [] and recorded.foreign_requests() == []
