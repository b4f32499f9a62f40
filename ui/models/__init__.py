"""Qt item models over the open page, and the state the panes share (session, selection)."""
