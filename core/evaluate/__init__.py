"""``main.py evaluate GOLDDIR [--learn]``: how many corrections the parser leaves an editor.

``scoring`` counts them as ../shared/eval/effort.py does (and entity F1 as score_page.py), so the
numbers a project lead gets on their own corrected pages are the ones the project is measured by;
``gold`` reads a folder of ``*.gold.json`` or of pages with saved corrections; ``teach`` replays
a gold page as an editor's save; ``command`` walks the pages and prints the learning curve.
"""
