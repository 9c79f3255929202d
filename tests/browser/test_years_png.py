"""The year range and the PNG download of the network pages, in headless Chromium.

The sample graph (its report dated 2022 by its measures) gets a second report of 2019 from
the real loader: a cooperation whose sentence says 2018 and one dated by the report.
"""

from __future__ import annotations

import base64
import struct
from pathlib import Path
from typing import Any

import pytest

from queries.settings import Settings
from tests.browser.conftest import SCREENSHOTS, Recorded
from tests.browser.test_network_pages import assert_clean, open_page, painted_pixels, visible_ids
from tests.integration.pages.dated_report import write_dated_report

pytestmark = [pytest.mark.browser, pytest.mark.integration]


@pytest.fixture()
def dated_graph(sample_graph: Settings) -> Settings:
    write_dated_report(sample_graph)
    return sample_graph


def _options(page: Any, select: str) -> list[str]:
    return page.eval_on_selector_all(f"{select} option", "os => os.map(o => o.textContent)")


def _fitted(page: Any) -> None:
    """The view has been re-fitted: every visible node lies inside the canvas."""
    page.wait_for_function(
        """() => {
          const ids = window.viz.nodeView.getIds();
          const pos = window.viz.network.getPositions(ids);
          const c = document.querySelector('#network canvas').getBoundingClientRect();
          return ids.every(id => {
            const d = window.viz.network.canvasToDOM(pos[id]);
            return d.x >= 0 && d.y >= 0 && d.x <= c.width && d.y <= c.height;
          });
        }""",
        timeout=10_000,
    )


