"""Grouping units into articles: headline groups, stories inside body runs, and which way round.

A page is a sequence of body runs and headline groups.  Whether a group belongs to the run before
it (PDF extraction often prints a headline after its story) or after it is decided once per page
from how the page starts and ends and what follows each group.  Inside a run, stories are cut
where the boundary evidence outweighs the cost of a story (boundaries.py).  Where headlines come
first, headlines printed together are shared out among the stories below (distribute.py), and two
passes re-pair what is left: a title whose story comes out further down moves to it, and a story
printed with no headline goes to the headline whose words it repeats.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.layout import boundaries
from core.layout.distribute import (
    ECHO_MIN,
    RunText,
    continues,
    distribute,
    echo,
    head_bigrams,
    lines_of,
    split_side_by_side,
)
from core.layout.evidence import ECHO_PAIRS, continued_from, continued_to, repeated
from core.layout.features import LineInfo, headline_label, names_run, one_name
from core.layout.pieces import return_pieces
from core.layout.strays import (
    lift_titles,
    return_cut_tails,
    return_end_lines,
    return_head_verse,
    return_tails,
    return_verse,
)
from core.layout.units import BODY, HEAD, Story, Unit

REASSIGN_AHEAD = 4  # how many stories further down a title printed out of place may belong to
STORY_UNITS = 12  # paragraphs either side of a headline compared with its words


def typical_gap(units: Sequence[Unit]) -> int:
    gaps = [ln.gap for u in units if u.kind == BODY for ln in u.lines[1:]]
    if not gaps:
        return 1
    gaps.sort()
    return gaps[len(gaps) // 2]


def split_sequence(units: Sequence[Unit]) -> list[tuple[str, list[Unit]]]:
    """Alternating ("run", units) and ("group", units) items; subheads stay inside runs."""
    out: list[tuple[str, list[Unit]]] = []
    for u in units:
        kind = "group" if u.kind == HEAD else "run"
        if out and out[-1][0] == kind:
            out[-1][1].append(u)
        else:
            out.append((kind, [u]))
    return out


def split_groups(group: list[Unit]) -> list[list[Unit]]:
    """Adjacent headline groups of two stories: a column label starts a new one, and so does a
    title-like line after the group already has a title and a line below it."""
    parts: list[list[Unit]] = [[]]
    for u in group:
        line = u.first
        cur = parts[-1]
        if cur and line.column and not all(x.first.column for x in cur):
            parts.append([u])
            continue
        own = not headline_label(line)
        if cur and own and cur[-1].last.squeezed.endswith(("（图片）", "(图片)")):
            parts.append([u])  # a photo's headline stands alone: what follows is another item's
            continue
        if cur and own and line.head_note and any(x.last.head_note for x in cur):
            parts.append([u])  # a second headline with its own note
            continue
        if cur and line.jump_only and continued_from(line):
            parts.append([u])
            continue
        cur.append(u)
    parts = [p for p in parts if p]
    # a reporter's byline never belongs to a photo's headline: it is the story's beside it
    for k in range(1, len(parts)):
        if _is_photo_head(parts[k]) and not _is_photo_head(parts[k - 1]):
            bylines = [u for u in parts[k] if u.first.byline]
            parts[k - 1].extend(bylines)
            parts[k] = [u for u in parts[k] if not u.first.byline]
    return [p for p in parts if p]


def _is_photo_head(part: Sequence[Unit]) -> bool:
    return any(u.last.squeezed.endswith(("（图片）", "(图片)")) for u in part)


def orientation(items: Sequence[tuple[str, list[Unit]]]) -> str:
    """ "after" when headlines follow their stories on this page, else "before"."""
    if not any(kind == "group" for kind, _ in items):
        return "before"
    score = 0.0
    first_kind, first_units = items[0]
    if first_kind == "group":
        if not all(u.first.jump_only for u in first_units):
            score -= 3
    elif _opens_story(first_units[0]):
        score += 3  # a story opens the page with no headline above it: its headline follows
    # else the page opens inside a story carried over from another page: no evidence either way
    last_kind, last_units = items[-1]
    score += 1 if last_kind == "group" and not all(u.first.jump_only for u in last_units) else -1
    for k, (kind, units) in enumerate(items):
        if kind != "group" or k + 1 >= len(items):
            continue
        nxt = items[k + 1][1][0].first
        if nxt.dateline or nxt.byline:
            score -= 0.5
        if k > 0:
            score += _words_side(units, items[k - 1][1], items[k + 1][1])
    return "after" if score > 0 else "before"


def _words_side(group: Sequence[Unit], before: Sequence[Unit], after: Sequence[Unit]) -> float:
    """+1 when the headline's words are in the text above it, -1 when in the text below it: a
    story repeats its headline's words, so the headline's own story is the one that shares more."""
    title = head_bigrams(group)
    if len(title) < ECHO_PAIRS:
        return 0.0
    above = repeated(title, _text(before[-STORY_UNITS:]))
    below = repeated(title, _text(after[:STORY_UNITS]))
    if abs(above - below) < 2:
        return 0.0
    return 1.0 if above > below else -1.0


def _text(units: Sequence[Unit]) -> str:
    return "".join([ln.squeezed for u in units for ln in u.lines])


def _opens_story(u: Unit) -> bool:
    """The unit starts a story: a dateline, an indent, or a first line short by its lost indent —
    not text carried over (mid-sentence, full width, or after a ``上接`` marker)."""
    first = u.first
    if continued_from(first):
        return False
    if first.dateline or first.indent or first.full_indent or u.kind != BODY:
        return True
    return len(u.lines) == 1 or first.width <= u.width - 1.25


def split_run(run: list[Unit], page_gap: int, datelines: bool) -> list[list[Unit]]:
    """Stories inside one run of body units, chosen together (boundaries.py).  Where headlines
    come first, a dateline inside a run usually opens a second report of the same story, so it
    weighs less unless ``datelines``."""
    return boundaries.split_run(run, page_gap, datelines)


def _byline_only(part: Sequence[Unit]) -> bool:
    return all(len(u.lines) == 1 and u.first.byline and not u.first.spaced for u in part)


def merge_bylines(items: list[tuple[str, list[Unit]]]) -> list[tuple[str, list[Unit]]]:
    """Where headlines come first, a group that is only a byline between two runs is the first
    line of a story inside the text printed below the headlines: it joins the runs as one, where
    it counts as an opening (evidence.boundary_score) and the headlines find their stories."""
    out: list[tuple[str, list[Unit]]] = []
    for k, (kind, part) in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if kind == "group" and _byline_only(part) and out and out[-1][0] == "run" and nxt and nxt[0] == "run":
            out[-1][1].extend(part)
            continue
        if kind == "run" and out and out[-1][0] == "run":
            out[-1][1].extend(part)
            continue
        out.append((kind, list(part)))
    return out


def assemble_stories(units: Sequence[Unit], page_gap: int | None = None) -> list[Story]:
    """The page's stories in reading order.  ``page_gap``: ``typical_gap(units)``, when the caller
    has it already (it reads every body line of the page)."""
    items = split_sequence(units)
    mode = orientation(items)
    if mode == "before":
        items = merge_bylines(items)
    page_gap = typical_gap(units) if page_gap is None else page_gap
    stories: list[Story] = []
    pending: list[list[Unit]] = []  # "before" mode: headline groups waiting for their stories
    for kind, part in items:
        if kind == "group":
            groups = split_groups(part)
            if mode == "after":
                for gi, g in enumerate(groups):
                    if gi == 0 and stories and stories[-1].body and not stories[-1].head:
                        stories[-1].head = g
                    else:
                        stories.append(Story(head=g))
            else:
                if stories and groups and groups[0] and continued_to(groups[0][0].first):
                    stories[-1].head.append(groups[0].pop(0))  # "continued on page 4" ends the story above
                    groups = [g for g in groups if g]
                for g in pending:
                    stories.append(Story(head=g))
                pending = groups
            continue
        before = stories[-1].body[-1] if stories and stories[-1].body else None
        carry = bool(pending) and continues(before, part)
        run_text = RunText(part)  # what both steps learn of the run, learnt once
        if pending:
            pending = split_side_by_side(pending, part, carry, page_gap, run_text)
        if pending and (carry or len(pending) > 1):
            prefix, pieces = distribute(pending, part, carry, run_text)
            if pieces and not prefix:
                byline_to_first_story(pending, pieces[0][0])
            if prefix:
                _carry_on(stories[-1].body, prefix)
            used = set()
            for gi, piece in pieces:
                used.add(gi)
                for si, body in enumerate(split_run(piece, page_gap, False)):
                    stories.append(Story(head=pending[gi], body=body) if si == 0 else Story(body=body))
            stories.extend(Story(head=g) for gi, g in enumerate(pending) if gi not in used)
            pending = []
            continue
        for si, body in enumerate(split_run(part, page_gap, mode == "after")):
            if si == 0 and pending:
                stories.append(Story(head=pending[0], body=body))
                pending = []
            else:
                stories.append(Story(body=body))
    stories.extend(Story(head=g) for g in pending)
    if mode == "before":
        reassign_titles(stories)
        stories = adopt_orphans(stories)
    lift_titles(stories)
    return_pieces(stories)
    return_cut_tails(stories)
    return_verse(stories)
    return_head_verse(stories)
    if mode == "before":
        return_tails(stories)
    return_end_lines(stories)
    return [s for s in stories if s.head or s.body]


def byline_to_first_story(groups: list[list[Unit]], first: int) -> None:
    """Side-by-side headlines printed together end on a byline (``本报记者…``): it stands under
    the headline whose story is printed right after the group, which is where the extractor
    reads next, so it goes with the group of the run's first story rather than with the last
    headline it happens to follow."""
    last = groups[-1]
    if first == len(groups) - 1:
        return
    k = len(last)
    while k > 0 and len(last[k - 1].lines) == 1 and last[k - 1].first.byline and not last[k - 1].first.spaced:
        k -= 1
    if 0 < k < len(last):
        groups[first].extend(last[k:])
        del last[k:]


def _answer(head: Sequence[Unit], body: Sequence[Unit]) -> float:
    """How well a text answers a headline: the best share of a title field's words it repeats."""
    return max((echo(f, body, 0) for f in _fields(lines_of(head)) if _titled_field(f)), default=0.0)


