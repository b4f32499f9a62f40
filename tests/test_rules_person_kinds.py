"""PER false alarms fixed by general rules (issue 11): a verb or modal and a particle taken for
surname + given name, a count or a preposition joined to a foreign name, things jieba's
dictionary tags nr.

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found


def test_a_verb_and_a_particle_after_a_title_are_no_name() -> None:
    assert "包的" not in found("孩子们爱吃王老师包的饺子。")
    assert found("他说，我和总统谈得很好。") == {}
    assert found("一位画家应由浅入深地学习。") == {}


def test_a_very_common_word_with_a_character_glued_on_is_no_name() -> None:
    assert found("每个党员应该做的事情很多。") == {}


def test_a_given_name_with_an_adverb_character_after_a_credit_still_counts() -> None:
    assert found("新华社记者刘也刚报道").get("刘也刚") == "PER"


def test_a_count_or_a_preposition_is_not_part_of_a_foreign_name() -> None:
    assert found("门票价格涨到３０万卢布。") == {}
    assert found("卡尔松于去年当选议员。") == {"卡尔松": "PER"}


def test_food_and_sounds_tagged_nr_need_a_person_context() -> None:
    assert found("市场上有鲤鱼、草鱼、武昌鱼等。") == {}
    assert found("悠扬的乐曲声使人陶醉。") == {}


def test_a_surname_alone_before_a_title_is_the_person() -> None:
    assert found("胡主席会见了他。") == {"胡": "PER"}
    assert found("金主任说，明天开会。").get("金") == "PER"


def test_a_preposition_before_a_title_or_a_cut_name_is_no_surname() -> None:
    assert found("大家向主席致敬。") == {}
    assert "江" not in found("王江主席出席。")


def test_a_long_transliterated_dictionary_word_after_a_title_is_the_person() -> None:
    assert found("著名女高音歌唱家迪里拜尔演唱的歌曲").get("迪里拜尔") == "PER"
    # a known place after a title stays a place
    assert found("部长布鲁塞尔之行圆满结束。") == {"布鲁塞尔": "LOC"}


def test_later_mentions_of_a_dotted_name_use_its_last_part() -> None:
    from core.entities.detect import detect_entities

    first, second = "该基金会主席沃特·卡诺斯今天发表报告。", "卡诺斯在记者会上说，形势严峻。"
    text = first + "\n\n" + second
    got = {(e.text, e.type) for e in detect_entities(text, [[(0, len(first))], [(len(first) + 2, len(text))]])}
    assert ("沃特·卡诺斯", "PER") in got and ("卡诺斯", "PER") in got


def test_a_first_part_jieba_reads_as_one_word() -> None:
    # 得 is no transliteration character, 川 neither: jieba's word (or the title before it) decides
    assert found("挪威驻华大使彼得·萨洛斯今天说。").get("彼得·萨洛斯") == "PER"
    assert found("老挝总理川·沙旺昨天会见了代表团。").get("川·沙旺") == "PER"


def test_a_foreign_name_after_a_title_with_a_speech_verb_glued_on() -> None:
    assert found("该国财政部长马尔多卡说，预算将削减。").get("马尔多卡") == "PER"


def test_a_dictionary_foreign_name_after_a_title_is_the_person() -> None:
    assert found("在联合国特别协调员丹尼斯的调解下，双方停火。").get("丹尼斯") == "PER"


def test_more_roles_anchor_the_name_after_them() -> None:
    assert found("宾馆服务员阿香姑娘送来了开水。").get("阿香") == "PER"
    assert found("首席大法官萨米尔主持了审理。").get("萨米尔") == "PER"


def test_a_form_of_address_anchors_the_name_before_it_only() -> None:
    assert found("过去，沙汀同志写了许多小说。").get("沙汀") == "PER"
    assert found("老同志和女同志都来了，各位同志请坐。") == {}


def test_a_name_after_a_naming_verb() -> None:
    assert found("村里有个叫王明的木匠手艺很好。").get("王明") == "PER"


def test_lao_and_a_surname_jieba_keeps_apart() -> None:
    assert found("老闵退休后常去公园下棋。") == {"老闵": "PER"}


def test_a_transliterated_name_joined_to_a_place_is_a_place() -> None:
    got = found("代表们来自阿拉伯和拉美各国。")
    assert got.get("阿拉伯") == "LOC" and got.get("拉美") == "LOC"


def test_a_role_before_and_tongzhi_after_frame_a_dictionary_word() -> None:
    assert found("老教授高明同志讲了一堂课。").get("高明") == "PER"


def test_a_transliterated_name_before_furen() -> None:
    assert found("人们记得肯尼迪夫人的坚定。").get("肯尼迪") == "PER"


def test_a_long_transliterated_dictionary_name_anywhere() -> None:
    assert found("他演奏了肖斯塔科维奇的作品。").get("肖斯塔科维奇") == "PER"


def test_a_name_word_without_a_surname_in_a_list_of_names() -> None:
    got = found("出席的有王立群、阿旺、李德明等。")
    assert got.get("阿旺") == "PER" and got.get("李德明") == "PER"


def test_a_four_character_name_word_after_a_title_in_a_list() -> None:
    from core.entities.jieba.tokenizer import Token
    from core.entities.rules.gazetteer import gazetteer
    from core.entities.rules.names import name_after

    text = "书记阿拉坦仓、王大明讲话"
    toks = [Token("书记", "n", 0, 2), Token("阿拉坦仓", "ns", 2, 6), Token("、", "x", 6, 7)]
    assert name_after(text, toks, 2, gazetteer()) == (2, 6)


def test_a_known_name_after_a_preposition_jieba_glued_to_it() -> None:
    from core.entities.detect import detect_entities

    first, second = "肯尼亚外长恩达姆昨天抵达北京。", "中方官员同恩达姆举行了会谈。"
    text = first + "\n\n" + second
    got = [(e.text, e.type) for e in detect_entities(text, [[(0, len(first))], [(len(first) + 2, len(text))]])]
    assert got.count(("恩达姆", "PER")) == 2


def test_names_outside_jiebas_dictionary_after_a_title() -> None:
    # a surname jieba cuts off, then a rare dictionary word as the given name (立新/d, 振华/nz)
    assert found("副省长隋立新出席仪式。") == {"隋立新": "PER"}
    assert found("局长禹振华带队检查。") == {"禹振华": "PER"}
    assert found("省政协副主席支建华出席。").get("支建华") == "PER"
    for text, name in [
        ("市长刘晓东说，要加快建设。", "刘晓东"),
        ("县委书记范国斌表示，全县将继续努力。", "范国斌"),
        ("张晓雯副市长主持会议。", "张晓雯"),
        ("校长邸玉霞在会上讲话。", "邸玉霞"),
        ("总经理佟彦军说，", "佟彦军"),
    ]:
        assert found(text).get(name) == "PER", text


def test_a_title_before_a_group_word_or_a_verb_makes_no_name() -> None:
    texts = ["总书记和大家一起包饺子。", "市长热线接到群众来电。"]
    texts += ["局长高度重视此事。", "院长高兴地说"]
    for text in texts:
        assert not [k for k, v in found(text).items() if v == "PER"], text


def test_a_japanese_name_after_a_title() -> None:
    assert found("日本首相森本一郎年前在官邸举行记者会。").get("森本一郎") == "PER"
    assert found("日本外相小川惠三表示，").get("小川惠三") == "PER"
    assert found("日本首相村山富市访华。").get("村山富市") == "PER"
    assert found("前首相中曾根康弘说").get("中曾根康弘") == "PER"


def test_a_verb_phrase_jieba_tags_as_a_name_after_a_title() -> None:
    assert found("这位总统宣誓就职后发表讲话。") == {}


def test_the_last_member_of_a_list_is_cut_to_the_name_before_its_title() -> None:
    # 马岭/ns is a place word by jieba's dictionary; beside a named 同志 it is a name
    got = found("过去，马岭、艾芜同志创作的小说很多。")
    assert got.get("马岭") == "PER" and got.get("艾芜") == "PER"


def test_a_lone_surname_jieba_reads_as_a_noun_before_a_title() -> None:
    assert found("我常常想起了马厂长。") == {"马": "PER"}
    assert found("图书馆的曲同志帮我找书。").get("曲") == "PER"
    assert found("他的车同志们都知道。") == {}
    assert "乌" not in found("会谈时，乌外长说，合作很重要。")
