"""The view model's records for one article: references to an article, a theme or an enterprise,
and what an article's page shows of its themes, claims, related articles and duplicates (see
:mod:`.view`, which builds them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional

from markupsafe import Markup

from ..models.analysis import Claim, Evidence, Keyword
from ..models.parsed import Article
from ..sources.facts import stated_metadata

SIGNATURE_KEYS = ("issuer", "signed")
"""The article's metadata printed as its closing signature, not in the line under its byline."""
from .article_meta import PageInfo
from .markdown import mark_first, mark_span

AFFILIATION = "affiliation"
EVIDENCE_CONTEXT = 12
"""Characters kept on each side of the marked term in evidence and claim excerpts."""
GLOSSARY_CONTEXT = 10
"""Characters kept on each side of a formulation in its first context."""
GLOSSARY_ARTICLES_SHOWN = 30
"""Articles linked from a glossary entry; the rest are counted (all are in ``data/glossary.json``)."""
EVIDENCE_SHOWN = 1
"""Evidence excerpts shown per article under each theme (the analysis may hold more)."""


@dataclass(frozen=True)
class ThemeRef:
    anchor: str
    id: str
    name: str


@dataclass(frozen=True)
class EnterpriseRef:
    anchor: str
    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class ArticleRef:
    anchor: str
    id: str
    number: int
    title: str
    title_inferred: bool
    author: Optional[str]
    unit: Optional[str] = None
    """The author's unit as printed (or the enterprise it was read as)."""
    printed: str = ""
    """Where it was printed, as its page says (``《兰化集团报》 2026-03-06 第2版``), or its file's name."""


@dataclass(frozen=True)
class EvidenceView:
    """One sentence that shows the article treats a theme; its HTML is made when a page shows it
    (held for every hit of every article, it was a tenth of the view's memory)."""

    evidence: Evidence

    @property
    def html(self) -> Markup:
        e = self.evidence
        return mark_span(e.sentence, e.start, e.end, EVIDENCE_CONTEXT)

    @property
    def term(self) -> str:
        return self.evidence.term

    @property
    def paragraph(self) -> int:
        return self.evidence.paragraph


@dataclass(frozen=True)
class HitView:
    theme: ThemeRef
    score: float
    primary: bool
    terms: tuple[tuple[str, int], ...]
    evidence: tuple[EvidenceView, ...]
    reasons: tuple[str, ...] = ()
    """Why the article treats the theme, in Chinese (``data/labels.toml``)."""


@dataclass(frozen=True)
class MentionView:
    enterprise: EnterpriseRef
    count: int


@dataclass(frozen=True)
class ClaimView:
    anchor: str
    """The claim's own id (``c-<article>-<n>``); the table of claims is anchored per article (``c-<article>``)."""
    article: ArticleRef
    claim: Claim

    @property
    def value(self) -> str:
        return self.claim.value

    @property
    def unit(self) -> str:
        return self.claim.unit

    @property
    def html(self) -> Markup:
        """The claim's sentence with its figure marked, made when a page shows it."""
        return mark_claim(self.claim)

    @property
    def subject(self) -> str:
        """Whose figure: the author's enterprise, 某企业 (例) or 行业数据 (see :class:`~..models.Claim`)."""
        return self.claim.subject

    @property
    def subject_kind(self) -> str:
        return self.claim.subject_kind


@dataclass(frozen=True)
class RelatedView:
    article: ArticleRef
    score: float


@dataclass(frozen=True)
class DuplicateMemberView:
    article: ArticleRef
    relation: str
    """In Chinese: 底本 (the representative), 全文相同, 近似重复, 删节稿, 部分重合."""
    jaccard: float
    containment: float


@dataclass(frozen=True)
class DuplicateGroupView:
    anchor: str
    members: tuple[DuplicateMemberView, ...]
    """The representative first."""


DUPLICATE_RELATIONS = {
    "representative": "底本",
    "identical": "全文相同",
    "near-duplicate": "近似重复",
    "abridged": "删节稿",
    "overlapping": "部分重合",
}


@dataclass(frozen=True)
class ArticleView:
    ref: ArticleRef
    article: Article
    source_label: str
    hits: tuple[HitView, ...]
    primary: Optional[ThemeRef]
    mentioned_themes: tuple[ThemeRef, ...]
    """Themes the article names only in passing (not linked: it does not treat them)."""
    affiliations: tuple[EnterpriseRef, ...]
    mentions: tuple[MentionView, ...]
    keywords: tuple[Keyword, ...]
    claims: tuple[ClaimView, ...]
    related: tuple[RelatedView, ...]
    bodies: Mapping[str, str] = field(compare=False, repr=False)
    """Every article's body as HTML, by id (:attr:`body` reads this one's)."""
    filter_themes: str
    """Space-separated theme anchors (for the in-page filter)."""
    filter_enterprises: str
    """Space-separated anchors of every linked enterprise and its ancestors."""
    duplicates: Optional[DuplicateGroupView] = None
    """The group of duplicate submissions the article belongs to, if any."""
    groups: tuple[tuple[EnterpriseRef, tuple[str, ...]], ...] = ()
    """The author's enterprises and the groups above them, outermost first, each with its aliases
    (shown so that a search for a short name such as 枣矿 finds the article)."""
    printed: str = ""
    """Where the page it stands on says it is from: paper, date, 版次, 栏目 (as far as printed)."""
    page: PageInfo = PageInfo()
    """The date and 版次 of the article's page (for sorting and the date filter), where printed."""
    source_parts: tuple[tuple[str, str], ...] = ()
    """(file, ``第3–20行``) for each part of the article, in reading order."""
    record: str = ""
    """The article's JSON record without its body (for copying and saving)."""
    flags: tuple[str, ...] = ()
    """The parser's flags, in Chinese."""
    placement: str = ""
    """Where the titles of the article's page stand, in Chinese."""

    @property
    def body(self) -> str:
        """The body as HTML, escaped where it was rendered (the template marks it safe): looked up
        when a page shows it, so no view holds its text (the bodies may be kept on disk)."""
        return self.bodies[self.article.id]

    @property
    def published(self) -> tuple[str, ...]:
        """What the text says of the article's publication (a pasted WeChat article's account, date …,
        its 来源 and 编辑/审核), worded as the overview words a WeChat file's facts."""
        stated = tuple(pair for pair in self.article.metadata if pair[0] not in SIGNATURE_KEYS)
        return stated_metadata(stated) + tuple(f"{label}：{name}" for label, name in self.article.editors)

    @property
    def signature(self) -> tuple[str, ...]:
        """The issuer and date a document is signed with at its end, as printed there (or none)."""
        signed = dict(self.article.metadata)
        return tuple(signed[key] for key in SIGNATURE_KEYS if key in signed)

    @property
    def score(self) -> float:
        """The strongest theme's score (0 without a theme)."""
        return self.hits[0].score if self.hits else 0.0

    @property
    def unit_anchor(self) -> Optional[str]:
        return self.affiliations[0].anchor if self.affiliations else None


def mark_claim(claim: Claim) -> Markup:
    """The claim's sentence with the figure (value and unit) marked, where the analysis says it stands."""
    if 0 <= claim.start < claim.end <= len(claim.sentence):
        return mark_span(claim.sentence, claim.start, claim.end, EVIDENCE_CONTEXT)
    for needle in (f"{claim.value}{claim.unit}", claim.value):
        if needle and needle in claim.sentence:
            return mark_first(claim.sentence, needle, EVIDENCE_CONTEXT)
    return mark_first(claim.sentence, "", EVIDENCE_CONTEXT)