def adopt_orphans(stories: list[Story]) -> list[Story]:
    """A story printed with no headline further down the page (after a jump marker, under other
    headlines) whose text repeats the words of an earlier headline that was handed text answering
    it less: the headline takes the orphan, and the text it held goes back to the story it
    interrupts (the one before it whose sentence it finishes, else the one right after it)."""
    for oi, orphan in enumerate(stories):
        if orphan.head or not orphan.body or oi == 0:
            continue
        best: tuple[float, int] | None = None
        for ti in range(max(0, oi - REASSIGN_AHEAD), oi):
            target = stories[ti]
            if not target.head:
                continue
            there = _answer(target.head, orphan.body)
            if there >= ECHO_MIN and there > _answer(target.head, target.body) and (best is None or there > best[0]):
                best = (there, ti)
        if best is None:
            continue
        ti = best[1]
        target = stories[ti]
        held, target.body = target.body, orphan.body
        orphan.body = []
        if held and not _give_back(stories, ti, held):
            orphan.body = held  # nowhere it belongs: a story of its own, with no headline
    return [s for s in stories if s.head or s.body]


def _give_back(stories: list[Story], ti: int, held: list[Unit]) -> bool:
    for k in range(ti - 1, -1, -1):
        if stories[k].body and continues(stories[k].body[-1], held):
            _carry_on(stories[k].body, held)
            return True
    if ti + 1 < len(stories) and stories[ti + 1].body:
        stories[ti + 1].body[:0] = held
        return True
    return False


