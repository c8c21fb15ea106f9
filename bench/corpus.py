"""Scale corpora for the benchmarks, made from the seed pages.

    python bench/corpus.py --scale N [--form copies|mixed|sentences] [--seed S] [--out DIR]

Three forms, all N times the seed corpus in articles and roughly in bytes:

* ``copies``: the seed pages copied N times under distinct names (``c0000_<page>.txt`` …). Every
  article is a duplicate of one of the 19 seed articles, and the corpus has one vocabulary.
* ``mixed``: distinct articles. Each one takes the length of a seed article and is filled with
  paragraphs drawn from several different seed articles (a section heading travels with the
  paragraph after it), under a title recombined from the halves of two seed titles, subtitles or
  section headings, an author whose surname and given name come from two seed authors, and an
  affiliation recombined from two seed affiliations. Pages hold as many articles as the seed page
  they stand for, laid out as ``seeds/000_….txt`` is: ``# title``, an optional ``## ——subtitle``, the
  author, the paragraphs, ``(作者单位：…)``, each separated by a blank line. Everything is drawn from
  one ``random.Random(seed)``: the same seed pages and seed give the same bytes.

* ``sentences``: distinct articles as in ``mixed``, but each paragraph is rebuilt from sentences drawn
  from different seed paragraphs (its section headings kept), so no two articles share a paragraph;
  and a fixed share of the articles (:data:`RESUBMITTED`) are a later page's resubmission of an
  earlier article (一稿多投): the same title, author and unit, the body whole or with one paragraph
  left out.

The seed articles hold 177 such paragraph units, so at N× each one recurs about 1.6·N times in the
``mixed`` form: far more shared paragraphs than a real corpus has, and a share of articles that
contain most of another's paragraphs growing with N (8 % of the articles fall in duplicate groups at
100×, 17 % at 300×) — the pessimistic case for the duplicate-submission step, whose true pairs grow
as N². The ``sentences`` form is the corpus a real paper gives: its duplicates are the planted
resubmissions, a share that does not grow with N.

The seed articles are read through the build's own parser (``python -m zhenggong_report parse
--json``), so the pools hold what the parser reads as titles, authors and paragraphs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ("copies", "mixed", "sentences")
RESUBMITTED = 0.02
"""Share of the ``sentences`` form's articles that resubmit an earlier one (half whole, half abridged)."""
SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)")
"""A sentence: up to and with its end marks and the closing quotes after them."""

NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是要]|\d+[、.．])\s*")
"""The numbering that opens a section heading (一、 (二) 三是 4.), left off when a heading becomes a title half."""

JOINTS = ("的", "，", ",", "：", ":", " ")
"""Where a title is cut in two halves: its last 的 (kept with the tail), else a comma, colon or space."""

MAX_TITLE = 30
GROUP = re.compile(r"集团[)）]?")
"""Where an affiliation's group part ends (枣矿集团, 枣庄矿业(集团)), the unit under it following."""
DEPARTMENT = re.compile(r"(?:公司|矿|集团|中心)(?P<department>[^公司矿集团中心]*(?:部|办|室)(?:[（(]工会[)）])?)$")


@dataclass(frozen=True)
class SeedArticle:
    title: str | None
    subtitle: str | None
    author: str | None
    affiliation: str | None
    paragraphs: tuple[str, ...]
    headings: frozenset[int]
    characters: int


@dataclass(frozen=True)
class Corpus:
    """A generated corpus: its folder, its pages and the number of articles the parser should find."""

    folder: Path
    form: str
    scale: int
    pages: tuple[Path, ...]
    articles: int
    expected: dict[str, int]
    """page name -> articles laid out on it (mixed form; for copies, the seed page's count)"""


