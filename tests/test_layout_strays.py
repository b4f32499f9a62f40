"""Lines and paragraphs of a story that came out away from it (strays.py), on pages and lines
written for the test."""

from __future__ import annotations

from test_layout_pieces import articles, infos, spaced

from core.layout import strays as S
from core.layout.units import BODY, HEAD, Story, Unit

C_HEAD = "全 省 春 耕 生 产 全 面 展 开"
C_TEXT = (
    "本报长春３月１日电连日",
    "来，全省各地抓住有利时",
    "机，组织农民开展春耕备",
    "耕，各地农资供应充足，",
    "农机具检修工作已经基本",
    "完成，技术人员深入田间",
)
DROPPED = "北方煤炭价格回落"
C_REST = ("地头指导农民科学种田。", "今年全省计划播种粮食作", "物五千万亩。（下转第二版）")
D_BYLINE = "新华社记者王明"
D_TEXT = (
    "入春以来，北方煤炭价格",
    "持续回落，多地煤炭库存",
    "明显增加。业内人士说，",
    "煤炭价格回落主要是由于",
    "供暖季结束、需求减少。",
)


def test_dropped_line_is_a_short_line_inside_a_cut_sentence() -> None:
    lines = infos(*C_TEXT, DROPPED, *C_REST)
    k = len(C_TEXT)
    assert S.dropped_line(lines, k)
    assert not S.dropped_line(lines, k - 1)  # a full line of the text
    ended = infos(*C_TEXT[:-1], "完成，技术人员深入田间。", DROPPED, *C_REST)
    assert not S.dropped_line(ended, k)  # after a finished sentence: a paragraph's last line, or a heading
    soft = infos(*C_TEXT, "北方煤炭价格回落，", *C_REST)
    assert not S.dropped_line(soft, k)  # a clause ends there: text
    squeezed = infos("领导、专家、学者、代表", "全省农民开展春耕备", "和群众，一同参加会议，")
    assert not S.dropped_line(squeezed, 1)  # full lines with many marks squeezed hold more characters


def test_echo_share_is_the_share_of_the_lines_pairs_repeated() -> None:
    from core.layout.evidence import echo_share, pairs_share

    line = infos(DROPPED)[0]
    assert echo_share(line.squeezed, "".join(D_TEXT)) > 0.5
    assert echo_share(line.squeezed, "".join(C_TEXT)) == 0.0
    assert pairs_share("春耕", "春耕") == 1.0
    assert echo_share("春耕", "春耕") == 0.0  # one word pair (fewer than ECHO_PAIRS): too short to tell


def test_a_title_dropped_inside_another_story_heads_its_untitled_story() -> None:
    page = spaced((C_HEAD, *C_TEXT, DROPPED, *C_REST, D_BYLINE, *D_TEXT))
    got = articles(*page)
    assert got[0] == [C_HEAD, *C_TEXT, *C_REST]
    assert got[1] == [DROPPED, D_BYLINE, *D_TEXT]


def test_a_short_line_the_later_story_does_not_repeat_stays() -> None:
    other = (
        "入春以来，南方多地雨水",
        "偏多，部分地区出现洪涝",
        "灾害。气象部门提醒说，",
        "各地要做好防汛准备工作",
        "确保群众生命财产安全。",
    )
    page = spaced((C_HEAD, *C_TEXT, DROPPED, *C_REST, D_BYLINE, *other))
    got = articles(*page)
    assert DROPPED in got[0]
    assert got[1][0] == D_BYLINE


def verse(*texts: str) -> list[Unit]:
    return [Unit([ln], 9.0, BODY, True) for ln in infos(*texts)]


def prose(*texts: str) -> Unit:
    return Unit(infos(*texts), 11.0, BODY)


POEM = ("归来的雁阵飞过", "陕北的山梁", "蒲公英就开了", "开在窑洞的墙角")
MORE = ("蹲在土炕上", "想心事的布老虎", "虎啸早已消失", "只有巧手的婆姨")
REPORT = ("本报北京１月１日讯今天", "的北京，节日气氛浓厚。")


def test_is_poem_needs_verse_to_the_end() -> None:
    assert S.is_poem(Story(body=verse(*POEM)))
    assert not S.is_poem(Story(body=[*verse(*POEM), prose(*REPORT)]))
    assert not S.is_poem(Story(body=[prose(*REPORT), *verse(*POEM[:1])]))


