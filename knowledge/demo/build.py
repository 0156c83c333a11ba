"""Shorthand for writing demo article bodies as StreamField values."""


def p(*paragraphs: str) -> tuple:
    """Return a rich text block; paragraphs may hold inline HTML such as <strong>."""
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def heading(text: str) -> tuple:
    return ("heading", text)


def bullets(*items: str) -> tuple:
    return ("paragraph", "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")


def steps(*items: str | tuple[str, str]) -> tuple:
    """Return numbered steps from texts or (heading, text) pairs."""
    values = []
    for item in items:
        step_heading, text = item if isinstance(item, tuple) else ("", item)
        values.append({"heading": step_heading, "text": f"<p>{text}</p>"})
    return ("steps", values)


def callout(text: str) -> tuple:
    return ("callout", f"<p>{text}</p>")


def warning(text: str) -> tuple:
    return ("warning", text)


def contact(name: str, team: str = "", email: str = "", phone: str = "") -> tuple:
    return (
        "contact",
        {"name": name, "team": team, "email": email, "phone": phone},
    )
