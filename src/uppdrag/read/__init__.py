"""Reading files into models: the safe YAML reader, workspaces, schema errors."""
