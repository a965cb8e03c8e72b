"""Learning paths, and why two concepts are (or are not) linked.

Prerequisites are the ``prerequisite_of`` edges of the graph (``u -> v``: learn ``u``
before ``v``), each scored by the fitted model of :mod:`extraction.prerequisites`.
:func:`break_cycles` removes the weakest link of every cycle; :func:`learning_path`
gives a target's prerequisites in study order, with what the notes' structure puts before
it and its steps (:func:`structure_links`: the concepts a defining sentence or a heading
over it names), and :func:`path_steps` the same steps with their definitions (a step the
notes never define is flagged, not hidden);
:func:`explain_pair` says why there is or is not an edge between two concepts. The
study order is computed once per graph and kept with the name lookups of
:mod:`graph.query` (in ``G.__networkx_cache__``).
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import networkx as nx

from extraction.records import HEADING_LIST, ORDER_STATEMENTS
from graph.topics import PREREQUISITE, _file, file_titles, is_everyday, supporting_files

if TYPE_CHECKING:
    from graph.query import _Index


#: The relations that say no kind of link: prerequisites and plain co-occurrence.
UNTYPED_RELATIONS = frozenset({PREREQUISITE, "related_to"})

#: Prerequisites weaker than this are not followed. The build keeps only the edges its
#: fitted model accepts, so every one of them is followed.
STUDY_MIN_CONFIDENCE = 0.0
#: Weakest strength of a concept's chains of prerequisites that puts it on a learning
#: path (each chain the product of its confidences; chains through different
#: prerequisites of the target add up as independent readings, :func:`_chains`): a
#: direct prerequisite always (the build keeps none under 0.2), two links of 0.23 each,
#: three of 0.37: a transitive step stays where it carries weight.
PATH_MIN_STRENGTH = 0.05
#: The links of the notes' structure (:data:`STRUCTURE_LINKS`) that, where a prerequisite
#: also leads from a concept to a step, make that concept, once its chains put it on the
#: path, as strong as the step (:func:`_confirmed`): the defining sentence of the step
#: names it, or a heading lists it before the step. Not a heading over the step that
#: merely names it: a topic the step is explained under, often a whole chapter's, not
#: what the step needs. Such a link does not bring a concept onto the path: a step's own
#: prerequisites enter only where their chains carry weight for the target.
CONFIRMING_LINKS = frozenset({"definition", "listed"})


#: Roles (:data:`extraction.concepts.candidates.ROLES`) by which the notes single a
#: concept out: a card, a question, a heading, a cloze, emphasis, a label, a defining
#: sentence, a name introduced, a list item or table row of its own.
SINGLED_OUT = frozenset(
    {"term", "question", "heading", "cloze", "emphasis", "label", "defined", "named"}
    | {"item", "cell"}
)


def generic_step(G: nx.MultiDiGraph, node: Any) -> bool:
    """Is ``node`` a word of everyday English (one word, :func:`graph.topics.is_everyday`)
    that the notes neither define nor single out by a role of their own (:func:`_taught`,
    without the prerequisite stage's wider ``singled_out``: an everyday word heads many
    longer names, and so reads as "taught through its kinds"; nor by the title of a card
    that is a card of a longer name holding it: "The Conditions for Deadlock" singles out
    conditions for deadlock, not "condition")? Such a word ("model", "value", "state")
    is background, not a step of a learning path.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("model", selection={"features": {"common": 1.0}, "roles": {"mention": 9}})
    >>> G.add_node("process", definition="A running program.",
    ...            selection={"features": {"common": 1.0}, "roles": {"mention": 4}})
    >>> G.add_node("memory", selection={"features": {"common": 1.0}, "roles": {"heading": 1}})
    >>> G.add_node("state", singled_out=True,
    ...            selection={"features": {"common": 1.0}, "roles": {"mention": 9}})
    >>> [generic_step(G, n) for n in ("model", "process", "memory", "state")]
    [True, False, False, True]
    """
    if len(str(node).split()) != 1 or not is_everyday(G, node):
        return False
    attrs = {k: v for k, v in G.nodes[node].items() if k != "singled_out"}
    # the notes' own words for it, not the prerequisite stage's wider reading (an
    # everyday word is "taught through its kinds" by every longer name it heads)
    if attrs.get("cards") and not attrs.get("definition") and _cards_of_longer(G, node):
        # its cards are about longer names that hold it ("The Conditions for Deadlock"
        # for "condition"): their titles single those out, not the word
        selection = attrs.get("selection")
        roles = dict(selection.get("roles") or {}) if isinstance(selection, dict) else {}
        for role in TITLE_ROLES:
            roles.pop(role, None)
        attrs = {**attrs, "cards": [], "selection": {**(selection or {}), "roles": roles}}
    return not _taught(attrs)


#: Roles a concept takes from the title of a card (:data:`SINGLED_OUT`).
TITLE_ROLES = frozenset({"term", "question", "heading", "cloze"})


def _cards_of_longer(G: nx.MultiDiGraph, node: Any) -> bool:
    """Is every card of ``node`` also a card of a longer concept whose name holds it?"""
    from graph.query import _mention_pattern

    _, study = _study(G)
    if study.by_card is None:
        study.by_card = defaultdict(list)
        for n, cards in G.nodes(data="cards"):
            for card in cards or ():
                study.by_card[card].append(n)
    pattern = _mention_pattern(G, node)
    if pattern is None:
        return False
    longer = lambda n: n != node and len(str(n).split()) > 1 and pattern.search(str(n))  # noqa: E731
    return all(any(map(longer, study.by_card.get(c, ()))) for c in G.nodes[node]["cards"])


def name_word(G: nx.MultiDiGraph, word: Any, node: Any) -> bool:
    """Is ``word`` a word of everyday English (one word, :func:`graph.topics.is_everyday`)
    that the notes do not define, linked to ``node`` by its name alone: ``word`` is
    inside the name of ``node``, which the notes neither define nor single out
    (:func:`unexplained_step`), and no statement but that (the prerequisite feature
    ``name_inside``) carries the prerequisite between them? Reading such a name needs
    the English word, not a lesson on it ("data" of "training data" in notes that never
    explain training data), so a learning path does not follow it.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("data", selection={"features": {"common": 1.0}, "roles": {"label": 1}})
    >>> G.add_node("training data", selection={"roles": {"mention": 3}})
    >>> G.add_node("test data", definition="Data held out of training.")
    >>> for name in ("training data", "test data"):
    ...     _ = G.add_edge("data", name, relation="prerequisite_of", confidence=0.6,
    ...                    features={"name_inside": 1.1, "earlier": 0.3})
    >>> name_word(G, "data", "training data"), name_word(G, "data", "test data")
    (True, False)
    """
    if len(str(word).split()) != 1 or not is_everyday(G, word) or G.nodes[word].get("definition"):
        return False
    if not G.has_edge(word, node) or not unexplained_step(G, node):
        return False
    carried = set()
    for edge in G[word][node].values():
        if edge.get("relation") == PREREQUISITE:
            features = edge.get("features")
            if not isinstance(features, dict):
                return False  # a graph that does not say what carried it
            carried |= {f for f, c in features.items() if c > 0 and f in STATEMENT_FEATURES}
    return carried == {"name_inside"}


#: The prerequisite features that state an order outright (the prerequisite stage's own
#: list, kept beside the record so that reading paths does not load spaCy).
STATEMENT_FEATURES = ORDER_STATEMENTS

#: The prerequisite feature by which a use states an order: B is used for A, so the task A
#: comes before the tool B; and the summary of typed relations (``stated``) such a use
#: also feeds, beside the typed readings that may feed it (``member`` included).
USE_FEATURE = "task"
STATED_SUMMARY = "stated"
_READINGS = STATEMENT_FEATURES | {"member"}


def use_only(G: nx.MultiDiGraph, use: Any, node: Any) -> bool:
    """Is the prerequisite ``use -> node`` stated only by ``node`` being used for
    ``use`` (:data:`USE_FEATURE`: "the task before the tool"), in a sentence other than
    the one that defines ``node`` (its ``in_definition`` feature is not positive)? The
    prerequisite stage reads such a task as the way into the tool, so the tool's own
    learning path starts with it; but it is where the tool leads, not what the tool is
    made of: a learning path that reaches ``node`` as a step toward another target does
    not follow it ("Probability is used in data science" puts no data science before a
    t-test that needs probability). A defining sentence that gives the task
    ("Triangulation is a method used to map a coastline") still leads: reading
    the step's definition needs it.

    >>> G = nx.MultiDiGraph()
    >>> for use, extra in [("irrigation", {}), ("farming", {"in_definition": 0.6})]:
    ...     _ = G.add_edge(use, "canal", relation="prerequisite_of", confidence=0.5,
    ...                    features={"stated": 1.1, "task": 0.01, "earlier": 0.3, **extra})
    >>> use_only(G, "irrigation", "canal"), use_only(G, "farming", "canal")
    (True, False)

    A use whose fitted weight came out a hair below zero is still a use:

    >>> _ = G.add_edge("drainage", "canal", relation="prerequisite_of", confidence=0.4,
    ...                features={"stated": 1.1, "task": -0.006, "earlier": 0.3})
    >>> use_only(G, "drainage", "canal")
    True
    """
    if not G.has_edge(use, node):
        return False
    carried = set()
    for edge in G[use][node].values():
        if edge.get("relation") == PREREQUISITE:
            features = edge.get("features")
            if not isinstance(features, dict) or features.get("in_definition", 0) > 0:
                return False  # says nothing of what carried it, or the definition gives it
            # the readings present, whatever the sign of their fitted weight: a use the
            # scorer weighs at about nothing (one fold's fit) is still what the notes say
            carried |= {f for f, c in features.items() if c != 0 and f in _READINGS}
    return USE_FEATURE in carried and carried <= {USE_FEATURE, STATED_SUMMARY}


def incidental_step(G: nx.MultiDiGraph, parent: Any, node: Any) -> bool:
    """Is ``parent``, a prerequisite of the step ``node`` on the way to a target (not
    the target itself), incidental to that target: a concept the notes neither define
    nor single out (:func:`unexplained_step`), which only a step needs, unless its name
    stands inside the step's name other than as its last word (:func:`modifier_of`)?
    The notes never teach it, and the target builds on it only through another step
    ("the measure" a gradient is an instance of, "a saturating function" that makes a
    problem worse): a teacher would not list it before the target. A name the step's
    name is built on ("enzyme" of "enzyme kinetics") is what the step is about, and
    stays; the last word of a longer name ("interval" of "confidence interval") names
    the class the step is a kind of, and does not. Nor one a heading over the step
    names (the node's ``under``): the heading singles it out. A graph that does not say how the
    notes use a concept (no ``selection``: another tool's) has no incidental steps.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("enzyme", selection={"roles": {"mention": 9}})
    >>> G.add_node("rate", selection={"roles": {"mention": 2}})
    >>> G.add_node("catalyst", selection={"roles": {"mention": 1}})
    >>> G.add_node("enzyme kinetics", selection={"roles": {"mention": 2}})
    >>> G.add_node("reaction rate", definition="How fast a reaction runs.")
    >>> G.add_node("substrate", definition="What an enzyme acts on.")
    >>> [incidental_step(G, p, n) for p, n in [("enzyme", "enzyme kinetics"),
    ...     ("rate", "reaction rate"), ("catalyst", "reaction rate"),
    ...     ("substrate", "reaction rate")]]
    [False, True, True, False]
    """
    if not isinstance(G.nodes[parent].get("selection"), dict):
        return False  # a graph that does not say how the notes use it (another tool's)
    if any(parent in (h.get("names") or ()) for h in G.nodes[node].get("under") or ()):
        return False  # a heading over the step names it: that singles it out
    return unexplained_step(G, parent) and not modifier_of(G, parent, node)


#: The prerequisite features by which the sentence that defines the later concept names
#: the earlier one (the prerequisite stage's names for them).
DEFINITION_FEATURES = frozenset({"in_definition", "definition_words"})


def apart_only(G: nx.MultiDiGraph, parent: Any, node: Any) -> bool:
    """Is the prerequisite ``parent -> node`` one whose ``parent`` the notes neither
    define nor single out (:func:`unexplained_step`), and whose evidence names each of
    the two apart, never both in one sentence, while the sentence that defines ``node``
    does not name ``parent`` (no positive :data:`DEFINITION_FEATURES`)? Such an order was read
    from a heading over a passage that only uses the name ("Limits of irrigation" over
    "Needs a lot of fresh water"): the notes never say that ``node`` builds on it, so a
    learning path does not follow it. A graph that does not say how the notes use a
    concept (no ``selection``) or what carried the edge (no ``features``) has none.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("fresh water", selection={"roles": {"mention": 3}})
    >>> G.add_node("canal", selection={"roles": {"mention": 2}})
    >>> G.add_node("irrigation", definition="Watering fields through canals.")
    >>> heading = {"source": "n.md", "line": 3, "text": "Limits of irrigation"}
    >>> item = {"source": "n.md", "line": 4, "text": "Needs a lot of fresh water"}
    >>> _ = G.add_edge("fresh water", "irrigation", relation="prerequisite_of",
    ...                evidence=[heading, item], features={"stated": 1.2})
    >>> said = {"source": "n.md", "line": 1, "text": "Watering fields through canals."}
    >>> _ = G.add_edge("canal", "irrigation", relation="prerequisite_of", evidence=[said],
    ...                features={"stated": 1.2, "in_definition": 0.6})
    >>> apart_only(G, "fresh water", "irrigation"), apart_only(G, "canal", "irrigation")
    (True, False)
    """
    from graph.query import _mention_pattern

    if not isinstance(G.nodes[parent].get("selection"), dict) or not unexplained_step(G, parent):
        return False
    if not G.has_edge(parent, node):
        return False
    first, then = _mention_pattern(G, parent), _mention_pattern(G, node)
    if first is None or then is None:
        return False
    seen = [False, False]
    for edge in G[parent][node].values():
        if edge.get("relation") != PREREQUISITE:
            continue
        features = edge.get("features")
        if not isinstance(features, dict):
            return False  # a graph that does not say what carried it
        if any(features.get(f, 0) > 0 for f in DEFINITION_FEATURES):
            return False  # the sentence that defines node names it
        for said in edge.get("evidence") or ():
            text = str(said.get("text") or "") if isinstance(said, dict) else ""
            names = (bool(first.search(text)), bool(then.search(text)))
            if all(names):
                return False  # a sentence that names both
            seen = [a or b for a, b in zip(seen, names, strict=True)]
    return all(seen)  # each named, never together: evidence apart


#: The prerequisite feature of two kinds of one thing taught in turn ("bisque firing"
#: before "raku firing"): siblings, not one built on the other.
KIN_FEATURE = "kin"
#: The prerequisite features no sentence carries (how often, where, how widely the notes
#: name the two), as a graph that does not say so (``G.graph["prerequisite_uncited"]``)
#: is read.
UNCITED_FEATURES = frozenset({"wider", "earlier", "common", "spread"})


def kin_only(G: nx.MultiDiGraph, parent: Any, node: Any) -> bool:
    """Is the prerequisite ``parent -> node`` carried by nothing but the two being kinds
    of one thing taught in turn (:data:`KIN_FEATURE`, with features no sentence carries)?
    Such siblings are alternatives a course takes one after the other ("strain theory",
    "labeling theory"): a learning path takes one such step ("normal distribution"
    before "t-distribution"), never a chain of them (:func:`_through`). A graph that
    does not say what carried the edge has none.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("bisque firing", "raku firing", relation="prerequisite_of",
    ...                features={"kin": 0.3, "earlier": 0.28})
    >>> _ = G.add_edge("kiln", "raku firing", relation="prerequisite_of",
    ...                features={"kin": 0.3, "in_definition": 0.5})
    >>> kin_only(G, "bisque firing", "raku firing"), kin_only(G, "kiln", "raku firing")
    (True, False)
    """
    uncited = frozenset(G.graph.get("prerequisite_uncited") or UNCITED_FEATURES)
    found = False
    for edge in G[parent][node].values() if G.has_edge(parent, node) else ():
        if edge.get("relation") != PREREQUISITE:
            continue
        features = edge.get("features")
        if not isinstance(features, dict):
            return False
        carried = {f for f, c in features.items() if c > 0 and f not in uncited}
        if carried != {KIN_FEATURE}:
            return False
        found = True
    return found


def modifier_of(G: nx.MultiDiGraph, word: Any, node: Any) -> bool:
    """Does the name of ``word`` stand inside the name (or label) of ``node`` but not
    end it (as :func:`graph.query.normalise` folds names): a modifier of the longer
    name, not its head?

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["soil", "soil erosion", "erosion", "pH", "pH-meter"])
    >>> [modifier_of(G, w, "soil erosion") for w in ("soil", "erosion")]
    [True, False]
    >>> modifier_of(G, "pH", "pH-meter")
    True
    """
    from graph.query import normalise

    words = normalise(str(G.nodes[word].get("label") or word)).split()
    if not words:
        return False
    for name in {str(node), str(G.nodes[node].get("label") or node)}:
        longer = normalise(name).split()
        for i in range(len(longer) - len(words)):  # every place but the last
            if longer[i : i + len(words)] == words:
                return True
    return False


def unexplained_step(G: nx.MultiDiGraph, node: Any) -> bool:
    """Do the notes neither define ``node`` nor single it out (:func:`_taught`)? Such
    a step may be on a path (flagged), but what it needs is followed only where the
    notes state it (:func:`states_order`): a term they only use ("energy" in
    notes that never explain it) is named beside everything, and what is named beside
    it is background, not what the target builds on.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("enzyme", selection={"roles": {"mention": 9}})
    >>> G.add_node("catalyst", selection={"roles": {"heading": 1}})
    >>> G.add_node("substrate", definition="What an enzyme acts on.")
    >>> [unexplained_step(G, n) for n in ("enzyme", "catalyst", "substrate")]
    [True, False, False]
    """
    return not _taught(G.nodes[node])


def _taught(attrs: dict) -> bool:
    """Do the notes define a concept (its node's ``attrs``), give it a card, or single it
    out: by a role of :data:`SINGLED_OUT`, or as the prerequisite stage reads it
    (``singled_out``: also an action heading, a question about it, its kinds)?"""
    if attrs.get("definition") or attrs.get("cards") or attrs.get("singled_out"):
        return True
    selection = attrs.get("selection")
    roles = selection.get("roles") if isinstance(selection, dict) else None
    return bool(SINGLED_OUT & set(roles or ()))


def states_order(edge: dict) -> bool:
    """Is a ``prerequisite_of`` edge carried by a statement of the order (a typed
    relation, a name inside a name, a part and its whole:
    :data:`STATEMENT_FEATURES`), or does it not say what carried it (a
    graph of another tool)?

    >>> states_order({"features": {"name_inside": 1.1, "earlier": 0.3}})
    True
    >>> states_order({"features": {"explains": 0.6, "earlier": 0.3}}), states_order({})
    (False, True)
    """
    features = edge.get("features")
    if features is None:
        return True
    return any(c > 0 and f in STATEMENT_FEATURES for f, c in features.items())


def off_course(cited: frozenset, home: frozenset) -> bool:
    """Does a prerequisite whose evidence cites the files ``cited`` belong to another
    course than a target the files ``home`` speak of? Only when both are known and
    share no file: a semester of several courses built together keeps each path in the
    notes that teach its target, unless those notes cite the other course too.

    >>> off_course(frozenset({"databases.md"}), frozenset({"genetics.md"}))
    True
    >>> off_course(frozenset({"databases.md", "genetics.md"}), frozenset({"genetics.md"}))
    False
    >>> off_course(frozenset(), frozenset({"genetics.md"}))
    False
    """
    return bool(cited) and bool(home) and not (cited & home)


def _undefined(G: nx.MultiDiGraph, node: Any) -> bool:
    """Do the notes give ``node`` no definition?"""
    return not G.nodes[node].get("definition")


def _place(said: Any) -> tuple[str, int]:
    """``(source, line)`` of a piece of evidence or a heading, as
    :func:`graph.topics.file_titles` keys headings."""
    said = said if isinstance(said, dict) else {}
    line = said.get("line")
    return (str(said.get("source") or ""), line if isinstance(line, int) else 0)


def _words(text: Any) -> str:
    return " ".join(str(text or "").split())


def defining_names(G: nx.MultiDiGraph, node: Any) -> list:
    """The concepts named in the sentence that defines ``node``: those linked to it by an
    edge (of any relation) whose evidence is that sentence, in the order of the edges,
    then those linked to it by an edge citing other sentences whose name the sentence
    spells (:func:`names_in`; not a name of everyday words only, which the edges alone
    tell from a word of the sentence: "for example"); not one that the same sentence
    defines too ("the value s is called the standard
    deviation, and s squared the variance" defines both, neither before the other).
    A reader needs them to read the definition, so a learning path puts them before
    ``node`` (:func:`learning_path`).

    >>> G = nx.MultiDiGraph()
    >>> said = {"source": "n.md", "line": 4, "text": "A salt is an ionic compound."}
    >>> G.add_node("salt", definition="A salt is an ionic compound.", definition_evidence=said)
    >>> G.add_node("ionic compound", definition="", definition_evidence=None)
    >>> _ = G.add_edge("salt", "ionic compound", relation="is_a", evidence=[said])
    >>> _ = G.add_edge("salt", "ion", relation="related_to", evidence=[
    ...     {"source": "n.md", "line": 9, "text": "Salts dissolve into ions."}])
    >>> defining_names(G, "salt")
    ['ionic compound']
    """
    attrs = G.nodes[node]
    where = attrs.get("definition_evidence")
    if not attrs.get("definition") or not isinstance(where, dict):
        return []
    own = _words(where.get("text")) or _words(attrs.get("definition"))
    source, line = where.get("source"), where.get("line")
    if not own:
        return []

    def states_it(e: dict) -> bool:  # the defining sentence, or one sentence of it
        text = _words(e.get("text"))
        if e.get("source") != source or not text:
            return False
        if isinstance(line, int) and isinstance(e.get("line"), int) and e["line"] < line:
            return False
        return text in own or own in text

    from graph.query import _mention_pattern

    found: dict[Any, None] = {}
    for u, v, edge in [*G.out_edges(node, data=True), *G.in_edges(node, data=True)]:
        other = v if u == node else u
        if other != node and other not in found and any(map(states_it, edge.get("evidence") or ())):
            found[other] = None
    # a name the sentence spells, where the evidence kept for the edge between the two
    # is other sentences (the build keeps a few a pair): the edge says the build read it
    # as this concept's name beside this one, and a name of everyday words only is left
    # to the edges ("for example", "to process data": no name there)
    linked = set(G.successors(node)) | set(G.predecessors(node))
    found.update(
        dict.fromkeys(
            n for n in names_in(G, own) if n != node and n in linked and not is_everyday(G, n)
        )
    )
    # the sentence without the node's own name: "sample" inside "sample space" is no
    # name the definition of sample space gives; nor a clause after a semicolon that
    # speaks of another thing ("An epidemic is a large outbreak; a pandemic spans
    # continents": the pandemic is told there, not what the epidemic is told with)
    itself = _mention_pattern(G, node)
    told = "; ".join(_own_clauses(own, itself))
    rest = itself.sub(" ", told) if itself is not None else told
    named = []
    for other in found:
        if _words((G.nodes[other].get("definition_evidence") or {}).get("text")) == own:
            continue  # defined by the same sentence
        if _leads_to(G, node, other):
            continue  # "Used in Y", "Leads to Y": where the node leads, not what it needs
        pattern = _mention_pattern(G, other)
        if pattern is not None and pattern.search(rest):
            named.append(other)
    return named


#: Articles opening a clause whose subject is a noun phrase of its own.
_ARTICLES = frozenset({"a", "an", "the"})


def _own_clauses(sentence: str, itself: re.Pattern | None) -> list[str]:
    """The clauses of a defining ``sentence`` (parted by semicolons) that tell the
    concept it defines: all but one that opens with a noun phrase of its own naming
    another thing and names the concept after it ("a pandemic extends an epidemic"
    after "An epidemic is a large outbreak"): that clause tells the other thing through
    the concept, the concept first. A clause of another subject that does not name the
    concept still says something of it ("...; the kernel manages access").

    >>> import re
    >>> itself = re.compile(r"\\bepidemics?\\b", re.IGNORECASE)
    >>> _own_clauses("An epidemic is a large outbreak; a pandemic extends an epidemic.", itself)
    ['An epidemic is a large outbreak']
    >>> _own_clauses("An epidemic is a large outbreak; the health office reports it.", itself)
    ['An epidemic is a large outbreak', 'the health office reports it.']
    >>> _own_clauses("A large outbreak; the epidemic spreads fast.", itself)
    ['A large outbreak', 'the epidemic spreads fast.']
    """
    clauses = [c.strip() for c in sentence.split(";")]
    kept = clauses[:1]
    for clause in clauses[1:]:
        words = clause.split()
        if words and words[0].lower() in _ARTICLES and itself is not None:
            subject = " ".join(words[1:])
            if not itself.match(subject) and itself.search(subject):
                continue  # another thing told through the concept
        kept.append(clause)
    return kept


#: Relations from a concept to where it leads: its use ("used in Y") or its effect.
LEADS_TO = frozenset({"used_for", "causes"})


def _leads_to(G: nx.MultiDiGraph, node: Any, other: Any) -> bool:
    """Is every typed edge between ``node`` and ``other`` one that says where ``node``
    leads (:data:`LEADS_TO`: "Kiln wash -- ... Used in glaze firing", "Leads to
    crazing"), at least one of them? A definition that names such a concept says what the
    node is for or brings about, which the reader meets after it, not before.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("kiln wash", "glaze firing", relation="used_for")
    >>> _ = G.add_edge("kiln wash", "alumina", relation="uses")
    >>> _leads_to(G, "kiln wash", "glaze firing"), _leads_to(G, "kiln wash", "alumina")
    (True, False)
    """
    typed = [
        (u, edge.get("relation"))
        for u, v in ((node, other), (other, node))
        if G.has_edge(u, v)
        for edge in G[u][v].values()
        if edge.get("relation") not in UNTYPED_RELATIONS
    ]
    return bool(typed) and all(u == node and r in LEADS_TO for u, r in typed)


#: The longest name, in words, that :func:`names_in` looks a sentence's words up as.
NAME_MAX_WORDS = 6

#: A word as a learning path looks names up in a text (hyphenated words whole); the
#: build reads headings with it too (:func:`graph.build.headings_over`).
NAME_WORD = re.compile(r"[\w'’]+(?:[-–][\w'’]+)*")


def names_in(G: nx.MultiDiGraph, text: str) -> list:
    """The concepts ``text`` names, in its order: each run of words that is a concept's
    name or alias (as :func:`graph.query.normalise` folds them; an acronym in its own
    case), the longest run first, so that a name inside a longer name is not one more.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("plate"); G.add_node("tectonic plate", aliases=["plates"])
    >>> G.add_node("ocean floor"); G.add_node("IT")
    >>> names_in(G, "It sinks where one tectonic plate meets the ocean floor.")
    ['tectonic plate', 'ocean floor']
    """
    from graph.query import _index, _mention_pattern, normalise

    table = _index(G).normalised
    words = [(m.group(), m.start(), m.end()) for m in NAME_WORD.finditer(text)]
    found: dict[Any, None] = {}
    i = 0
    while i < len(words):
        for k in range(min(NAME_MAX_WORDS, len(words) - i), 0, -1):
            span = text[words[i][1] : words[i + k - 1][2]]
            hits = [
                n
                for n in table.get(normalise(span), ())
                if (m := _mention_pattern(G, n)) is not None and m.fullmatch(span)
            ]
            if hits:
                found.update(dict.fromkeys(hits))
                i += k
                break
        else:
            i += 1
    return list(found)


#: The links the notes' structure makes toward a concept, beside its prerequisites: what
#: a learning path says of each (:func:`structure_links`).
STRUCTURE_LINKS: dict[str, str] = {
    "definition": "named in the sentence that defines {step}",
    "heading": "named in a heading {step} is explained under",
    "listed": "listed before {step} in a heading that names them in the order it teaches them",
}


def heading_list(G: nx.MultiDiGraph, heading: dict) -> list:
    """The concepts a heading lists, in its order, when it is nothing but a list of
    their names (:data:`HEADING_LIST`; each part one concept's name, as the heading's
    ``names`` give them); else ``[]``. Such a heading names what it teaches in the order
    it teaches it ("Weathering, Erosion and Deposition"); not a heading with other
    words ("How erosion follows weathering"), nor one that lists a name twice.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["weathering", "erosion", "deposition"])
    >>> heading_list(G, {"text": "Weathering, Erosion and Deposition",
    ...                  "names": ["weathering", "erosion", "deposition"]})
    ['weathering', 'erosion', 'deposition']
    >>> heading_list(G, {"text": "How erosion follows weathering",
    ...                  "names": ["erosion", "weathering"]})
    []
    """
    from graph.query import _mention_pattern

    parts = [p.strip() for p in HEADING_LIST.split(_words(heading.get("text")))]
    names = [n for n in heading.get("names") or () if n in G]
    if len(parts) < 2:
        return []
    listed = []
    for part in parts:
        found = [n for n in names if (m := _mention_pattern(G, n)) and m.fullmatch(part)]
        if len(found) != 1 or found[0] in listed:
            return []  # other words than one name: the list is inside a phrase
        listed.append(found[0])
    return listed


def listed_before(G: nx.MultiDiGraph, node: Any, heading: dict) -> list:
    """The concepts a heading over ``node`` lists before it (:func:`heading_list`): a
    learning path reads them first.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["weathering", "erosion", "deposition"])
    >>> h = {"text": "Weathering, Erosion and Deposition",
    ...      "names": ["weathering", "erosion", "deposition"]}
    >>> listed_before(G, "deposition", h), listed_before(G, "weathering", h)
    (['weathering', 'erosion'], [])
    """
    listed = heading_list(G, heading)
    return listed[: listed.index(node)] if node in listed else []


def structure_links(
    G: nx.MultiDiGraph, node: Any, titles: Collection | None = None
) -> list[tuple[Any, str, dict]]:
    """``(parent, kind, sentence)`` for each concept the notes' structure puts before
    ``node`` (:data:`STRUCTURE_LINKS`): those its defining sentence names
    (:func:`defining_names`), then those a heading over its definition names (the node's
    ``under``: a heading that also names ``node`` lists it, and frames nothing). A
    heading that titles the notes (``titles``, :func:`graph.topics.file_titles` when not
    given) is over everything they explain: it frames a step only with the concepts it
    names that the notes define ("Igneous rocks"), not with a word they
    never explain ("Loading steps and checks"), which is how they are
    organised, not a lesson; what it lists it still lists in order.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("sonar", under=[{"source": "n.md", "line": 3, "text": "Acoustics",
    ...                             "names": ["acoustics"]}])
    >>> G.add_node("acoustics")
    >>> structure_links(G, "sonar")
    [('acoustics', 'heading', {'source': 'n.md', 'line': 3, 'text': 'Acoustics'})]
    """
    titles = file_titles(G) if titles is None else titles
    attrs = G.nodes[node]
    found: dict[Any, tuple[str, dict]] = {}
    for parent in defining_names(G, node):
        found.setdefault(parent, ("definition", dict(attrs["definition_evidence"])))
    for heading in attrs.get("under") or ():
        names = heading.get("names") or ()
        said = {k: heading.get(k) for k in ("source", "line", "text")}
        if node in names:  # a heading that names it lists it: only what it lists first
            for parent in listed_before(G, node, heading):
                found.setdefault(parent, ("listed", said))
            continue
        title = _place(heading) in titles
        for parent in names:
            if parent != node and parent in G and not (title and _undefined(G, parent)):
                found.setdefault(parent, ("heading", said))
    return [(parent, kind, said) for parent, (kind, said) in found.items()]


def structure_link(G: nx.MultiDiGraph, parent: Any, child: Any) -> tuple[str, dict] | None:
    """The link of the notes' structure that puts ``parent`` before ``child`` on a
    learning path (:func:`structure_links`, where no prerequisite orders the two), as
    ``(what it is, the sentence or heading that makes it)``; None when there is none."""
    _, study = _study(G)
    for named, kind, said in _framed_by(G, study, child):
        if named == parent:
            return STRUCTURE_LINKS[kind].format(step=G.nodes[child].get("label") or child), said
    return None


@dataclass(slots=True)
class _StudyOrder:
    parents: dict[Any, list]  # prerequisite_of predecessors, cycles broken
    order: dict[Any, tuple]  # study rank: (depth, first_seen, -importance, id)
    strength: dict[tuple[Any, Any], float]  # (parent, child) -> the edge's confidence
    cited: dict[tuple[Any, Any], frozenset]  # (parent, child) -> the files its evidence cites
    #: (parent, child) pairs whose edge a statement of the order carries (or that say
    #: nothing of what carried them: a graph of another tool)
    stated: frozenset = frozenset()
    #: child -> ``(parent, kind, sentence)`` of each link the notes' structure makes: the
    #: parent is named in the sentence that defines the child (kind ``definition``) or in
    #: a heading over it (kind ``heading``), :data:`STRUCTURE_LINKS`; only where no
    #: prerequisite orders the two and :func:`_frames` allows it (read as asked for:
    #: :func:`_framed_by`)
    framed_by: dict[Any, list[tuple[Any, str, dict]]] = field(default_factory=dict)
    #: child -> the parents of its prerequisites that a link of the notes' structure also
    #: puts before it (:func:`_confirmed`; read as asked for)
    confirmed: dict[Any, frozenset] = field(default_factory=dict)
    #: node -> what a chain of prerequisites leads to from it (:func:`_descendants`)
    after: dict[Any, frozenset] = field(default_factory=dict)
    #: (source, line, text) of a heading -> the concepts it lists (:func:`heading_list`)
    listed: dict[tuple, list] = field(default_factory=dict)
    #: the headings that title their notes (``(source, line)``,
    #: :func:`graph.topics.file_titles`)
    titles: frozenset = frozenset()
    #: card id -> the concepts it is a card of (read when first asked for)
    by_card: dict | None = None
    #: (parent, child) pairs whose every piece of evidence is a heading of ``titles``,
    #: the parent a concept the notes do not define
    titled: frozenset = frozenset()


def break_cycles(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any]]:
    """Remove ``prerequisite_of`` edges from ``G``, in place, until they form no cycle.

    The weakest link of each cycle goes: pairs ``u -> v`` are taken from the strongest
    (their best edge's confidence, then evidence, then ids) down, and one that would
    close a cycle with the stronger pairs kept is removed, with all its parallel
    ``prerequisite_of`` edges (see :func:`keep_acyclic`: one pass, not a new cycle
    search per removed edge). Other relations are never touched. The
    result does not depend on the order nodes and edges were added in.

    Returns
    -------
    list of tuple
        The removed edges as ``(u, v, key)``, in the order they were removed.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", relation="prerequisite_of", confidence=0.9)
    >>> _ = G.add_edge("b", "c", relation="prerequisite_of", confidence=0.8)
    >>> _ = G.add_edge("c", "a", relation="prerequisite_of", confidence=0.3)
    >>> _ = G.add_edge("c", "a", relation="related_to", confidence=0.2)
    >>> break_cycles(G)
    [('c', 'a', 0)]
    >>> sorted((u, v, d["relation"]) for u, v, d in G.edges(data=True))
    [('a', 'b', 'prerequisite_of'), ('b', 'c', 'prerequisite_of'), ('c', 'a', 'related_to')]
    """
    links: dict[tuple[Any, Any], list] = defaultdict(list)
    for u, v, k, attrs in G.edges(keys=True, data=True):
        if attrs.get("relation") == PREREQUISITE:
            links[(u, v)].append(k)

    def strength(pair: tuple[Any, Any]) -> tuple:
        edges = [G.edges[(*pair, k)] for k in links[pair]]
        confidence = max(float(e.get("confidence") or 0.0) for e in edges)
        evidence = max(len(e.get("evidence") or ()) for e in edges)
        return (-confidence, -evidence, str(pair[0]), str(pair[1]))

    _, dropped = keep_acyclic(sorted(links, key=strength))
    removed = []
    for u, v in dropped:
        for k in sorted(links[(u, v)], key=str):
            G.remove_edge(u, v, k)
            removed.append((u, v, k))
    return removed


#: Search steps each added edge brings to :class:`IncrementalOrder`'s budget, and the
#: budget it starts with: the real notes' prerequisites (hundreds of edges, few cycles)
#: never come near it; a graph made of thousands of overlapping cycles does, and then an
#: edge whose placement would need a longer search is left out rather than searched for.
SEARCH_CREDIT = 64
SEARCH_BASE = 200_000


class IncrementalOrder:
    """A directed graph kept acyclic as edges are added, with a topological order
    repaired locally on each insertion (Pearce and Kelly, 2006): an edge that agrees
    with the order costs nothing, and one that does not searches only the nodes ranked
    between its ends, never the whole graph. ``work`` counts the nodes and edges
    searched; it never exceeds ``SEARCH_BASE + SEARCH_CREDIT`` per edge offered (an edge
    that would need more is not added, and listed in ``skipped``).

    Each node is numbered as it is first met, and its rank and its links are kept in
    lists indexed by that number: a search step reads a list, not a dict keyed by the
    node's name, and compares its rank inline, with no call per link.

    >>> order = IncrementalOrder(["a", "b", "c"])
    >>> order.add("a", "b"), order.add("b", "c"), order.add("c", "a")
    (True, True, False)
    >>> order.ranks()
    {'a': 0, 'b': 1, 'c': 2}
    """

    def __init__(
        self, nodes: list[Any] = (), *, credit: int = SEARCH_CREDIT, base: int = SEARCH_BASE
    ) -> None:
        self._number: dict[Any, int] = {}  # node -> its number, in the order first met
        self._nodes: list[Any] = []
        self._rank: list[int] = []  # by number: the node's place in the order
        self._succ: list[list[int]] = []
        self._pred: list[list[int]] = []
        for n in nodes:
            self._numbered(n)
        self.work = 0
        self.credit = credit
        self.budget = base
        self.skipped: list[tuple[Any, Any]] = []

    def _numbered(self, node: Any) -> int:
        """``node``'s number; a new node is placed last in the order."""
        number = self._number.get(node)
        if number is None:
            number = self._number[node] = len(self._nodes)
            self._nodes.append(node)
            self._rank.append(number)
            self._succ.append([])
            self._pred.append([])
        return number

    def ranks(self) -> dict[Any, int]:
        """Each node's place in the current order."""
        return {node: self._rank[i] for i, node in enumerate(self._nodes)}

    def add(self, u: Any, v: Any) -> bool:
        """Add ``u -> v`` unless it closes a cycle (or placing it costs more than the
        budget left: then it is also listed in ``skipped``); whether it was added."""
        self.budget += self.credit
        if u == v:
            return False
        iu, iv = self._numbered(u), self._numbered(v)
        rank = self._rank
        low, high = rank[iv], rank[iu]
        if low < high:  # against the order: v may reach u
            limit = self.work + self.budget
            forward = self._reach(iv, self._succ, -1, high, limit, stop=iu)
            backward = None
            if forward is not None and forward is not _COSTLY:
                backward = self._reach(iu, self._pred, low, len(rank), limit)
            self.budget = max(0, limit - self.work)
            if forward is None:
                return False
            if forward is _COSTLY or backward is _COSTLY:
                self.skipped.append((u, v))
                return False
            moved = sorted(backward, key=rank.__getitem__) + sorted(forward, key=rank.__getitem__)
            for n, r in zip(moved, sorted(rank[n] for n in moved), strict=True):
                rank[n] = r
        self._succ[iu].append(iv)
        self._pred[iv].append(iu)
        return True

    def _reach(self, start: int, links: list, low: int, high: int, limit: int, stop: int = -1):
        """The nodes reached from ``start`` along ``links`` through ranks from ``low`` to
        ``high``; None when ``stop`` is reached; ``_COSTLY`` when ``work`` passes
        ``limit`` first."""
        rank = self._rank
        work = self.work
        seen = {start}
        stack = [start]
        while stack:
            n = stack.pop()
            work += 1
            for w in links[n]:
                work += 1
                if w == stop:
                    self.work = work
                    return None
                if w not in seen and low <= rank[w] <= high:
                    seen.add(w)
                    stack.append(w)
            if work > limit:
                self.work = work
                return _COSTLY
        self.work = work
        return seen


_COSTLY = frozenset()


def keep_acyclic(
    pairs: list[tuple[Any, Any]], *, order: IncrementalOrder | None = None
) -> tuple[list[tuple[Any, Any]], list[tuple[Any, Any]]]:
    """``pairs`` (strongest first) split into those kept and those dropped: each is
    kept unless it closes a cycle with the stronger ones kept before it, so every
    dropped pair is the weakest link of a cycle. One pass, each insertion searching only
    the part of the order it disturbs (see :class:`IncrementalOrder`, whose ``skipped``
    lists the pairs dropped because placing them would cost more than its budget): no
    cycle search restarts from scratch per removed edge.

    >>> keep_acyclic([("a", "b"), ("b", "c"), ("c", "a"), ("c", "c")])
    ([('a', 'b'), ('b', 'c')], [('c', 'a'), ('c', 'c')])
    """
    order = order if order is not None else IncrementalOrder(_initial_order(pairs))
    kept, dropped = [], []
    for u, v in pairs:
        (kept if order.add(u, v) else dropped).append((u, v))
    return kept, dropped


def _initial_order(pairs: list[tuple[Any, Any]]) -> list[Any]:
    """A starting order in which most of ``pairs`` already point forward: the reverse
    postorder of a depth-first walk that follows the stronger pairs first (a
    topological order when the pairs have no cycle)."""
    succ: dict[Any, list] = defaultdict(list)
    nodes: dict[Any, None] = {}
    for u, v in pairs:
        succ[u].append(v)
        nodes.setdefault(u)
        nodes.setdefault(v)
    seen: set = set()
    post: list = []
    for root in nodes:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(succ.get(root, ())))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(succ.get(child, ()))))
                    break
            else:
                stack.pop()
                post.append(node)
    return post[::-1]


