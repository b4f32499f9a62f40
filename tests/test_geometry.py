"""The geometric parser's stages on synthetic line boxes: statistics, XY-cut order, headlines,
paragraph indents, bylines, furniture, and the whole segmentation."""

from __future__ import annotations

from core.layout.geometry import segment_geometry
from core.layout.geometry.headlines import head_roles, under_head_role
from core.layout.geometry.paragraphs import column_left, indented
from core.layout.geometry.stats import page_stats
from core.layout.geometry.xycut import Item, xy_cut
from core.lines import split_lines
from core.pdf.model import Box, LineGeom, PageLayout

BODY = 10.0
PITCH = 14.0
COL_W = 100.0
GUTTER = 20.0


class PageBuilder:
    """Lines placed by hand: every line gets the next line number of the page text."""

    def __init__(self) -> None:
        self.geoms: list[LineGeom] = []
        self.texts: list[str] = []
        self.rules: list[Box] = []
        self.frames: list[Box] = []

    def line(self, text: str, x0: float, top: float, width: float, size: float = BODY) -> int:
        self.texts.append(text)
        number = len(self.texts)
        self.geoms.append(LineGeom(number, Box(x0, top, x0 + width, top + size), size, "F", len(text), x0))
        return number

    def column(self, x0: float, top: float, paragraphs: list[int], first: int = 0) -> list[int]:
        """Body lines down a column: ``paragraphs`` gives each paragraph's line count; indented firsts."""
        out = []
        y = top
        for k, n in enumerate(paragraphs):
            for j in range(n):
                indent = 20.0 if j == 0 and (k > 0 or first == 0) else 0.0
                out.append(self.line(f"body line {first + len(out)}。", x0 + indent, y, COL_W - indent))
                y += PITCH
        return out

    def headline(self, text: str, x0: float, top: float, width: float, size: float = 24.0) -> int:
        return self.line(text, x0, top, width, size)

    def layout(self) -> PageLayout:
        return PageLayout("x.pdf", 0, 600.0, 800.0, tuple(self.geoms), tuple(self.rules), tuple(self.frames))

    def segment(self) -> list[list[int]]:
        lines = split_lines("\n".join(self.texts) + "\n")
        result = segment_geometry(lines, self.layout(), {})
        return [list(a.lines) for a in result.articles]

    def articles(self) -> list[tuple[str, ...]]:
        lines = split_lines("\n".join(self.texts) + "\n")
        result = segment_geometry(lines, self.layout(), {})
        return [tuple(b.role for b in a.blocks) for a in result.articles]


def test_stats_body_size_and_leading() -> None:
    p = PageBuilder()
    p.headline("Title", 40, 40, 300)
    p.column(40, 80, [5, 5])
    st = page_stats(p.geoms)
    assert st.body_size == BODY
    assert st.leading == PITCH - BODY
    assert st.is_headline(p.geoms[0]) and not st.is_headline(p.geoms[1])


def test_a_second_body_size_is_not_a_headline() -> None:
    p = PageBuilder()
    p.column(40, 80, [10, 10, 10])
    for k in range(8):  # a smaller story set larger: many lines at 11.5 pt are body, not display
        p.line(f"another story line {k}", 300, 80 + k * 16, COL_W, 11.5)
    st = page_stats(p.geoms)
    assert st.body_size == BODY
    assert not st.is_headline(p.geoms[-1])


def test_side_by_side_stories_read_one_after_the_other() -> None:
    """Two stories whose headlines stand at the same height: a horizontal cut under the headlines
    would put both headlines first; the cut between the stories comes first instead."""
    p = PageBuilder()
    h1 = p.headline("Left story", 40, 40, 200)
    h2 = p.headline("Right story", 300, 40, 200)
    left = p.column(40, 80, [4]) + p.column(160, 80, [4], first=4)
    right = p.column(300, 80, [3]) + p.column(420, 80, [3], first=3)
    assert p.segment() == [[h1, *left], [h2, *right]]


def test_short_headline_centred_over_a_wide_story_owns_all_its_columns() -> None:
    p = PageBuilder()
    h = p.headline("Short", 160, 40, 100)  # over the middle column only
    cols = p.column(40, 80, [6]) + p.column(160, 80, [6], first=6) + p.column(280, 80, [6], first=12)
    assert p.segment() == [[h, *cols]]


def test_rules_separate_stories_without_headlines_order() -> None:
    """A headless story under a rule goes its own way when the next one has a headline."""
    p = PageBuilder()
    top = p.column(40, 40, [3])
    p.rules.append(Box(40, 100, 300, 100.5))
    h = p.headline("Below the rule", 40, 110, 200)
    below = p.column(40, 150, [3])
    assert p.segment() == [top, [h, *below]]


def test_stacked_stories_with_no_rules() -> None:
    p = PageBuilder()
    h1 = p.headline("First", 40, 40, 220)
    b1 = p.column(40, 80, [3]) + p.column(160, 80, [3], first=3)
    h2 = p.headline("Second", 40, 200, 220)
    b2 = p.column(40, 240, [2]) + p.column(160, 240, [2], first=2)
    assert p.segment() == [[h1, *b1], [h2, *b2]]


