"""The demo district's content: tables of text, no logic."""
