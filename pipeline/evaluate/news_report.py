"""news-dev tables, per-article rows, failure listings and floors. Returns text; never prints."""

from __future__ import annotations

from typing import Any

from pipeline.evaluate.news import ArticleScore, NewsScore
from pipeline.evaluate.news_claims import CLAIM_FIELDS, PredClaim
from pipeline.evaluate.news_gold import GoldClaim, GoldMention
from pipeline.evaluate.news_mentions import PredMention
from pipeline.evaluate.report import FLOORS_ABOUT, floor_tenths, floors, markdown_table
from pipeline.evaluate.score import FileScore

NEWS_TITLE = "### news-dev"
CLAIMS_ROW = "news/claims"
_ROW_HEADER = ("row", "docs", "gold", "tp", "fp", "fn", "frag", "P %", "R %", "F1 %", "VA %", "VAe2e %")
_FIELD_NAMES = {"subject_entity": "subject_entity", "subject_entity_lenient": "subject_entity lenient",
                "measure": "measure", "time": "time", "predicate": "predicate", "change": "change"}
LEGEND = ("P/R/F1: detection (spans overlap, kinds compatible); VA: value accuracy over matched golds with a value; "
          "VAe2e: over all golds with a value; entity VA is label accuracy. Claim fields are over found claims; "
          "all fields right = subject_entity (strict), measure, time and change right, over gold claims.")


def _cell(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}"


def format_news(score: NewsScore) -> str:
    """The mention rows and the claims block."""
    rows = [(r["category"], *(str(r[k]) for k in ("cases", "gold", "tp", "fp", "fn", "fragments")),
             *(_cell(r[k]) for k in ("precision", "recall", "f1", "value_accuracy", "value_e2e")))
            for r in score.rows]
    parts = [NEWS_TITLE, markdown_table(_ROW_HEADER, rows)]
    c = score.claims
    if c is None:
        parts.append("claims: no gold claim files")
    else:
        lines = [("found (recall)", str(c["found"]), str(c["gold"]), _cell(c["recall"])),
                 ("predicted claims", str(c["predicted"]), "", ""),
                 ("precision", str(c["predicted_matched"]), str(c["predicted_scorable"]), _cell(c["precision"]))]
        lines += [(_FIELD_NAMES[f], str(c["fields"][f]["correct"]), str(c["fields"][f]["of"]),
                   _cell(c["fields"][f]["accuracy"])) for f in CLAIM_FIELDS]
        right = c["all_fields_right"]
        lines.append(("all fields right (e2e)", str(right["correct"]), str(right["of"]), _cell(right["e2e"])))
        parts.append(markdown_table((f"claims ({c['gold']} gold)", "right", "of", "%"), lines))
    parts.append(LEGEND)
    return "\n\n".join(parts)


def article_figures(a: ArticleScore) -> dict[str, Any]:
    """One article's counts: mentions (every gold kind) and claims."""
    m = a.mentions
    with_value = sum(1 for g in a.gold.mentions if g.checkable)
    out: dict[str, Any] = {
        "doc": a.doc, "published": a.gold.published, "mentions": len(a.gold.mentions), "mentions_found": len(m.pairs),
        "mentions_fp": len(m.fps), "values_right": sum(1 for p in m.pairs if p.ok), "values_with_value": with_value}
    if a.claims is not None:
        out.update(claims=len(a.claims.golds), claims_found=len(a.claims.pairs), claims_predicted=len(a.claims.preds),
                   claims_scorable=len(a.claims.scorable), all_fields_right=a.claims.all_right())
    return out


def format_per_article(score: NewsScore) -> str:
    """A row per article: mentions found and values right, claims found and all fields right."""
    header = ("article", "published", "mentions", "found", "fp", "values right", "claims", "found", "predicted",
              "all fields right")
    rows = []
    for a in score.articles:
        f = article_figures(a)
        rows.append((f["doc"], str(f["published"] or "—"), str(f["mentions"]), str(f["mentions_found"]),
                     str(f["mentions_fp"]), f"{f['values_right']}/{f['values_with_value']}",
                     *(str(f.get(k, "—")) for k in ("claims", "claims_found", "claims_predicted", "all_fields_right"))))
    return "#### news-dev per article\n\n" + markdown_table(header, rows, left=2)


def _context(text: str, start: int, end: int) -> str:
    return repr(text[max(0, start - 40):end + 40].replace("\n", " "))


def _gold_text(g: GoldMention) -> str:
    value = {"date": g.date, "ordinal": g.ordinal, "entity": g.label}.get(g.kind, g.point)
    extra = " ".join(f"{k}={v}" for k, v in (("unit", g.unit), ("currency", g.currency), ("qualifier", g.qualifier),
                                             ("range_role", g.range_role)) if v is not None)
    return f"{g.kind} [{g.start}:{g.end}] {g.text!r} value={value}" + (f" {extra}" if extra else "")


def _pred_text(p: PredMention) -> str:
    keys = ("value", "lower", "upper", "qualifier", "unit", "currency", "date_value", "start_date", "end_date", "mod",
            "label", "canonical")
    shown = " ".join(f"{k}={getattr(p, k)}" for k in keys if getattr(p, k) is not None)
    return f"{p.kind} {p.id} [{p.start}:{p.end}] {p.text!r} {shown}".rstrip()