def _study(G: nx.MultiDiGraph) -> tuple[_Index, _StudyOrder]:
    from graph.query import _index  # graph.query re-exports this module's functions

    index = _index(G)
    if index.study is None:
        dag = nx.MultiDiGraph()
        dag.add_nodes_from(G)
        dag.add_edges_from(
            (u, v, k, a)
            for u, v, k, a in G.edges(keys=True, data=True)
            if a.get("relation") == PREREQUISITE
            and a.get("confidence", 1.0) >= STUDY_MIN_CONFIDENCE
        )
        break_cycles(dag)
        parents = {node: list(dict.fromkeys(dag.predecessors(node))) for node in dag}
        depth: dict[Any, int] = {}
        for node in nx.topological_sort(dag):
            depth[node] = max((depth[p] + 1 for p in parents[node]), default=0)
        order = {n: (depth[n], index.first_seen[n], -index.importance[n], str(n)) for n in parents}
        strength: dict[tuple[Any, Any], float] = {}
        cited: dict[tuple[Any, Any], set] = defaultdict(set)
        stated = set()
        titles = frozenset(file_titles(G))
        said: dict[tuple[Any, Any], set] = defaultdict(set)  # (file, line) of the evidence
        for u, v, a in dag.edges(data=True):
            strength[(u, v)] = max(strength.get((u, v), 0.0), float(a.get("confidence", 1.0)))
            cited[(u, v)].update(_file(e) for e in a.get("evidence") or ())
            said[(u, v)].update(_place(e) for e in a.get("evidence") or ())
            if states_order(a):
                stated.add((u, v))
        cited_files = {pair: frozenset(files - {""}) for pair, files in cited.items()}
        titled = frozenset(
            pair
            for pair, places in said.items()
            if places and places <= titles and _undefined(G, pair[0])
        )
        index.study = _StudyOrder(
            parents, order, strength, cited_files, frozenset(stated), titles=titles, titled=titled
        )
    return index, index.study


