"""Benchmarks of Concept Atlas: ratios measured side by side in one run.

Run ``python -m benchmarks`` (``--quick`` for the notes folder only, ``--json`` for
machines); see ``docs/PERFORMANCE.md``.
"""