def test_verse_tail_is_a_run_of_verse_after_finished_prose() -> None:
    assert S.verse_tail([prose(*REPORT), *verse(*MORE)]) == 1
    assert S.verse_tail([prose(*REPORT), *verse(*MORE[:2])]) is None  # too few lines: a quotation
    assert S.verse_tail([prose("本报北京１月１日讯今天", "的北京，节日气氛"), *verse(*MORE)]) is None
    assert S.verse_tail(verse(*MORE)) is None  # no prose: a poem of its own


def test_verse_after_a_report_goes_back_to_the_poem_above() -> None:
    poem = Story(body=verse(*POEM))
    report = Story(body=[prose(*REPORT), *verse(*MORE)])
    S.return_verse([poem, report])
    assert [u.first.squeezed for u in poem.body] == [*POEM, *MORE]
    assert len(report.body) == 1
    alone = Story(body=[prose(*REPORT), *verse(*MORE)])
    S.return_verse([Story(body=[prose(*REPORT)]), alone])  # no poem above: the verse stays
    assert len(alone.body) == 5


E_HEAD = "京沪元旦登高活动别具一格"
E_TEXT = ("本报北京１月１日讯元旦", "这天，京沪两地举行登高", "比赛，参加的群众迎接")
F_HEAD = "南非华侨庆祝两国建交"
F_TEXT = (
    "本报约翰内斯堡１月１日",
    "电南非华侨今天集会庆祝。",
)
TAIL = ("体委负责人说，京沪两地", "新年登高活动办得很好。")


def head(text: str) -> list[Unit]:
    return [Unit(infos(text), 11.0, HEAD)]


def test_title_echo_reads_the_title_not_the_byline() -> None:
    assert S.title_echo(head(E_HEAD), "".join(TAIL)) >= 0.2
    assert S.title_echo(head(F_HEAD), "".join(TAIL)) == 0.0
    assert S.title_echo(head("新华社记者王明"), "".join(TAIL)) == 0.0


def test_a_paragraph_on_the_next_headlines_subject_goes_to_its_unfinished_story() -> None:
    first = Story(head(F_HEAD), [prose(*F_TEXT), prose(*TAIL)])
    after = Story(head(E_HEAD), [prose(*E_TEXT)])
    S.return_tails([first, after])
    assert len(first.body) == 1
    assert [ln.squeezed for ln in after.body[-1].lines] == list(TAIL)


def test_the_paragraph_stays_where_the_next_story_ends_its_sentence() -> None:
    finished = prose("本报北京１月１日讯元旦", "这天，京沪两地举行登高比赛。")
    first = Story(head(F_HEAD), [prose(*F_TEXT), prose(*TAIL)])
    S.return_tails([first, Story(head(E_HEAD), [finished])])
    assert len(first.body) == 2
    own = Story(head("京沪新年登高活动办得好"), [prose(*F_TEXT), prose(*TAIL)])
    S.return_tails([own, Story(head(E_HEAD), [prose(*E_TEXT)])])
    assert len(own.body) == 2  # it repeats its own title's words too


def test_a_line_on_its_own_above_the_verse_goes_with_it() -> None:
    lead = Unit(infos("只有沉寂，填满空"), 9.0, BODY)
    assert S.verse_tail([prose(*REPORT), lead, *verse(*MORE)]) == 1
    ended = Unit(infos("他们说好。"), 9.0, BODY)
    assert S.verse_tail([prose(*REPORT), ended, *verse(*MORE)]) == 2  # a paragraph of the report


V_TEXT = (  # a visit; the text stops mid-name at its end ("王" of 王明)
    "本报讯 王明今天来到市第",
    "一中学，看望慰问师生。",
    "参观结束后，王",
)
W_TEXT = (  # the story below, set alike, cut mid-sentence ("过好" runs on to the end of the page)
    "市政府要求各区做好冬季",
    "供暖工作，确保居民温暖过",
)
V_TAIL = (  # the visit's last lines, printed after the cut line of the story below
    "明又来到退休教师张华家",
    "中，向他们拜年。张华退",
    "休前一直在学校教书，退",
    "休后仍关心学生的学习。",
)


def _stories(*bodies: tuple[str, ...]) -> list[Story]:
    out = []
    for body in bodies:
        lines = infos(*body)
        out.append(Story(head=[], body=[Unit(lines, 11.0, BODY)]))
    return out


