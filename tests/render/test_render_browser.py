"""The HTML pages in a real headless browser (Debian's ``chromium``).

Chromium loads each page from a file:// URL with every host name mapped to
nowhere and a net log on. The DOM it dumps (after the page's script ran) must
show every mention highlighted exactly once and the claim rows made keyboard
targets; the net log must hold no request the page made. A control page with
an external image proves the net-log check can see a request at all.

Missing chromium skips these tests on a developer machine and fails them in CI
(``CI=true``): ``.ci/run`` installs it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from render_fixture import assert_article_page, scan_page

from pipeline.record import ArticleRecord
from pipeline.render import render_article, render_index

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-pings",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
# Requests the browser makes for itself (update and time checks, account lookups)
# have no initiating origin; anything a page asks for has the page's origin.
BROWSER_OWN = "not an origin"


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        message = "chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_chromium(chromium: str, page: Path, tmp: Path, *args: str) -> tuple[str, list[str]]:
    """Open ``page``; return (stdout, URLs the page requested, from the net log)."""
    net_log = tmp / f"{page.stem}-netlog.json"
    profile = tmp / f"{page.stem}-profile"
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--log-net-log={net_log}", *args,
         page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, page_requests(net_log)


def page_requests(net_log: Path) -> list[str]:
    """URLs of the URL requests in a Chromium net log not made by the browser itself."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"]
            if e["type"] == start_job and "url" in e.get("params", {})
            and e["params"].get("initiator") != BROWSER_OWN]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_net_log_sees_a_page_request(chromium: str, tmp_path: Path) -> None:
    """Control: the check below is not vacuous."""
    control = tmp_path / "control.html"
    control.write_text('<!doctype html><img src="https://newsclaims.invalid/x.png">', encoding="utf-8")
    _, requests = run_chromium(chromium, control, tmp_path, "--dump-dom")
    assert requests == ["https://newsclaims.invalid/x.png"]


def test_article_page_in_browser(chromium: str, tmp_path: Path, record: ArticleRecord) -> None:
    page = tmp_path / "article.html"
    page.write_text(render_article(record, index_href="index.html"), encoding="utf-8")

    dom, requests = run_chromium(chromium, page, tmp_path, "--dump-dom")
    assert requests == [], "the page must not request anything"
    scanned = scan_page(dom)
    assert_article_page(scanned, record)  # also: exactly one <script>, the text shown as text
    rows = scanned.with_attr("data-claim-id", "tr")
    assert [r.get("tabindex") for r in rows] == ["0", "0"], "the page's script made rows keyboard targets"
    assert all(a.get("tabindex") == "-1" for a in scanned.tags("a") if "goto" in a.get("class", ""))

    shot = tmp_path / "article.png"
    run_chromium(chromium, page, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000",
                 "--hide-scrollbars")
    assert png_size(shot) == (1280, 2000)
    assert shot.stat().st_size > 20_000  # not a blank page


def test_claim_row_highlights_its_subject_and_measure(chromium: str, tmp_path: Path, record: ArticleRecord) -> None:
    """Selecting a claim row marks its subject and measure spans in the text (CSS custom
    highlights across the entity mark inside "output in Beijing"); a probe script added to a
    copy of the page reads them back."""
    claim = next(c for c in record.claims if c.subject_span and c.measure_span)
    probe = ("<script>window.addEventListener('load', function () {"
             f"document.getElementById('claim-{claim.id}').click(); var out = {{}};"
             "['claim-subject', 'claim-measure'].forEach(function (name) {"
             " var h = CSS.highlights.get(name); out[name] = h ? Array.from(h)[0].toString() : null; });"
             "document.body.setAttribute('data-probe', JSON.stringify(out)); });</script>")
    page = tmp_path / "probe.html"
    # (the copy drops the page's Content-Security-Policy, which admits only the page's own script)
    copy = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", render_article(record))
    page.write_text(copy.replace("</body>", probe + "</body>"), encoding="utf-8")
    dom, _ = run_chromium(chromium, page, tmp_path, "--dump-dom")
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found is not None, "the probe did not run"
    out = json.loads(html.unescape(found.group(1)))
    assert out == {"claim-subject": "output in Beijing", "claim-measure": "output"}


def test_article_page_without_script(chromium: str, tmp_path: Path, record: ArticleRecord) -> None:
    """What a reader with script turned off gets (--dump-dom itself needs script, so it is cut out)."""
    page = tmp_path / "noscript.html"
    html = render_article(record)
    page.write_text(re.sub(r"<script>.*?</script>", "", html, flags=re.S), encoding="utf-8")
    dom, requests = run_chromium(chromium, page, tmp_path, "--dump-dom")
    assert requests == []
    scanned = scan_page(dom)
    assert not scanned.tags("script")
    scanned.elements.append(("script", {}))  # assert_article_page counts the page's one script
    assert_article_page(scanned, record)
    assert all("tabindex" not in r for r in scanned.with_attr("data-claim-id", "tr"))
    assert [a["href"] for a in scanned.tags("a") if "goto" in a.get("class", "")] == ["#s0", "#s1"]


def test_index_page_in_browser(chromium: str, tmp_path: Path, record: ArticleRecord) -> None:
    manifest = {"pipeline_version": "0.1.0", "articles": [
        {"doc_id": record.doc_id, "input": "a.txt", "status": "ok", "error": None},
        {"doc_id": "bad", "input": "bad.txt", "status": "failed",
         "error": {"code": "E002", "message": "bad.txt: E002: binary content (NUL bytes); refused"}},
    ]}
    page = tmp_path / "index.html"
    page.write_text(render_index(manifest, {record.doc_id: record}), encoding="utf-8")
    dom, requests = run_chromium(chromium, page, tmp_path, "--dump-dom")
    assert requests == []
    scanned = scan_page(dom)
    assert [r["data-doc-id"] for r in scanned.with_attr("data-doc-id", "tr")] == [record.doc_id, "bad"]
    sortable = [a for a in scanned.tags("th") if "aria-sort" in a]
    assert len(sortable) == 10, "the script made every column heading a sort button"
    assert len(scanned.tags("button")) == 10
