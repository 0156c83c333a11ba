"""Form widgets for the agent workspace, whose pages show many choice lists."""

from django import forms
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _text(value) -> str:
    """Escape the value as the `stringformat:"s"` filter and autoescaping do."""
    return escape(f"{value}")


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class Select(forms.Select):
    """Django's select, with the same markup built in Python.

    Django renders each option through two templates, which made the choice
    lists the slowest part of a queue page; the markup here is identical.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"', widget["name"])]
        parts.append(_attrs(widget["attrs"]) + ">")
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    f'\n  <option value="{_text(option["value"])}"'
                    f"{_attrs(option['attrs'])}>"
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        # Every name, value and label above is escaped as Django's template does.
        return mark_safe("".join(parts))  # noqa: S308
