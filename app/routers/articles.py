"""``POST /api/articles``: extract and ingest articles, answer with what was extracted.

Each record is checked on its own: good records are ingested even when others are
malformed; the answer lists a result per record and is a 422 (naming the bad records)
if any failed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from app.deps import StateDep
from app.errors import ERROR_RESPONSES, ErrorBody
from app.schemas import ArticleIn, IngestOut, RecordResult
from graph.errors import BadInput
from graph.model import Article

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["articles"])

_ARTICLE_SCHEMA = ArticleIn.model_json_schema()
_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {
            "oneOf": [_ARTICLE_SCHEMA, {"type": "array", "items": _ARTICLE_SCHEMA}]}}},
    }
}


def _invalid(index: int, raw: Any, err: ValidationError) -> RecordResult:
    ident = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in err.errors()
    )
    name = f"record {index}" + (f" (id {ident!r})" if ident else "")
    return RecordResult(index=index, id=ident, ok=False,
                        error=ErrorBody(code="bad_article", message=f"{name}: {problems}"))


@router.post(
    "/articles", response_model=IngestOut, openapi_extra=_BODY,
    summary="Extract and ingest one article or a list",
    responses={**ERROR_RESPONSES, 422: {"model": IngestOut,
                                         "description": "Some records were rejected"}},
)
def post_articles(state: StateDep, payload: Annotated[Any, Body()]) -> Any:
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise BadInput("no articles given")
    if len(records) > state.settings.max_articles:
        raise BadInput(f"at most {state.settings.max_articles} articles per request")
    results: dict[int, RecordResult] = {}
    articles: list[Article] = []
    for index, raw in enumerate(records):
        try:
            rec = ArticleIn.model_validate(raw)
        except ValidationError as err:
            results[index] = _invalid(index, raw, err)
            continue
        articles.append(Article(id=rec.id, text=rec.text, title=rec.title,
                                published=rec.published, url=rec.url, source=rec.source,
                                origin=f"record {index}"))
    if articles:
        report = state.ingest(articles)
        by_origin = {a.origin: (int((a.origin or "").split()[-1]), a) for a in articles}
        for extraction in report.extractions:
            i, article = by_origin[extraction.article.origin]
            results[i] = RecordResult(index=i, id=article.id, ok=True,
                                      extraction=extraction.to_json())
        for error in report.errors:
            i, source = by_origin.get(error.origin, (-1, None))
            results[i] = RecordResult(index=i, id=source.id if source else None, ok=False,
                                      error=ErrorBody(code=error.code, message=str(error)))
        for i, article in by_origin.values():  # nothing extracted, no error: still ingested
            results.setdefault(i, RecordResult(index=i, id=article.id, ok=True))
    ordered = [results[i] for i in sorted(results)]
    failed = [r for r in ordered if not r.ok]
    out = IngestOut(ingested=len(ordered) - len(failed), failed=len(failed), results=ordered)
    if failed:
        names = ", ".join(r.error.message.split(":", 1)[0] for r in failed if r.error)
        out.error = ErrorBody(code="bad_article",
                              message=f"{len(failed)} of {len(ordered)} records rejected: {names}")
        return JSONResponse(out.model_dump(mode="json"), status_code=422)
    return out