#: Relations ``A -> B`` by which a definition of B that names A still puts B first: A is
#: a kind or an example of B ("common examples are granite and basalt").
AFTER_RELATIONS = frozenset({"is_a", "example_of"})


def _kind_of(G: nx.MultiDiGraph, a: Any, b: Any) -> bool:
    """Do the notes say ``a`` is a kind or an example of ``b`` (:data:`AFTER_RELATIONS`)?"""
    return G.has_edge(a, b) and any(
        edge.get("relation") in AFTER_RELATIONS for edge in G[a][b].values()
    )


def _framed_by(G: nx.MultiDiGraph, study: _StudyOrder, node: Any) -> list[tuple[Any, str, dict]]:
    """``study.framed_by[node]``, read from the graph the first time it is asked for (a
    path reads the few concepts it meets, not every definition of the notes); nothing
    for a step the notes neither define nor single out (:func:`unexplained_step`): the
    heading over a sentence that only uses its name frames that sentence, not the step."""
    found = study.framed_by.get(node)
    if found is None:
        found = study.framed_by[node] = []
        if unexplained_step(G, node):
            # a heading over where the notes only use a name frames the passage, not it
            return found
        for parent, kind, said in structure_links(G, node, study.titles):
            if (parent, node) not in study.strength and _frames(G, study, parent, node, kind):
                found.append((parent, kind, said))
                study.cited.setdefault((parent, node), frozenset({_file(said)} - {""}))
    return found


