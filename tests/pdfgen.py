"""Newspaper-like PDF pages written with fpdf2 for the tests (Latin text, built-in Helvetica).

A page is a list of stories placed on a grid of columns; each story has a headline set large over
the columns it spans, body paragraphs (first line indented) flowing down its columns, and
optionally a kicker, a subtitle, a photo frame with a caption.  Rules between stories are drawn or
not.  What the geometry has to recover is known by construction, so tests can say what is right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 36.0
GUTTER = 14.0
BODY = 9.0
PITCH = 11.5
INDENT = 2 * BODY

WORDS = [
    "river",
    "harbour",
    "council",
    "bridge",
    "market",
    "winter",
    "grain",
    "village",
    "school",
    "railway",
    "factory",
    "station",
    "teacher",
    "doctor",
    "farmer",
    "builder",
    "reporter",
    "mayor",
    "museum",
    "garden",
    "festival",
    "concert",
    "library",
    "province",
    "valley",
    "mountain",
    "coast",
    "island",
    "forest",
    "highway",
    "tunnel",
    "airport",
    "cargo",
    "budget",
]


def sentence(seed: int, n: int = 12) -> str:
    words = [WORDS[(seed * 7 + k * 13) % len(WORDS)] for k in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(seed: int, sentences: int = 3) -> str:
    return " ".join(sentence(seed * 31 + k) for k in range(sentences))


@dataclass
class Story:
    headline: str
    paragraphs: list[str]
    col: int  # first column (0-based)
    span: int  # columns spanned
    top: float  # y of the headline's top (pt, from the page top)
    height: float  # height of the story's area
    kicker: str = ""
    subtitle: str = ""
    photo: float = 0.0  # height of a photo frame under the headline (0: none)
    caption: str = ""
    headline_size: float = 20.0
    indent: bool = True  # first lines of paragraphs indented
    # what the test expects back
    lines: list[int] = field(default_factory=list)


def _wrap(pdf: FPDF, text: str, width: float, first_indent: float) -> list[str]:
    out: list[str] = []
    line = ""
    avail = width - first_indent
    for word in text.split():
        trial = f"{line} {word}".strip()
        if pdf.get_string_width(trial) <= avail:
            line = trial
        else:
            out.append(line)
            line = word
            avail = width
    if line:
        out.append(line)
    return out


def draw_page(pdf: FPDF, stories: list[Story], columns: int, rules: bool) -> None:
    pdf.add_page()
    col_w = (PAGE_W - 2 * MARGIN - (columns - 1) * GUTTER) / columns

    def col_x(c: int) -> float:
        return MARGIN + c * (col_w + GUTTER)

    for s in stories:
        x0 = col_x(s.col)
        width = s.span * col_w + (s.span - 1) * GUTTER
        y = s.top
        if s.kicker:
            pdf.set_font("Helvetica", size=12)
            pdf.text(x0, y + 12, s.kicker)
            y += 18
        pdf.set_font("Helvetica", "B", size=s.headline_size)
        pdf.text(x0, y + s.headline_size, s.headline)
        y += s.headline_size + 8
        if s.subtitle:
            pdf.set_font("Helvetica", size=12)
            pdf.text(x0, y + 12, s.subtitle)
            y += 20
        y += 6
        if s.photo:
            pdf.rect(x0, y, width, s.photo)
            y += s.photo + 4
            pdf.set_font("Helvetica", size=BODY)
            for ln in _wrap(pdf, s.caption, width, 0):
                pdf.text(x0, y + BODY, ln)
                y += PITCH
            y += PITCH
        pdf.set_font("Helvetica", size=BODY)
        bottom = s.top + s.height
        c, cy = s.col, y
        for para in s.paragraphs:
            for k, ln in enumerate(_wrap(pdf, para, col_w, INDENT if s.indent else 0)):
                if cy + PITCH > bottom:
                    c += 1
                    cy = y
                    if c >= s.col + s.span:
                        raise ValueError(f"story {s.headline!r} does not fit")
                pdf.text(col_x(c) + (INDENT if k == 0 and s.indent else 0), cy + BODY, ln)
                cy += PITCH
        if rules:
            pdf.set_line_width(0.8)
            pdf.line(x0, bottom + 4, x0 + width, bottom + 4)
            right = x0 + width + GUTTER / 2
            if right < PAGE_W - MARGIN:
                pdf.set_line_width(0.5)
                pdf.line(right, s.top, right, bottom)


def new_pdf() -> FPDF:
    pdf = FPDF(unit="pt", format=(PAGE_W, PAGE_H))
    pdf.set_auto_page_break(False)
    pdf.set_compression(False)
    return pdf


def side_by_side(rules: bool) -> list[Story]:
    """Two stories side by side with headlines at the same height, a wide story under them whose
    short headline sits over its middle columns only, and a photo story."""
    return [
        Story("Harbour bridge opens", [paragraph(1), paragraph(2), paragraph(3)], 0, 2, 50, 300),
        Story("Winter grain market", [paragraph(4), paragraph(5)], 2, 2, 50, 300, subtitle="-- prices hold steady"),
        Story("Festival", [paragraph(k) for k in range(6, 12)], 0, 4, 380, 250, headline_size=24),
        Story(
            "Valley school in pictures",
            [paragraph(12, 1)],
            0,
            2,
            645,
            165,
            photo=50,
            caption="Pupils plant a garden by the river near the old railway station. (Photo by a reporter)",
            indent=False,
        ),
        Story("Railway budget", [paragraph(13, 2), paragraph(14, 2)], 2, 2, 645, 165, kicker="Province council"),
    ]


def three_column_page(path: Path, rules: bool = True) -> Path:
    pdf = new_pdf()
    draw_page(pdf, side_by_side(rules), 4, rules)
    pdf.output(str(path))
    return path


def multi_page(path: Path) -> Path:
    pdf = new_pdf()
    draw_page(pdf, side_by_side(True), 4, True)
    draw_page(pdf, side_by_side(False), 4, False)
    draw_page(pdf, [Story("Coast highway tunnel", [paragraph(k) for k in range(20, 24)], 0, 3, 60, 400)], 3, False)
    pdf.output(str(path))
    return path