def parse_seeds(seeds: Path, env: dict[str, str] | None = None) -> dict:
    """The parser's JSON records of the seed pages (``parse --json``, the CLI's public form)."""
    out = subprocess.run(
        [sys.executable, "-m", "zhenggong_report", "parse", "--seeds", str(seeds), "--json"],
        env=env, capture_output=True, text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"parsing the seed pages failed ({out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout)


def seed_articles(records: dict) -> list[SeedArticle]:
    return [
        SeedArticle(
            title=a["title"],
            subtitle=a.get("subtitle"),
            author=a["author"],
            affiliation=a["affiliation"],
            paragraphs=tuple(a["body"].split("\n\n")),
            headings=frozenset(a["headings"]),
            characters=a["characters"],
        )
        for a in records["articles"]
    ]


def articles_per_page(records: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in records["articles"]:
        counts[a["source"]["file"]] = counts.get(a["source"]["file"], 0) + 1
    return counts


# --- the copies form -------------------------------------------------------------------------


def make_copies(seeds: Path, scale: int, out: Path, per_page: dict[str, int] | None = None) -> Corpus:
    """The seed pages copied ``scale`` times under distinct names."""
    out.mkdir(parents=True, exist_ok=True)
    pages, expected = [], {}
    for copy in range(scale):
        for page in sorted(seeds.glob("*.txt")):
            target = out / f"c{copy:04d}_{page.name}"
            shutil.copyfile(page, target)
            pages.append(target)
            if per_page is not None:
                expected[target.name] = per_page.get(page.name, 0)
    return Corpus(out, "copies", scale, tuple(pages), sum(expected.values()), expected)


# --- the mixed form --------------------------------------------------------------------------


def paragraph_units(articles: list[SeedArticle]) -> list[tuple[int, tuple[str, ...]]]:
    """(seed article, paragraphs) units: each body paragraph, with the section headings right before it."""
    units = []
    for index, article in enumerate(articles):
        pending: list[str] = []
        for number, paragraph in enumerate(article.paragraphs):
            if number in article.headings:
                pending.append(paragraph)
                continue
            units.append((index, (*pending, paragraph)))
            pending = []
    return units


def halves(phrase: str) -> tuple[str, str] | None:
    """A title phrase cut into a head and a tail at its joint, or None when it has none."""
    cut = phrase.rfind("的", 2, len(phrase) - 2)
    if cut > 0:
        return phrase[:cut], phrase[cut:]
    for joint in JOINTS[1:]:
        cut = phrase.find(joint, 2, len(phrase) - 2)
        if cut > 0:
            return phrase[:cut], phrase[cut:]
    return None


def title_phrases(articles: list[SeedArticle]) -> list[str]:
    """Titles, subtitles and section headings of the seed articles, without numbering and end marks."""
    phrases = []
    for article in articles:
        phrases += [article.title or "", (article.subtitle or "").lstrip("—- ")]
        phrases += [NUMBERING.sub("", article.paragraphs[h]) for h in sorted(article.headings)]
    cleaned = (p.strip().rstrip("。.；;，,") for p in phrases)
    return sorted({p for p in cleaned if 6 <= len(p) <= MAX_TITLE})


def title_pool(articles: list[SeedArticle], rng: random.Random) -> tuple[list[str], list[str]]:
    """Recombined titles (head of one phrase + tail of another), shuffled, and the subtitle phrases."""
    phrases = title_phrases(articles)
    cut = [(p, halves(p)) for p in phrases]
    heads = sorted({h[0] for _, h in cut if h} | {p for p, h in cut if not h})
    tails = sorted({h[1] for _, h in cut if h})
    originals = set(phrases)
    titles = [h + t for h in heads for t in tails if len(h + t) <= MAX_TITLE and h + t not in originals]
    titles = sorted(set(titles))
    rng.shuffle(titles)
    return titles, phrases


def name_pool(articles: list[SeedArticle]) -> list[str]:
    """Author names recombined: a seed author's surname with another's given name."""
    names = sorted({a.author for a in articles if a.author and "、" not in a.author and 2 <= len(a.author) <= 3})
    surnames = sorted({n[0] for n in names})
    given = sorted({n[1:] for n in names})
    return [s + g for s in surnames for g in given]


def affiliation_pool(articles: list[SeedArticle]) -> list[str]:
    """Affiliations recombined: the group part (to 集团) of one with the unit after it of another, and a department."""
    whole = sorted({a.affiliation for a in articles if a.affiliation})
    departments = sorted({m["department"] for w in whole if (m := DEPARTMENT.search(w))})
    bases = sorted({w[: len(w) - len(m["department"])] if (m := DEPARTMENT.search(w)) else w for w in whole})
    cuts = [(b, m.end()) for b in bases if (m := GROUP.search(b)) and m.end() < len(b)]
    groups = sorted({b[:end] for b, end in cuts})
    units = sorted({b[end:] for b, end in cuts})
    companies = sorted(set(bases) | {g + u for g in groups for u in units})
    return sorted({c for c in companies} | {c + d for c in companies for d in departments})


def mixed_body(target: int, units: list[tuple[int, tuple[str, ...]]], rng: random.Random) -> tuple[str, ...]:
    """Paragraphs from at least two seed articles, about ``target`` characters, the first no heading."""
    openers = [u for u in units if len(u[1]) == 1]
    first = rng.choice(openers)
    chosen, sources, size = [first], {first[0]}, len(first[1][0])
    while size < target - 60 or len(sources) < 2:
        unit = rng.choice(units)
        if unit in chosen:
            continue
        chosen.append(unit)
        sources.add(unit[0])
        size += sum(len(p) for p in unit[1])
    return tuple(p for _, paragraphs in chosen for p in paragraphs)


def sentence_pool(units: list[tuple[int, tuple[str, ...]]]) -> list[tuple[int, str]]:
    """(seed article, sentence) for every sentence of every body paragraph."""
    return [(seed, m.group(0)) for seed, paragraphs in units for m in SENTENCE.finditer(paragraphs[-1]) if m.group(0).strip()]


def sentence_paragraph(target: int, sentences: list[tuple[int, str]], rng: random.Random, opening: str = "") -> str:
    """About ``target`` characters of sentences from at least two seed articles, after ``opening``."""
    chosen, sources, size = [opening], set(), len(opening)
    while size < target or len(sources) < 2:
        seed, sentence = rng.choice(sentences)
        if chosen and len(sources) > 1 and size + len(sentence) // 2 > target:
            break  # the paragraph would overshoot by more than it falls short
        chosen.append(sentence)
        sources.add(seed)
        size += len(sentence)
    return "".join(chosen)


def sentences_body(
    target: int, units: list[tuple[int, tuple[str, ...]]], sentences: list[tuple[int, str]], rng: random.Random
) -> tuple[str, ...]:
    """A :func:`mixed_body` whose every body paragraph is rebuilt from sentences of the seed
    paragraphs (as long as the one it stands for; its headings kept). The first keeps the first
    sentence of the paragraph it stands for, one that opened a seed paragraph with no heading
    before it (a sentence from mid-paragraph, such as 例如…, would open no article)."""
    first, *rest = mixed_body(target, units, rng)
    headings = {p for _, unit in units for p in unit[:-1]}
    opening = SENTENCE.match(first).group(0)
    rebuilt = [sentence_paragraph(len(first), sentences, rng, opening)]
    return tuple(rebuilt + [p if p in headings else sentence_paragraph(len(p), sentences, rng) for p in rest])


def resubmission(body: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """An earlier article's body as it is resubmitted: whole, or with one later paragraph left out."""
    if len(body) < 4 or rng.random() < 0.5:
        return body
    left_out = rng.randrange(1, len(body))
    return body[:left_out] + body[left_out + 1 :]


def article_text(title: str, subtitle: str | None, author: str, affiliation: str, body: tuple[str, ...]) -> str:
    lines = [f"# {title}"]
    if subtitle:
        lines.append(f"## ——{subtitle}")
    lines += [author, *body, f"(作者单位：{affiliation})"]
    return "\n\n".join(lines)


def make_recombined(seeds: Path, scale: int, out: Path, seed: int = 0, records: dict | None = None, form: str = "mixed") -> Corpus:
    """``scale`` × the seed corpus in distinct articles recombined from the seed articles: of
    their paragraphs (``mixed``), or of their sentences with resubmissions planted (``sentences``)."""
    records = records or parse_seeds(seeds)
    articles = seed_articles(records)
    per_page = articles_per_page(records)
    page_names = sorted(p.name for p in seeds.glob("*.txt") if per_page.get(p.name))
    rng = random.Random(seed)
    units = paragraph_units(articles)
    sentences = sentence_pool(units)
    titles, phrases = title_pool(articles, rng)
    names, affiliations = name_pool(articles), affiliation_pool(articles)
    out.mkdir(parents=True, exist_ok=True)
    pages, expected, bodies, headers, made = [], {}, set(), set(), []
    number = 0
    prefix = form[0]
    for copy in range(scale):
        for page_index, name in enumerate(page_names):
            texts = []
            for _ in range(per_page[name]):
                if form == "sentences" and made and rng.random() < RESUBMITTED:
                    title, subtitle, author, affiliation, body = rng.choice(made)
                    texts.append(article_text(title, subtitle, author, affiliation, resubmission(body, rng)))
                    number += 1
                    continue
                template = articles[number % len(articles)]
                draw = (lambda: sentences_body(template.characters, units, sentences, rng)) if form == "sentences" else (
                    lambda: mixed_body(template.characters, units, rng)
                )
                body = draw()
                while body in bodies:
                    body = draw()
                bodies.add(body)
                title = titles[number % len(titles)]
                subtitle = None
                if number >= len(titles) or rng.random() < 0.05:  # past the titles, a subtitle keeps each header new
                    subtitle = rng.choice(phrases)
                    while (title, subtitle) in headers or subtitle == title:
                        subtitle = rng.choice(phrases)
                headers.add((title, subtitle))
                header = (title, subtitle, rng.choice(names), rng.choice(affiliations))
                made.append((*header, body))
                texts.append(article_text(*header, body))
                number += 1
            target = out / f"{prefix}{copy:04d}_{page_index:03d}.txt"
            target.write_text("\n\n\n".join(texts) + "\n", encoding="utf-8")
            pages.append(target)
            expected[target.name] = len(texts)
    return Corpus(out, form, scale, tuple(pages), number, expected)


def make_corpus(form: str, seeds: Path, scale: int, out: Path, seed: int = 0, records: dict | None = None) -> Corpus:
    if form == "copies":
        records = records if records is not None else parse_seeds(seeds)
        return make_copies(seeds, scale, out, articles_per_page(records))
    if form in ("mixed", "sentences"):
        return make_recombined(seeds, scale, out, seed, records, form)
    raise ValueError(f"unknown corpus form {form!r} (one of {', '.join(FORMS)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1, help="N × the seed corpus (articles, and roughly bytes)")
    parser.add_argument("--form", choices=FORMS, default="mixed")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random draws (mixed and sentences forms)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="the seed pages")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the pages into (made if missing)")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    corpus = make_corpus(args.form, args.seeds, args.scale, args.out, args.seed)
    size = sum(p.stat().st_size for p in corpus.pages)
    seed_size = sum(p.stat().st_size for p in args.seeds.glob("*.txt"))
    print(
        f"{corpus.form} ×{corpus.scale}: {len(corpus.pages)} pages, {corpus.articles} articles, "
        f"{size / 1e6:.2f} MB ({size / seed_size / corpus.scale:.2f}× the seeds' bytes per copy) in {corpus.folder}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