def _confirmed(G: nx.MultiDiGraph, study: _StudyOrder, node: Any) -> frozenset:
    """The parents of ``node``'s prerequisites that a link of the notes' structure also
    puts before it (:func:`structure_links`: named in its defining sentence, in a heading
    it is explained under, listed before it), with the guards of :func:`_frames`; none
    for a step the notes neither define nor single out. The notes state such a link, so
    a concept that its chains put on the path is as strong as the step across it, as
    across a link of structure alone; it does not bring one onto the path
    (:func:`_chains`)."""
    found = study.confirmed.get(node)
    if found is None:
        found = frozenset()
        if not unexplained_step(G, node):
            found = frozenset(
                parent
                for parent, kind, _ in structure_links(G, node, study.titles)
                if kind in CONFIRMING_LINKS
                and (parent, node) in study.strength
                and not _kind_of(G, parent, node)
                and not unexplained_step(G, parent)
                and not generic_step(G, parent)
            )
        study.confirmed[node] = found
    return found


def _frames(G: nx.MultiDiGraph, study: _StudyOrder, parent: Any, node: Any, kind: str = "") -> bool:
    """May a link of the notes' structure of ``kind`` (:data:`STRUCTURE_LINKS`) put
    ``parent`` before ``node`` (see :func:`structure_links`)? Not when a chain of
    prerequisites leads from ``node`` to ``parent``, when ``parent`` is a kind or an
    example of ``node``, when it is a word of everyday English the notes never teach
    (:func:`generic_step`), nor, but for a heading, when the notes neither define nor
    single it out (:func:`unexplained_step`): a heading that names a concept singles it
    out ("Glazing a stoneware bowl" over what is explained under it), a sentence
    that names one may only use it."""
    if _kind_of(G, parent, node) or generic_step(G, parent):
        return False
    if kind != "heading" and unexplained_step(G, parent):
        return False
    if study.order[parent][0] <= study.order[node][0]:
        return True  # what a chain leads to from node lies deeper than node
    return parent not in _descendants(study, node)


