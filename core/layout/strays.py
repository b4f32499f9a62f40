"""Lines and paragraphs of a story that came out away from it, one at a time (pieces.py moves
columns of several lines).

- A headline line can be read into the running text of the story printed beside it, while its own
  story comes out with no title further down (``lift_titles``): the line is short among the full
  lines of a sentence it cuts, and the untitled story repeats its words.
- A poem's lines can come out after the finished text of a prose story printed below it: a run of
  verse ending a prose story goes back to the poem above (``return_verse``).
- A story's last paragraph can come out before its own headline, at the end of the story above
  (``return_tails``): it repeats the words of the headline after it, not of its own, and the story
  under that headline stops mid-sentence.
- A story's last lines can come out at the end of a later story set alike, cutting its sentence
  (``return_cut_tails``): joined to the earlier story's cut line they make a word that story uses
  elsewhere (a name cut in two), joined to the later story's they make none.
- A poem's last lines can come out as the headline of the story printed after it, above its own
  title (``return_head_verse``).
- A sentence's last line can come out alone at the end of another story (``return_end_lines``):
  a paragraph of one line after finished text, whose first character and the last of exactly one
  story left unfinished nearby make a pair the page holds elsewhere (``新|春佳节。``).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.layout.distribute import ECHO_CHARS, ECHO_MIN, head_text
from core.layout.evidence import echo_share, pairs_share, text_after
from core.layout.features import CLOSING, SENTENCE_END, SOFT_END, LineInfo, chinese, headline_label
from core.layout.pieces import PIECE_LINES, SAME_WIDTH, STORIES_BACK, WIDTH_STEP, opens, unfinished_lines
from core.layout.units import BODY, HEAD, SUBHEAD, Story, Unit

PUNCTUATION = SENTENCE_END | SOFT_END | CLOSING | frozenset("“‘「『（(《【〔—")
DROPPED_SHORT = 2.0  # a line dropped into a column is this much narrower than its full lines, at least
# (one character less is no sign: a full line with no punctuation to squeeze holds one less), and
# a character at least with its punctuation counted half (``_set_width``)
VERSE_SHARE = 0.8  # a poem: this share of its text's paragraphs at least are lines of verse


def dropped_line(lines: Sequence[LineInfo], k: int) -> bool:
    """``lines[k]`` is a line dropped into running text, not a line of it: the line above stops
    mid-sentence and the line below carries the sentence on (opens nothing), both full lines of one
    width, and ``lines[k]`` is shorter than both by ``DROPPED_SHORT`` at least and ends on no punctuation
    (justified text has no short line inside a paragraph, and a line cut mid-sentence is full)."""
    if k < 1 or k + 1 >= len(lines):
        return False
    above, line, below = lines[k - 1], lines[k], lines[k + 1]
    if above.ends_sentence or line.ends_sentence or line.ends_soft or line.spaced or opens(below):
        return False
    if not line.squeezed or line.squeezed[-1] in SOFT_END:
        return False
    if abs(above.width - below.width) > SAME_WIDTH or above.width - line.width < DROPPED_SHORT:
        return False
    return min(_set_width(above), _set_width(below)) - _set_width(line) >= WIDTH_STEP


def _set_width(line: LineInfo) -> float:
    """The line's width with each punctuation mark counted as half a character: a line of justified
    text squeezes its punctuation to take in more characters, so a full line with many marks is
    wider in characters than one with none."""
    return line.width - 0.5 * sum(ch in PUNCTUATION for ch in line.squeezed)


def lift_titles(stories: Sequence[Story]) -> None:
    """A story with no title (a byline at most) whose text repeats the words of a line dropped
    inside the paragraph of a story up to ``STORIES_BACK`` before it (``dropped_line``), more than
    that story's own text does: the line is its headline, read into the wrong text by the
    extractor.  It leaves the paragraph (whose sentence runs on across it) and heads the story (in
    place).  Each story's dropped lines are looked for once, and only when a story after it has no
    title."""
    dropped: dict[int, list[tuple[Unit, LineInfo]]] = {}
    for oi, orphan in enumerate(stories):
        if oi == 0 or not orphan.body or _titled(orphan.head):
            continue
        opening = text_after(orphan.body, 0, ECHO_CHARS)
        best: tuple[float, Unit, LineInfo] | None = None
        for hi in range(max(0, oi - STORIES_BACK), oi):
            if hi not in dropped:
                dropped[hi] = _dropped_lines(stories[hi].body)
            for u, line in dropped[hi]:
                there = echo_share(line.squeezed, opening)
                if there < ECHO_MIN or (best is not None and there <= best[0]) or line not in u.lines:
                    continue
                if there > echo_share(line.squeezed, _text_without(stories[hi].body, line)):
                    best = (there, u, line)
        if best is not None:
            _, u, line = best
            u.lines.remove(line)
            orphan.head.insert(0, Unit([line], u.width, HEAD))


def _dropped_lines(body: Sequence[Unit]) -> list[tuple[Unit, LineInfo]]:
    """The lines dropped inside the paragraphs of a story's text, with their paragraphs."""
    return [
        (u, u.lines[k])
        for u in body
        if u.kind == BODY and len(u.lines) >= 3
        for k in range(1, len(u.lines) - 1)
        if dropped_line(u.lines, k)
    ]


