"""The form renderer: Django's own, except that drop-down lists are written in Python.

Django renders every <option> through a template include; the activity form has a few thousand
options (sectors, municipalities, currencies, partners in each inline row), which made its page
take half a second to render. The markup here is exactly what Django's select.html,
select_option.html and attrs.html produce (tests compare the two)."""

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

SELECT_TEMPLATES = {"django/forms/widgets/select.html"}
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: dict[str, Any]) -> SafeString:
    parts = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE:
                raise LookupError(option["template_name"])  # a custom option: let Django draw it
            parts.append(
                format_html('\n  <option value="{}"', str(option["value"]))
                + _attrs(option["attrs"])
                + format_html(">{}</option>\n", option["label"])
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