def _fields(parts: Sequence[Unit]) -> list[list[Unit]]:
    """A headline's fields as runs of its parts (``lines_of``): a spaced-out title or lines set one
    under the other with no blank line between them stay one field.  Spaced-out lines set apart by
    a blank line where other lines of the headline are set tight are two titles (printed side by
    side, read one after the other)."""
    out: list[list[Unit]] = []
    tight = min([ln.gap for u in parts for ln in u.lines[1:]] + [u.first.gap for u in parts[1:]], default=1)
    for u in parts:
        prev = out[-1][-1] if out else None
        spaced_on = prev is not None and prev.last.spaced and u.first.spaced and u.first.gap <= tight
        if prev is not None and (spaced_on or u.first.gap == 1):
            out[-1].append(u)
        else:
            out.append([u])
    return out


def _titled_field(part: Sequence[Unit]) -> bool:
    return not any(headline_label(u.first) for u in part)


def reassign_titles(stories: list[Story]) -> None:
    """A title printed beside another story's headline, whose own story comes out further down the
    page (after other headlines): it moves to the later story that repeats its words, when that
    story answers to it better than to its own headline and the story it sits with does not
    answer to it at all.  (The text each story opens with is read once: ``RunText``.)"""
    texts = [RunText(story.body) for story in stories]  # (only headlines move here)
    for si, story in enumerate(stories):
        story.head = lines_of(story.head)
        fields = _fields(story.head)
        titled = [f for f in fields if _titled_field(f)]
        if len(titled) < 2 or not story.body:
            continue
        answers = [echo(f, story.body, 0, texts[si]) for f in titled]
        for part, here in zip(titled, answers, strict=True):
            if here >= ECHO_MIN / 2 or max(answers) <= here:
                continue  # it answers its story, or another field does not answer it better: it stays
            best: tuple[float, int] | None = None
            for ti in range(si + 1, min(len(stories), si + 1 + REASSIGN_AHEAD)):
                target = stories[ti]
                if not target.body:
                    continue
                there = echo(part, target.body, 0, texts[ti])
                own = max(
                    (echo(f, target.body, 0, texts[ti]) for f in _fields(target.head) if _titled_field(f)), default=0.0
                )
                # the later story answers it, better than its own headline or plainly on its own
                answered = there > own or there >= 2 * ECHO_MIN
                if there >= ECHO_MIN and answered and (best is None or there > best[0]):
                    best = (there, ti)
            if best is None:
                continue
            moved = {id(u) for u in part}
            story.head = [u for u in story.head if id(u) not in moved]
            stories[best[1]].head = [*part, *stories[best[1]].head]


