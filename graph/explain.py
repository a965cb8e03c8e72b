"""Why the graph holds what it holds: ``python -m graph explain TERM [OTHER]``.

For one term: whether it is a concept, and why -- the roles the notes give it (a
card's term, a heading, a bold term, a definition...), the selector's score against
its threshold, the features that carried the decision, and how each of its other
names was merged into it; or, when it is not a concept, the score it got and what held
it back, or that the notes never use it as a name. For two terms: the edges between
them, each with its confidence and the sentences that state it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection, Mapping
from types import SimpleNamespace
from typing import Any

import networkx as nx

from graph.io import GraphFileError, read_graph
from graph.query import find_concepts, normalise, resolve
from graph.terminal import echo, echo_json, for_terminal

#: How the selector's features read in an explanation.
FEATURE_WORDS = {
    "role_term": "the term of a term card",
    "role_question": "the subject of a question card",
    "role_heading": "a heading names it",
    "role_cloze": "the answer of a cloze card",
    "role_emphasis": "set in bold or italics",
    "role_label": "a line opens with it ('X: ...')",
    "role_defined": "a sentence defines it ('X is a ...')",
    "role_described": "a sentence says what it does ('An open system exchanges ...')",
    "role_named": "introduced by name ('called X')",
    "role_gloss": "glossed in brackets",
    "role_abbreviation": "given with its abbreviation",
    "role_listed": "listed with others",
    "role_item": "a list item of its own",
    "role_cell": "the first cell of a table row",
    "role_example": "given as an example",
    "subject": "cards are about it",
    "structural": "the notes single it out in several ways",
    "log_count": "how often the notes use it",
    "log_sentences": "how many sentences use it",
    "log_cards": "how many cards use it",
    "multi_source": "used in several files",
    "only_titles": "used only in titles",
    "title_and_body": "named by a title and used in the text",
    "heading_unused": "a heading names it, but the text under that heading never uses it again",
    "words1": "a single word",
    "words3": "three words",
    "words4": "four words or more",
    "acronym": "an acronym",
    "caps_word": "an English word in capitals",
    "rarity": "how rare its words are in English",
    "common": "made of common English words",
    "unknown": "a word English does not know",
    "generic": "its head is a note-taking word",
    "generic_any": "holds a note-taking word",
    "proper": "written as a proper name",
    "verb_start": "starts with a verb",
    "adj_start": "starts with an adjective",
    "adj_common": "starts with a common adjective",
    "adj_commonness": "starts with a describing word, by how common it is",
    "noun_compound": "a compound of nouns",
    "adjective_only": "a lone adjective",
    "head_common": "its head is a very common word",
    "code": "looks like code",
    "nested": "mostly used inside longer names",
    "nested_uses": "used inside longer names",
    "head_family": "other names share its head word",
    "modifier_of": "it modifies other names",
    "modifier_only": "used only as a word before another noun, never as a name of its own",
    "textrank": "its words are central in the notes (TextRank)",
    "has_definition": "a sentence defines it, or a card's title names it",
    "word_uses": "the notes keep using each of its words",
    "head_verb": "its last word is English only as a verb (a clause, not a name)",
    "evaluative": "its first word judges rather than classifies ('a typical enzyme')",
    "heading_pair": "a heading that joins two names the notes use on their own (a section "
    "about two terms)",
    "heading_clause": "a heading that reads like a clause (the title of a section)",
    "word_in_names": "a word of many longer names (a building block of names, not a term)",
    "opens_answer": "a card it titles opens its answer by naming it",
    "asked_what": "a question card asks what it is",
    "of_phrase": "a name with an 'of' complement",
    "clause_like": "reads like a title rather than a name",
    "in_references": "used in sentences that cite a source",
    "symbol": "a maths symbol or a letter and a number",
    "file_title": "the title of a whole file",
    "linked": "named only as the text of a link out of the notes",
    "link_line": "named by a link that is a whole line or list item (a resource list)",
    "singled": "the notes single it out (a term, heading, bold run ...)",
    "common_count": "how often it is used, for common English words",
    "commonness": "how common its rarest word is in English",
    "commonness_count": "how often it is used, for common words",
    "single_count": "how often it is used, for a single word",
    "opens_sentence": "opens sentences of running prose as their subject",
    "opens_item": "opens list items as what they are about",
    "example_share": "used in sentences that set up a worked example ('For example, consider')",
    "of_head": "a plain word used before 'of' (the salinity of, a portion of): a measure or a part",
    "pointed": "pointed at with 'this', 'our', 'their' (a thing of the notes' own example)",
    "comparative": "its first word compares ('deeper', 'larger'): a description of one case",
    "glued_number": "a word with a number glued to it ('group1'): the label of one instance",
    "after_of": "a plain name used right after 'of' (the flow of water): what something is of",
    "modifier_singled": "a phrase made of a term the notes single out ('enzyme reaction'), "
    "not singled out itself",
}


def feature_words(feature: str) -> str:
    """What a selector feature means, in words; ``singled_<f>`` is ``f`` for a name the
    notes single out.

    >>> feature_words("log_count"), feature_words("singled_words1")
    ('how often the notes use it', 'a single word, for a name the notes single out')
    """
    if feature in FEATURE_WORDS:
        return FEATURE_WORDS[feature]
    base = feature.removeprefix("singled_")
    if base != feature and base in FEATURE_WORDS:
        return f"{FEATURE_WORDS[base]}, for a name the notes single out"
    return feature


def _reason_words(reasons: Any) -> list[dict]:
    return [{"feature": f, "means": feature_words(f), "weight": w} for f, w in reasons or ()]


def explain_term(G: nx.MultiDiGraph, term: str) -> dict[str, Any]:
    """Why ``term`` is or is not a concept of ``G``.

    Returns a dict with ``status``: ``"concept"`` (``term`` names a node), ``"alias"``
    (another name of a node, merged into it), ``"rejected"`` (a candidate the selector
    did not keep), or ``"unknown"`` (the notes never use it as a name); and the
    evidence for it.

    Examples
    --------
    >>> G = nx.MultiDiGraph(candidates=[{"name": "variant", "names": ["variant"],
    ...     "score": 0.1, "threshold": 0.3, "roles": {"mention": 1}, "reasons": [],
    ...     "merges": []}])
    >>> G.add_node("cost-benefit analysis", label="CBA (cost-benefit analysis)",
    ...     aliases=["CBA"], selection={"score": 0.9, "threshold": 0.3,
    ...     "roles": {"heading": 1}, "features": {},
    ...     "reasons": [["role_heading", 2.1]], "merges": [{"name": "CBA",
    ...     "into": "cost-benefit analysis", "rule": "abbreviation",
    ...     "reason": "an abbreviation stated with its long form", "evidence": None}]})
    >>> explain_term(G, "cost benefit analysis")["status"], explain_term(G, "CBAs")["status"]
    ('concept', 'alias')
    >>> explain_term(G, "variant")["status"], explain_term(G, "zebra")["status"]
    ('rejected', 'unknown')
    """
    wanted = normalise(term)
    for node, attrs in G.nodes(data=True):
        names = {str(node), str(attrs.get("label", node))}
        if normalise(str(node)) == wanted or normalise(str(attrs.get("label", ""))) == wanted:
            return {**_concept(node, attrs, "concept", term), "path": path_info(G, node)}
        if wanted in {normalise(a) for a in attrs.get("aliases") or ()} - {
            normalise(n) for n in names
        }:
            return {**_concept(node, attrs, "alias", term), "path": path_info(G, node)}
    for entry in G.graph.get("candidates") or ():
        if wanted in {normalise(n) for n in [entry.get("name", ""), *entry.get("names", ())]}:
            return {
                "term": term,
                "status": "rejected",
                "name": entry.get("name"),
                "score": entry.get("score"),
                "threshold": entry.get("threshold"),
                "roles": entry.get("roles", {}),
                "reasons": _reason_words(entry.get("reasons")),
                "refused": entry.get("refused") or [],
                **({"ruled_out": entry["ruled_out"]} if entry.get("ruled_out") else {}),
            }
    near = resolve(G, term)
    return {"term": term, "status": "unknown", "closest": near}


def _concept(node: Any, attrs: Mapping[str, Any], status: str, term: str) -> dict[str, Any]:
    selection = attrs.get("selection") or {}
    merges = selection.get("merges") or []
    out = {
        "term": term,
        "status": status,
        "concept": node,
        "label": attrs.get("label", node),
        "score": selection.get("score"),
        "threshold": selection.get("threshold"),
        "roles": selection.get("roles", {}),
        "reasons": _reason_words(selection.get("reasons")),
        "merges": merges,
        "refused": selection.get("refused") or [],
        **({"kept_by": selection["kept_by"]} if selection.get("kept_by") else {}),
        "definition": attrs.get("definition") or "",
        "definition_evidence": attrs.get("definition_evidence"),
    }
    if not out["definition"]:
        out["no_definition"] = no_definition_reason(selection.get("features") or {})
    if status == "alias":
        wanted = normalise(term)
        out["merged_by"] = next((m for m in merges if normalise(m.get("name", "")) == wanted), None)
    return out


def no_definition_reason(features: Mapping[str, Any]) -> str:
    """Why a concept has no definition, in words that agree with its features: the
    selector's ``has_definition`` reads that a sentence defines it or a card's title names
    it, while the definition kept is a sentence that says what the concept itself is.

    >>> no_definition_reason({"has_definition": 1.0, "subject": 0.69})
    "a card's title names it, but no sentence of that card says what it is"
    >>> no_definition_reason({"has_definition": 1.0})
    'a sentence reads as defining it, but none says what it is in a way kept as its definition'
    >>> no_definition_reason({})
    'no sentence says what it is'
    """
    if not features.get("has_definition"):
        return "no sentence says what it is"
    if features.get("subject"):
        return "a card's title names it, but no sentence of that card says what it is"
    return (
        "a sentence reads as defining it, but none says what it is in a way kept as its definition"
    )


#: How many of the orders weighed and left out an explanation of a one-step learning
#: path lists (the likeliest first).
PATH_REJECTED_SHOWN = 3


def path_info(G: nx.MultiDiGraph, node: Any) -> dict[str, Any]:
    """How many steps the learning path of ``node`` has (:func:`graph.paths.learning_path`)
    and, when it is ``node`` alone, why: ``kept`` lists each prerequisite of it the build
    kept with what leaves it off the path (:func:`graph.paths.path_omission`), and
    ``rejected`` the likeliest orders that would have put a concept before it, which
    the build weighed and left out, with the reason (not those of an everyday word the
    notes never teach, :func:`graph.paths.generic_step`, which no path would follow):
    a student asking for the path of a concept and getting the concept alone sees
    where the prerequisites went.

    >>> G = nx.MultiDiGraph(prerequisites_rejected=[{"source": "gradient",
    ...     "target": "backprop", "confidence": 0.27, "reason": "below the threshold"}])
    >>> G.add_nodes_from(["gradient", "backprop"])
    >>> info = path_info(G, "backprop")
    >>> info["steps"], info["kept"], [(r["source"], r["reason"]) for r in info["rejected"]]
    (1, [], [('gradient', 'below the threshold')])
    """
    from graph.paths import PREREQUISITE, generic_step, learning_path, path_omission

    info: dict[str, Any] = {"steps": len(learning_path(G, node))}
    if info["steps"] > 1:
        return info
    parents = [
        p
        for p in G.predecessors(node)
        if p != node and any(e.get("relation") == PREREQUISITE for e in G[p][node].values())
    ]
    name = lambda n: str(G.nodes[n].get("label") or n)  # noqa: E731
    info["kept"] = [
        {"source": p, "label": name(p), "omitted": path_omission(G, node, p)} for p in parents
    ]
    rejected = [
        r
        for r in G.graph.get("prerequisites_rejected") or ()
        if r.get("target") == node and r.get("source") in G and not generic_step(G, r["source"])
    ]
    rejected.sort(key=lambda r: -float(r.get("confidence") or 0))
    info["rejected"] = [
        {**{k: r.get(k) for k in ("source", "confidence", "reason")}, "label": name(r["source"])}
        for r in rejected[:PATH_REJECTED_SHOWN]
    ]
    return info


def _path_lines(info: Mapping[str, Any]) -> list[str]:
    """:func:`path_info`, for people."""
    if not info:
        return []
    if info["steps"] > 1:
        return [f"Its learning path has {info['steps']} steps (`graph path`)."]
    lines = []
    if info.get("kept"):
        lines.append("Its learning path is the concept alone: the path leaves out")
        for k in info["kept"]:
            lines.append(f"  {k['label']}: {k['omitted']}")
    else:
        lines.append("Its learning path is the concept alone: no prerequisite of it was kept.")
    for r in info.get("rejected") or ():
        lines.append(
            f"  Weighed and left out: {r['label']} before it "
            f"({r.get('confidence')}): {r.get('reason')}"
        )
    return lines


def explain_edges(G: nx.MultiDiGraph, a: str, b: str) -> dict[str, Any]:
    """Why two concepts (as a student names them) are or are not linked: the edges
    between them with their evidence, the prerequisite score and the features that
    carried it, the orders weighed and left out (:func:`graph.paths.explain_pair`).

    Each name is read as the app's search box and ``python -m graph path`` read a
    target (:func:`graph.query.find_concepts`: "backprop" is backpropagation), so the
    pair asked about is the pair a learning path was asked for; ``taken`` maps each
    name to the concept it was taken as, where that is not the name as typed.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("backpropagation", label="backpropagation", importance=0.8)
    >>> G.add_node("gradient", label="gradient", importance=0.6)
    >>> info = explain_edges(G, "backprop", "gradient")
    >>> info["a"], info["taken"], info["verdict"]
    ('backpropagation', {'backprop': 'backpropagation'}, 'The notes never link them.')
    """
    from graph.paths import PREREQUISITE, explain_pair

    u, v = concept_named(G, a), concept_named(G, b)
    if u is None or v is None:
        return {
            "a": u,
            "b": v,
            "edges": [],
            "missing": [t for t, n in ((a, u), (b, v)) if n is None],
        }
    info = explain_pair(G, u, v)
    uncited = G.graph.get("prerequisite_uncited") or ()
    info["edges"] = [
        {**e, "unstated": said}
        if e.get("relation") == PREREQUISITE and (said := unstated(e.get("label") or "", uncited))
        else e
        for e in info["edges"]
    ]
    taken = {t: n for t, n in ((a, u), (b, v)) if not _as_typed(G, t, n)}
    return {**info, "taken": taken} if taken else info


def concept_named(G: nx.MultiDiGraph, name: str) -> Any | None:
    """The concept ``name`` means, as the search box finds it (its first match,
    :func:`graph.query.find_concepts`); None when nothing matches."""
    matches = find_concepts(G, name, limit=1)
    return matches[0] if matches else None


def _as_typed(G: nx.MultiDiGraph, name: str, node: Any) -> bool:
    """Is ``name`` one of ``node``'s own names (its id, label or an alias)?"""
    attrs = G.nodes[node]
    names = [node, attrs.get("label", node), *(attrs.get("aliases") or ())]
    return normalise(name) in {normalise(str(n)) for n in names}


