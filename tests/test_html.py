"""The HTML report: structure, escaping of hostile input, video links, and a real browser.

The browser tests drive headless Chromium over the DevTools protocol on a
pipe (``--remote-debugging-pipe``), so they need no Python package and no
browser download: only a ``chromium`` binary (Debian: ``apt-get install
chromium``). Without one they are skipped with that message. Set
``TRANSCRIPT_ALIGN_SCREENSHOTS=DIR`` to keep the screenshots they take.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from transcript_align.cli import single
from transcript_align.export import corrected_segments
from transcript_align.formats import parse_transcript
from transcript_align.html import safe_video_url, to_html, video_time_url
from transcript_align.models import (
    Correction,
    DiffOp,
    Evidence,
    Options,
    Quote,
    Reference,
    ReferenceCheck,
    Report,
)
from transcript_align.timeline import rebuild_tokens

from .conftest import EXAMPLE
from .test_report import check, example_report, fix, place, quote_in, small_report, span

HOSTILE_TITLE = "<script>document.title='pwned-title'</script>"
HOSTILE_QUOTE = "\"><script>document.title='pwned-quote'</script><img src=x onerror=\"alert(1)"


def hostile_report() -> Report:
    """Every input string a page could be attacked through, each carrying markup."""
    text = (
        "<!-- page --><script>document.title='pwned-page'</script>\n"
        "00:00 hello <script>document.title='pwned-transcript'</script> there\n"
        "00:04 an <img src=x onerror=\"document.title='pwned-img'\"> image\n"
        '00:08 it said "onerror=alert(1) and javascript:alert(1) and Witko\n'
        "00:12 <svg onload=alert(1)> done </textarea></style></title>\n"
    )
    t = parse_transcript(text, "<b>talk</b>.txt")
    t = replace(t, video_url="javascript:alert(1)//https://youtube.com/watch?v=x")
    ref = Reference(
        'refs/<i>x</i>".txt',
        HOSTILE_TITLE,
        f"It said “{HOSTILE_QUOTE}” and “hello there”.",
    )
    q1 = Quote(HOSTILE_QUOTE, 9, 9 + len(HOSTILE_QUOTE), (), "<svg onload=alert(1)>")
    q2 = Quote("hello there", 0, 11)
    ref = replace(ref, quotes=(q1, q2))
    first, last = span(t, "Witko")
    fix = Correction(
        first,
        last,
        "Witko",
        "<img src=x onerror=\"document.title='pwned-fix'\">",
        "name",
        0.9,
        True,
        t.tokens[first].start,
        t.tokens[first].end,
        (Evidence(ref.path, "<script>document.title='pwned-evidence'</script>"),),
    )
    return Report(
        t,
        (ReferenceCheck(ref, "aligned", 0.5, "<iframe src=javascript:alert(1)>"),),
        (fix,),
        (
            check(
                ref,
                q1,
                "misquote",
                place(t, "an", 0.5),
                [DiffOp("replace", HOSTILE_QUOTE, "<b onclick=alert(1)>said</b>")],
                reason="<a href=javascript:alert(1)>click</a>",
            ),
            check(ref, q2, "verbatim", place(t, "hello"), [DiffOp("equal", "hello", "hello")]),
        ),
    )


class _Tags(HTMLParser):
    """Every element and attribute of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
    "div", "h1", "h2", "h3", "p", "ul", "ol", "li", "a", "span", "b", "table", "caption",
    "thead", "tbody", "tr", "th", "td", "blockquote", "del", "ins", "article", "details",
    "summary", "br",
}  # fmt: skip


def assert_inert(page: str) -> None:
    """No element or attribute from the inputs: nothing that could run or load."""
    for tag, attrs in tags(page):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcdoc", "style", "action", "formaction"), (tag, name)
            if name == "href":
                assert value is not None
                assert value.startswith(("#", "http://", "https://")), value
    assert "<script" not in page.lower()
    assert "javascript:" not in "".join(
        v or "" for _, attrs in tags(page) for n, v in attrs if n == "href"
    )


