"""The HTML report stays inert whatever the inputs hold, end to end.

``tests/test_html.py`` checks hand-built hostile reports and a real browser.
This adds what reaches the page through the real readers and the CLI:
hostile file names, markup in SRT cues, in an HTML article's title and
quotes, ``--video-url`` schemes, and generated text (hypothesis) in every
field. The page ships no script of its own (``html.py``: a strict Content
Security Policy and no ``<script>`` element), so the checks are absolute:

- no ``<script>`` element, and no element or attribute that can run or load
  anything (``on*`` handlers, ``src``, ``srcdoc``, ``style``, ``<iframe>``,
  ``<object>``, ``<meta http-equiv="refresh">``, ``<base>``, ``<form>`` …);
- every ``href`` is a fragment or plain http(s);
- the one ``<style>`` element holds the page's own CSS, and the head holds
  the page's own meta tags, whatever the inputs were.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from transcript_align.cli import single
from transcript_align.formats import parse_transcript
from transcript_align.html import _CSS, to_html
from transcript_align.models import Options, Quote, Reference
from transcript_align.pipeline import align

from .conftest import EXAMPLE

runner = CliRunner()

SAFE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
    "div", "h1", "h2", "h3", "p", "ul", "ol", "li", "a", "span", "b", "table", "caption",
    "thead", "tbody", "tr", "th", "td", "blockquote", "del", "ins", "article", "details",
    "summary", "br",
}  # fmt: skip
SAFE_ATTRIBUTES = {"class", "id", "href", "title", "target", "rel", "lang", "charset",
                   "name", "content", "http-equiv", "open", "colspan"}  # fmt: skip
PAGE_META = [
    [("charset", "utf-8")],
    [("name", "viewport"), ("content", "width=device-width, initial-scale=1")],
    [
        ("http-equiv", "Content-Security-Policy"),
        (
            "content",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            "form-action 'none'",
        ),
    ],
    [("name", "referrer"), ("content", "no-referrer")],
]


class Inspector(HTMLParser):
    """What a browser's tokenizer would build: elements, attributes, raw-text contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": [], "title": []}
        self.open: list[str] = []
        self.oddities: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        if tag in self.raw:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open:
            self.raw[self.open[-1]].append(data)

    def handle_comment(self, data: str) -> None:
        self.oddities.append(f"comment {data!r}")

    def handle_pi(self, data: str) -> None:
        self.oddities.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.oddities.append(f"declaration {data!r}")


def assert_safe(page: str) -> Inspector:
    inspector = Inspector()
    inspector.feed(page)
    inspector.close()
    assert not inspector.oddities, inspector.oddities
    assert "<script" not in page.lower()
    assert not inspector.raw["script"]
    metas = []
    for tag, attrs in inspector.elements:
        assert tag in SAFE_TAGS, tag
        for name, value in attrs:
            assert name in SAFE_ATTRIBUTES, (tag, name)
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None
                assert value.startswith(("#", "http://", "https://")), value
                assert not any(c.isspace() or ord(c) < 32 for c in value), value
        if tag == "meta":
            metas.append(attrs)
    assert metas == PAGE_META
    assert [t for t, _ in inspector.elements].count("style") == 1
    assert "".join(inspector.raw["style"]) == _CSS
    assert [t for t, _ in inspector.elements].count("title") == 1
    return inspector


# --- end to end through the CLI ---------------------------------------------------------------

HOSTILE_SRT = (
    "1\n00:00:01,000 --> 00:00:04,000\n"
    "<script>alert('cue')</script> I would like to come back to the peace negotiations\n\n"
    "2\n00:00:04,000 --> 00:00:08,000\n"
    'because you said that "onerror=alert(1) x=" and <img src=x onerror=alert(2)>\n\n'
    "3\n00:00:08,000 --> 00:00:12,000\n"
    "turn into Ukraine javascript:alert(3) we all recognize that our security\n\n"
    "4\n00:00:12,000 --> 00:00:16,000\n"
    "is deeply linked </style><style>*{background:url(//evil)}</style> and we are\n\n"
    "5\n00:00:16,000 --> 00:00:20,000\n"
    "all working with Mr. Witko <!-- comment --> ]]> &lt;iframe src=//evil&gt;\n"
)
HOSTILE_ARTICLE = """<!doctype html><html><head>
<title>&lt;script&gt;alert('title')&lt;/script&gt; Rutte on peace | Site</title>
<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert('og')&lt;/script&gt; Rutte">
<script>alert('page')</script></head><body><article>
<h1>&lt;img src=x onerror=alert('h1')&gt; Rutte on peace talks</h1>
<p>NATO chief Mark Rutte met special envoy Steve Witkoff, and said
“I would like to come back to the peace negotiations because you said that” on Tuesday.</p>
<p>He also said “&lt;script&gt;alert('quote')&lt;/script&gt; we all recognize that our
security is deeply linked” and “javascript:alert(4) all working with Mr. Witkoff”.</p>
<p>Officials said the talks would continue in Brussels next week with allies.</p>
</article></body></html>
"""
HOSTILE_TXT = (
    'Rutte <b onmouseover=alert(5)>says</b> "onerror=alert(6)\n\n'
    "Rutte said “<svg onload=alert(7)> turn into Ukraine we all recognize that our "
    'security is deeply linked”, and “onerror=" is deeply linked and we are all working”.\n'
)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """A hostile transcript and folder of articles, their names hostile too."""
    refs = tmp_path / 'refs"><b onclick=alert(8)>'
    refs.mkdir()
    transcript = tmp_path / "<img src=x onerror=alert(9)>talk.srt"
    transcript.write_text(HOSTILE_SRT, encoding="utf-8")
    (refs / "<script>alert(10)<.html").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (refs / 'x" onerror="alert(11).txt').write_text(HOSTILE_TXT, encoding="utf-8")
    return transcript, refs


