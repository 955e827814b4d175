"""Segment stage: paragraphs -> sentences and tokens."""
