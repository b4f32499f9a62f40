"""The window's side of an issue: page list, loading on every core, issue-wide entity list, find,
recovery and export; ``controller.IssueController`` ties them to the main window."""
