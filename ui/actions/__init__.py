"""What the editor can do: each action class takes the narrow things it needs (undo, session,
selection, reporter), never the window."""
