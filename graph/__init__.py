"""The concept graph: records -> NetworkX graph; queries, rendering, export, CLI."""
