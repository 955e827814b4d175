"""Translator review: a local web app over the aligned rows; decisions go to the corrections file."""