def _titled(head: Sequence[Unit]) -> bool:
    """The headline has a line that is not a byline, a column's name or a jump marker."""
    return any(not headline_label(ln) for u in head for ln in u.lines)


def _text_without(body: Sequence[Unit], line: LineInfo) -> str:
    """The text of the story's body without ``line``."""
    return "".join(ln.squeezed for u in body for ln in u.lines if ln is not line)


def is_poem(story: Story) -> bool:
    """The story's text is a poem: ``VERSE_SHARE`` of its paragraphs are lines of verse, its
    last one too."""
    body = [u for u in story.body if u.kind == BODY]
    if not body or not body[-1].verse:
        return False
    return sum(u.verse for u in body) >= VERSE_SHARE * len(body)


def verse_tail(body: Sequence[Unit]) -> int | None:
    """Where a prose text ends in a run of verse (at least ``PIECE_LINES`` lines, a line on its own
    at its head that ends no sentence read as a line of it: the poem finder left it out), after
    its prose stops on a finished sentence: the run's first unit, else None."""
    j = len(body)
    while j > 0 and body[j - 1].kind == BODY and body[j - 1].verse:
        j -= 1
    if 0 < j < len(body) and _lead_line(body[j - 1]):
        j -= 1
    prose = [u for u in body[:j] if u.kind == BODY]
    if not prose or any(u.verse for u in prose) or not prose[-1].last.ends_sentence:
        return None
    return j if sum(len(u.lines) for u in body[j:]) >= PIECE_LINES else None


def _lead_line(u: Unit) -> bool:
    return u.kind in (BODY, SUBHEAD) and len(u.lines) == 1 and not u.last.ends_sentence


def return_verse(stories: Sequence[Story]) -> None:
    """A run of verse ending a prose story goes back to the nearest poem up to ``STORIES_BACK``
    stories before it (in place): the poem's lines came out after the prose printed below it."""
    for hi in range(1, len(stories)):
        host = stories[hi]
        if not host.body or not host.body[-1].verse:
            continue  # (the cheap test first: most stories end in prose)
        j = verse_tail(host.body)
        if j is None:
            continue
        poem = next(
            (stories[oi] for oi in range(hi - 1, max(-1, hi - 1 - STORIES_BACK), -1) if is_poem(stories[oi])), None
        )
        if poem is None:
            continue
        tail = host.body[j:]
        del host.body[j:]
        poem.body.extend(Unit(u.lines, u.width, BODY, True) for u in tail)


def title_echo(head: Sequence[Unit], text: str) -> float:
    """Share of the title's word pairs (the headline without bylines, columns' names and jump
    markers) that ``text`` repeats; 0 with no title."""
    return pairs_share(head_text(head), text)