def format_term(info: Mapping[str, Any]) -> str:
    """``explain_term``'s answer, for people."""
    term, status = info["term"], info["status"]
    lines: list[str] = []
    if status in {"concept", "alias"}:
        label = info["label"]
        if status == "alias":
            merged = info.get("merged_by") or {}
            why = merged.get("reason", "merged")
            lines.append(f"“{term}” is another name of the concept {label} ({why}).")
            if ev := merged.get("evidence"):
                lines.append(f"    “{ev['text']}” ({ev['source']}:{ev['line']})")
        else:
            lines.append(f"“{term}” is a concept: {label}.")
        if info.get("kept_by"):
            lines.append(
                f"Score {info['score']:.2f}, under the threshold {info['threshold']:.2f}, "
                f"kept as {info['kept_by']}."
            )
        elif info.get("score") is not None:
            lines.append(f"Score {info['score']:.2f} (kept from {info['threshold']:.2f}).")
    elif status == "rejected" and info.get("ruled_out"):
        lines.append(f"“{term}” is not a concept: {info['ruled_out']}.")
    elif status == "rejected":
        lines.append(
            f"“{term}” is not a concept: the notes use it, but its score {info['score']:.2f} "
            f"is under the threshold {info['threshold']:.2f}."
        )
    else:
        closest = info.get("closest")
        lines.append(f"“{term}” is not a concept: the notes never use it as a name.")
        if closest is not None:
            lines.append(f"Did you mean {closest}?")
        return "\n".join(lines)
    roles = info.get("roles") or {}
    if roles:
        lines.append("How the notes use it: " + ", ".join(f"{r} ×{n}" for r, n in roles.items()))
    if info.get("reasons"):
        lines.append("What weighed most:")
        for r in info["reasons"]:
            sign = "for" if r["weight"] > 0 else "against"
            lines.append(f"  {r['weight']:+.2f} {sign}: {r['means']}")
    if status != "rejected":
        merges = [m for m in info.get("merges") or () if m.get("name")]
        if merges:
            lines.append("Other names merged into it:")
            for m in merges:
                lines.append(f"  {m['name']} — {m['reason']}")
    lines.extend(_refused_lines(info.get("refused") or ()))
    if status != "rejected":
        if info.get("definition"):
            ev = info.get("definition_evidence") or {}
            where = f" ({ev.get('source')}:{ev.get('line')})" if ev else ""
            lines.append(f"Definition{where}: {info['definition']}")
        else:
            why = info.get("no_definition")
            lines.append(
                f"The notes give no definition of it: {why}."
                if why
                else "The notes give no definition of it."
            )
        lines.extend(_path_lines(info.get("path") or {}))
    return "\n".join(lines)


