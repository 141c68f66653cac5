"""A small mutation fuzzer for machines without atheris: ``python -m fuzz.mutate TARGET ...``.

No coverage feedback, so it finds less than libFuzzer; it mutates the seed
inputs with byte edits, splices and tokens that matter to the formats
(arrows, clocks, quote marks, JSON punctuation, tags), and treats what the
target contract forbids as a crash: the input is saved and its traceback
printed. Each input runs under an alarm, so a hang is reported too.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType

from fuzz.targets import TARGETS

TOKENS = [
    b"-->", b"->", b"\xe2\x86\x92", b"00:00:01,000", b"00:00.500", b"-00:00:01.000",
    b"99:59:59.999", b"12:30", b"[00:09]", b"00:09", b"WEBVTT\n", b"NOTE ", b"STYLE\n",
    b"\n\n", b"\r\n", b"\r", b"<c>", b"</c>", b"<00:00:02.000>", b"<v Bob>", b"<b>", b"&amp;",
    b"&#", b"{", b"}", b"[", b"]", b'"', b":", b",", b"1e309", b"-1", b"NaN", b"null",
    b'"start":', b'"end":', b'"text":', b'"segments":', b'"events":', b'"tStartMs":',
    b'"segs":', b'"utf8":', b'"words":', b'"word":', b"\xe2\x80\x9c", b"\xe2\x80\x9d",
    b"\xc2\xab", b"\xc2\xbb", b"\xe2\x80\x9e", b"'", b"\xe2\x80\x99", b"<p>", b"</p>",
    b"<html><body>", b"<script>", b"# ", b"---\n", b"> ", b"said", b"\xef\xbb\xbf", b"\x00",
    b"\xff", b"\xe2\x80\xa6", b"=>", b"-->>", b"[Script Info]\n", b"[Events]\n",
    b"[V4 Styles]\n", b"Dialogue: 0,", b"Comment: ", b"\\N", b"{\\i1}", b"{\\p1}",
    b'<tt xmlns="http://www.w3.org/ns/ttml">', b'<p begin="', b'" end="', b"<br/>", b"<SAMI>",
    b"<SYNC Start=", b"&nbsp;", b"{1}{1}", b"{25}{50}", b"[10][20]", b"|",
]  # fmt: skip


class _Hang(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Hang


def mutate(data: bytes, seeds: list[bytes], rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(TOKENS)
        elif op == 2 and buf:
            end = min(len(buf), pos + rng.randint(1, 64))
            del buf[pos:end]
        elif op == 3 and buf:
            end = min(len(buf), pos + rng.randint(1, 256))
            buf[pos:pos] = buf[pos:end] * rng.randint(1, 20)
        elif op == 4:
            other = rng.choice(seeds)
            a = rng.randint(0, len(other))
            buf[pos:pos] = other[a : a + rng.randint(1, 512)]
        elif op == 5:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 6 and buf:
            buf = buf[:pos] if rng.random() < 0.5 else buf[pos:]
    return bytes(buf[:65536])


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m fuzz.mutate")
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--timeout", type=int, default=10, help="seconds per input")
    parser.add_argument("--crashes", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    target = TARGETS[args.target]
    seeds = [p.read_bytes() for p in target.seed_files()] or [b""]
    pool = list(seeds)
    rng = random.Random(args.seed)
    signal.signal(signal.SIGALRM, _alarm)
    deadline = time.monotonic() + args.seconds
    runs = crashes = 0
    seen: set[str] = set()
    while time.monotonic() < deadline:
        data = mutate(rng.choice(pool), seeds, rng)
        runs += 1
        signal.alarm(args.timeout)
        try:
            target.run(data)
        except _Hang:
            kind, where = "timeout", "hang"
        except Exception as exc:
            tb = traceback.extract_tb(exc.__traceback__)
            kind, where = "crash", f"{type(exc).__name__} at {tb[-1].filename}:{tb[-1].lineno}"
        else:
            kind = ""
            if rng.random() < 0.05:
                pool.append(data)  # keep a few survivors to mutate further
                del pool[: max(0, len(pool) - 2000)]
        finally:
            signal.alarm(0)
        if kind and where not in seen:
            seen.add(where)
            crashes += 1
            args.crashes.mkdir(parents=True, exist_ok=True)
            name = f"{kind}-{hashlib.sha1(data).hexdigest()}"
            (args.crashes / name).write_bytes(data)
            print(f"{args.target}: {kind}: {where} -> {args.crashes / name}", flush=True)
    print(f"stat::number_of_executed_units: {runs}")
    print(f"stat::distinct_crashes: {crashes}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
