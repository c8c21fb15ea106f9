"""The render stage: the parsed and analysed corpus in, the report's files out (as bytes)."""
