"""Judging what was read: rules across files, meetings against the calendar."""