def return_tails(stories: Sequence[Story]) -> None:
    """A story's last paragraph that repeats the words of the next story's title (half
    ``ECHO_MIN`` at least) and not those of its own, where the next story stops mid-sentence: the
    tail of the next story, printed before its headline.  It goes to the end of that story (in
    place).  Only where headlines come first (a paragraph before a headline printed after its
    story is that story's anyway)."""
    for si in range(len(stories) - 1):
        story, after = stories[si], stories[si + 1]
        if len(story.body) < 2 or not _titled(after.head) or unfinished_lines(after) is None:
            continue
        last, above = story.body[-1], story.body[-2]
        if last.kind != BODY or not last.last.ends_sentence or not above.last.ends_sentence:
            continue  # a paragraph of its own: the text above it ends, and it ends
        text = "".join(ln.squeezed for ln in last.lines)
        there = title_echo(after.head, text)
        if there >= ECHO_MIN / 2 and title_echo(story.head, text) < min(there, ECHO_MIN / 2):
            after.body.append(story.body.pop())


def _text(story: Story) -> str:
    """The story's text, its lines parted by newlines (so no pair is read across a line's end)."""
    return "\n".join(ln.squeezed for u in story.body for ln in u.lines)


def _followers(text: str, ch: str) -> set[str]:
    """The characters that follow ``ch`` inside a line of ``text``."""
    out: set[str] = set()
    i = text.find(ch)
    while i >= 0:
        out.add(text[i + 1 : i + 2])
        i = text.find(ch, i + 1)
    out -= {"\n", ""}
    return out


def _cut_at(lines: Sequence[LineInfo], k: int) -> str | None:
    """The pair of characters the join of ``lines[k - 1]`` and ``lines[k]`` makes when the
    sentence runs on across it (the line above stops mid-sentence, the line opens nothing), else
    None."""
    above, line = lines[k - 1], lines[k]
    if above.ends_sentence or above.ends_soft or opens(line) or not above.squeezed or not line.squeezed:
        return None
    return above.squeezed[-1] + line.squeezed[0]


def _joined_tail(lines: Sequence[LineInfo], then: set[str], own: str, text: str) -> int | None:
    """Where in the host's lines (``lines``, whose last ends a sentence) the tail of a story starts
    (``own``: that story's text; ``then``: the characters that follow the one it stops on inside its
    lines): the host's sentence is cut there, the line's first character is one of ``then`` and the
    cut line's last character and the line's first make a pair neither the host's text (``text``)
    nor the story's holds; the tail is ``PIECE_LINES`` lines at least."""
    for k in range(1, len(lines) - PIECE_LINES + 1):
        if lines[k].squeezed[:1] not in then:
            continue  # (the cheap test first)
        here = _cut_at(lines, k)
        if here is not None and here not in text and here not in own:
            return k
    return None


def return_cut_tails(stories: Sequence[Story]) -> None:
    """A story's last lines printed at the end of a later story up to ``STORIES_BACK`` after it,
    cutting its sentence (``_joined_tail``: the earlier story's cut line and the tail's first line
    make a pair that story's text holds elsewhere, a name cut in two, and the later story's cut
    line and the tail's first line make a pair neither text holds): the tail goes back to the end
    of the story it finishes (in place).  Only a host after a story left unfinished is read line
    by line, and only its lines opening on a character that follows the unfinished story's last."""
    texts: dict[int, str] = {}
    for hi in range(1, len(stories)):
        host = stories[hi]
        if not host.body:
            continue
        lines = [ln for u in host.body for ln in u.lines]  # (read once for every story before it)
        if not lines[-1].ends_sentence:
            continue  # the tail ends a sentence
        for oi in range(max(0, hi - STORIES_BACK), hi):
            story = stories[oi]
            cut = unfinished_lines(story)
            if cut is None or not cut[-1].squeezed:
                continue
            for i in (oi, hi):
                if i not in texts:
                    texts[i] = _text(stories[i])
            then = _followers(texts[oi], cut[-1].squeezed[-1])
            k = _joined_tail(lines, then, texts[oi], texts[hi]) if then else None
            if k is not None:
                _move_tail(host, story, k)
                texts.pop(oi)
                texts.pop(hi)
                break


