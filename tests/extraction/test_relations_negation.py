"""Negated relations: a cue the sentence denies gives no edge, whatever family it is of
and however the denial is worded ("not", "n't", "never", "cannot", "no longer", "no
more", "neither ... nor", "no X", "A but not B", "A instead of B"), read from the parse;
"not only ... but also" affirms and a hedge ("rarely", "seldom") is no denial."""

from __future__ import annotations

import pytest

from tests.extraction.test_relations import expect, tiny_index, triples

DENIED = [
    # uses / requires / relies on
    ("A red dwarf no longer uses nuclear fusion.", ("red dwarf", "nuclear fusion"),
     ("red dwarf", "uses", "nuclear fusion")),
    ("A red dwarf never uses nuclear fusion.", ("red dwarf", "nuclear fusion"),
     ("red dwarf", "uses", "nuclear fusion")),
    ("A red dwarf does not use nuclear fusion.", ("red dwarf", "nuclear fusion"),
     ("red dwarf", "uses", "nuclear fusion")),
    ("A star no more uses fusion.", ("star", "fusion"), ("star", "uses", "fusion")),
    ("A sailboat doesn't require a diesel engine.", ("sailboat", "diesel engine"),
     ("sailboat", "uses", "diesel engine")),
    ("A sailboat no longer requires a diesel engine.", ("sailboat", "diesel engine"),
     ("sailboat", "uses", "diesel engine")),
    ("A sailboat requires neither a diesel engine nor a propeller.",
     ("sailboat", "diesel engine", "propeller"), ("sailboat", "uses", "diesel engine")),
    ("A sailboat requires neither a diesel engine nor a propeller.",
     ("sailboat", "diesel engine", "propeller"), ("sailboat", "uses", "propeller")),
    ("A sailboat moves without using a diesel engine.", ("sailboat", "diesel engine"),
     ("sailboat", "uses", "diesel engine")),
    ("A sundial no longer relies on sunlight.", ("sundial", "sunlight"),
     ("sundial", "uses", "sunlight")),
    ("No sailboat uses a diesel engine.", ("sailboat", "diesel engine"),
     ("sailboat", "uses", "diesel engine")),
    ("Neither the keel nor the mast uses a rudder.", ("keel", "mast", "rudder"),
     ("keel", "uses", "rudder")),
    ("Neither the keel nor the mast uses a rudder.", ("keel", "mast", "rudder"),
     ("mast", "uses", "rudder")),
    # a condition: said of a case that may not hold
    ("If your sailboat uses a diesel engine, the hull needs a propeller shaft.",
     ("sailboat", "diesel engine", "hull", "propeller shaft"),
     ("sailboat", "uses", "diesel engine")),
    ("Unless the kiln includes a chimney, smoke fills the room.",
     ("kiln", "chimney", "smoke"), ("chimney", "part_of", "kiln")),
    ("A red dwarf uses hydrogen, whereas a white dwarf no longer does.",
     ("red dwarf", "white dwarf", "hydrogen"), ("white dwarf", "uses", "hydrogen")),
    # an object set apart from the first ("but not", "instead of", "rather than")
    ("A sailboat uses wind power but not a diesel engine.",
     ("sailboat", "wind power", "diesel engine"), ("sailboat", "uses", "diesel engine")),
    ("A sailboat uses wind power instead of a diesel engine.",
     ("sailboat", "wind power", "diesel engine"), ("sailboat", "uses", "diesel engine")),
    ("A sailboat uses wind power rather than a diesel engine.",
     ("sailboat", "wind power", "diesel engine"), ("sailboat", "uses", "diesel engine")),
    # causes
    ("Frost wedging cannot cause a landslide.", ("frost wedging", "landslide"),
     ("frost wedging", "causes", "landslide")),
    ("Frost wedging never causes a landslide.", ("frost wedging", "landslide"),
     ("frost wedging", "causes", "landslide")),
    ("Frost wedging no longer causes landslides.", ("frost wedging", "landslide"),
     ("frost wedging", "causes", "landslide")),
    ("Frost wedging does not lead to a landslide.", ("frost wedging", "landslide"),
     ("frost wedging", "causes", "landslide")),
    ("Frost wedging causes neither landslides nor floods.",
     ("frost wedging", "landslide", "flood"), ("frost wedging", "causes", "landslide")),
    ("Frost wedging causes neither landslides nor floods.",
     ("frost wedging", "landslide", "flood"), ("frost wedging", "causes", "flood")),
    # is_a
    ("A canoe is not a sailboat.", ("canoe", "sailboat"), ("canoe", "is_a", "sailboat")),
    ("A canoe isn't a sailboat.", ("canoe", "sailboat"), ("canoe", "is_a", "sailboat")),
    ("A canoe is no longer a sailboat.", ("canoe", "sailboat"), ("canoe", "is_a", "sailboat")),
    ("A canoe is neither a sailboat nor a kayak.", ("canoe", "sailboat", "kayak"),
     ("canoe", "is_a", "sailboat")),
    ("A canoe is not a kind of sailboat.", ("canoe", "sailboat"), ("canoe", "is_a", "sailboat")),
    ("No reptile is a mammal.", ("reptile", "mammal"), ("reptile", "is_a", "mammal")),
    ("Not all lichens are plants.", ("lichen", "plant"), ("lichen", "is_a", "plant")),
    ("Not every moss is a liverwort.", ("moss", "liverwort"), ("moss", "is_a", "liverwort")),
    ("A small plant; not all moss is liverwort.", ("moss", "liverwort"),
     ("moss", "is_a", "liverwort")),
    # part_of
    ("The keel is not part of the mast.", ("keel", "mast"), ("keel", "part_of", "mast")),
    ("The keel is no longer part of the mast.", ("keel", "mast"), ("keel", "part_of", "mast")),
    ("The mast no longer contains a keel.", ("keel", "mast"), ("keel", "part_of", "mast")),
    ("Neither the keel nor the mast is part of the hull.", ("keel", "mast", "hull"),
     ("keel", "part_of", "hull")),
    ("Neither the keel nor the mast is part of the hull.", ("keel", "mast", "hull"),
     ("mast", "part_of", "hull")),
    # used_for
    ("A barometer is no longer used to measure wind speed.", ("barometer", "wind speed"),
     ("barometer", "used_for", "wind speed")),
    ("A barometer cannot be used for weather forecasting.",
     ("barometer", "weather forecasting"), ("barometer", "used_for", "weather forecasting")),
    ("A barometer is not used for weather forecasting.", ("barometer", "weather forecasting"),
     ("barometer", "used_for", "weather forecasting")),
    ("A sextant isn't used for steering.", ("sextant", "steering"),
     ("sextant", "used_for", "steering")),
    ("A sextant is not classified as a compass.", ("sextant", "compass"),
     ("sextant", "is_a", "compass")),
    ("A glacier is not caused by snowfall.", ("glacier", "snowfall"),
     ("snowfall", "causes", "glacier")),
    ("The rudder is neither used for steering nor for braking.",
     ("rudder", "steering", "braking"), ("rudder", "used_for", "steering")),
    # addresses
    ("Crop rotation does not prevent soil erosion.", ("crop rotation", "soil erosion"),
     ("crop rotation", "addresses", "soil erosion")),
    ("Crop rotation no longer prevents soil erosion.", ("crop rotation", "soil erosion"),
     ("crop rotation", "addresses", "soil erosion")),
    ("Soil erosion is no longer prevented by crop rotation.", ("crop rotation", "soil erosion"),
     ("crop rotation", "addresses", "soil erosion")),
    ("Crop rotation prevents neither soil erosion nor drought.",
     ("crop rotation", "soil erosion", "drought"), ("crop rotation", "addresses", "soil erosion")),
]  # fmt: skip