def _descendants(study: _StudyOrder, node: Any) -> frozenset:
    """What a chain of prerequisites leads to from ``node`` (kept in ``study.after``)."""
    found = study.after.get(node)
    if found is None:
        children = study.after.get(_CHILDREN)
        if children is None:
            children = defaultdict(list)
            for child, parents in study.parents.items():
                for parent in parents:
                    children[parent].append(child)
            study.after[_CHILDREN] = children
        seen: set = set()
        stack = [node]
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        found = study.after[node] = frozenset(seen)
    return found


_CHILDREN = object()  # the key of study.after that holds each node's children


def _ancestors(
    G: nx.MultiDiGraph, target: Any, min_strength: float
) -> tuple[_StudyOrder, dict[Any, float]]:
    """The study order and, for each ancestor of ``target`` on its path, its strongest
    chain of prerequisites down to it (the target itself: 1.0).

    In a build of several files (``G.graph["sources"]``), a prerequisite is followed only
    when its evidence stands in a file that speaks of the target (:func:`off_course`,
    :func:`supporting_files`): a step the target's notes never state is another
    course's."""
    from graph.query import _require

    _require(G, target)
    _, study = _study(G)
    return study, _chains(G, study, target, min_strength)


#: The rules by which :func:`learning_path` leaves an ancestor of the target out, each
#: with what :func:`path_omission` says of it.
PATH_RULES: dict[str, str] = {
    "unexplained": "it is reached only through a step the notes neither define nor single "
    "out, along a link no statement of the order carries",
    "generic": "it is reached only through a word of everyday English the notes neither "
    "define nor single out (or is one)",
    "off_course": "only another course's notes state that it comes first",
    "name_word": "it is reached only as a word of everyday English inside the name of a step "
    "the notes neither define nor single out",
    "title": "only the heading that titles the notes puts it first, and they never define it: "
    "that is how they are organised, not a lesson",
    "use": "it is reached only as what a step on the way is used for, which the step's defining "
    "sentence does not name: where that step leads, not what the target needs",
    "incidental": "the notes neither define nor single it out, and only a step on the way needs "
    "it (not as a word its name is built on): incidental to the target",
    "apart": "the notes neither define nor single it out, and no sentence names it with the step "
    "it would come before: only a heading over where they use it does",
    "kin": "it is reached only as a kind of the same thing as a step that is itself reached "
    "as such a kind: a chain of alternatives taught in turn, not what the target needs",
}


