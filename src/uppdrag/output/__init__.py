"""Views turned into text and bytes (never printed here): diagnostics, templates, PDF, iCalendar, site."""
