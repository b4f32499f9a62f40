"""Every weight the scored decisions of the parser use, named in one place.

Two decisions are scored rather than ruled: whether a stack of headline-looking lines inside a run
of body text really is a headline (``evidence.headline_score``), and where one story ends and the
next begins inside a run of body text (``evidence.boundary_score``, chosen page-wide by
``boundaries.best_boundaries``).  Each piece of evidence is a function in ``evidence.py`` returning a
number in about [-1, 1]; these weights say how much each counts.  A positive total means "yes".

The values are set from how typeset pages are built (a headline is set apart from the text: wider or
narrower than the column, spaced out, followed by an opening; a story opens on a dateline or an
indent, after a closed sentence, usually in another column width and on another subject), checked on
the pages written for the tests (tests/pages), never fitted to gold pages.
"""

from __future__ import annotations

# --- is a headline-looking unit inside body text a headline? (evidence.headline_score) ----------
HEAD_PRIOR = 0.5  # the unit classifier said "headline": it stays one unless the evidence says no
HEAD_SPACED = 1.0  # spaced-out characters not filling the column: display type
HEAD_OFF_COLUMN = 1.0  # set wider than the column below it, or much narrower than a first line
HEAD_IN_COLUMN = 1.5  # as wide as the column's body lines or its paragraphs' first lines
HEAD_NEXT_OPENS = 1.0  # what follows opens a paragraph or a story (dateline, indent, short first line)
HEAD_NEXT_CARRIES_ON = 2.0  # what follows goes on with a sentence: no headline ends there
HEAD_PARAGRAPH = 2.0  # indented (or short by the lost indent), then lines filling the column: a paragraph
HEAD_PUNCTUATED = 1.5  # commas and question marks inside lines of column width: running text
HEAD_PREV_CARRIES_ON = 1.9  # the line above was body text and stops mid-sentence into this one
HEAD_INDENTED = 1.0  # indented with ideographic spaces like the paragraphs near it: a paragraph
HEAD_DISPLAY_GOES_ON = 1.5  # spaced out and set tight (no blank line) under a spaced-out headline line
HEAD_IN_POEM = 1.0  # between two lines the poem finder (verse.py) marked
HEAD_VERSE = 1.5  # inside a poem's short irregular lines
HEAD_ECHO_BELOW = 2.0  # the text below repeats the unit's words (all of them: this much)
HEAD_WOVEN = 3.0  # inside columns printed across line by line (interleave.py): running text
HEAD_JOINED = 3.0  # its first characters finish a word cut at the end of the line above
HEAD_BYLINE = 1.5  # the line reads as a byline (reporters' names, ``…摄``)

# --- does a story start at this unit of a body run? (evidence.boundary_score) ------------------
STORY_COST = 2.4  # what one more story costs: a split needs this much evidence
SHORT_STORY = 1.5  # on top of STORY_COST for a story of a paragraph or two and a few lines
OPEN_DATELINE = 3.0  # a dateline opens the unit (where datelines open stories on this page)
OPEN_DATELINE_WEAK = 0.75  # a dateline where headlines come first (often a second report)
OPEN_NAME = 2.0  # an author's name on a line of its own, then a paragraph
OPEN_INDENT = 0.25  # an indent or a first line short by its lost indent
OPEN_CARRIED = 2.0  # the first line fills its column: text carried on, not an opening
CLOSED_SENTENCE = 0.5  # the text above ends a sentence
OPEN_SENTENCE = 4.0  # the text above stops mid-sentence: nothing can start here
WIDTH_CHANGE = 1.0  # the column changes width
FLOW_BREAK = 1.0  # a change of line spacing or an indent where the text flow breaks
TOPIC_SHIFT = 0.75  # the text below shares few words with the text above
WOVEN = 3.0  # both sides inside columns printed across line by line: one story
JUMP = 6.0  # a "continued on / from page N" marker sits at the break

# --- headline groups of side-by-side stories (distribute.split_side_by_side) --------------------
HEAD_SPLIT = 1.0  # what cutting one printed headline group into two stories' groups costs ...
HEAD_ECHO = 3.0  # ... and what each part's words repeated in its own story's opening count
