"""The editor window (PySide6). Importing this package loads no Qt: ``ui.worker`` runs in a child
process that must start fast."""