def _follows(
    G: nx.MultiDiGraph,
    study: _StudyOrder,
    parent: Any,
    node: Any,
    target: Any,
    home: frozenset,
    waived: frozenset[str],
) -> bool:
    """Does a path to ``target`` follow the prerequisite ``parent -> node`` (the rules
    of :data:`PATH_RULES` not named in ``waived``)?"""
    if "name_word" not in waived and name_word(G, parent, node):
        return False  # the step's name holds the word: English, not what the notes teach
    if "title" not in waived and (parent, node) in study.titled:
        return False  # a word only their title names, never defined: no lesson
    if "use" not in waived and node != target and use_only(G, parent, node):
        return False  # what a step is used for: where it leads, not what the target needs
    if "incidental" not in waived and node != target and incidental_step(G, parent, node):
        return False  # never taught, and only a step needs it: not the target's lesson
    if "apart" not in waived and apart_only(G, parent, node):
        return False  # never taught, and no sentence says the step builds on it
    if (
        "unexplained" not in waived
        and node != target
        and (parent, node) not in study.stated
        and unexplained_step(G, node)
    ):
        return False  # a step the notes never explain needs only what they state it needs
    if "generic" not in waived and generic_step(G, parent):
        return False  # background, and so is what it needs
    # another course's step, and so is what it needs
    return "off_course" in waived or not off_course(
        study.cited.get((parent, node), frozenset()), home
    )


def _nearest_kin(G: nx.MultiDiGraph, study: _StudyOrder, node: Any) -> Any:
    """Of the prerequisites of ``node`` that are only kinds of the same thing taught
    before it (:func:`kin_only`), the one the notes name last before it (None if none):
    the kind a path may take as the step before; the earlier ones are alternatives."""
    kin = [p for p in study.parents[node] if kin_only(G, p, node)]
    if not kin:
        return None

    def seen(p: Any) -> tuple:
        at = G.nodes[p].get("first_seen")
        ok = isinstance(at, (list, tuple)) and len(at) == 2
        return (str(at[0]), int(at[1])) if ok else ("", 0)

    return max(kin, key=lambda p: (seen(p), str(p)))


def _through(
    G: nx.MultiDiGraph,
    study: _StudyOrder,
    target: Any,
    first: Any,
    min_strength: float,
    home: frozenset,
    waived: frozenset[str],
) -> tuple[dict[Any, float], dict[Any, Any]]:
    """The strongest chain of prerequisites from each ancestor down to ``target``
    through its prerequisite ``first`` (the product of the edges' confidences), with
    the next step of that chain. A chain weaker than ``min_strength`` is recorded but
    not followed further."""
    reach = {first: study.strength[(first, target)]}
    nxt = {first: target}
    heap = [(-reach[first], 0, first)] if reach[first] >= min_strength else []
    tie = 0
    while heap:
        negative, _, node = heapq.heappop(heap)
        if -negative < reach.get(node, 0.0):
            continue
        for parent in study.parents[node]:
            if parent == target or not _follows(G, study, parent, node, target, home, waived):
                continue
            if (
                "kin" not in waived
                and kin_only(G, parent, node)
                and (kin_only(G, node, nxt[node]) or parent != _nearest_kin(G, study, node))
            ):
                continue  # a kind before a kind before a step: alternatives in turn
            chain = -negative * study.strength[(parent, node)]
            if chain > reach.get(parent, 0.0):
                reach[parent] = chain
                nxt[parent] = node
                if chain >= min_strength:
                    tie += 1
                    heapq.heappush(heap, (-chain, tie, parent))
    return reach, nxt


def _chains(
    G: nx.MultiDiGraph,
    study: _StudyOrder,
    target: Any,
    min_strength: float,
    waived: frozenset[str] = frozenset(),
    via: dict | None = None,
    firsts: dict | None = None,
    confirm: bool = True,
) -> dict[Any, float]:
    """Each ancestor of ``target`` whose chains of prerequisites down to it, along the
    links the path follows, are at least ``min_strength`` strong, with that strength;
    the rules of :data:`PATH_RULES` named in ``waived`` are not applied. ``via``, when
    given, receives the next step of each ancestor's strongest chain; ``firsts`` the
    number of the target's own prerequisites its chains pass through; ``confirm=False``
    gives the chains' own strengths, no confirmed link making a concept as strong as its
    step (:func:`path_omission` says how weak the chains are).

    The strength of a concept is the chance that at least one of the target's own
    prerequisites needs it, each along its strongest chain (the product of the edges'
    confidences, :func:`_through`), the chains through different prerequisites of the
    target taken as independent readings of the notes: ``1 - (1 - a)(1 - b)`` for
    chains of strength ``a`` and ``b``. A concept several of the target's
    prerequisites need does not hang on the weakest link of one chain, so a path does
    not lose it when one unrelated link weakens. A chain weaker than ``min_strength``
    still counts toward that chance, but what it reaches is not followed further.

    Beside the prerequisites, the target and each step on its path bring the concepts
    the notes' structure puts before them (:func:`structure_links`: named in its
    definition, or in a heading it is explained under), with the step's own strength;
    not what comes after the target or the step, a kind or an example of the step, nor
    a concept the notes neither explain nor single out. What such a concept needs is
    followed only where a prerequisite also leads to it.

    A prerequisite that such a link also states (:func:`_confirmed`,
    :data:`CONFIRMING_LINKS`: the step's defining sentence names the concept, or a
    heading lists it before the step) makes a concept its chains put on the path as
    strong as the step: two readings of the notes agree, so the link's own confidence
    does not weaken it. It brings no concept onto the path that its chains leave off: a
    step's own prerequisites enter only where they carry weight for the target (one
    defining sentence that names a concept would otherwise put it on every path its step
    is on, however weakly the step is). What it needs is followed with the product, as
    before."""
    several = len(G.graph.get("sources") or ()) > 1  # a build of one file is one course
    home = supporting_files(G, target) if several else frozenset()
    missing: dict[Any, float] = {}  # ancestor -> the chance that no chain needs it
    strongest: dict[Any, tuple[float, Any]] = {}  # ancestor -> (strongest chain, next step)
    counted: dict[Any, int] = defaultdict(int)
    nearest = _nearest_kin(G, study, target) if "kin" not in waived else None
    for first in study.parents[target]:
        if not _follows(G, study, first, target, target, home, waived):
            continue
        if "kin" not in waived and first != nearest and kin_only(G, first, target):
            continue  # an earlier kind of the same thing: an alternative, not a step
        reach, nxt = _through(G, study, target, first, min_strength, home, waived)
        for node, chain in reach.items():
            missing[node] = missing.get(node, 1.0) * (1.0 - chain)
            counted[node] += 1
            if chain > strongest.get(node, (0.0, None))[0]:
                strongest[node] = (chain, nxt[node])
    best = {target: 1.0}
    step = {}
    for node, chance in missing.items():
        together = 1.0 - chance
        if together >= min_strength:
            best[node] = together
            step[node] = strongest[node][1]
    for node, strong in list(best.items()):  # the target and each step on its path
        confirmed = _confirmed(G, study, node) if confirm else frozenset()
        for parent in study.parents[node]:
            if (
                parent in best  # on the path by its chains: confirmed, not brought in
                and parent in confirmed
                and strong > best[parent]
                and parent != target
                and _follows(G, study, parent, node, target, home, waived)
            ):
                best[parent] = strong  # the notes state a confirmed link too: as strong as node
                step[parent] = node
        for parent, _, _ in _framed_by(G, study, node):  # (see _frames)
            if strong <= best.get(parent, 0.0):
                continue
            if parent == target or parent in _descendants(study, target):
                continue  # it comes after the target
            if "off_course" not in waived and off_course(
                study.cited.get((parent, node), frozenset()), home
            ):
                continue
            best[parent] = strong
            step[parent] = node
    if via is not None:
        via.update(step)
    if firsts is not None:
        firsts.update(counted)
    return best


