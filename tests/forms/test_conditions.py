"""Which questions show, given the answers: pure, no database."""

from forms.conditions import Condition, answer_matches, visible_fields

NAMES = ["need_kit", "kit", "kit_other", "notes"]
RULES = [
    Condition("kit", "need_kit", "Yes"),
    Condition("kit_other", "kit", "Other"),
]


def test_visible_fields_hides_a_question_until_its_answer_is_given():
    assert visible_fields(names=NAMES, conditions=RULES, answers={}) == {
        "need_kit",
        "notes",
    }


def test_visible_fields_shows_a_question_when_the_answer_matches_in_any_case():
    shown = visible_fields(names=NAMES, conditions=RULES, answers={"need_kit": "yes"})
    assert "kit" in shown


def test_visible_fields_matches_one_of_several_chosen_answers():
    shown = visible_fields(
        names=NAMES,
        conditions=RULES,
        answers={"need_kit": "yes", "kit": ["Laptop", "Other"]},
    )
    assert "kit_other" in shown


def test_visible_fields_hides_a_chain_when_its_first_link_is_hidden():
    # "kit" still holds an answer typed before "need kit" was changed to no.
    shown = visible_fields(
        names=NAMES, conditions=RULES, answers={"need_kit": "no", "kit": ["Other"]}
    )
    assert shown == {"need_kit", "notes"}


def test_visible_fields_never_shows_a_question_depending_on_a_later_one():
    rules = [Condition("need_kit", "notes")]
    shown = visible_fields(names=NAMES, conditions=rules, answers={"notes": "x"})
    assert "need_kit" not in shown


def test_answer_matches_any_answer_when_no_value_is_named():
    assert answer_matches("no", "")
    assert not answer_matches("", "")
    assert not answer_matches([], "")
