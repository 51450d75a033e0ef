"""Pure data built from a workspace for the outputs: documents, overview, goals, changes."""
