"""Extract stage: PDF, text export or Word file -> paragraphs, page furniture removed."""
