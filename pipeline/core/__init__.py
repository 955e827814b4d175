"""What every stage shares: records, document sets, errors, atomic writes, parameters, the embedder."""