def test_xy_cut_prefers_a_rule_over_white_space() -> None:
    p = PageBuilder()
    a = p.column(40, 40, [3])
    b = p.column(160, 40, [3])
    stats = page_stats(p.geoms)
    # a horizontal rule all across between the two rows of lines is cut first
    p2 = PageBuilder()
    up = p2.column(40, 40, [2]) + p2.column(160, 40, [2])
    down = p2.column(40, 90, [2]) + p2.column(160, 90, [2])
    p2.rules.append(Box(40, 75, 260, 75.5))
    leaves = xy_cut([Item(g.box, g) for g in p2.geoms], p2.rules, page_stats(p2.geoms))
    order = [g.number for lf in leaves for g in lf.lines]
    assert order == [*up, *down]
    leaves = xy_cut([Item(g.box, g) for g in p.geoms], (), stats)
    assert [[g.number for g in lf.lines] for lf in leaves] == [a, b]


def test_head_roles_by_size_rank_and_position() -> None:
    k = LineGeom(1, Box(40, 40, 200, 52), 12.0, "F", 10, 40)
    t1 = LineGeom(2, Box(40, 56, 300, 80), 24.0, "F", 10, 40)
    t2 = LineGeom(3, Box(40, 84, 300, 108), 24.0, "F", 10, 40)
    s = LineGeom(4, Box(40, 112, 200, 126), 14.0, "F", 10, 40)
    assert head_roles([k, t1, t2, s]) == {1: "kicker", 2: "title", 3: "title", 4: "subtitle"}


def test_kicker_title_subtitle_on_a_page() -> None:
    p = PageBuilder()
    p.line("Kicker line", 40, 40, 150, 13.0)
    p.headline("The title", 40, 58, 250)
    p.line("——a subtitle in body type", 40, 88, 200)
    p.column(40, 110, [3, 3])
    assert p.articles() == [("kicker", "title", "subtitle", "body", "body")]


def test_paragraphs_start_at_indents_and_run_on_across_columns() -> None:
    p = PageBuilder()
    p.headline("Title", 40, 40, 220)
    p.column(40, 80, [3, 2])  # second paragraph runs on into the next column, not indented there
    p.column(160, 80, [2, 3], first=5)
    roles = p.articles()
    assert roles == [("title", "body", "body", "body")]


def test_indent_measured_from_the_first_visible_glyph() -> None:
    typed = LineGeom(1, Box(40, 0, 140, 10), 10.0, "F", 10, 60.0)  # two ideographic spaces first
    plain = LineGeom(2, Box(40, 14, 140, 24), 10.0, "F", 10, 40.0)
    left = column_left([typed, plain, plain, plain], [])
    assert left == 40.0
    assert indented(typed, left) and not indented(plain, left)


def test_line_under_headline_credit_or_heading() -> None:
    assert under_head_role("本报记者 李华") == "byline"
    assert under_head_role("张三") == "byline"
    assert under_head_role("天气趋势分析与展望") == "subhead"
    assert under_head_role("新华社北京1月1日电，今天下雨。") is None


def test_byline_under_headline_is_not_a_paragraph() -> None:
    p = PageBuilder()
    p.headline("Title", 40, 40, 220)
    p.line("本报记者 王五", 40, 72, 80)
    p.column(40, 90, [3])
    assert p.articles() == [("title", "byline", "body")]


def test_furniture_outside_the_ruled_frame_is_unassigned() -> None:
    p = PageBuilder()
    folio = p.line("People's Daily  page 4", 40, 20, 200, 9.0)
    p.rules.append(Box(40, 36, 560, 37))
    p.headline("Title", 40, 50, 220)
    p.column(40, 90, [3])
    lines = split_lines("\n".join(p.texts) + "\n")
    result = segment_geometry(lines, p.layout(), {})
    assert result.unassigned == (folio,)
    assert folio not in {n for a in result.articles for n in a.lines}


def test_photo_caption_is_its_own_paragraph() -> None:
    p = PageBuilder()
    h = p.headline("In pictures", 40, 40, 220)
    p.frames.append(Box(40, 72, 260, 160))
    cap = [p.line("Children plant trees by the", 40, 168, 220), p.line("river. (Photo)", 40, 182, 100)]
    body = [p.line(f"story line {k}。", 40, 210 + k * PITCH, 220) for k in range(3)]
    lines = split_lines("\n".join(p.texts) + "\n")
    result = segment_geometry(lines, p.layout(), {})
    (article,) = result.articles
    assert [b.lines for b in article.blocks] == [(h,), tuple(cap), tuple(body)]


def test_lines_without_geometry_are_reported_missing() -> None:
    p = PageBuilder()
    p.headline("Title", 40, 40, 220)
    p.column(40, 80, [2])
    p.texts.append("typed by hand, in no PDF")
    lines = split_lines("\n".join(p.texts) + "\n")
    result = segment_geometry(lines, p.layout(), {})
    assert result.missing == (len(p.texts),)