def test_year_range_filters_links_and_nodes(
    dated_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=einzeln")
    assert page.is_visible("#filter-years")
    assert page.text_content("#filter-years legend") == "Zeitraum"
    assert _options(page, "#filter-year-from") == ["2018", "2019", "2022"]
    assert page.input_value("#filter-year-from") == "2018"
    assert page.input_value("#filter-year-to") == "2022"
    everything = visible_ids(page)
    edges_all = page.evaluate("window.viz.edgeView.length")
    # 2018 alone: the cooperation whose sentence names 2018, and its two ends
    page.select_option("#filter-year-to", "2018")
    assert visible_ids(page) == {"org:stadt-a", "org:d-stiftung"}
    assert page.evaluate("window.viz.edgeView.length") == 1
    _fitted(page)
    recorded.screenshot("netzwerk-jahre-2018")
    # 2019: the report's own cooperation; E-Hochschule is named only by that report
    page.select_option("#filter-year-from", "2019")
    page.select_option("#filter-year-to", "2019")
    assert {"org:verein-b", "org:e-hochschule"} <= visible_ids(page)
    assert "org:jc-c" not in visible_ids(page) and "prog:iq" not in visible_ids(page)
    ends = set(page.evaluate("window.viz.edgeView.get().flatMap(e => [e.from, e.to])"))
    assert ends == {"org:verein-b", "org:e-hochschule"}
    # "von" after "bis" pulls "bis" along: the range never turns inside out
    page.select_option("#filter-year-from", "2022")
    assert page.input_value("#filter-year-to") == "2022"
    assert "org:jc-c" in visible_ids(page)
    assert "org:e-hochschule" in visible_ids(page)  # its PART_OF link is from 2022
    # the whole range again: everything, as before
    page.select_option("#filter-year-from", "2018")
    assert visible_ids(page) == everything
    assert page.evaluate("window.viz.edgeView.length") == edges_all
    assert_clean(recorded)


def test_year_range_on_the_organisation_and_programme_pages(
    dated_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/organisation/stadt-a")
    assert _options(page, "#filter-year-to") == ["2018", "2019", "2022"]
    page.select_option("#filter-year-from", "2022")
    assert "org:d-stiftung" not in visible_ids(page)  # linked in 2018 only
    assert "org:verein-b" in visible_ids(page)
    recorded.screenshot("organisation-jahre-2022")
    page, _ = open_page(recorded, live_app.url + "/programm/iq")
    assert _options(page, "#filter-year-from") == ["2019", "2022"]  # Stadt A: named in 2019
    page.select_option("#filter-year-to", "2019")
    assert visible_ids(page) == {"prog:iq", "org:stadt-a"}  # the programme itself stays
    assert page.evaluate("window.viz.edgeView.length") == 0
    assert_clean(recorded)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_download_of_the_current_view(
    dated_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=einzeln")
    button = page.locator("#net-png")
    assert button.text_content() == "Als PNG speichern"
    canvas = page.evaluate(
        "(() => { const c = document.querySelector('#network canvas');"
        " return [c.width, c.height]; })()"
    )
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "netzwerk.png"
    target = SCREENSHOTS / "netzwerk-download.png"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    download.save_as(str(target))
    data = Path(target).read_bytes()
    assert _png_size(data) == tuple(canvas)
    assert len(data) > 2000  # a drawing, not an empty image
    # the image is the view: opened in the page, it has the canvas's painted pixels
    painted = page.evaluate(
        """async (url) => {
          const img = new Image();
          await new Promise(r => { img.onload = r; img.src = url; });
          const c = document.createElement('canvas');
          c.width = img.width; c.height = img.height;
          const ctx = c.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++;
          }
          return n;
        }""",
        "data:image/png;base64," + base64.b64encode(data).decode(),
    )
    on_canvas = painted_pixels(page)  # anti-aliased edges blend with white: a few differ
    assert on_canvas > 500 and abs(painted - on_canvas) <= 0.03 * on_canvas
    recorded.screenshot("netzwerk-png-knopf")
    assert_clean(recorded)


def test_png_of_an_organisation_page_is_named_after_it(
    dated_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/organisation/stadt-a")
    with page.expect_download() as info:
        page.click("#net-png")
    assert info.value.suggested_filename == "org-stadt-a.png"


def test_year_range_on_the_corpus(
    corpus_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    """The range comes from the loaded reports: 000 (2017), 001 (2021), 002 (2007), 003
    (2011), 004 (2021), and years link sentences state."""
    page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=einzeln")
    offered = [int(y) for y in _options(page, "#filter-year-from")]
    assert {2007, 2011, 2017, 2021} <= set(offered) and offered == sorted(offered)
    everything = visible_ids(page)
    page.select_option("#filter-year-from", "2021")
    page.select_option("#filter-year-to", "2021")
    in_2021 = visible_ids(page)
    assert 0 < len(in_2021) < len(everything)
    page.select_option("#filter-year-from", "2017")
    page.select_option("#filter-year-to", "2017")
    assert "org:bezirksregierung-arnsberg" in visible_ids(page)  # 000 is its report of 2017
    assert visible_ids(page) != in_2021
    # the list of nodes without links follows the range too
    listed = int(page.text_content("#alone-count"))
    shown = page.eval_on_selector_all("#alone li", "ls => ls.filter(l => !l.hidden).length")
    assert shown == listed < page.locator("#alone li").count()
    _fitted(page)
    recorded.screenshot("netzwerk-korpus-2017")
    assert_clean(recorded)


def test_year_range_hides_whole_groups_in_the_grouped_view(
    dated_graph: Settings, live_app: Any, recorded: Recorded
) -> None:
    page, _ = open_page(recorded, live_app.url + "/netzwerk?nach=gemeinschaft")
    members = page.evaluate(
        """() => {
          const raw = JSON.parse(document.getElementById('graph-data').textContent);
          const meta = typeof raw.meta === 'string' ? JSON.parse(raw.meta) : raw.meta;
          return meta.members;
        }"""
    )
    group_of = {key: "group:" + group for key, _name, group in members}
    groups = {k for k in visible_ids(page) if k.startswith("group:")}
    assert len(groups) >= 2
    page.select_option("#filter-year-to", "2018")
    assert visible_ids(page) == {group_of["org:stadt-a"], group_of["org:d-stiftung"]}
    recorded.screenshot("netzwerk-gruppen-2018")
    page.select_option("#filter-year-to", "2022")
    assert {k for k in visible_ids(page) if k.startswith("group:")} == groups
    assert_clean(recorded)
