"""One singular for every stage, and the shared head of a "vs" list."""

import pytest

from extraction.concepts.phrases import concept_id as phrase_id
from extraction.concepts.phrases import match_key as phrase_key
from extraction.concepts.phrases import singular as phrase_singular
from extraction.concepts.phrases import versus_sides
from extraction.names import concept_id, is_acronym, match_key, singular
from extraction.nlp import pipe
from extraction.relations import singular as relation_singular


@pytest.mark.parametrize(
    "word,expected",
    [
        ("enzymes", "enzyme"),
        ("species", "species"),
        ("series", "series"),
        ("mitochondria", "mitochondria"),
        ("criteria", "criterion"),
        ("k-means", "k-means"),
        ("goods", "goods"),
        ("clothes", "clothes"),
        ("scissors", "scissors"),
        ("news", "news"),
        ("analyses", "analysis"),
        ("buses", "bus"),
        ("hash-tables", "hash-table"),
        # a capitalised name the dictionary does not know keeps its "s"
        ("Versailles", "Versailles"),
        ("Ebbinghaus", "Ebbinghaus"),
        ("Texas", "Texas"),
        ("Socrates", "Socrates"),
        # but a capitalised plural does not: a sibilant's "-es", a consonant's "-s"
        ("Mutexes", "Mutex"),
        ("Autoencoders", "Autoencoder"),
        # a Latin plural is guessed only where English has the singular
        ("posteriori", "posteriori"),
        ("bonsai", "bonsai"),
        ("villi", "villus"),
        ("glomeruli", "glomerulus"),
    ],
)
def test_names_singular_one_for_every_stage(word, expected):
    assert singular(word) == expected
    assert phrase_singular(word) == expected
    assert relation_singular(word) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a pair of plurals names one thing: both stay as written
        (["Checks", "and", "balances"], "checks and balances"),
        (["pros", "and", "cons"], "pros and cons"),
        # a head after a singular, or with no pair, goes in the singular as ever
        (["supply", "and", "demands"], "supply and demand"),
        (["hash", "tables"], "hash table"),
    ],
)
def test_names_concept_id_keeps_a_pair_of_plurals(words, expected):
    assert concept_id(words) == expected
    assert match_key(" ".join(words)) == match_key(expected)


@pytest.mark.parametrize(
    "name",
    ["capital goods", "animal species", "Fourier series", "hash tables", "plate boundaries"],
)
def test_names_key_and_id_agree_with_phrases(name):
    assert match_key(name) == phrase_key(name)
    assert concept_id(name.split()) == phrase_id(name.split())


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Aerobic vs anaerobic vs facultative bacteria",
            ["Aerobic bacteria", "anaerobic bacteria", "facultative bacteria"],
        ),
        (
            "Competitive vs. noncompetitive inhibition",
            ["Competitive inhibition", "noncompetitive inhibition"],
        ),
        ("Osmosis vs diffusion", ["Osmosis", "diffusion"]),
        ("Plate tectonics", ["Plate tectonics"]),
    ],
)
def test_phrases_versus_sides_share_head(text, expected):
    doc = next(pipe([text]))
    sides = versus_sides([t for t in doc if not t.is_punct or t.text == "/"])
    assert [" ".join(t.text for t in side) for side in sides] == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a head the dictionary keeps as a plural of its own, after a modifier
        ("merit goods", "merit good", True),
        ("capital goods", "capital good", True),
        ("summary statistics", "summary statistic", True),
        ("sample means", "sample mean", True),
        ("kinship relations", "kinship relation", True),
        # a hyphenated name is put in the singular whole, as the candidates put it
        ("balance-of-payments", "balance-of-payment", True),
        # alone, or inside a hyphenated word, it stays
        ("goods", "good", False),
        ("k-means", "k-mean", False),
        ("species", "specie", False),
    ],
)
def test_names_match_key_folds_a_plural_kept_as_a_noun_after_a_modifier(a, b, same):
    assert (match_key(a) == match_key(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a head clipped after a modifier is the word it is short for
        ("neural net", "neural network", True),
        ("convolutional nets", "convolutional networks", True),
        ("feedforward nets", "feedforward network", True),
        ("computer lab", "computer laboratory", True),
        ("wet labs", "wet laboratory", True),
        # alone, or as a modifier, the clipped word is a word of its own
        ("net", "network", False),
        ("net income", "network income", False),
        ("lab", "laboratory", False),
    ],
)
def test_names_match_key_unclips_a_clipped_head_after_a_modifier(a, b, same):
    assert (match_key(a) == match_key(b)) is same


@pytest.mark.parametrize(
    ("word", "acronym"),
    [
        # a Roman numeral of I, V and X numbers a thing ("Article VI", "chords I, IV, V")
        ("II", False),
        ("IV", False),
        ("VI", False),
        ("XII", False),
        # letters that are no such numeral, or more than one, stay acronyms
        ("XL", True),
        ("IVF", True),
        ("CD", True),
        ("LSTM", True),
    ],
)
def test_names_is_acronym_not_a_roman_numeral(word, acronym):
    assert is_acronym(word) is acronym


@pytest.mark.parametrize(
    ("word", "acronym"),
    [
        # a family name opened by "Mc" or "Mac" abbreviates nothing
        ("McAdams", False),
        ("MacLeod", False),
        # capitals after the prefix, or a short form that opens the same way, stay acronyms
        ("MCAT", True),
        ("MaCH", True),
        ("McB", True),
    ],
)
def test_names_is_acronym_not_a_family_name(word, acronym):
    assert is_acronym(word) is acronym


@pytest.mark.parametrize("word", ["running", "Criteria", "goods", "data", "tranformer", "", "X"])
def test_names_lemmas_are_lemminflects_read_only(word):
    from types import MappingProxyType

    from lemminflect import getAllLemmas

    from extraction.names import lemmas

    assert dict(lemmas(word)) == getAllLemmas(word)
    assert type(lemmas(word)) is MappingProxyType and lemmas(word) is lemmas(word)
