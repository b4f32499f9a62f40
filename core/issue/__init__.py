"""An issue of the paper: a folder of pages or one multi-page PDF, worked through page by page.

- ``numbering``: page numbers and order from file names (``p1``, ``01``, ``A01``, ``第一版``…)
- ``source``: ``open_issue`` → ``Issue`` (ordered, numbered pages, named as ``core.pdf.pages``
  names them; quick: nothing parsed yet)
- ``loading``: opening pages for editing through ``core.batch``'s pool (a ``load`` task)
- ``workspace``: ``IssueWorkspace``, one ``Document`` per page, links, save, autosave, recovery
- ``jumps``: continued stories (``下转第四版`` ↔ ``上接第一版``), link/unlink as undoable edits
- ``decisions``: issue-wide apply to all occurrences, the issue's entity list
- ``search``: find any text across the issue
- ``corpus``, ``mets``, ``export``: JSONL corpus, CoNLL, per-page JSON, METS with ALTO
  (``core.export_alto``)
"""
