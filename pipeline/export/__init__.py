"""Export stage: tagged CSVs, TMX and a tag summary."""