def _move_tail(host: Story, story: Story, k: int) -> None:
    """The host's lines from its ``k``-th on go to the end of ``story``: the first of them carries
    on its last paragraph."""
    seen = 0
    for ui, u in enumerate(host.body):
        if seen + len(u.lines) > k:
            j = k - seen
            moved = [Unit(u.lines[j:], u.width, u.kind, u.verse), *host.body[ui + 1 :]]
            del host.body[ui + 1 :]
            if j:
                del u.lines[j:]
            else:
                del host.body[ui]
            story.body[-1].lines.extend(moved[0].lines)
            story.body.extend(moved[1:])
            return
        seen += len(u.lines)


def _end_line(story: Story) -> LineInfo | None:
    """The story's last paragraph when it is one line that ends a sentence, opens nothing, starts
    on a Chinese character and follows finished text: the end of a sentence cut elsewhere, else
    None."""
    if len(story.body) < 2:
        return None
    u, above = story.body[-1], story.body[-2]
    if u.kind != BODY or len(u.lines) != 1 or not above.last.ends_sentence:
        return None
    line = u.last
    if not line.ends_sentence or opens(line) or not line.squeezed or not chinese(line.squeezed[0]):
        return None
    return line


def _fills(u: Unit) -> bool:
    """The paragraph's last line fills its column (to ``WIDTH_STEP``): a sentence cut at the line's
    end, not a paragraph's short last line.  (Told by the width alone: the paragraph stops
    mid-sentence, so pieces' ``_mid_paragraph`` would say nothing.)"""
    return u.last.width >= u.width - WIDTH_STEP


def return_end_lines(stories: Sequence[Story]) -> None:
    """A story's last paragraph that is a sentence's last line (``_end_line``) goes to the end of
    the story up to ``STORIES_BACK`` either side that stops mid-sentence in a full line (``_fills``)
    on a character making with its first one a pair the page holds inside a line, when exactly one
    such story does (in place).
    The page's text is read only when a story has such a line and one is left unfinished nearby."""
    page: str | None = None
    for si, story in enumerate(stories):
        line = _end_line(story)
        if line is None:
            continue
        ends = []
        for oi in range(max(0, si - STORIES_BACK), min(len(stories), si + STORIES_BACK + 1)):
            cut = unfinished_lines(stories[oi]) if oi != si else None
            if cut is not None and cut[-1].squeezed and chinese(cut[-1].squeezed[-1]) and _fills(stories[oi].body[-1]):
                ends.append((oi, cut[-1].squeezed[-1] + line.squeezed[0]))
        if not ends:
            continue
        if page is None:
            page = "\n".join(ln.squeezed for t in stories for u in (*t.head, *t.body) for ln in u.lines)
        found = [oi for oi, pair in ends if pair in page]
        if len(found) == 1:
            story.body.pop()
            stories[found[0]].body[-1].lines.append(line)


def return_head_verse(stories: Sequence[Story]) -> None:
    """A headline opening on the line right after a poem's last (the poem ending no sentence) that
    holds ``PIECE_LINES`` lines at least above its last field (the units set tight above its last
    line): those lines are the poem's, read as a headline; they go back to it as verse (in place)."""
    last: dict[int, Story] = {}
    for story in stories:
        if story.body and story.body[-1].kind == BODY and story.body[-1].verse and is_poem(story):
            end = story.body[-1].last
            if not end.ends_sentence:
                last[end.index] = story
    if not last:
        return
    for story in stories:
        if not story.head or not story.body:
            continue
        poem = last.get(story.head[0].first.index - 1)
        if poem is None or poem is story:
            continue
        j = len(story.head) - 1
        while j > 0 and story.head[j].first.gap == 1:
            j -= 1
        lead = story.head[:j]
        if sum(len(u.lines) for u in lead) < PIECE_LINES or any(headline_label(ln) for u in lead for ln in u.lines):
            continue
        del story.head[:j]
        poem.body.extend(Unit([ln], u.width, BODY, True) for u in lead for ln in u.lines)
