"""Tag stage: recurring positions in paragraphs, with evidence."""
