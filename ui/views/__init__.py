"""The panes: raw page, article list, article text, entity table, and small dialogs."""