# --- plain HTML checks -------------------------------------------------------------------


def test_page_is_self_contained() -> None:
    page = to_html(example_report())
    assert page.startswith("<!doctype html>")
    assert "default-src 'none'" in page  # the browser itself refuses any script or resource
    lowered = page.lower()
    for needle in ("<script", "<link", "@import", "url(", "<iframe", "<img", "src="):
        assert needle not in lowered, needle
    for _, attrs in tags(page):
        for name, value in attrs:
            if name == "href" and value:
                assert value.startswith("#"), value  # no video URL known: only anchors
    assert_inert(page)


def test_example_page_content() -> None:
    report = example_report()
    page = to_html(report)
    all_tags = tags(page)
    ids = {v for _, attrs in all_tags for n, v in attrs if n == "id"}
    # Every in-page link has a target.
    for _, attrs in all_tags:
        for name, value in attrs:
            if name == "href" and value and value.startswith("#"):
                assert value[1:] in ids, value
    assert sum(1 for t, a in all_tags if t == "article") == len(report.quotes)
    assert {f"q{i}" for i in range(len(report.quotes))} <= ids
    assert {f"s{s.index}" for s in report.transcript.segments} <= ids
    # The applied repair is shown in the transcript with what it replaced.
    assert 'class="fix" href="#c0" title="was “Witko”&#10;name · confidence 0.95' in page
    assert ">Witkoff</a> right now" in page
    # The suggestion keeps the original words and says what is suggested.
    assert 'class="suggest" href="#c1" title="suggested: “is protected”' in page
    assert ">is is protected</a>" in page
    # The misquote's diff.
    assert (
        'coming <del title="written">into NATO</del> <ins title="said">in the Alliance</ins>'
        in page
    )
    # Unrelated articles listed with why.
    assert "Articles about another event" in page
    assert page.count("no passage aligns better than chance") >= 2


def test_html_is_deterministic() -> None:
    assert to_html(example_report()) == to_html(example_report())


def test_quoted_words_link_back_to_their_quote() -> None:
    report = small_report()
    page = to_html(report)
    assert (
        '<a class="said m-misquote" href="#q0" title="misquote in a.txt: '
        '“no unanimity about Ukraine coming into NATO”">no unanimity about Ukraine</a>'
    ) in page