def _refused_lines(refused: Any) -> list[str]:
    """A merge refused, for people: which two names a rule would have joined, and why not.

    >>> for line in _refused_lines([{"name": "enzyme model", "into": "enzyme",
    ...         "rule": "generic_head", "why": "one word names each"}]):
    ...     print(line)
    Merges refused:
      enzyme model with enzyme (generic_head): not joined, one word names each
    """
    if not refused:
        return []
    lines = ["Merges refused:"]
    for r in refused:
        lines.append(
            f"  {r.get('name')} with {r.get('into')} ({r.get('rule')}): not joined, {r.get('why')}"
        )
    return lines


def format_edges(info: Mapping[str, Any], G: nx.MultiDiGraph) -> str:
    """``explain_edges``'s answer, for people."""
    if info.get("missing"):
        return "No concept matches " + ", ".join(repr(m) for m in info["missing"]) + "."
    from graph.export._style import relation_phrase

    label = lambda n: G.nodes[n].get("label", n)  # noqa: E731
    lines = [info["verdict"]]
    for e in info["edges"]:
        rel = e.get("relation", "related_to")
        lines.append(f"{label(e['source'])} —{rel}→ {label(e['target'])}  ({e.get('confidence')})")
        if e.get("label") and rel == "related_to":  # a weak link, in words
            said = relation_phrase(e)
            lines.append(f"  because: {label(e['source'])} {said} {label(e['target'])}")
        elif e.get("label"):
            lines.append(f"  because: {e['label']}")
            if e.get("unstated"):
                lines.append(f"  {e['unstated']}")
        for ev in (e.get("evidence") or ())[:3]:
            lines.append(f"    “{ev['text']}” ({ev['source']}:{ev['line']})")
    prerequisite = info.get("prerequisite") or {}
    for feature, weight in (prerequisite.get("features") or {}).items():
        means = (prerequisite.get("means") or {}).get(feature, feature)
        lines.append(f"  {weight:+.2f} {means}")
    for r in info.get("rejected") or ():
        lines.append(
            f"Weighed and left out: {label(r['source'])} before {label(r['target'])} "
            f"({r.get('confidence')}): {r.get('reason')}"
        )
    return "\n".join(lines)


