"""Reading articles: formats, encodings, titles, boilerplate set apart, quotes from the seeds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_align.errors import FormatError, UnreadableError
from transcript_align.models import Reference
from transcript_align.references import (
    collect_paths,
    parse_reference,
    read_reference,
    read_references,
    split_boilerplate,
)

from .conftest import DATA, SEEDS

REFERENCES = DATA / "references"
SEED_000 = SEEDS / "000_3804bcb5edbc70c0.txt"
SEED_001 = SEEDS / "001_9e92efd9e80309ac.txt"
SEED_002 = SEEDS / "002_0ebee46477878465.txt"
SEED_003 = SEEDS / "003_7aa6fcb4fa6a78e7.txt"
SEED_004 = SEEDS / "004_ee20a4cda492333a.txt"

Writer = Callable[[str, "str | bytes"], Path]


def quotes_of(ref: Reference) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.verb) for q in ref.quotes]


def check_reference(ref: Reference) -> None:
    """Invariants of every reference: paragraphs, and quotes pointing into the body."""
    assert ref.text and ref.text == ref.text.strip()
    for paragraph in ref.text.split("\n\n"):
        assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
    for q in ref.quotes:
        assert q.text == " ".join(ref.text[a:b] for a, b in q.parts)
        assert 0 <= q.start < q.end <= len(ref.text)


# --- the example articles under tests/data -------------------------------------------------


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in REFERENCES.iterdir() if not p.name.endswith(".expected.json")),
)
def test_article_matches_expected(name: str) -> None:
    ref = read_reference(str(REFERENCES / name))
    expected = json.loads((REFERENCES / f"{name}.expected.json").read_text(encoding="utf-8"))
    check_reference(ref)
    assert ref.title == expected["title"]
    assert ref.text.count("\n\n") + 1 == expected["paragraphs"]
    assert [list(q) for q in quotes_of(ref)] == expected["quotes"]
    assert (ref.boilerplate.split("\n\n") if ref.boilerplate else []) == expected["boilerplate"]


def test_same_story_in_three_formats_gives_the_same_quotes() -> None:
    def words(name: str) -> list[str]:
        ref = read_reference(str(REFERENCES / name))
        return [q.text.replace("’", "'") for q in ref.quotes][:6]

    assert words("harbour-deal.txt") == words("harbour-deal.md") == words("harbour-deal.html")


def test_teaser_quotes_are_not_the_articles() -> None:
    ref = read_reference(str(REFERENCES / "harbour-deal.txt"))
    assert "unbreakable" not in ref.text and "unbreakable" in ref.boilerplate
    assert all("bus ticket" not in q.text for q in ref.quotes)
    assert ref.text.endswith("The council will vote on the agreement on Thursday.")
    assert any("about other stories" in n for n in ref.notes)
    assert any("dateline set apart: PORTSMOUTH" in n for n in ref.notes)


# --- the seeds -----------------------------------------------------------------------------


def test_seed_000_quotes() -> None:
    ref = read_reference(str(SEED_000))
    check_reference(ref)
    assert ref.title != "BRUSSELS"
    assert ref.title.startswith("NATO Secretary General Mark Rutte said Tuesday")
    assert not ref.text.startswith("BRUSSELS")
    assert "dateline set apart: BRUSSELS" in ref.notes
    assert ref.boilerplate == ""
    assert quotes_of(ref) == [
        ("have made meaningful progress since then.", "Mark Rutte", "adding"),
        (
            "I'm confident that these sustained efforts will eventually restore peace in Europe",
            "Mark Rutte",
            "added",
        ),
        (
            "The practical situation is, as you know, that this consensus required by all "
            "allies for Ukraine to join NATO. And right now, as you know, there is no "
            "consensus on Ukraine joining NATO.",
            "Mark Rutte",
            "said",
        ),
        (
            "We pray for a peace deal or a full ceasefire before the summit, so let's hope it "
            "doesn't have to wait till then.",
            "Mark Rutte",
            "said",
        ),
        ("very much involved", "Mark Rutte", "noting"),
        (
            "I totally accept him not being able to be here tomorrow, and I would not read "
            "anything in it",
            "Mark Rutte",
            "said",
        ),
        (
            "further evidence of the broader security risks posed by Russia's ongoing war "
            "against Ukraine.",
            "Mark Rutte",
            "calling",
        ),
    ]


def test_seed_001_quotes() -> None:
    ref = read_reference(str(SEED_001))
    check_reference(ref)
    assert ref.title == "No consensus yet on Ukraine's NATO membership, Rutte says"
    assert quotes_of(ref) == [
        (
            "no unanimity within the alliance about Ukraine coming into NATO",
            "Mark Rutte",
            "reiterated",
        ),
        (
            "Ukraine clearly applied for membership. But we also know, as I said—and this is a "
            "statement of fact—that there is no unanimity within the alliance",
            "Mark Rutte",
            "told",
        ),
        (
            "So, when it comes to a future peace deal, we are discussing how, if not NATO "
            "membership, we can make sure Ukraine is protected in a way by itself, but also "
            "with help from others, so that the Russians will not try again.",
            "Mark Rutte",
            "told",
        ),
        ("deeply linked", "The NATO chief", "said"),
        (
            "We are all working to bring the war against Ukraine to an end with a just and "
            "lasting peace",
            "Mark Rutte",
            "said",
        ),
        (
            "We welcome the ongoing efforts led by the United States to make this a reality.",
            "Mark Rutte",
            "said",
        ),
        (
            "closely coordinating on all aspects of a potential future peace deal",
            "Mark Rutte",
            "added",
        ),
        ("working extremely hard", "Mark Rutte", "saying"),
        (
            "Marco Rubio is very much involved when it comes to ending the war in Ukraine. "
            "I’m in constant contact with him",
            "Mark Rutte",
            "said",
        ),
        (
            "I totally accept him not being able to be here tomorrow, and I would not read "
            "anything in it.",
            "Mark Rutte",
            "said",
        ),
        ("pre-emptive strike", None, None),
        ("Let’s hope we get to a point where there is a peace deal", "Mark Rutte", "said"),
        (
            "At the moment, it is the Americans very much pushing for that, and I commend them.",
            "Mark Rutte",
            "said",
        ),
    ]


def test_seed_001_tail_and_truncated_lede_are_set_apart() -> None:
    ref = read_reference(str(SEED_001))
    paragraphs = ref.text.split("\n\n")
    # The lede teaser "… efforts to secure ..." is dropped; its full version stays.
    assert not any(p.endswith("...") for p in paragraphs)
    assert sum(p.startswith("General Mark Rutte said on Tuesday") for p in paragraphs) == 1
    assert any("truncated copy" in n for n in ref.notes)
    assert paragraphs[-1].startswith("Rutte sought to strike a balanced tone")
    tail = ref.boilerplate.split("\n\n")
    assert tail[0].startswith("A four-part docuseries")
    assert tail[-3:] == [
        "You can download the AnewZ application from Play Store and the App Store.",
        "What is your opinion on this topic?",
        "Leave the first comment",
    ]
    assert len(tail) == 13
    for teaser_word in ("inevitable", "anybody", "Bulgaria", "Paris", "Trump announced"):
        assert teaser_word not in ref.text
        assert teaser_word in ref.boilerplate
    assert all(q.text not in ("inevitable", "anybody") for q in ref.quotes)


def test_seeds_about_the_earlier_meeting() -> None:
    ref3 = read_reference(str(SEED_003))
    assert ref3.title == "NATO ministerial meeting to focus on aid, not Ukraine membership — Rutte"
    assert quotes_of(ref3) == [("potential negotiations", "A senior U.S. official", "confirmed")]
    assert ref3.boilerplate == "- News"
    ref4 = read_reference(str(SEED_004))
    assert [(q.speaker, q.verb) for q in ref4.quotes] == [
        ("Mark Rutte", "said"),
        ("Mark Rutte", "noted"),  # "the NATO Secretary General", named so before
    ]
    assert "now... That will be" in ref4.quotes[0].text


def test_reading_the_seed_folder_leaves_out_the_transcript_and_readme() -> None:
    refs = read_references([str(SEEDS)], exclude=[str(SEED_002)])
    assert [Path(r.path).name for r in refs] == [
        SEED_000.name,
        SEED_001.name,
        SEED_003.name,
        SEED_004.name,
    ]


# --- collecting files ----------------------------------------------------------------------


def test_collect_paths_recurses_sorted_and_skips_what_is_not_an_article(write: Writer) -> None:
    b = write("refs/b.txt", "B")
    a = write("refs/sub/a.md", "A")
    write("refs/c.html", "<p>C</p>")
    write("refs/.hidden.txt", "hidden")
    write("refs/.cache/x.txt", "hidden folder")
    write("refs/README.md", "about this folder")
    write("refs/notes.pdf", b"%PDF")
    transcript = write("refs/transcript.txt", "00:00 hello")
    folder = str(b.parent)
    found = collect_paths([folder], exclude=[str(transcript)])
    assert [Path(p).relative_to(folder).as_posix() for p in found] == [
        "b.txt",
        "c.html",
        "sub/a.md",
    ]
    # A file named explicitly is read whatever its name; duplicates are dropped.
    readme = str(b.parent / "README.md")
    assert collect_paths([readme, str(a), folder], exclude=[str(transcript)])[:2] == [
        readme,
        str(a),
    ]
    assert len(collect_paths([str(a), str(a)])) == 1


def test_collect_paths_errors(write: Writer, tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="no such file or folder"):
        collect_paths([str(tmp_path / "missing")])
    (tmp_path / "empty").mkdir()
    write("empty/notes.pdf", b"%PDF")
    with pytest.raises(
        UnreadableError, match=r"holds no \.txt, \.md or \.html file \(it holds \.pdf"
    ):
        collect_paths([str(tmp_path / "empty")])
    only = write("only.txt", "the transcript")
    with pytest.raises(UnreadableError, match="no reference file left"):
        read_references([str(only)], exclude=[str(only)])


# --- encodings -----------------------------------------------------------------------------


def test_cp1252_article(write: Writer) -> None:
    text = "Talks stall in Brussels\r\nThe minister said: “We’re not done — not yet.”\r\n"
    ref = read_reference(str(write("cp.txt", text.encode("cp1252"))))
    assert "decoded as cp1252" in ref.notes
    assert quotes_of(ref) == [("We’re not done — not yet.", "The minister", "said")]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_article(write: Writer, encoding: str) -> None:
    text = "Talks stall in Brussels\nThe minister said: “Not yet.”\n"
    ref = read_reference(str(write("bom.txt", text.encode(encoding))))
    assert ref.title == "Talks stall in Brussels"
    assert ref.quotes[0].text == "Not yet."


def test_unreadable_article(write: Writer) -> None:
    with pytest.raises(UnreadableError, match="empty"):
        read_reference(str(write("empty.txt", "")))


# --- plain text ----------------------------------------------------------------------------


def test_title_only_when_the_first_line_looks_like_a_headline() -> None:
    ref = parse_reference("Rutte spoke in Brussels.\nHe said “no”.\n", "a.txt")
    assert ref.text.startswith("Rutte spoke in Brussels.")
    assert ref.title == "Rutte spoke in Brussels"
    assert any("no headline" in n for n in ref.notes)
    single = parse_reference("Rutte said “no” again", "b.txt")
    assert single.text == "Rutte said “no” again" and single.quotes[0].text == "no"


def test_leading_dateline_byline_and_date_are_set_apart() -> None:
    text = (
        "Allies split on Ukraine\n"
        "By Jane Doe\n"
        "Published: 2 December 2025, 14:05 CET\n"
        "KYIV, Ukraine (AP) —\n"
        "Allies were split on Tuesday.\n"
        "Talks go on.\n"
    )
    ref = parse_reference(text, "a.txt")
    assert ref.title == "Allies split on Ukraine"
    assert ref.text == "Allies were split on Tuesday.\n\nTalks go on."
    assert len(ref.notes) == 3


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    ref = read_reference(str(REFERENCES / "ministry-straight.txt"))
    first = ref.text.split("\n\n")[0]
    assert first.startswith("The water minister, Tomas Herrera, on Wednesday defended")
    assert first.endswith("for farmers in the south of the country.")


def test_text_of_one_line_per_paragraph_is_not_joined() -> None:
    text = "Headline here\nFirst paragraph is here.\n\nSecond paragraph.\nThird one.\n"
    assert parse_reference(text, "a.txt").text.split("\n\n") == [
        "First paragraph is here.",
        "Second paragraph.",
        "Third one.",
    ]


def test_parse_reference_is_pure_and_deterministic() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    assert parse_reference(text, "x.txt") == parse_reference(text, "x.txt")
    assert parse_reference(text.replace("\n", "\r\n"), "x.txt") == parse_reference(text, "x.txt")


# --- markdown ------------------------------------------------------------------------------


def test_markdown_syntax_is_stripped() -> None:
    ref = read_reference(str(REFERENCES / "harbour-deal.md"))
    for syntax in ("**", "](", "![", "<!--", "quay_status", "```", "# ", "> ", '- "'):
        assert syntax not in ref.text, syntax
    assert "council_minutes_2024.pdf" in ref.text  # inline code keeps its text
    assert "port authority." in ref.text  # a link keeps its text
    assert "What is holding it up" in ref.text.split("\n\n")  # a subheading is a paragraph


def test_markdown_details() -> None:
    text = (
        "Talks stall\n===========\n\n"
        "A *first* paragraph with an \\*escaped\\* star, snake_case_name and &amp; entity.\n\n"
        '| who | said |\n|---|---|\n| Rutte | "no" |\n\n'
        "[ref]: https://example.org\n"
        "1. An item that says “yes”\n"
    )
    ref = parse_reference(text, "a.md", kind="md")
    assert ref.title == "Talks stall"
    assert ref.text.split("\n\n") == [
        "A first paragraph with an *escaped* star, snake_case_name and & entity.",
        'who said Rutte "no"',
        "An item that says “yes”",
    ]
    assert [q.text for q in ref.quotes] == ["no", "yes"]


def test_markdown_with_nothing_but_syntax_has_no_article_text() -> None:
    with pytest.raises(FormatError, match="no article text found"):
        parse_reference("# Title\n\n![image](x.png)\n\n```\ncode\n```\n", "a.md", kind="md")


# --- html ----------------------------------------------------------------------------------


def test_html_page_chrome_and_scripts_never_leak() -> None:
    ref = read_reference(str(REFERENCES / "harbour-deal.html"))
    everything = ref.text + ref.boilerplate + ref.title
    for leak in ("dataLayer", "Subscribe now", "injected quote", "not a quote", "font-family"):
        assert leak not in everything, leak
    for chrome in ("cookies", "Home", "Related", "Southsea Courier", "Follow us", "By Sam Reed"):
        assert chrome not in ref.text, chrome
    assert ref.title == "Harbour deal within reach, mayor says"
    assert ref.text.split("\n\n")[0].startswith("Mayor Elena Vasquez said on Monday")


def test_html_without_article_text_is_a_format_error(write: Writer) -> None:
    page = (
        "<html><head><title>T</title><script>var a = 1;</script></head>"
        "<body><nav>Home</nav></body></html>"
    )
    path = str(write("empty.html", page))
    with pytest.raises(FormatError, match="no article text found") as info:
        read_reference(path)
    assert str(info.value) == f"{path}: no article text found"


def test_html_falls_back_to_plain_text_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    page = (
        "<html><head><title>Old page | Site</title><style>p{}</style></head><body>"
        "<form><table><tr><td>Rutte said: “Not yet.” The talks go on.</td></tr>"
        "<tr><td>“We wait,” he added.<br>The talks went on until late.</td></tr></table></form>"
        "<script>var a = '“leak”';</script></body></html>"
    )
    ref = parse_reference(page, "old.html", kind="html")
    assert ref.title == "Old page"
    assert ref.text.split("\n\n") == [
        "Rutte said: “Not yet.” The talks go on.",
        "“We wait,” he added.",
        "The talks went on until late.",
    ]
    assert quotes_of(ref) == [("Not yet.", "Rutte", "said"), ("We wait", "Rutte", "added")]
    assert any("main text not recognised" in n for n in ref.notes)


def test_html_saved_as_txt_is_read_as_html() -> None:
    page = (REFERENCES / "harbour-deal.html").read_text(encoding="utf-8")
    ref = parse_reference(page, "saved.txt", kind="txt")
    assert ref.title == "Harbour deal within reach, mayor says"
    assert "<p>" not in ref.text


# --- boilerplate ---------------------------------------------------------------------------

ARTICLE = [
    "Mayor Elena Vasquez said the harbour deal with the port authority was within reach.",
    "The harbour has been closed since a cargo ship damaged the quay in March.",
    "Vasquez said the ferries could be running again by the spring, port officials agreed.",
]


def test_trailing_chrome_lines_are_cut() -> None:
    chrome = [
        "Share this article",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience.",
        "Tags: harbour, ferries",
        "© 2025 The Courier",
        "Reporting by Sam Reed; Editing by Ann Lee",
        "12 comments",
    ]
    body, boilerplate, notes = split_boilerplate([*ARTICLE, *chrome])
    assert body == ARTICLE and boilerplate == chrome
    assert notes == ["set apart 7 trailing site line(s)"]


def test_a_related_list_is_cut_from_its_header() -> None:
    related = ["Related", "Harbour workers strike over pay", "Vasquez re-elected as mayor"]
    body, boilerplate, _ = split_boilerplate([*ARTICLE, *related])
    assert body == ARTICLE and boilerplate == related


def test_a_header_followed_by_long_article_text_is_not_a_list() -> None:
    long = "The mayor went on. " * 40
    paragraphs = [*ARTICLE, "Related", long]
    assert split_boilerplate(paragraphs)[0] == paragraphs


def test_inline_site_lines_are_set_apart_anywhere() -> None:
    paragraphs = [
        ARTICLE[0],
        "Advertisement",
        ARTICLE[1],
        "Read more: Storm hits coast",
        *ARTICLE[2:],
    ]
    body, boilerplate, _ = split_boilerplate(paragraphs)
    assert body == ARTICLE
    assert boilerplate == ["Advertisement", "Read more: Storm hits coast"]


def test_short_closing_paragraphs_of_the_article_are_kept() -> None:
    # Short, quote-only and common-word paragraphs at the end are the article's own.
    closing = [
        "“I don’t want to promise a date I can’t keep. But I’ll say this: we won’t wait.”",
        "The council will vote on the agreement on Thursday.",
        "It was not clear what would happen next.",
    ]
    body, boilerplate, _ = split_boilerplate([*ARTICLE, *closing])
    assert body == [*ARTICLE, *closing] and boilerplate == []


def test_a_single_unrelated_last_paragraph_is_kept_without_chrome() -> None:
    last = "Meanwhile, astronomers in Chile discovered a comet passing unusually close to Jupiter."
    assert split_boilerplate([*ARTICLE, last])[0] == [*ARTICLE, last]
    body, boilerplate, _ = split_boilerplate([*ARTICLE, last, "Leave a comment"])
    assert body == ARTICLE and boilerplate == [last, "Leave a comment"]


def test_teasers_about_other_stories_are_cut() -> None:
    teasers = [
        "Astronomers in Chile discovered a comet passing unusually close to Jupiter.",
        "A celebrity chef opened a restaurant where “nothing costs more than a bus ticket”.",
        "Floods in the north forced thousands from their homes, officials warned.",
    ]
    # With a seam on the page (a heading before the run, or site lines after it)...
    body, boilerplate, notes = split_boilerplate([*ARTICLE, "More news", *teasers])
    assert body == ARTICLE and boilerplate == ["More news", *teasers]
    body, boilerplate, notes = split_boilerplate([*ARTICLE, *teasers, "Leave a comment"])
    assert body == ARTICLE and boilerplate == [*teasers, "Leave a comment"]
    assert "3 trailing paragraph(s) about other stories" in notes[0]


def test_a_change_of_subject_without_a_seam_is_kept() -> None:
    """An article may end on another subject: without a seam on the page, nothing is cut."""
    teasers = [
        "Astronomers in Chile discovered a comet passing unusually close to Jupiter.",
        "Floods in the north forced thousands from their homes, officials warned.",
    ]
    assert split_boilerplate([*ARTICLE, *teasers])[0] == [*ARTICLE, *teasers]


def test_the_first_two_paragraphs_are_never_cut() -> None:
    assert split_boilerplate(["Share this", "Leave a comment", "Tags"])[0] == [
        "Share this",
        "Leave a comment",
    ]


def test_a_wire_story_of_one_sentence_paragraphs_is_not_cut() -> None:
    story = [
        "Harbour workers in Portsmouth walked out on Monday over pay.",
        "The strike closed the ferry terminal and the container berths.",
        "Union leader Maria Costa said the port’s offer was “an insult”.",
        "Port officials said they would meet the union on Wednesday.",
        "Ferry passengers were told to travel via Southampton.",
        "The last strike at the port, in 2019, lasted eleven days.",
        "Costa said workers were “ready to stay out for as long as it takes”.",
    ]
    assert split_boilerplate(story, title="Portsmouth harbour workers strike")[0] == story


@pytest.mark.parametrize(
    "last",
    [
        "The bakery sold 5,000 cookies on Sunday.",
        "Topics discussed included trade and fisheries.",
        "The App Store generated $1bn in fees last year.",
        "More from the minister is expected on Friday.",
        "By Tuesday, the strike was over.",
    ],
)
def test_closing_sentences_with_chrome_words_are_kept(last: str) -> None:
    assert split_boilerplate([*ARTICLE, last])[0] == [*ARTICLE, last]
    assert parse_reference("\n".join(["Headline here", last, *ARTICLE]), "a.txt").text.startswith(
        last
    )


_PIECES = st.sampled_from(
    [
        "Rutte said",
        "the minister",
        " ",
        ".",
        "\n",
        "\n\n",
        '"',
        "“",
        "”",
        "’",
        "«",
        "»",
        "# ",
        "> ",
        "- ",
        "*",
        "`",
        "[x](",
        ")",
        "<p>",
        "</p>",
        "BRUSSELS",
        "Leave a comment",
        "...",
        "By Jane",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.sampled_from(["txt", "md", "html"]))
def test_any_text_reads_or_fails_with_one_format_error(text: str, kind: str) -> None:
    try:
        ref = parse_reference(text, "x", kind=kind)  # type: ignore[arg-type]
    except FormatError as error:
        assert error.problem == "no article text found"
        return
    check_reference(ref)


def test_a_block_quotation_is_a_quote_signed_by_its_footer(write: Writer) -> None:
    page = (
        "<html><head><title>Ferry deal signed</title></head><body><article>"
        "<h1>Ferry deal signed</h1>"
        "<p>The island council and the operator signed the new ferry contract on Monday, "
        "ending two years of talks about the winter timetable.</p>"
        "<blockquote><p>We have waited a long time for this and the islanders deserve it.</p>"
        "<footer>— Ines Varga, council leader</footer></blockquote>"
        '<blockquote class="twitter-tweet"><p>Great day for the islands!</p></blockquote>'
        "<blockquote><p>“Sailings start in March,” she said.</p></blockquote>"
        "<p>The first sailing under the new contract is planned for the first week of March, "
        "the operator said in a statement.</p></article></body></html>"
    )
    ref = read_reference(str(write("deal.html", page)))
    assert [(q.text, q.speaker) for q in ref.quotes] == [
        ("We have waited a long time for this and the islanders deserve it.", "Ines Varga"),
        ("Sailings start in March", "Ines Varga"),
    ]
    assert "council leader" in ref.text


def test_a_markdown_block_quotation_is_a_quote_signed_by_its_credit_line(write: Writer) -> None:
    page = (
        "# Ferry deal signed\n\n"
        "The island council and the operator signed the new ferry contract on Monday. "
        "Here is what the council leader, Ines Varga, told the island paper:\n\n"
        "> We have waited a long time for this\n> and the islanders deserve it.\n\n"
        "On the timetable:\n\n"
        "> Sailings start in March.\n>\n> — Tomas Brill, operator\n\n"
        "> “Fares will not rise,” Brill added.\n\n"
        "```\n> not a quote: a code sample\n```\n"
    )
    ref = read_reference(str(write("deal.md", page)))
    assert [(q.text, q.speaker) for q in ref.quotes] == [
        ("We have waited a long time for this and the islanders deserve it.", "Ines Varga"),
        ("Sailings start in March.", "Tomas Brill"),
        ("Fares will not rise", "Tomas Brill"),
    ]
    assert "— Tomas Brill, operator" in ref.text


@pytest.mark.parametrize("count", [3, 70])
def test_meanwhile_is_done_once_and_its_error_comes_before_the_articles(
    tmp_path: Path, count: int
) -> None:
    # 70 articles are read by a forked helper beside this process; 3 in this process alone.
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(count):
        (folder / f"a{k:02}.txt").write_text(f"The Quillby ferry ran {k} times on Sunday.\n")
    done: list[int] = []
    refs = read_references([str(folder)], jobs=2, meanwhile=lambda: done.append(1))
    assert len(refs) == count and done == [1]

    def fail() -> None:
        raise ValueError("the transcript could not be read")

    (folder / "zz.txt").write_text("")  # an article that fails to read too
    with pytest.raises(UnreadableError):
        read_references([str(folder)], jobs=2)
    with pytest.raises(ValueError, match="transcript"):
        read_references([str(folder)], jobs=2, meanwhile=fail)
    with pytest.raises(ValueError, match="transcript"):
        read_references([str(tmp_path / "nowhere")], jobs=2, meanwhile=fail)
