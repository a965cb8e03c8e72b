"""The shared spaCy pipeline: loaded once, its objects kept out of garbage collection, and
the collector paused and restored around the stages that build many objects."""

from __future__ import annotations

import gc

from extraction import nlp


def test_nlp_load_once_and_freeze_the_model():
    model = nlp.load()
    assert nlp.load() is model
    # the model lives as long as the process: full collections no longer walk it
    assert gc.get_freeze_count() > 10_000


def test_nlp_paused_gc_restores_the_collector():
    assert gc.isenabled()
    with nlp.paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with nlp.paused_gc():  # already off: left off
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