def unstated(label: str, uncited: Collection[str]) -> str | None:
    """What to say of a prerequisite edge whose strongest feature (the first of its
    ``label``, ``"earlier+coined"``) no sentence carries (``uncited``, the graph's
    ``prerequisite_uncited``): that no sentence states the order, and which weaker
    features the cited sentences are for. None when a sentence carries the strongest.

    >>> unstated("earlier+coined+spread", {"earlier", "spread"})
    'no sentence states this order: it rests most on earlier; the sentences cited are for coined'
    >>> unstated("earlier+wider", {"earlier", "wider"})
    'no sentence states this order: it rests on how the notes name the two (earlier, wider)'
    >>> unstated("general+earlier", {"earlier"}) is None
    True
    """
    carried = [f for f in label.split("+") if f]
    if not carried or carried[0] not in uncited:
        return None
    cited = [f for f in carried if f not in uncited]
    if not cited:
        named = ", ".join(carried)
        return f"no sentence states this order: it rests on how the notes name the two ({named})"
    return (
        f"no sentence states this order: it rests most on {carried[0]}; "
        f"the sentences cited are for {', '.join(cited)}"
    )


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Add ``explain TERM [OTHER] --graph FILE [--json]`` to ``python -m graph``."""
    p = subparsers.add_parser(
        "explain", help="why a term is or is not a concept; with OTHER, why they are linked"
    )
    p.add_argument("term")
    p.add_argument("other", nargs="?")
    p.add_argument("--graph", required=True, metavar="FILE", help="a graph JSON file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_cli)


def _shown(value: Any) -> Any:
    r"""``value`` with every string in it (keys too) escaped for the terminal, on one
    line: what :func:`format_term` and :func:`format_edges` then join into lines.

    >>> _shown({"text": "a\x1b[2J\nb", "line": 3, "names": ["c\u202e"]})
    {'text': 'a\\x1b[2J\\nb', 'line': 3, 'names': ['c\\u202e']}
    """
    if isinstance(value, str):
        return for_terminal(value)
    if isinstance(value, Mapping):
        return {_shown(k): _shown(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_shown(v) for v in value]
    return value


def _shown_labels(G: nx.MultiDiGraph) -> Any:
    """What :func:`format_edges` reads of ``G`` (``G.nodes[node].get("label", node)``),
    for the escaped node ids of :func:`_shown`, with escaped labels."""
    nodes = {
        for_terminal(node): {"label": for_terminal(attrs.get("label", node))}
        for node, attrs in G.nodes(data=True)
    }
    return SimpleNamespace(nodes=nodes)


def _cli(args: argparse.Namespace) -> int:
    try:
        G = read_graph(args.graph)
    except (GraphFileError, OSError) as exc:
        echo(f"error: {exc}", file=sys.stderr)
        return 1
    if args.other:
        info = explain_edges(G, args.term, args.other)
        text = format_edges(_shown(info), _shown_labels(G))
        for name, node in (info.get("taken") or {}).items():  # as `graph path` says it
            label = str(G.nodes[node].get("label") or node)
            echo(f"note: {name!r} taken as {label!r}", file=sys.stderr)
    else:
        info = explain_term(G, args.term)
        text = format_term(_shown(info))
    if args.json:
        echo_json(info, indent=2, default=str)
    else:
        for line in text.split("\n"):  # only format_*'s own line breaks are left
            echo(line)
    return 0