def test_a_tail_whose_first_line_finishes_a_word_of_a_story_above_goes_back_to_it() -> None:
    stories = _stories(V_TEXT, (*W_TEXT, *V_TAIL))
    S.return_cut_tails(stories)
    assert [ln.squeezed for u in stories[0].body for ln in u.lines][-len(V_TAIL) :] == list(V_TAIL)
    assert [ln.squeezed for u in stories[1].body for ln in u.lines] == list(W_TEXT)


def test_a_tail_stays_where_the_cut_line_above_it_makes_a_pair_its_own_text_holds() -> None:
    # "过明" is a pair of the story below (a word it uses): the join is its own sentence running on
    own = ("市政府说，过明年后再议。", *W_TEXT, *V_TAIL)
    stories = _stories(V_TEXT, own)
    S.return_cut_tails(stories)
    assert len(stories[1].body[0].lines) == len(own)


def test_a_tail_stays_where_the_story_above_holds_no_word_its_first_line_finishes() -> None:
    other = (*V_TEXT[:-1], "参观结束后，李")
    stories = _stories(other, (*W_TEXT, *V_TAIL))
    S.return_cut_tails(stories)
    assert len(stories[1].body[0].lines) == len(W_TEXT) + len(V_TAIL)


def _story(*paragraphs: tuple[str, ...]) -> Story:
    return Story(head=[], body=[Unit(infos(*p), 11.0, BODY) for p in paragraphs])


HOLIDAY = ("各地纷纷举办活动，欢度新", "春。新春期间供应充足。")  # the page holds the pair 新春


def test_a_sentences_last_line_alone_at_a_storys_end_goes_to_the_story_it_finishes() -> None:
    cut = _story(("市政府要求各区做好冬季", "供暖工作，让居民过好新"))
    other = _story(("本报讯 全市中小学今天", "开学，同学们都陆续地返"))  # "返春": no pair of the page
    ended = _story(("夜晚的长街灯火通明。",), ("春佳节。",))
    stories = [cut, other, ended, _story(HOLIDAY)]
    S.return_end_lines(stories)
    assert [ln.squeezed for ln in cut.body[-1].lines][-1] == "春佳节。"
    assert len(ended.body) == 1


def test_a_last_line_stays_where_two_unfinished_stories_could_take_it() -> None:
    cut = _story(("市政府要求各区做好冬季", "供暖工作，让居民过好新"))
    also = _story(("本报讯 全市中小学今天", "开学，老师们祝学生们新"))  # "新春" as well
    ended = _story(("夜晚的长街灯火通明。",), ("春佳节。",))
    stories = [cut, also, ended, _story(HOLIDAY)]
    S.return_end_lines(stories)
    assert len(ended.body) == 2


def test_a_last_line_stays_where_the_unfinished_story_ends_in_a_short_line() -> None:
    short = _story(("市政府要求各区做好冬季", "供暖，过好新"))  # a paragraph's short last line, not a cut
    ended = _story(("夜晚的长街灯火通明。",), ("春佳节。",))
    stories = [short, ended, _story(HOLIDAY)]
    S.return_end_lines(stories)
    assert len(ended.body) == 2


POEM = ("山那边是海", "海那边是云", "云的那边呢", "是妈妈的目光")
POEM_TAIL = ("一直望着", "远行的人", "走过田野", "走过村庄")
NEXT_TITLE = "新 卢 布 开 始 流 通"


def _poem_then_headline(tail: tuple[str, ...]) -> tuple[Story, Story]:
    lines = infos(*POEM, *[x for t in tail for x in ("", t)], "", NEXT_TITLE, "据新华社电今天起新卢布", "开始流通。")
    n, m = len(POEM), len(tail)
    poem = Story(head=[], body=[Unit([ln], 6.0, BODY, True) for ln in lines[:n]])
    story = Story(
        head=[Unit([ln], 6.0, HEAD) for ln in lines[n : n + m + 1]], body=[Unit(lines[n + m + 1 :], 11.0, BODY)]
    )
    return poem, story


def test_a_poems_last_lines_read_as_the_next_headline_go_back_to_the_poem() -> None:
    poem, story = _poem_then_headline(POEM_TAIL)
    S.return_head_verse([poem, story])
    assert [ln.squeezed for u in poem.body for ln in u.lines][-len(POEM_TAIL) :] == list(POEM_TAIL)
    assert [ln.text for u in story.head for ln in u.lines] == [NEXT_TITLE]


def test_a_headline_of_few_lines_after_a_poem_stays() -> None:
    poem, story = _poem_then_headline(POEM_TAIL[:2])  # a kicker and a title: fewer than PIECE_LINES
    S.return_head_verse([poem, story])
    assert len(story.head) == 3