@pytest.mark.parametrize(
    "video_url",
    [
        None,
        "https://www.youtube.com/watch?v=abc",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        'https://youtu.be/x"><script>alert(1)</script>',
        "https://youtu.be/x' onmouseover='alert(1)",
        "//evil.example/x",
    ],
)
def test_hostile_files_make_an_inert_page(
    hostile: tuple[Path, Path], tmp_path: Path, video_url: str | None
) -> None:
    transcript, refs = hostile
    out = tmp_path / "report.html"
    args = [str(transcript), "--refs", str(refs), "--html", str(out), "--quiet"]
    if video_url is not None:
        args += ["--video-url", video_url]
    result = runner.invoke(single, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    inspector = assert_safe(page)
    hrefs = [v for _, attrs in inspector.elements for n, v in attrs if n == "href" and v]
    outside = [h for h in hrefs if not h.startswith("#")]
    if video_url == "https://www.youtube.com/watch?v=abc":
        assert outside and all(h.startswith(video_url) for h in outside)
        assert any(h.startswith(video_url + "&t=") for h in outside)
    else:
        assert not outside
    if video_url not in (None, "https://www.youtube.com/watch?v=abc"):
        assert "times are not linked" in page
    # The hostile text is on the page, as text.
    text = page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "&lt;script&gt;alert('cue')&lt;/script&gt;" in text
    assert "&lt;script&gt;alert('quote')&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(9)&gt;talk.srt" in text


def test_hostile_quotes_are_found_and_shown_as_text(hostile: tuple[Path, Path]) -> None:
    import json

    transcript, refs = hostile
    result = runner.invoke(single, [str(transcript), "--refs", str(refs), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    texts = {q["text"]: q["status"] for q in report["quotes"]}
    assert any("<script>alert('quote')</script>" in t for t in texts)
    said = [s for t, s in texts.items() if "peace negotiations" in t]
    assert said and said[0] == "verbatim"


# --- generated text in every field ------------------------------------------------------------

FRAGMENTS = [
    "<", ">", "</", "/>", '"', "'", "`", "=", "&", "&amp;", "&lt;", "&#60;", "&#x3c;", ";",
    "script", "SCRIPT", "<script>", "</script>", "<style>", "</style>", "</title>",
    "</textarea>", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!doctype", "onerror",
    " onload=", "javascript:", "data:", "vbscript:", "href=", "src=", "<a href=x>", "<img",
    "<svg/onload=alert(1)>", "\u2028", "\u202e", "\x1b[31m", "\x00", "\ufeff", " ", "\n",
    "alert(1)", "Witko", "Witkoff", "peace", "deal",
]  # fmt: skip
HOSTILE_TEXT = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10).map("".join)
URLS = st.one_of(
    st.none(),
    st.sampled_from(["https://youtu.be/abc", "http://example.org/v?a=1&b=2", "javascript:x"]),
    HOSTILE_TEXT,
    HOSTILE_TEXT.map(lambda s: "https://youtu.be/" + s),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cue=HOSTILE_TEXT,
    title=HOSTILE_TEXT,
    quote=HOSTILE_TEXT,
    path=HOSTILE_TEXT,
    name=HOSTILE_TEXT,
    url=URLS,
)
def test_generated_hostile_text_never_makes_markup(
    cue: str, title: str, quote: str, path: str, name: str, url: str | None
) -> None:
    lines = [
        f"00:00 we met the envoy Witko today {cue}",
        "00:04 the peace deal is close and the talks go on",
        f"00:09 {cue} thank you all for coming",
    ]
    t = parse_transcript("\n".join(lines) + "\n", f"{name}.txt")
    said = "the peace deal is close and the talks go on"
    body = (
        f"The envoy Witkoff met them today. He said “{said}” and “{quote} thank you all”.\n\n"
        "We met the envoy Witkoff today and the peace deal is close and the talks go on."
    )
    a = body.index(said)
    b = body.index(quote) if quote.strip() else a
    quotes: tuple[Quote, ...] = (
        Quote(said, a, a + len(said), ((a, a + len(said)),), speaker=quote or None),
    )
    if quote.strip():
        quotes += (Quote(quote, b, b + len(quote), ((b, b + len(quote)),)),)
    ref = Reference(path or "a.txt", title, body, quotes=quotes)
    report = align(t, [ref], Options(min_confidence=0.0))
    assert_safe(to_html(report, video_url=url))


def test_example_page_passes_the_same_checks() -> None:
    from transcript_align import read_references, read_transcript

    t = read_transcript(str(EXAMPLE / "transcript.txt"))
    report = align(t, read_references([str(EXAMPLE / "articles")]))
    assert_safe(to_html(report, video_url="https://www.dailymotion.com/video/x9abc"))


@pytest.mark.parametrize(
    "injected",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" https://x">x</a>',
        '<meta http-equiv="refresh" content="0;url=https://evil">',
        "<p style=\"background:url('//evil')\">",
        "<!-- a comment -->",
        "<iframe srcdoc='x'></iframe>",
        "<style>*{}</style>",
    ],
)
def test_the_checker_catches_what_it_must(injected: str) -> None:
    from transcript_align import read_transcript

    t = read_transcript(str(EXAMPLE / "transcript.txt"))
    page = to_html(align(t, []))
    assert_safe(page)
    with pytest.raises(AssertionError):
        assert_safe(page.replace("<main", injected + "<main", 1))
