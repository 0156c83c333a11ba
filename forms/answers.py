"""Submitted answers as people read them: each question with its answer."""


def answer_lines(submission) -> list[tuple[str, str]]:
    """Return (question, answer) pairs in the order they were asked."""
    return [
        (
            submission.answer_labels.get(name, name),
            ", ".join(answer) if isinstance(answer, list) else str(answer),
        )
        for name, answer in submission.answers.items()
    ]
