"""Kinds of entity errors fixed by general rules (issue 11, third round).

Every sentence here is made up; none comes from the sample or the gold pages.
"""

from __future__ import annotations

from test_entities import found


def test_a_short_form_of_a_junior_college_jieba_tags_nt_is_an_organisation() -> None:
    # X工专, X师专, X艺专: the short form of a 专科学校 jieba's dictionary tags nt
    assert found("他考上了东南工专。").get("东南工专") == "ORG"
    assert found("读完中专以后他去打工。") == {}  # the generic school level is no name
