"""Output: tables for people (table.py, Rich), data for scripts (data.py), files (sqlite.py)."""