def _carry_on(body: list[Unit], prefix: Sequence[Unit]) -> None:
    """Append text that carries on a story after a headline dropped into it: the interrupted
    paragraph takes back the lines that finish it."""
    for u in prefix:
        if body and body[-1].kind == BODY and u.kind == BODY and not body[-1].last.ends_sentence:
            body[-1].lines.extend(u.lines)
        else:
            body.append(u)


def head_roles(group: Sequence[Unit], page_gap: int) -> dict[int, str]:
    """Roles of the lines of one headline group: title, kicker, subtitle, byline, column, jump."""
    roles: dict[int, str] = {}
    fields: list[list[LineInfo]] = []
    for u in group:
        for ln in u.lines:
            if ln.column:
                roles[ln.number] = "column"
            elif ln.jump_only:
                roles[ln.number] = "jump"
            elif ln.byline and not ln.spaced:
                roles[ln.number] = "byline"
            else:
                if fields and _same_field(fields[-1], ln, page_gap):
                    fields[-1].append(ln)
                else:
                    fields.append([ln])
    # an author's name on a line of its own after the headline (``李华``) is a byline
    while len(fields) > 1 and len(fields[-1]) == 1 and _name_only(fields[-1][0]):
        roles[fields.pop()[0].number] = "byline"
    if not fields:
        return roles
    title_idx = next((i for i, f in enumerate(fields) if f[0].spaced), None)
    if title_idx is None:
        dash = next((i for i, f in enumerate(fields) if f[0].dash_start), None)
        title_idx = dash - 1 if dash is not None and dash > 0 else 0
    for i, f in enumerate(fields):
        role = "title" if i == title_idx else "kicker" if i < title_idx else "subtitle"
        for ln in f:
            roles[ln.number] = role
    return roles


def _name_only(line: LineInfo) -> bool:
    """An author's name on its line (``李华``), or several run together (``names_run``)."""
    s = line.squeezed
    if line.spaced:
        return False
    return one_name(s) or names_run(s)


def _same_field(prev: list[LineInfo], ln: LineInfo, page_gap: int) -> bool:
    """One headline set over several lines: the lines sit closer than body lines do, or (on a page
    with no blank lines) they are set alike and as wide as each other."""
    last = prev[-1]
    if ln.dash_start or ln.spaced != last.spaced:
        return False
    if ln.signature and not last.signature:
        return False  # a bracketed note on its own line (``（附图片１张）``) is a field of its own
    if ln.spaced:
        return True  # a spaced-out headline over several lines
    if page_gap > 1:
        return ln.gap < page_gap
    if abs(ln.width - last.width) <= 1.0:
        return True
    return len(prev) >= 2 and abs(prev[-2].width - last.width) <= 1.0 and ln.width < last.width
