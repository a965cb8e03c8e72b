"""Streamlit wiring of the Concept Atlas explorer (UI only; logic lives in graph/)."""
