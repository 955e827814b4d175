"""Align stage: every language against the English text, paragraphs then sentences."""
