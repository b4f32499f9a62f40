"""A small issue written for the tests: three text pages with two stories jumping from page 1 to
page 4 (so page 4 holds two continuations from page 1), and the same pages as a multi-page PDF."""

from __future__ import annotations

from pathlib import Path

PAGE_1 = """长春全力保障春耕生产
本报讯 记者王明报道：眼下正值春耕
备耕关键时期，长春市农业农村局组织
技术人员深入田间地头，指导农民科学
备耕。（下转第四版）
吉林冰雪旅游持续升温
本报讯 记者赵红报道：今年以来，吉
林市冰雪旅游人气火爆，各大滑雪场游
客络绎不绝。（下转第四版）
"""

PAGE_2 = """延边举办人才招聘会
本报讯 记者李华报道：延边州日前举办
人才招聘会，长春多家企业参会，王海林
等专家到场指导。
"""

PAGE_4 = """冰雪旅游持续升温
（上接第一版）
据统计，一季度吉林市接待游客同比
增长三成，旅游收入创历史新高。
保障春耕生产
（上接第一版）
农业专家王海林表示，今年种子化肥
储备充足，价格总体平稳，长春各地
春耕进展顺利。
"""

PAGE_3 = """白山市启动植树造林活动
本报讯 白山市今年计划植树造林
十万亩，各地已陆续开展义务植树。
"""

PAGES = {"p1.txt": PAGE_1, "p2.txt": PAGE_2, "p4.txt": PAGE_4}
PDF_PAGES = (PAGE_1, PAGE_2, PAGE_3, PAGE_4)  # a PDF is numbered by its pages: page 3 is there
HEADLINES = {
    "长春全力保障春耕生产",
    "吉林冰雪旅游持续升温",
    "延边举办人才招聘会",
    "冰雪旅游持续升温",
    "保障春耕生产",
    "白山市启动植树造林活动",
}
# the characters of these pages (and ASCII, CJK punctuation) cut from Droid Sans Fallback
# (Apache-2.0): the PDF is written with the same glyphs on any machine; see tests/data/fonts/README.md
CJK_FONT = Path(__file__).resolve().parent / "data" / "fonts" / "droid-sans-fallback-subset.ttf"


def write_issue(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_pdf(path: Path, font: Path = CJK_FONT) -> Path:
    """Pages 1 to 4 as a PDF (fpdf2), one printed line per text line, headlines in larger type
    with space above them, as a paper sets them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("zh", fname=font, collection_font_number=0)
    for text in PDF_PAGES:
        pdf.add_page()
        y = 20.0
        for line in text.splitlines():
            if line in HEADLINES:
                y += 8.0 if y > 20.0 else 0.0
                pdf.set_font("zh", size=18)
                pdf.text(20, y, line)
                y += 9.0
            else:
                pdf.set_font("zh", size=11)
                pdf.text(20, y, line)
                y += 6.0
    pdf.output(str(path))
    return path
