"""Writing a user's files: new missions, meetings added, imported documents."""