class _Highlights(HTMLParser):
    """The highlighted (quoted) text of each transcript segment, by segment anchor."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.by_segment: dict[str, str] = {}
        self.segment: str | None = None
        self.open: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and (found.get("id") or "").startswith("s"):
            self.segment = found["id"]
        if tag in ("a", "span"):
            self.open.append("said" in (found.get("class") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("a", "span") and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.segment is not None and any(self.open):
            self.by_segment[self.segment] = self.by_segment.get(self.segment, "") + data


def test_quotes_are_highlighted_on_their_words_after_a_repair_changes_the_word_count() -> None:
    t = parse_transcript(
        "00:00 today we met van der pool at the barrier\n00:05 the gates will close in May\n",
        "talk.txt",
    )
    repair = fix(t, "van der pool", "Vanterpool")
    segments = corrected_segments(t, (repair,))
    spoken = replace(t, segments=segments, tokens=rebuild_tokens(t.tokens, t.segments, segments))
    assert len(spoken.tokens) == len(t.tokens) - 2
    ref = Reference(
        "refs/a.txt",
        "Barrier",
        "“We met Vanterpool at the barrier,” she said. “The gates will close in May.”",
    )
    q1 = quote_in(ref, "We met Vanterpool at the barrier")
    q2 = quote_in(ref, "The gates will close in May")
    ref = replace(ref, quotes=(q1, q2))
    report = Report(
        t,
        (ReferenceCheck(ref, "aligned", 0.9, "said"),),
        (repair,),
        (
            check(ref, q1, "verbatim", place(spoken, "we met Vanterpool at the barrier")),
            check(ref, q2, "verbatim", place(spoken, "the gates will close in May")),
        ),
        corrected=spoken,
    )
    page = to_html(report)
    parser = _Highlights()
    parser.feed(page)
    assert parser.by_segment == {
        "s0": "we met Vanterpool at the barrier",
        "s1": "the gates will close in May",
    }
    # The second quote's link goes to the cue it was said in.
    second = page.split('id="q1"', 1)[1].split("</article>", 1)[0]
    assert '<a class="time" href="#s1"' in second


def test_untimed_transcript_has_no_times() -> None:
    page = to_html(small_report(timed=False), video_url="https://youtu.be/x")
    assert "?t=" not in page
    assert 'class="stamp"' not in page
    assert_inert(page)


@pytest.mark.parametrize(
    ("url", "ms", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=abc",
            110_400,
            "https://www.youtube.com/watch?v=abc&t=110",
        ),
        ("https://youtu.be/abc", 5_000, "https://youtu.be/abc?t=5"),
        ("https://youtu.be/abc?t=9&si=x", 5_000, "https://youtu.be/abc?si=x&t=5"),
        (
            "https://www.dailymotion.com/video/x9abc",
            0,
            "https://www.dailymotion.com/video/x9abc?t=0",
        ),
        ("https://vimeo.com/123?", 61_999, "https://vimeo.com/123?t=61"),
        ("https://vimeo.com/123#x", 61_000, "https://vimeo.com/123?t=61#x"),
        ("http://example.org/v?a=1&b=%20&tt=2", 1_000, "http://example.org/v?a=1&b=%20&tt=2&t=1"),
    ],
)
def test_video_time_url(url: str, ms: int, expected: str) -> None:
    assert safe_video_url(url) == url
    assert video_time_url(url, ms) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://example.org/v",
        "//evil.example/v",
        "https:/evil",
        "https://user:pw@evil.example/v",
        "https://youtube.com@evil.example/v",
        'https://youtu.be/x" onmouseover="alert(1)',
        "https://youtu.be/x<script>",
        "https://[::1",
        "https://youtu.be/x\nabc",
        "",
    ],
)
def test_unsafe_video_url_is_refused(url: str) -> None:
    assert safe_video_url(url) is None
    page = to_html(small_report(), video_url=url)
    assert "?t=" not in page
    assert_inert(page)
    if url:
        assert "times are not linked" in page


def test_video_url_option_overrides_the_transcripts_own() -> None:
    r = small_report()
    r = replace(r, transcript=replace(r.transcript, video_url="https://youtu.be/own"))
    assert 'href="https://youtu.be/own?t=5"' in to_html(r)
    page = to_html(r, video_url="https://www.youtube.com/watch?v=given&amp=1")
    assert 'href="https://www.youtube.com/watch?v=given&amp;amp=1&amp;t=5"' in page
    assert "youtu.be/own" not in page


def test_hostile_input_is_inert() -> None:
    page = to_html(hostile_report())
    assert_inert(page)
    assert "pwned" in page  # shown as text…
    assert "&lt;script&gt;document.title=&#x27;pwned-transcript&#x27;&lt;/script&gt;" in page
    assert "onerror=&quot;" in page  # …with quotes that cannot close an attribute
    page = to_html(hostile_report(), video_url="javascript:alert(1)")
    assert_inert(page)
    assert "times are not linked" in page


def test_control_characters_are_not_passed_through() -> None:
    r = small_report()
    ref = replace(r.references[0].reference, title="bad\x00title\x1b[31m\u202eevil")
    page = to_html(replace(r, references=(replace(r.references[0], reference=ref),)))
    assert "\x00" not in page and "\x1b" not in page and "\u202e" not in page
    assert "bad\ufffdtitle\ufffd[31m\ufffdevil" in page


# --- a real browser ----------------------------------------------------------------------


def _chromium() -> str | None:
    override = os.environ.get("CHROMIUM")
    if override:
        return override
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
needs_browser = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium binary found (Debian: apt-get install chromium; or set CHROMIUM=path)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class Browser:
    """A headless Chromium driven over the DevTools protocol on fds 3 and 4."""

    TIMEOUT = 30.0

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # runs in the child: the protocol wants exactly fds 3 and 4
            a = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
            b = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._log = open(profile.parent / "chromium.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            preexec_fn=wire,
            close_fds=False,  # pipe ends are non-inheritable; only the fds 3 and 4 pass
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def close(self) -> None:
        # The browser may already be gone; it is killed below anyway.
        with contextlib.suppress(Exception):
            self.send("Browser.close", session=False)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._log.close()

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = True
    ) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def wait_for(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            message = self._read()
            if message.get("method") == method:
                return message

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the protocol pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        if "method" in message:
            self.events.append(message)
        return message

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True}, session=False
        )["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, CSP and load failures."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning"):
                out.append(json.dumps(p.get("args")))
            elif e["method"] == "Runtime.exceptionThrown":
                out.append(json.dumps(p.get("exceptionDetails")))
            elif e["method"] == "Log.entryAdded" and p["entry"].get("level") in (
                "error",
                "warning",
            ):
                out.append(p["entry"].get("text", ""))
        return out

    def screenshot(self, width: int) -> bytes:
        """A PNG of the whole page, ``width`` CSS pixels wide."""
        metrics = self.send("Page.getLayoutMetrics")
        height = int(metrics["cssContentSize"]["height"])
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        shot = self.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
        )
        return base64.b64decode(shot["data"])


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None
    b = Browser(CHROMIUM, tmp_path / "profile")
    try:
        yield b
    finally:
        b.close()


def _keep(name: str, png: bytes, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TRANSCRIPT_ALIGN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(png)
    return path


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


@needs_browser
def test_example_report_in_a_browser(browser: Browser, tmp_path: Path) -> None:
    report = example_report()
    page = tmp_path / "report.html"
    page.write_text(to_html(report, video_url="https://www.dailymotion.com/video/x9abcde"), "utf-8")
    browser.open(page.as_uri())
    assert browser.errors() == []
    counts = browser.evaluate(
        """JSON.stringify({
        title: document.title,
        quotes: document.querySelectorAll('article.quote').length,
        segments: document.querySelectorAll('#transcript li').length,
        fixes: document.querySelectorAll('#transcript a.fix').length,
        suggestions: document.querySelectorAll('#transcript a.suggest').length,
        said: document.querySelectorAll('#transcript .said').length,
        badges: document.querySelectorAll('article.quote .badge').length,
        videoLinks: document.querySelectorAll('a.play[href*="t="]').length,
        scripts: document.scripts.length,
        broken: [...document.querySelectorAll('a[href^="#"]')]
            .filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
        overflow: document.documentElement.scrollWidth > window.innerWidth,
        })"""
    )
    got = json.loads(counts)
    assert got["title"] == "Transcript check: transcript.txt"
    assert got["quotes"] == got["badges"] == len(report.quotes)
    assert got["segments"] == len(report.transcript.segments)
    assert got["fixes"] == 1 and got["suggestions"] == 1
    assert got["said"] > 0 and got["videoLinks"] > 0
    assert got["scripts"] == 0 and got["broken"] == 0
    assert got["overflow"] is False

    # A quote's time link brings its transcript line into view and highlights it.
    browser.evaluate("document.querySelector('#q2 a.time').click()")
    target = browser.evaluate("document.querySelector(':target')?.id")
    assert target == "s" + browser.evaluate(
        "document.querySelector('#q2 a.time').getAttribute('href').slice(2)"
    )

    png = browser.screenshot(1280)
    assert _png_size(png)[0] == 1280
    _keep("example-report.png", png, tmp_path)


@needs_browser
def test_cli_html_of_the_example_in_a_browser(browser: Browser, tmp_path: Path) -> None:
    """The page the command line writes for the bundled example, whatever the engine found."""
    page, report = tmp_path / "example.html", tmp_path / "example.json"
    result = CliRunner().invoke(
        single,
        [
            str(EXAMPLE / "transcript.txt"),
            "--refs",
            str(EXAMPLE / "articles"),
            "--html",
            str(page),
            "--report",
            str(report),
            "--video-url",
            "https://www.youtube.com/watch?v=abc",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(report.read_text(encoding="utf-8"))
    browser.open(page.as_uri())
    assert browser.errors() == []
    got = json.loads(
        browser.evaluate(
            """JSON.stringify({
            quotes: document.querySelectorAll('article.quote').length,
            segments: document.querySelectorAll('#transcript li').length,
            fixes: document.querySelectorAll('#transcript a.fix, #transcript a.suggest').length,
            refs: document.querySelectorAll('table.refs tbody tr').length,
            broken: [...document.querySelectorAll('a[href^="#"]')]
                .filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
            offsite: [...document.links].filter(a => !a.getAttribute('href').startsWith('#')
                && !a.href.startsWith('https://www.youtube.com/watch?v=abc')).length,
            overflow: document.documentElement.scrollWidth > window.innerWidth,
            })"""
        )
    )
    assert got["quotes"] == len(doc["quotes"])
    assert got["segments"] == len(doc["segments"])
    assert got["refs"] == len(doc["references"])
    assert (got["fixes"] > 0) == bool(doc["corrections"])
    assert got["broken"] == 0 and got["offsite"] == 0 and got["overflow"] is False
    _keep("example-cli-report.png", browser.screenshot(1280), tmp_path)


@needs_browser
def test_example_report_fits_a_phone(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(to_html(example_report()), "utf-8")
    browser.open(page.as_uri(), width=400, height=800)
    assert browser.errors() == []
    assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth") is True
    _keep("example-report-phone.png", browser.screenshot(400), tmp_path)


@needs_browser
def test_hostile_input_does_not_run_in_a_browser(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(to_html(hostile_report(), video_url="javascript:alert(1)"), "utf-8")
    browser.open(page.as_uri())
    # The path "<b>talk</b>.txt" is shortened at its last "/" to "b>.txt", shown as text.
    assert browser.evaluate("document.title") == "Transcript check: b>.txt"
    assert (
        browser.evaluate(
            "document.querySelectorAll('script, img, svg, iframe, object, embed').length"
        )
        == 0
    )
    assert (
        browser.evaluate(
            "[...document.querySelectorAll('*')].some(e => [...e.attributes]"
            ".some(a => a.name.startsWith('on')))"
        )
        is False
    )
    assert (
        browser.evaluate("[...document.links].every(a => a.getAttribute('href').startsWith('#'))")
        is True
    )
    # The markup is there to read, as text.
    text = browser.evaluate("document.body.innerText")
    assert "<script>document.title='pwned-transcript'</script>" in text
    assert HOSTILE_TITLE in text
    assert browser.errors() == []
    _keep("hostile-report.png", browser.screenshot(1280), tmp_path)


@needs_browser
def test_browser_harness_would_see_a_script_run(browser: Browser, tmp_path: Path) -> None:
    """The check above is meaningful: the same harness notices a script that does run."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!doctype html><title>before</title><script>document.title='pwned';"
        "console.error('boom')</script>",
        "utf-8",
    )
    browser.open(page.as_uri())
    assert browser.evaluate("document.title") == "pwned"
    assert any("boom" in e for e in browser.errors())


def test_the_same_quote_object_twice_still_gives_unique_ids() -> None:
    r = small_report()
    r = replace(r, quotes=(*r.quotes, r.quotes[0]), corrections=(*r.corrections, *r.corrections))
    found = [v for _, attrs in tags(to_html(r)) for n, v in attrs if n == "id"]
    assert len(found) == len(set(found))
    assert {"q0", "q3", "c0", "c1"} <= set(found)


def test_header_says_how_repairs_were_made() -> None:
    r = small_report()
    assert "repairs applied at confidence ≥ 0.80" in to_html(r)
    assert "repairs suggested only" in to_html(replace(r, options=Options(apply=False)))
    assert "no repairs looked for" in to_html(replace(r, options=Options(repair=False)))
