"""Synthetic benchmark data: a noisy timed transcript, articles quoting it, and the truth.

Deterministic: the same :class:`Spec` always gives the same bytes (one
``random.Random(seed)`` per stream), no network, no external corpus.

>>> ds = generate(Spec(seed=1, words=450, articles=4, article_words=300))
>>> ds.truth["transcript"]["clean_words"] >= 450, len(ds.articles)
(True, 4)

Written to a folder by :func:`write`::

    transcript.srt | transcript.txt | transcript.json   the recogniser output
    articles/a0001.txt ...                              the articles
    truth.json                                          what every piece should give
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from . import captions
from .articles import (
    Article,
    Said,
    Writer,
    norm,
    related_article,
    roundup_article,
    unrelated_article,
)
from .asr import NOISE, Recognized, recognize
from .misrecognitions import real_names
from .speech import TECHNICAL, TEMPLATES, Event, Word, make_event, speech
from .world import Entity, RealGarbles, World, make_world

VERSION = 4
"""Bumped whenever generation changes, so cached data sets are rebuilt."""
VOCABULARIES = ("ordinary", "heavy")


@dataclass(frozen=True)
class Spec:
    """What to generate. ``words`` is the speech length; articles average ``article_words``."""

    seed: int = 0
    words: int = 450
    articles: int = 4
    article_words: int = 800
    quotes: float = 4.0
    unrelated: float = 0.2
    noise: str = "medium"
    format: str = "srt"
    vocabulary: str = "ordinary"
    """``heavy``: a technical hearing, a third of the words rare or unknown terms, and a
    long list of people named (one per 75 words)."""
    roundups: float = 0.0
    """Share of the related articles written as round-ups (this event among others)."""
    real_garbles: float = 0.0
    """Share of the first names, surnames and organisation names that are real names of
    the Earnings-21 fitting set, garbled as real recognisers garbled them there (read
    from ``../shared/bench/earnings21-train`` when generating); the rest keep the sound
    rules of :mod:`benchmarks.world`."""

    @property
    def key(self) -> str:
        heavy = "" if self.vocabulary == "ordinary" else f"-{self.vocabulary}"
        return (
            f"v{VERSION}-s{self.seed}-w{self.words}-a{self.articles}-aw{self.article_words}"
            f"-q{self.quotes:g}-u{self.unrelated:g}-{self.noise}-{self.format}{heavy}"
            + (f"-r{self.roundups:g}" if self.roundups else "")
            + (f"-g{self.real_garbles:g}" if self.real_garbles else "")
        )


@dataclass(frozen=True)
class Dataset:
    spec: Spec
    transcript: str
    articles: tuple[Article, ...]
    truth: dict[str, Any]


def generate(spec: Spec) -> Dataset:
    """Build the event, its transcript and its articles, recording the truth."""
    if spec.noise not in NOISE:
        raise ValueError(f"noise must be one of {', '.join(NOISE)}")
    if spec.vocabulary not in VOCABULARIES:
        raise ValueError(f"vocabulary must be one of {', '.join(VOCABULARIES)}")
    heavy = spec.vocabulary == "heavy"
    base = random.Random(spec.seed)
    # Independent streams: changing the article count does not change the transcript.
    rng_world, rng_speech, rng_asr, rng_articles, rng_other = (
        random.Random(base.getrandbits(64)) for _ in range(5)
    )
    world = make_world(
        rng_world,
        people=max(40, spec.words // 75) if heavy else min(40, 8 + spec.words // 2000),
        orgs=max(20, spec.words // 1500) if heavy else min(20, 6 + spec.words // 5000),
        places=max(15, spec.words // 3000) if heavy else min(15, 6 + spec.words // 6000),
        technical=heavy,
        real=(
            RealGarbles(real_names(), random.Random(spec.seed * 7919 + 2), spec.real_garbles)
            if spec.real_garbles
            else None
        ),
    )
    event = make_event(rng_world, world)
    templates = TEMPLATES + TECHNICAL * 12 if heavy else TEMPLATES
    clean = speech(rng_speech, event, spec.words, templates)
    garble_of = _garbles(world)
    rec = recognize(rng_asr, clean, NOISE[spec.noise], {k: e.garbles for k, e in garble_of.items()})
    said = Said(clean, rec)

    n_unrelated = round(spec.articles * spec.unrelated)
    if spec.articles >= 2:
        n_unrelated = max(1, n_unrelated)
    n_related = spec.articles - n_unrelated
    writer = Writer(rng_articles, event, said)
    others = [_other_event(rng_other, world) for _ in range(max(1, n_unrelated // 5))]
    articles: list[Article] = []
    order = [True] * n_related + [False] * n_unrelated
    rng_articles.shuffle(order)
    # Its own stream: with no round-ups asked for, the other articles come out as before.
    rng_roundups = random.Random(spec.seed * 7919 + 1)
    for n, related in enumerate(order, 1):
        name = f"articles/a{n:04d}.txt"
        n_quotes = max(1, round(rng_articles.gauss(spec.quotes, spec.quotes / 4)))
        length = max(150, round(rng_articles.gauss(spec.article_words, spec.article_words / 5)))
        if related and rng_roundups.random() < spec.roundups:
            other = others[n % len(others)]
            articles.append(roundup_article(writer, other, name, said))
        elif related:
            articles.append(related_article(writer, name, n_quotes, length))
        else:
            other = others[n % len(others)]
            articles.append(unrelated_article(other, name, n_quotes, length, said))

    fmt_file = "transcript" + captions.EXTENSION[spec.format]
    title = f"{world.speaker.full} press conference"
    transcript = captions.write(rec.words, spec.format, title=title)
    sources = {k: e.source for k, e in garble_of.items()}
    truth = _truth(spec, clean, rec, articles, fmt_file, sources)
    return Dataset(spec, transcript, tuple(articles), truth)


def _garbles(world: World) -> dict[str, Entity]:
    """Every garbled entity of the world by key."""
    entities = [*world.orgs, *world.places]
    for p in (world.speaker, *world.people):
        entities += [p.first, p.last]
    return {e.key: e for e in entities}


def _other_event(rng: random.Random, world: World) -> Writer:
    event = make_event(rng, world)
    words = speech(rng, event, 700)
    return Writer(rng, event, Said(words))


def _truth(
    spec: Spec,
    clean: list[Word],
    rec: Recognized,
    articles: list[Article],
    fmt_file: str,
    sources: dict[str, str],
) -> dict[str, Any]:
    asr = rec.words
    groups = []
    names = []
    related_text = " ".join(a.text for a in articles if a.related)
    spelled = {norm(w) for w in related_text.split()}
    # A group with no recogniser words sits before the next word written down.
    following = [len(asr)] * len(rec.groups)
    nxt = len(asr)
    for k in range(len(rec.groups) - 1, -1, -1):
        following[k] = nxt
        if rec.groups[k].asr:
            nxt = rec.groups[k].asr[0]
    for k, g in enumerate(rec.groups):
        text = " ".join(clean[i].text for i in g.clean)
        a0 = g.asr[0] if g.asr else following[k]
        a1 = g.asr[-1] + 1 if g.asr else a0
        groups.append([text, a0, a1, g.kind])
        if g.kind in ("name", "name_case", "merge") and g.asr:
            names.append(
                {
                    "asr": [a0, a1],
                    "start": asr[a0].start,
                    "end": asr[a1 - 1].end,
                    "heard": " ".join(w.w for w in asr[a0:a1]),
                    "truth": text,
                    "garbled": g.kind != "name_case",
                    "entity": clean[g.clean[0]].entity,
                    "source": sources.get(str(clean[g.clean[0]].entity), "rule"),
                    "in_articles": all(norm(w) in spelled for w in text.split()),
                }
            )
    return {
        "generator": VERSION,
        "spec": asdict(spec),
        "transcript": {
            "file": fmt_file,
            "format": spec.format,
            "asr_words": len(asr),
            "clean_words": len(clean),
            "duration": asr[-1].end if asr else 0.0,
        },
        "asr": [[w.w, w.start, w.end] for w in asr],
        "groups": groups,
        "names": names,
        "articles": [
            {
                "file": a.name,
                "related": a.related,
                "words": len(a.text.split()),
                "quotes": [asdict(q) for q in a.quotes],
            }
            for a in articles
        ],
    }


def write(ds: Dataset, folder: Path) -> Path:
    """Write the data set to ``folder`` (replaced if present); ``truth.json`` is written last."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "articles").mkdir(parents=True)
    (folder / ds.truth["transcript"]["file"]).write_text(ds.transcript, encoding="utf-8")
    for a in ds.articles:
        (folder / a.name).write_text(a.text, encoding="utf-8")
    (folder / "truth.json").write_text(json.dumps(ds.truth), encoding="utf-8")
    return folder


def ensure(spec: Spec, root: Path) -> Path:
    """The data set for ``spec`` under ``root``, generated only when not already there."""
    folder = root / spec.key
    if not (folder / "truth.json").exists():
        write(generate(spec), folder)
    return folder


def load_truth(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return data


__all__ = ["VOCABULARIES", "Dataset", "Event", "Spec", "ensure", "generate", "load_truth", "write"]