def mention_failures(a: ArticleScore) -> list[str]:
    """WRONG (want, got, why), MISS and FP lines of one article's mentions."""
    text = a.gold.text
    items = [f"WRONG  {_context(text, p.gold.start, p.gold.end)}\n         want {_gold_text(p.gold)}\n"
             f"         got  {_pred_text(p.pred)}\n         why  {p.detail}" for p in a.mentions.pairs if p.ok is False]
    items += [f"MISS   {_context(text, g.start, g.end)}\n         want {_gold_text(g)}" for g in a.mentions.missed]
    items += [f"FP     {_context(text, p.start, p.end)}\n         got  {_pred_text(p)}" for p in a.mentions.fps]
    return items


def claim_failures(a: ArticleScore) -> list[str]:
    """MISS, WRONG (each wrong field: gold vs ours, and why) and UNMATCHED lines of one article's claims."""
    r = a.claims
    if r is None:
        return []
    items = []
    found = dict(r.pairs)
    for gi, g in enumerate(r.golds):
        head = (f"#{gi} [{', '.join(repr(v.text) for v in g.values)}] entity={g.entities or None} "
                f"measure={g.measure.text if g.measure else None!r} time={g.time.text if g.time else None!r}")
        pi = found.get(gi)
        if pi is None:
            items.append(f"MISS   {head}")
            continue
        bad = [f"{f}: want {v['gold']!r} got {v['pred']!r} ({v['how']}{_where(f, g, r.preds[pi])})"
               for f, v in r.verdicts[gi].items() if not v["ok"]]
        if bad:
            items.append(f"WRONG  {head}\n         by claim {r.preds[pi].id}\n         " + "\n         ".join(bad))
    items += [f"UNMATCHED ({why}) claim {r.preds[pi].id} [{', '.join(repr(v.text) for v in r.preds[pi].values)}]"
              for pi, why in r.unmatched]
    return items


def _where(field: str, g: GoldClaim, p: PredClaim) -> str:
    """For a time judged on two texts that may look alike ("March 2023" twice): both offsets."""
    if field == "time" and g.time is not None and p.time is not None:
        return f": gold [{g.time.start}:{g.time.end}], ours [{p.time.start}:{p.time.end}]"
    return ""


def format_news_failures(score: NewsScore, n: int) -> str:
    """Per article, up to ``n`` mention failures and ``n`` claim failures."""
    out = []
    for a in score.articles:
        for what, items in (("mentions", mention_failures(a)), ("claims", claim_failures(a))):
            if items:
                out.append(f"news-dev {a.doc}: {what}: {len(items)} failures, first {min(n, len(items))}")
                out += ["  " + item for item in items[:n]]
    return "\n".join(out)


# ---------------------------------------------------------------- floors
def news_floors(score: NewsScore) -> dict[str, dict[str, float | None]]:
    """Current figures as floors, rounded DOWN to 0.1 point from the exact counts.

    Mention rows: detection_f1 (2TP / (2TP + FP + FN)), value_accuracy and
    value_e2e (None where no value was checked); claims: recall, precision,
    each field's accuracy and all fields right (end to end).
    """
    out: dict[str, dict[str, float | None]] = {}
    for r in score.rows:
        f1_den = 2 * r["tp"] + r["fp"] + r["fn"]
        checked = r["value_checked"]
        out[r["label"]] = {
            "detection_f1": floor_tenths(2 * r["tp"], f1_den) if f1_den else 0.0,
            "value_accuracy": floor_tenths(r["value_correct"], checked) if checked else None,
            "value_e2e": floor_tenths(r["value_correct"], r["gold_with_value"]) if checked else None,
        }
    c = score.claims
    if c is not None:
        fractions = {"recall": (c["found"], c["gold"]), "precision": (c["found"], c["predicted_scorable"]),
                     **{f: (c["fields"][f]["correct"], c["fields"][f]["of"]) for f in CLAIM_FIELDS},
                     "all_fields_right": (c["all_fields_right"]["correct"], c["gold"])}
        out[CLAIMS_ROW] = {k: floor_tenths(n, d) if d else None for k, (n, d) in fractions.items()}
    return out


def news_below_floors(score: NewsScore, floors: dict[str, dict[str, float | None]]) -> dict[str, list[str]]:
    """Per floor row, how the current figures fall short (rows that meet their floors are left out)."""
    current = news_floors(score)
    problems: dict[str, list[str]] = {}
    for row, floor in floors.items():
        have_row = current.get(row)
        if have_row is None:
            problems[row] = ["not scored"]
            continue
        short = []
        for key, want in floor.items():
            have = have_row.get(key)
            if want is not None and (have is None or have < want):
                short.append(f"{key} {have} < floor {want}")
        if short:
            problems[row] = short
    return problems



def floors_document(old: dict[str, Any], scores: list[FileScore] | None, news: NewsScore | None,
                    env: dict[str, str]) -> dict[str, Any]:
    """The floors file: the environment measured in, the suite files' floors (``files``) and
    news-dev's (``news``).

    A section this run did not score (``scores``/``news`` None: ``--suite news``
    scores no suite file) is kept from ``old``, so one part can be refreshed alone.
    """
    data: dict[str, Any] = {"about": FLOORS_ABOUT, "environment": env,
                            "files": floors(scores) if scores is not None else old.get("files", {})}
    news_part = news_floors(news) if news is not None else old.get("news")
    if news_part is not None:
        data["news"] = news_part
    return data
