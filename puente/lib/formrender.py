"""The form renderer: Django's own, except that drop-down lists are written in Python.

Django renders every <option> through a template include; the activity form has a few thousand
options (sectors, municipalities, currencies, partners in each inline row), which made its page
take half a second to render. The markup here is exactly what Django's select.html,
select_option.html and attrs.html produce (tests compare the two)."""

from html import escape
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import SafeString, mark_safe

SELECT_TEMPLATES = {"django/forms/widgets/select.html"}
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _text(value: Any) -> str:
    """As a template prints a value: escaped, unless it is already safe HTML."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    return "".join(
        f" {name}" if value is True else f' {name}="{_text(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: dict[str, Any]) -> SafeString:
    # Plain strings and the standard library's escape: an option costs a few microseconds, which
    # format_html's lazy-string machinery tripled on a page of a few thousand options.
    parts = [f'<select name="{_text(widget["name"])}"', _attrs(widget["attrs"]), ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE:
                raise LookupError(option["template_name"])  # a custom option: let Django draw it
            attrs = _attrs(option["attrs"]) if option["attrs"] else ""
            parts.append(
                f'\n  <option value="{_text(str(option["value"]))}"{attrs}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


class PuenteFormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name in SELECT_TEMPLATES:
            try:
                return render_select(context["widget"])
            except LookupError:
                pass
        return super().render(template_name, context, request)
