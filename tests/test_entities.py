"""Entity layers on small made-up sentences, raw-offset mapping, and the learn-then-found loop."""

from __future__ import annotations

from pathlib import Path

from core.entities import UserLexicon, detect_entities, warm_up
from core.textmap import surface


def one_segment(text: str) -> list[list[tuple[int, int]]]:
    """Every non-empty line of ``text`` in one reflowed segment."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [spans]


def found(text: str, lexicon: UserLexicon | None = None) -> dict[str, str]:
    return {e.text: e.type for e in detect_entities(text, one_segment(text), lexicon=lexicon)}


def test_warm_up_is_idempotent() -> None:
    warm_up()
    warm_up()


def test_split_name_across_line_break_maps_to_raw_offsets() -> None:
    text = "市长王建\n\n国主持会议。"
    ents = detect_entities(text, one_segment(text))
    per = [e for e in ents if e.type == "PER"]
    assert [(e.text, e.start, e.end) for e in per] == [("王建国", 2, 7)]
    assert text[2:7] == "王建\n\n国"


def test_a_name_across_lines_that_are_not_next_to_each_other_is_no_entity() -> None:
    """A story's lines joined out of page order (a piece moved back to its story): a name cut at the
    join has no raw span of its own; a span from one line to the other would hold the lines between
    (an entity of hundreds of characters that the lexicon could not even store)."""
    text = "市长王建\n他乡来信说天气很好大家都平安无事。\n国主持会议。"
    first, between, last = one_segment(text)[0]
    joined = detect_entities(text, [[first, last], [between]])
    assert all(e.end - e.start < 10 for e in joined), [(e.text, e.start, e.end) for e in joined]
    assert "王建国" not in {e.text for e in joined}
    together = "市长王建\n国主持会议。"  # the same lines next to each other: the name is found
    assert ("王建国", 2, 6) in {(e.text, e.start, e.end) for e in detect_entities(together, one_segment(together))}


def test_entity_text_is_surface_and_spans_do_not_overlap() -> None:
    text = "新华社北京3月5日电 外交部发言人\n刘明远5日说，\n中方欢迎。"
    ents = detect_entities(text, one_segment(text))
    assert ents, "something is found"
    last = -1
    for e in ents:
        assert e.text == surface(text, e.start, e.end)
        assert e.start >= last
        last = e.end
        assert e.id == f"e{e.start}-{e.end}"
        assert e.status == "auto" and e.source in ("jieba", "rule", "lexicon")
        assert 0.0 <= e.confidence <= 1.0


def test_dateline_parts() -> None:
    got = found("本报3月8日讯（记者周晓明）昨天，全市春耕工作会议召开。")
    assert got["3月8日"] == "TIME"
    assert got["周晓明"] == "PER"
    got = found("新华社上海6月2日电 今年以来，上海港吞吐量稳步增长。")
    assert got["新华社"] == "ORG"
    assert got["上海"] == "LOC"


def test_names_after_titles() -> None:
    got = found("法国总统马克龙、德国总理朔尔茨出席。副市长郑立平提出要求。")
    assert got.get("马克龙") == "PER"
    assert got.get("郑立平") == "PER"
    assert "总统" not in got and "副市长" not in got


def test_foreign_name_fragments_join() -> None:
    got = found("埃及总理马德布利会见来访客人。")
    assert got.get("马德布利") == "PER"


def test_dotted_foreign_name() -> None:
    got = found("会上，穆罕默德·阿卜杜拉发表讲话。")
    assert got.get("穆罕默德·阿卜杜拉") == "PER"


def test_anonymised_name() -> None:
    assert found("据调查，刘某在超市工作。").get("刘某") == "PER"


def test_list_members_become_names() -> None:
    got = found("参加会议的有李鹏飞、赵丽华、孙志刚等同志。")
    assert {"赵丽华", "孙志刚"} <= {k for k, v in got.items() if v == "PER"}


def test_places_each_level_its_own_entity() -> None:
    got = found("他住在朝阳区望京街道花家地社区。")
    assert got.get("朝阳区") == "LOC"
    assert got.get("望京街道") == "LOC"
    assert got.get("花家地社区") == "LOC"


def test_organisations_by_chain_and_abbreviation() -> None:
    got = found("杭州市委宣传部和市信访局联合发文，省政协主席出席。")
    assert got.get("杭州市委宣传部") == "ORG"
    assert got.get("市信访局") == "ORG"
    assert got.get("省政协") == "ORG"


def test_titles_and_fused_title_orgs_are_not_entities() -> None:
    got = found("省委书记和国家主席都出席了会议。")
    assert "省委书记" not in got and "国家主席" not in got and "省委" not in got


def test_noise_words_are_not_names() -> None:
    got = found("我们要努力实现目标，把老人送到养老院。")
    assert "努力实现" not in got and "养老院" not in got


def test_relative_words_are_not_times() -> None:
    got = found("他上来后在会上讲话。")
    assert not [k for k, v in got.items() if v == "TIME"]


def test_time_value() -> None:
    text = "二〇二一年十月一日上午九时，大会开幕。"
    times = [e for e in detect_entities(text, one_segment(text)) if e.type == "TIME"]
    assert [(e.text, e.value) for e in times] == [("二〇二一年十月一日", "2021-10-01"), ("九时", "2021-10-01T09:00")]


def test_consistency_across_the_page() -> None:
    text = "记者吴晓梅报道。\n\n吴晓梅说，活动很成功。"
    segs = [[(0, 8)], [(10, len(text))]]
    ents = [e for e in detect_entities(text, segs) if e.text == "吴晓梅"]
    assert len(ents) == 2 and all(e.type == "PER" for e in ents)


def test_learned_name_is_found_on_another_page(tmp_path: Path) -> None:
    lex = UserLexicon.load(tmp_path / "lexicon.json")
    page1 = "居民代表钮祜禄氏在会上发言。"
    assert found(page1, lex).get("钮祜禄氏") != "PER"
    lex.learn("钮祜禄氏", "PER")  # the editor confirms it on page 1
    lex.save()
    again = UserLexicon.load(tmp_path / "lexicon.json")
    page2 = "钮祜禄氏表示，明年还要参加。"
    ents = [e for e in detect_entities(page2, one_segment(page2), lexicon=again) if e.text == "钮祜禄氏"]
    assert ents and ents[0].type == "PER" and ents[0].source == "lexicon" and ents[0].confidence >= 0.9


def test_rejected_string_is_not_suggested_in_the_same_context() -> None:
    lex = UserLexicon.load()
    text = "市长王建国主持会议。"
    assert found(text).get("王建国") == "PER"
    lex.reject("王建国", "PER", "市长[王建国]主持")
    assert "王建国" not in found(text, lex)
    other = "王建国说，工作很顺利。"
    assert found(other, lex).get("王建国") == "PER"


def test_sample_page_splits_names_over_lines() -> None:
    """The bundled sample page through the whole parse: names broken across lines come out whole."""
    from core.loader import read_page
    from core.parse import parse_page
    from tests.conftest import SAMPLE

    page = parse_page(read_page(SAMPLE))
    names = {e.text for e in page.entities if e.type == "PER"}
    assert {"安立佳", "斯迈洛夫"} <= names


def test_tagged_cut_matches_jieba_posseg_without_hmm() -> None:
    """``postag.cut`` replaces ``jieba.posseg.lcut(text, HMM=False)`` (which costs a slow import)."""
    import jieba
    import jieba.posseg

    from core.entities.jieba import postag, tokenizer

    tokenizer.warm_up()
    text = (
        "新华社北京4月20日电 外交部发言人华春莹20日宣布：国家主席习近平将出席开幕式。\n"
        "ABC公司2022年营收增长3.5%，COVID-19 疫情 影响  减弱；Ｆ１赛车、ｅ-mail 与 C++ 程序"
    )
    expected = [(p.word, p.flag) for p in jieba.posseg.lcut(text, HMM=False)]
    assert postag.cut(jieba.dt, tokenizer._tags, text) == expected