AFFIRMED = [
    # "not only ... but also" states both
    ("Frost wedging not only causes landslides but also causes floods.",
     ("frost wedging", "landslide", "flood"), ("frost wedging", "causes", "landslide")),
    ("Frost wedging not only causes landslides but also causes floods.",
     ("frost wedging", "landslide", "flood"), ("frost wedging", "causes", "flood")),
    ("Frost wedging causes not only landslides but also floods.",
     ("frost wedging", "landslide", "flood"), ("frost wedging", "causes", "flood")),
    ("A sailboat uses not only wind power but also solar panels.",
     ("sailboat", "wind power", "solar panel"), ("sailboat", "uses", "wind power")),
    ("A sailboat uses not only wind power but also solar panels.",
     ("sailboat", "wind power", "solar panel"), ("sailboat", "uses", "solar panel")),
    ("A canoe is not only a boat but also a vessel.", ("canoe", "boat", "vessel"),
     ("canoe", "is_a", "boat")),
    ("Crop rotation not only prevents soil erosion but also improves soil fertility.",
     ("crop rotation", "soil erosion", "soil fertility"),
     ("crop rotation", "addresses", "soil erosion")),
    # a "not only" between a cue's words ("is not only used for")
    ("Crop rotation is not only used for soil fertility but also for pest control.",
     ("crop rotation", "soil fertility", "pest control"),
     ("crop rotation", "used_for", "soil fertility")),
    ("A glacier is not only caused by snowfall but also by cold summers.",
     ("glacier", "snowfall", "cold summer"), ("snowfall", "causes", "glacier")),
    ("A sextant is not only classified as a navigation tool.", ("sextant", "navigation tool"),
     ("sextant", "is_a", "navigation tool")),
    ("A sailboat uses wind power instead of a diesel engine.",
     ("sailboat", "wind power", "diesel engine"), ("sailboat", "uses", "wind power")),
    ("A sailboat uses not only wind power but also a diesel engine.",
     ("sailboat", "wind power", "diesel engine"), ("sailboat", "uses", "diesel engine")),
    # a hedge says how often, and still says so
    ("Frost wedging seldom causes landslides.", ("frost wedging", "landslide"),
     ("frost wedging", "causes", "landslide")),
    ("A red dwarf rarely uses nuclear fusion.", ("red dwarf", "nuclear fusion"),
     ("red dwarf", "uses", "nuclear fusion")),
    # the same cue, undenied
    ("The keel is part of the hull.", ("keel", "hull"), ("keel", "part_of", "hull")),
    ("Every moss is a bryophyte.", ("moss", "bryophyte"), ("moss", "is_a", "bryophyte")),
    ("A sailboat uses a diesel engine when the wind drops.", ("sailboat", "diesel engine"),
     ("sailboat", "uses", "diesel engine")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names", "absent"), DENIED)
def test_relations_negation_denied_cue_gives_no_edge(text, names, absent):
    index = tiny_index(text, *names)
    assert expect(index, *absent) not in triples(index)


@pytest.mark.parametrize(("text", "names", "present"), AFFIRMED)
def test_relations_negation_not_only_and_hedges_still_state_the_edge(text, names, present):
    index = tiny_index(text, *names)
    assert expect(index, *present) in triples(index)


@pytest.mark.parametrize(
    ("text", "contrasted"),
    [
        # a denied main clause still sets the fronted X against its subject
        ("Unlike electric kilns, gas kilns do not need a fuse.", True),
        ("In contrast to electric kilns, gas kilns never need a fuse.", True),
        # a cue denied itself sets nothing against anything
        ("Not unlike electric kilns, gas kilns need a fuse.", False),
    ],
)  # fmt: skip
def test_relations_negation_of_the_main_clause_keeps_a_fronted_contrast(text, contrasted):
    index = tiny_index(text, "gas kiln", "electric kiln", "fuse")
    edge = expect(index, "gas kiln", "contrasts_with", "electric kiln")
    assert (edge in triples(index)) is contrasted
