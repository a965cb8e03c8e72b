"""The concept-graph/1 file format as a schema, checked by :func:`graph.io.read_graph`
on every graph file it reads.

A graph file is NetworkX node-link JSON (``edges="edges"``). The schema is strict
where the code depends on a type -- a number is a JSON number (not a string, not
``true``, never NaN or Infinity), a whole number is not ``2.0``, a list is a list, a
string is a string -- and permissive about keys it does not know, so a file from a
later version that adds attributes still reads. An attribute the code reads with a
default may be absent; one it indexes directly (an evidence's ``source``, ``line`` and
``text``) is required; ``null`` is allowed only where the tool writes it. Beyond the
types, :func:`problems` checks what a schema of types cannot: node ids are unique, every
edge joins two of them, and no two edges share source, target and key.

The format version is the number in ``graph.schema`` (``concept-graph/1``), checked
first (:func:`version_problem`): a file from a newer version is named as such.

The schema is written with ``pydantic_core.core_schema`` and validated by pydantic v2's
validator (``pydantic_core.SchemaValidator``): the same engine as ``pydantic``'s models,
without their import and class-building cost (0.3 to 0.6 s on every command that reads
a graph; the core alone adds about 0.05 s).

Examples
--------
>>> data = {"directed": True, "multigraph": True, "graph": {"schema": "concept-graph/1"},
...         "nodes": [{"id": "nmr", "importance": "high"}], "edges": []}
>>> problems(data)
[('nodes[0].importance', "expected a number, got the string 'high'")]
>>> problems({"graph": {"schema": "concept-graph/2"}})[0][1]
'concept-graph/2: written by a newer version of Concept Atlas (this one reads concept-graph/1)'
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from extraction.limits import MAX_LINE_CHARS
from graph.io import SCHEMA

#: The format's name, and the version this code reads and writes (``SCHEMA``).
FORMAT, VERSION = SCHEMA.split("/")[0], int(SCHEMA.split("/")[1])

# The JSON types, strict: no "2" for 2, no true for 1, no 2.0 for a whole number.
TEXT = cs.str_schema(strict=True)
#: Most characters of a concept's name (its id, label, aliases, and the ends of its
#: relations): the longest line a reader keeps (``MAX_LINE_CHARS``), so that no name a
#: build writes is refused. The names a build gives are phrases of tens of characters
#: (the longest in a 5,800-concept textbook graph: 55); every export and query compiles
#: a pattern of a concept's names, at about 10 µs a character (a 10 MB label: minutes).
MAX_NAME_CHARS = MAX_LINE_CHARS
NAME = cs.str_schema(strict=True, max_length=MAX_NAME_CHARS)
WHOLE = cs.int_schema(strict=True, ge=-(2**63), lt=2**63)
# A number: a JSON integer stays an int (written back as it was read), else a finite float.
NUMBER = cs.union_schema(
    [WHOLE, cs.float_schema(strict=True, allow_inf_nan=False)],
    custom_error_type="float_type",
)
FLAG = cs.bool_schema(strict=True)
TRUE = cs.chain_schema([FLAG, cs.literal_schema([True])])


#: Any JSON value whose numbers are finite and whose whole numbers fit in 64 bits: what
#: a key the schema does not know may hold (so that the graph can be written back).
ANY = cs.definition_reference_schema("json-value")
_ANY_DEFINITION = cs.union_schema(
    [
        cs.none_schema(),
        FLAG,
        WHOLE,
        NUMBER,
        TEXT,
        cs.list_schema(ANY, strict=True),
        cs.dict_schema(TEXT, ANY, strict=True),
    ],
    custom_error_type="json_value",
    custom_error_message="not plain JSON (NaN, Infinity, a number too large, or nested too deep)",
    ref="json-value",
)


def list_of(items: cs.CoreSchema) -> cs.CoreSchema:
    """A JSON list of ``items``."""
    return cs.list_schema(items, strict=True)


def map_of(values: cs.CoreSchema) -> cs.CoreSchema:
    """A JSON object of any keys, each holding ``values``."""
    return cs.dict_schema(TEXT, values, strict=True)


def pair(first: cs.CoreSchema, second: cs.CoreSchema) -> cs.CoreSchema:
    """A JSON list of exactly two items: ``[file, line]``, ``[feature, weight]`` (a
    list again once checked, as ``json`` reads it)."""
    return cs.no_info_after_validator_function(list, cs.tuple_schema([first, second]))


def maybe(schema: cs.CoreSchema) -> cs.CoreSchema:
    """``schema`` or ``null``."""
    return cs.nullable_schema(schema)


def record(name: str, fields: dict[str, cs.CoreSchema], required: set[str]) -> cs.CoreSchema:
    """A JSON object with ``fields`` (in the order the tool writes them: the checked copy
    keeps it, so a graph read and written again is the same text), those named in
    ``required`` present; any other key is allowed."""
    return cs.typed_dict_schema(
        {k: cs.typed_dict_field(v, required=k in required) for k, v in fields.items()},
        cls_name=name,
        extra_behavior="allow",
        extras_schema=ANY,
        strict=True,
    )


#: A sentence of the notes and where it stands (every field is read directly).
EVIDENCE = record(
    "Evidence", {"source": TEXT, "line": WHOLE, "text": TEXT}, {"source", "line", "text"}
)

#: Another name merged into a concept, with the rule and its reason.
MERGE = record(
    "Merge",
    {"name": TEXT, "into": TEXT, "rule": TEXT, "reason": TEXT, "evidence": maybe(EVIDENCE)},
    {"name", "reason"},
)

#: A merge a rule asked for and that was refused, and why (``explain`` lists them).
REFUSAL = record(
    "Refusal",
    {"name": TEXT, "into": TEXT, "rule": TEXT, "reason": TEXT, "why": TEXT},
    {"name", "why"},
)

_SCORED = {
    "score": NUMBER,
    "threshold": NUMBER,
    "kept": FLAG,
    "roles": map_of(WHOLE),
    "features": map_of(NUMBER),
    "reasons": list_of(pair(TEXT, NUMBER)),
    "merges": list_of(MERGE),
    "merged_names": WHOLE,
    "ruled_out": TEXT,  # why a rule ruled the name out whatever its score, when one did
    "kept_by": TEXT,  # why a rule kept the name whatever its score, when one did
    "refused": list_of(REFUSAL),
}
#: Why the selector kept a name as a concept (``explain``).
SELECTION = record("Selection", _SCORED, {"score", "threshold"})
#: A name the selector did not keep (``graph.candidates``).
CANDIDATE = record(
    "Candidate", {**_SCORED, "name": TEXT, "names": list_of(TEXT)}, {"score", "threshold"}
)

#: A concept (node-link JSON puts the id last).
NODE = record(
    "Node",
    {
        "label": NAME,
        "aliases": list_of(NAME),
        "definition": TEXT,
        "definition_evidence": maybe(EVIDENCE),
        "importance": NUMBER,
        "topic": TEXT,
        "mentions": WHOLE,
        "first_seen": maybe(pair(TEXT, WHOLE)),
        "cards": list_of(TEXT),
        "selection": maybe(SELECTION),
        "id": NAME,
    },
    {"id"},
)

_RELATION = {
    "relation": TEXT,
    "confidence": NUMBER,
    "evidence": list_of(EVIDENCE),
    "label": TEXT,
    "features": map_of(NUMBER),
}
#: A relation between two concepts, with the sentences that state it.
EDGE = record(
    "Edge", {**_RELATION, "source": NAME, "target": NAME, "key": WHOLE}, {"source", "target"}
)
#: A prerequisite weighed and left out (``graph.prerequisites_rejected``).
REJECTED = record(
    "Rejected",
    {"source": NAME, "target": NAME, **_RELATION, "reason": TEXT},
    {"source", "target"},
)

#: A file the graph was built from (``graph.sources``).
SOURCE = record(
    "Source",
    {"path": TEXT, "sha256": TEXT, "format": TEXT, "cards": WHOLE, "errors": list_of(TEXT)},
    set(),
)

#: The graph's own attributes.
GRAPH = record(
    "Graph",
    {
        "schema": TEXT,
        "model": maybe(TEXT),
        "sources": list_of(SOURCE),
        "candidates": list_of(CANDIDATE),
        "prerequisite_features": map_of(TEXT),
        "prerequisite_uncited": list_of(TEXT),
        "prerequisites_rejected": list_of(REJECTED),
    },
    {"schema"},
)

#: A whole concept-graph/1 file.
GRAPH_FILE = record(
    "GraphFile",
    {
        "directed": TRUE,
        "multigraph": TRUE,
        "graph": GRAPH,
        "nodes": list_of(NODE),
        "edges": list_of(EDGE),
    },
    {"graph", "nodes", "edges"},
)

_VALIDATOR: SchemaValidator | None = None


def validator() -> SchemaValidator:
    """The validator of :data:`GRAPH_FILE`, built on first use (a millisecond)."""
    global _VALIDATOR
    if _VALIDATOR is None:
        _VALIDATOR = SchemaValidator(cs.definitions_schema(GRAPH_FILE, [_ANY_DEFINITION]))
    return _VALIDATOR


_VERSION = re.compile(rf"{re.escape(FORMAT)}/([0-9]{{1,9}})")


def version_problem(data: Any) -> tuple[str, str] | None:
    """Why ``data`` (a parsed JSON file) is not a graph file this version reads, as
    ``(place, reason)``; None when its ``graph.schema`` is :data:`SCHEMA`.

    Checked before the rest of the schema: a newer format may differ anywhere.

    Examples
    --------
    >>> version_problem({"graph": {"schema": "concept-graph/1"}}) is None
    True
    >>> version_problem([1, 2])
    ('top level', 'expected an object, got a list: not a concept graph file')
    >>> version_problem({"nodes": []})
    ('graph', 'missing: not a concept graph file')
    """
    if not isinstance(data, dict):
        return "top level", f"expected an object, got {describe(data)}: not a concept graph file"
    if "graph" not in data:
        return "graph", "missing: not a concept graph file"
    graph = data["graph"]
    if not isinstance(graph, dict):
        return "graph", f"expected an object, got {describe(graph)}: not a concept graph file"
    if "schema" not in graph:
        return "graph.schema", "missing: not a concept graph file"
    schema = graph["schema"]
    if schema == SCHEMA:
        return None
    found = _VERSION.fullmatch(schema) if isinstance(schema, str) else None
    if found and int(found.group(1)) > VERSION:
        return "graph.schema", (
            f"{schema}: written by a newer version of Concept Atlas (this one reads {SCHEMA})"
        )
    return "graph.schema", f"expected {SCHEMA!r}, got {describe(schema)}: not a concept graph file"


def check(data: Any) -> tuple[Any, list[tuple[str, str]]]:
    """``data`` (a parsed JSON file) checked as concept-graph/1: the checked copy (as
    :func:`check_json` gives it), and everything wrong with it as ``(place, reason)``
    pairs in file order (the copy is None when there is anything).

    Examples
    --------
    >>> check({"graph": {"schema": "concept-graph/1"}, "nodes": [{"id": "a"}, {"id": "a"}],
    ...        "edges": [{"source": "a", "target": "b"}]})[1]
    [('nodes[1].id', "'a' is the id of nodes[0] too"), ('edges[0].target', "'b' is not a node id")]
    """
    found = version_problem(data)
    if found:
        return None, [found]
    try:
        checked = validator().validate_python(data)
    except ValidationError as exc:
        return None, [_problem(error) for error in exc.errors(include_url=False)]
    found_links = links(checked)
    return (None if found_links else checked), found_links


def problems(data: Any) -> list[tuple[str, str]]:
    """What :func:`check` finds wrong with ``data``; empty for a valid graph file.

    >>> problems({"graph": {"schema": "concept-graph/1"}, "nodes": "abc", "edges": []})
    [('nodes', "expected a list, got the string 'abc'")]
    """
    return check(data)[1]


def check_json(raw: bytes) -> Any | None:
    """The parsed and checked content of a JSON text if it is a valid concept-graph/1
    file, else None (then :func:`check` on what ``json.loads`` makes of it says why).

    The fast path: one pass of pydantic-core's JSON parser, which builds the checked
    Python objects directly (about as fast as ``json.loads`` alone). It refuses what
    ``json.loads`` would refuse, and more: a lone surrogate escape, nesting over 200
    levels, a UTF-16 file, which the slower way then reads or explains.

    >>> check_json(b'{"graph": {"schema": "concept-graph/1"}, "nodes": [], "edges": []}')
    {'graph': {'schema': 'concept-graph/1'}, 'nodes': [], 'edges': []}
    >>> check_json(b'{"graph": {"schema": "concept-graph/2"}, "nodes": [], "edges": []}')
    """
    try:
        data = validator().validate_json(raw)
    except ValidationError:
        return None
    return data if version_problem(data) is None and not links(data) else None


def links(data: dict) -> list[tuple[str, str]]:
    """Duplicate node ids, edges to nodes that do not exist, and two edges with the same
    source, target and key (a ``MultiDiGraph`` would keep only one of them)."""
    out: list[tuple[str, str]] = []
    first: dict[str, int] = {}
    for i, node in enumerate(data["nodes"]):
        seen = first.setdefault(node["id"], i)
        if seen != i:
            out.append((f"nodes[{i}].id", f"{quote(node['id'])} is the id of nodes[{seen}] too"))
    keys: dict[tuple[str, str, int], int] = {}
    for i, edge in enumerate(data["edges"]):
        for end in ("source", "target"):
            if edge[end] not in first:
                out.append((f"edges[{i}].{end}", f"{quote(edge[end])} is not a node id"))
        if "key" in edge:
            seen = keys.setdefault((edge["source"], edge["target"], edge["key"]), i)
            if seen != i:
                out.append((f"edges[{i}].key", f"edges[{seen}] has the same source, target, key"))
    return out


#: How the validator's error types read in a message ("expected a number, got ...").
_EXPECTED = {
    "string_type": "a string",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "an object",
    "literal_error": "true",  # directed and multigraph: the only literal
}


def _problem(error: Any) -> tuple[str, str]:
    """One validator error as ``(place, reason)``."""
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        reason = "missing"
    elif kind in {"less_than", "greater_than_equal"}:
        reason = f"{describe(value)}: out of range (a whole number of 64 bits)"
    elif kind == "float_type" and isinstance(value, float) and not math.isfinite(value):
        reason = "not a finite number (JSON has no NaN or Infinity)"
    elif kind in _EXPECTED:
        reason = f"expected {_EXPECTED[kind]}, got {describe(value)}"
    elif kind == "finite_number" or (isinstance(value, float) and not math.isfinite(value)):
        reason = "not a finite number (JSON has no NaN or Infinity)"
    elif kind == "string_too_long":
        reason = (
            f"a name of {len(value):,} characters, over the {MAX_NAME_CHARS:,}-character "
            "limit (a concept's name is a phrase of a line at most)"
        )
    elif kind in {"too_short", "too_long"}:
        reason = f"expected 2 items, got {len(value)}"
    else:
        reason = error["msg"]
    return place(error["loc"]), reason


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def place(loc: tuple[int | str, ...]) -> str:
    """Where in the file a validator's ``loc`` points: ``nodes[3].importance``; a key
    that is not a plain name is quoted as JSON (``features["a b"]``), control and
    non-ASCII characters escaped.

    >>> place(("nodes", 3, "importance")), place(("edges", 0, "features", "x\\x1by"))
    ('nodes[3].importance', 'edges[0].features["x\\\\u001by"]')
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _NAME.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part[:40])}]"
    return out or "top level"


def quote(value: str, limit: int = 40) -> str:
    """A string of the file, quoted and cut for a one-line message; every character
    that is not printable ASCII is escaped (the message goes to a terminal).

    >>> quote("caf\\u00e9\\x1b[2J"), quote("x" * 50, limit=8)
    ("'caf\\\\u00e9\\\\u001b[2J'", "'xxxxxxxx...'")
    """
    cut = value[:limit]
    text = json.dumps(cut)[1:-1].replace("'", "\\'")
    return f"'{text}{'...' if len(value) > limit else ''}'"


def describe(value: Any) -> str:
    """What a JSON value is, for "expected ..., got <this>".

    >>> describe("high"), describe(None), describe(True), describe(3.5), describe([1])
    ("the string 'high'", 'null', 'true', 'the number 3.5', 'a list')
    """
    if isinstance(value, str):
        return f"the string {quote(value)}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        text = str(value)
        return f"the number {text}" if len(text) <= 20 else f"a number of {len(text)} digits"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
