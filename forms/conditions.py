"""Which questions a form shows, given the answers so far. Pure: no database.

A question with a condition is shown only when the question it depends on is
itself shown and has the wanted answer (or any answer, when none is named).
The browser applies the same rule to hide questions as people type; the server
applies it again on submit, so a hidden question is never required and any
value sent for it is dropped.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

EMPTY = (None, "", [], ())


@dataclass(frozen=True)
class Condition:
    """Show ``field`` only when ``depends_on`` has ``value`` (any answer if blank)."""

    field: str
    depends_on: str
    value: str = ""


def _text(answer) -> str:
    return str(answer).strip().casefold()


def answer_matches(answer, value: str) -> bool:
    """Return whether an answer satisfies a condition's wanted value.

    Comparison ignores letter case and surrounding spaces; for a question with
    several chosen answers, any one of them may match.
    """
    if answer in EMPTY:
        return False
    if not value.strip():
        return True
    wanted = _text(value)
    if isinstance(answer, list | tuple | set | frozenset):
        return any(_text(item) == wanted for item in answer)
    return _text(answer) == wanted


def visible_fields(
    *,
    names: Sequence[str],
    conditions: Iterable[Condition],
    answers: Mapping[str, object],
) -> set[str]:
    """Return the names of the questions shown, taking ``names`` in form order.

    A condition on a later question, or on one that does not exist, is never met,
    so such a question stays hidden rather than appearing by accident.
    """
    by_field = {condition.field: condition for condition in conditions}
    shown: set[str] = set()
    for name in names:
        condition = by_field.get(name)
        if condition is None or (
            condition.depends_on in shown
            and answer_matches(answers.get(condition.depends_on), condition.value)
        ):
            shown.add(name)
    return shown