def path_omission(
    G: nx.MultiDiGraph, target: Any, node: Any, *, min_strength: float = PATH_MIN_STRENGTH
) -> str | None:
    """Why ``node`` is not on the learning path of ``target`` (None when it is): no chain
    of prerequisites leads from it to the target (or one leads the other way), its
    chains are weaker than ``min_strength`` (:func:`_chains`), or a rule of :data:`PATH_RULES`
    leaves it out. One that comes after the target says what puts the target first: a
    chain of prerequisites or a link of the notes' structure (:func:`structure_links`).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v, c in [("cell", "osmosis", 0.9), ("water", "cell", 0.3), ("ion", "water", 0.1),
    ...                 ("osmosis", "turgor", 0.8)]:
    ...     _ = G.add_edge(u, v, relation="prerequisite_of", confidence=c)
    >>> G.add_node("salt")
    >>> path_omission(G, "osmosis", "water") is None
    True
    >>> path_omission(G, "osmosis", "ion")
    'its strongest chain to osmosis (0.027 through water, cell) is weaker than 0.05'
    >>> path_omission(G, "osmosis", "turgor")
    'it comes after osmosis: a chain of prerequisites leads from osmosis to it'
    >>> path_omission(G, "osmosis", "salt")
    'no chain of prerequisites leads from it to osmosis'
    """
    from graph.query import _require

    _require(G, target, node)
    if node == target:
        return None
    _, study = _study(G)
    name = lambda n: str(G.nodes[n].get("label") or n)  # noqa: E731
    if node in _chains(G, study, target, min_strength):
        return None
    everything = _chains(G, study, target, 0.0, frozenset(PATH_RULES))
    if node not in everything:
        via = {}
        if target in _chains(G, study, node, 0.0, frozenset(PATH_RULES), via=via):
            return f"it comes after {name(target)}: {_after(G, study, target, node, via)}"
        return f"no chain of prerequisites leads from it to {name(target)}"
    via: dict = {}
    firsts: dict = {}
    if node in (kept := _chains(G, study, target, 0.0, via=via, firsts=firsts, confirm=False)):
        chain, step = [], node
        while step != target:  # the strongest chain, step by step
            step = via[step]
            chain.append(step)
        through = f" through {', '.join(map(name, chain[:-1]))}" if len(chain) > 1 else ""
        if firsts.get(node, 1) > 1:  # chains through several of the target's prerequisites
            return (
                f"its chains to {name(target)} through {firsts[node]} of its prerequisites "
                f"(together {kept[node]:.3f}; the strongest{through or ' direct'}) "
                f"are weaker than {min_strength:g}"
            )
        return (
            f"its strongest chain to {name(target)} ({kept[node]:.3f}{through}) "
            f"is weaker than {min_strength:g}"
        )
    for rule, says in PATH_RULES.items():
        if node in _chains(G, study, target, 0.0, frozenset({rule})):
            return says
    return "; ".join(PATH_RULES.values())


def _after(G: nx.MultiDiGraph, study: _StudyOrder, first: Any, node: Any, via: dict) -> str:
    """What puts ``first`` before ``node`` along the chain ``via`` (each step's next
    step toward ``node``): prerequisites, or a link of the notes' structure (said with
    :data:`STRUCTURE_LINKS`) when one is on the chain."""
    name = lambda n: str(G.nodes[n].get("label") or n)  # noqa: E731
    step = first
    while step != node:
        after = via[step]
        if (step, after) not in study.strength:
            kind = next((k for p, k, _ in _framed_by(G, study, after) if p == step), None)
            if kind is not None:
                link = STRUCTURE_LINKS[kind].format(step=name(after))
                through = "" if after == node else f", which comes before {name(node)}"
                return f"{name(step)} is {link}{through}"
        step = after
    return f"a chain of prerequisites leads from {name(first)} to it"


def learning_path(
    G: nx.MultiDiGraph,
    target: Any,
    *,
    known: Collection = (),
    min_strength: float = PATH_MIN_STRENGTH,
) -> list:
    """What to study, in order, to learn ``target``: its ``prerequisite_of`` ancestors
    that are not ``known``, then the target itself (always last, even when known).

    An ancestor is on the path when its chains of prerequisites down to ``target`` are
    at least ``min_strength`` strong (:data:`PATH_MIN_STRENGTH` by default; a chain is
    the product of the edges' confidences, and the strongest chains through different
    prerequisites of the target add up as independent readings, ``1 - (1 - a)(1 - b)``,
    :func:`_chains`): a concept needed for a prerequisite of a prerequisite of a
    prerequisite, each link unsure, is no longer needed for the target, while one that
    several of the target's prerequisites need does not hang on one weak link.
    ``min_strength=0`` gives every ancestor. A prerequisite
    that the notes' structure also states (the step's defining sentence names it, or a
    heading lists it first: :data:`CONFIRMING_LINKS`) makes a concept its chains put on
    the path as strong as the step it leads to; it brings none onto the path.

    Concepts are sorted by depth on the path (the longest chain of the path's own
    prerequisites above them, shallower first: a prerequisite the path leaves out, as
    background or too weak to follow, makes no step deeper), then where the notes
    introduce them (``first_seen``: file order, then line; the course's own order), then
    importance (higher first; it decides between concepts the notes do not place). Depth
    grows along every prerequisite edge between steps, so this order is topological.
    Cycles of prerequisites are broken first (:func:`break_cycles` on a copy; ``G`` is
    unchanged), and prerequisites weaker than :data:`STUDY_MIN_CONFIDENCE` are not
    followed.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("algebra", "calculus"), ("calculus", "mechanics"),
    ...              ("algebra", "matrices"), ("matrices", "mechanics")]:
    ...     _ = G.add_edge(u, v, relation="prerequisite_of", confidence=0.9)
    >>> G.nodes["matrices"]["importance"] = 0.8
    >>> learning_path(G, "mechanics")
    ['algebra', 'matrices', 'calculus', 'mechanics']
    >>> learning_path(G, "mechanics", known={"algebra", "calculus"})
    ['matrices', 'mechanics']
    """
    study, best = _ancestors(G, target, min_strength)
    del best[target]
    return [*_in_study_order(G, study, set(best) - set(known), best, target), target]


def _in_study_order(
    G: nx.MultiDiGraph, study: _StudyOrder, nodes: set, best: dict, target: Any = None
) -> list:
    """``nodes`` in study order: each after its prerequisites among them and after the
    concepts the notes' structure puts before it (where these agree with the
    prerequisites), then in the order a heading over one of them or over ``target``
    lists them (:func:`heading_list`), otherwise by depth among ``nodes`` (the longest
    chain of prerequisites among them above each), then :attr:`_StudyOrder.order`
    (course order, importance)."""
    key = study.order.__getitem__
    links = [(n, v) for v in nodes for n, _, _ in _framed_by(G, study, v) if n in nodes]
    links.sort(key=lambda link: (-best.get(link[1], 0.0), key(link[1]), key(link[0])))
    links += _listed_pairs(G, study, nodes, target)
    D = nx.DiGraph()
    D.add_nodes_from(nodes)
    D.add_edges_from((p, v) for v in nodes for p in study.parents[v] if p in nodes)
    order = IncrementalOrder(sorted(nodes, key=key))
    for u, v in D.edges:
        order.add(u, v)
    local: dict = {}  # depth on the path: what the path leaves out makes nothing deeper
    for n in nx.topological_sort(D):
        local[n] = max((local[p] + 1 for p in D.predecessors(n)), default=0)
    kept, _ = keep_acyclic(links, order=order)
    D.add_edges_from(kept)
    return list(nx.lexicographical_topological_sort(D, key=lambda n: (local[n], *key(n)[1:])))


def _listed_pairs(
    G: nx.MultiDiGraph, study: _StudyOrder, nodes: set, target: Any = None
) -> list[tuple[Any, Any]]:
    """``(a, b)`` for two of ``nodes`` that a heading over one of them (or over
    ``target``) lists in that order (:func:`heading_list`, read once a heading:
    ``study.listed``): the order it teaches them in, where nothing else orders them."""
    pairs: dict[tuple[Any, Any], None] = {}
    over = sorted(nodes, key=str) + ([target] if target in G and target not in nodes else [])
    for node in over:
        for heading in G.nodes[node].get("under") or ():
            place = (heading.get("source"), heading.get("line"), heading.get("text"))
            if (listed := study.listed.get(place)) is None:
                listed = study.listed[place] = heading_list(G, heading)
            listed = [n for n in listed if n in nodes]
            pairs.update(dict.fromkeys(pairwise(listed)))
    return list(pairs)


@dataclass(frozen=True, slots=True)
class PathStep:
    """One step of a learning path.

    Attributes
    ----------
    node : node
        The concept.
    label : str
        Its label.
    definition : str
        Its definition from the notes, empty when they give none.
    evidence : dict or None
        Where the definition stands (``source``, ``line``, ``text``).
    after : tuple of tuple
        ``(prerequisite, confidence, label)`` of each ``prerequisite_of`` edge that
        leads to it from an earlier step, strongest first, and of each link of the
        notes' structure from one (:func:`structure_links`: confidence 1.0, the
        notes state it; the label says what it is, :data:`STRUCTURE_LINKS`).
    strength : float
        The strongest chain of prerequisites from it down to the target (1.0 for the
        target).
    """

    node: Any
    label: str
    definition: str
    evidence: dict | None
    after: tuple[tuple[Any, float, str], ...]
    strength: float

    @property
    def defined(self) -> bool:
        """Do the notes define this step? A step they do not define is shown, flagged."""
        return bool(self.definition.strip())


def path_steps(
    G: nx.MultiDiGraph,
    target: Any,
    *,
    known: Collection = (),
    min_strength: float = PATH_MIN_STRENGTH,
) -> list[PathStep]:
    """The steps of :func:`learning_path`, each with its definition from the notes (or
    none, flagged by ``defined``), the prerequisites on the path that lead to it and
    how strongly it is needed for the target.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("algebra", definition="The study of symbols.")
    >>> _ = G.add_edge("algebra", "calculus", relation="prerequisite_of", confidence=0.8,
    ...                label="general")
    >>> [(s.node, s.defined, s.after) for s in path_steps(G, "calculus")]
    [('algebra', True, ()), ('calculus', False, (('algebra', 0.8, 'general'),))]
    """
    study, best = _ancestors(G, target, min_strength)
    order = learning_path(G, target, known=known, min_strength=min_strength)
    on_path = set(order)
    steps = []
    for node in order:
        attrs = G.nodes[node]
        leads = {}
        for parent in study.parents[node]:
            if parent in on_path:
                labels = [
                    a.get("label") or ""
                    for a in G[parent][node].values()
                    if a.get("relation") == PREREQUISITE
                ]
                leads[parent] = (
                    parent,
                    study.strength[(parent, node)],
                    labels[0] if labels else "",
                )
        for parent, kind, _ in _framed_by(G, study, node):
            if parent in on_path and parent not in leads:
                what = STRUCTURE_LINKS[kind].format(step=attrs.get("label") or node)
                leads[parent] = (parent, 1.0, what)
        steps.append(
            PathStep(
                node,
                str(attrs.get("label") or node),
                str(attrs.get("definition") or ""),
                attrs.get("definition_evidence"),
                tuple(sorted(leads.values(), key=lambda t: (-t[1], str(t[0])))),
                round(best.get(node, 0.0), 3),
            )
        )
    return steps


# -- why two concepts are linked -------------------------------------------------------------


def explain_pair(G: nx.MultiDiGraph, a: Any, b: Any) -> dict[str, Any]:
    """Why there is, or is not, an edge between concepts ``a`` and ``b`` (node ids).

    Returns a dict with

    - ``edges``: every edge between them, either way, strongest first, each with its
      relation, confidence, label and evidence (the sentences naming both first:
      :func:`graph.export._base.naming_first`; ``related_to`` ones are weak links);
    - ``prerequisite``: the ``prerequisite_of`` edge between them, if any, with the
      model's confidence, the features that carried it (``features``: each feature's
      contribution to the log-odds, ``means``: what the feature says) and the sentences;
    - ``rejected``: the ways of ordering them the build weighed and left out, each with
      its confidence, features and reason (below the threshold, carried by naming
      statistics only, the other direction likelier, the weakest edge of a cycle);
    - ``chain``: a chain of prerequisites that orders them anyway (``[a, ..., b]`` or
      ``[b, ..., a]``), if the study order has one;
    - ``framed``: otherwise, the link of the notes' structure by which a learning path
      reads one before the other (:func:`structure_link`: ``source``, ``target``,
      ``what`` it is and the ``evidence``), if any;
    - ``off_path``: when an edge or a chain orders them, why the first is not on the
      second's learning path (:func:`path_omission`; None when it is);
    - ``verdict``: one sentence that sums it up (and one more when ``off_path`` says why
      the first is not on the second's path).

    Examples
    --------
    >>> G = nx.MultiDiGraph(prerequisite_features={"general": "B is a kind of A"})
    >>> ev = [{"source": "n.txt", "line": 3, "text": "An fMRI is a kind of MRI."}]
    >>> _ = G.add_edge("fMRI", "MRI", relation="is_a", confidence=0.9, evidence=ev, label="")
    >>> _ = G.add_edge("MRI", "fMRI", relation="prerequisite_of", confidence=0.8, evidence=ev,
    ...                label="general", features={"general": 1.2})
    >>> info = explain_pair(G, "fMRI", "MRI")
    >>> [e["relation"] for e in info["edges"]], info["prerequisite"]["means"]
    (['is_a', 'prerequisite_of'], {'general': 'B is a kind of A'})
    >>> info["verdict"]
    'Learn MRI before fMRI (0.8): general.'
    """
    from graph.export._base import naming_first  # it reads this module
    from graph.query import _require

    _require(G, a, b)
    means = G.graph.get("prerequisite_features") or {}
    label = lambda n: str(G.nodes[n].get("label") or n)  # noqa: E731
    edges = []
    for s, t in ((a, b), (b, a)):
        for attrs in G[s][t].values() if G.has_edge(s, t) else ():
            edge = {"source": s, "target": t, **dict(attrs)}
            if edge.get("evidence"):  # the sentences that name both first
                edge["evidence"] = naming_first(G, (s, t), edge["evidence"])
            edges.append(edge)
    edges.sort(key=lambda e: (e.get("relation") == "related_to", -float(e.get("confidence") or 0)))
    prerequisite = next((e for e in edges if e.get("relation") == PREREQUISITE), None)
    if prerequisite is not None:
        prerequisite = {
            **prerequisite,
            "means": {f: means[f] for f in prerequisite.get("features") or {} if f in means},
        }
    rejected = [
        {**r, "means": {f: means[f] for f in r.get("features") or {} if f in means}}
        for r in G.graph.get("prerequisites_rejected") or ()
        if {r.get("source"), r.get("target")} == {a, b}
    ]
    chain = None
    if prerequisite is None:
        _, study = _study(G)
        D = nx.DiGraph((p, n) for n, parents in study.parents.items() for p in parents)
        for s, t in ((a, b), (b, a)):
            if s in D and t in D and nx.has_path(D, s, t):
                chain = nx.shortest_path(D, s, t)
                break
    framed = None
    if prerequisite is None and chain is None:
        for s, t in ((a, b), (b, a)):
            if (link := structure_link(G, s, t)) is not None:
                framed = {"source": s, "target": t, "what": link[0], "evidence": link[1]}
                break
    typed = [e for e in edges if e.get("relation") not in UNTYPED_RELATIONS]
    ordered = (prerequisite["source"], prerequisite["target"]) if prerequisite else None
    ordered = ordered or ((chain[0], chain[-1]) if chain else None)
    ordered = ordered or ((framed["source"], framed["target"]) if framed else None)
    off_path = path_omission(G, ordered[1], ordered[0]) if ordered else None
    if prerequisite is not None:
        carried = ", ".join(f for f, c in (prerequisite.get("features") or {}).items() if c > 0)
        why = carried or prerequisite.get("label") or "the notes"
        verdict = (
            f"Learn {label(prerequisite['source'])} before {label(prerequisite['target'])} "
            f"({prerequisite.get('confidence')}): {why}."
        )
    elif chain is not None:
        verdict = (
            "No direct prerequisite, but a chain orders them: "
            + " → ".join(label(n) for n in chain)
            + "."
        )
    elif framed is not None:
        verdict = (
            f"No prerequisite, but a learning path reads {label(framed['source'])} before "
            f"{label(framed['target'])}: it is {framed['what']}."
        )
    elif rejected:
        best = max(rejected, key=lambda r: float(r.get("confidence") or 0))
        verdict = (
            f"Not ordered for study: {label(best['source'])} before {label(best['target'])} "
            f"was weighed at {best.get('confidence')} and left out ({best.get('reason')})."
        )
    elif typed:
        verdict = "Linked, but the notes say nothing that orders them for study."
    elif edges:
        verdict = "Only weakly linked: the notes name them together."
    else:
        verdict = "The notes never link them."
    if off_path is not None:
        verdict += f" Not on {label(ordered[1])}'s learning path: {off_path}."
    return {
        "a": a,
        "b": b,
        "edges": edges,
        "prerequisite": prerequisite,
        "rejected": rejected,
        "chain": chain,
        "framed": framed,
        "off_path": off_path,
        "verdict": verdict,
    }
