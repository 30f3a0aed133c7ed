"""The form renderer: Django's own, except that drop-down lists and inputs are written in Python.

Django renders every <option> through a template include; the activity form has a few thousand
options (sectors, municipalities, currencies, partners in each inline row), which made its page
take half a second to render. The markup here is exactly what Django's select.html,
select_option.html and attrs.html produce (tests compare the two)."""

from collections.abc import Iterable, Iterator
from functools import cached_property
from html import escape
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import SafeString, mark_safe

SELECT_TEMPLATES = {"django/forms/widgets/select.html"}
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
# Django's templates for these are each one include of input.html.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input", "checkbox", "color", "date", "datetime", "email", "hidden", "number",
        "password", "search", "tel", "text", "time", "url",
    )
}  # fmt: skip
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


def _text(value: Any) -> str:
    """As a template prints a value: escaped, unless it is already safe HTML."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    return "".join(
        f" {name}" if value is True else f' {name}="{_text(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _select_start(widget: dict[str, Any]) -> str:
    return f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>'


def _option(value: str, label: str, selected: bool) -> str:
    return f'\n  <option value="{value}"{" selected" if selected else ""}>{label}</option>\n'


def render_select(widget: dict[str, Any]) -> SafeString:
    # Plain strings and the standard library's escape: an option costs a few microseconds, which
    # format_html's lazy-string machinery tripled on a page of a few thousand options.
    parts = [_select_start(widget)]
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


def render_input(widget: dict[str, Any]) -> SafeString:
    value = widget["value"]
    shown = "" if value is None else f' value="{_text(str(value))}"'
    return mark_safe(  # noqa: S308 (every value escaped)
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}'
        f"{_attrs(widget['attrs'])}>"
    )


def render_textarea(widget: dict[str, Any]) -> SafeString:
    value = widget["value"]
    return mark_safe(  # noqa: S308 (every value escaped)
        f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_text(value) if value else ''}</textarea>"
    )


class PuenteFormRenderer(DjangoTemplates):
    """Django's renderer, with the drop-downs, inputs and text areas of Django's own templates
    written in Python (a template per field cost the activity form a fifth of its time)."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name in SELECT_TEMPLATES:
            try:
                return render_select(context["widget"])
            except LookupError:
                pass
        elif template_name in INPUT_TEMPLATES:
            return render_input(context["widget"])
        elif template_name == TEXTAREA_TEMPLATE:
            return render_textarea(context["widget"])
        return super().render(template_name, context, request)


class SharedChoices(BaseChoiceIterator):
    """One list of choices, read once and shown by many drop-downs (every row of a formset, every
    formset of a page), with its options' markup written once too.

    Django normalises a plain list again for each field and widget it is given to, and draws
    each option anew for every drop-down; on the activity form (a few thousand partners,
    sectors and places, each list in several rows) that was a third of the page's time. Being a
    choice iterator, this is handed on as it is. The list is read when first shown: a form that
    is only validated and saved never reads it."""

    def __init__(self, source: Iterable[tuple[Any, Any]]) -> None:
        self._source = source

    @cached_property
    def choices(self) -> list[tuple[Any, Any]]:
        # Iterated, not list()ed: list() asks a model choice iterator its length, a COUNT query.
        return [*iter(self._source)]

    @cached_property
    def _markup(self) -> tuple[list[tuple[str, str]], list[str], dict[str, int]]:
        if any(isinstance(label, (list, tuple)) for _value, label in self.choices):
            raise ValueError("grouped choices are drawn by Django's widget")
        values = ["" if value is None else str(value) for value, _label in self.choices]
        escaped = [
            (_text(v), _text(label)) for v, (_, label) in zip(values, self.choices, strict=True)
        ]
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            first.setdefault(value, index)
        return escaped, [_option(v, label, False) for v, label in escaped], first

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def options_html(self, chosen: list[str]) -> str:
        """The options, the first one whose value is among `chosen` selected (as Django picks)."""
        escaped, unselected, first = self._markup
        found = [first[value] for value in chosen if value in first]
        if not found:
            return "".join(unselected)
        index = min(found)
        parts = unselected.copy()
        parts[index] = _option(*escaped[index], True)
        return "".join(parts)


class SharedChoicesSelect(forms.Select):
    """A single drop-down over SharedChoices: its options come from the shared markup (with our
    renderer; under any other, Django draws it as usual)."""

    def __init__(self, attrs: dict[str, Any] | None, choices: SharedChoices) -> None:
        super().__init__(attrs, choices)
        self.shared = choices

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        if not isinstance(renderer or get_default_renderer(), PuenteFormRenderer):
            return super().render(name, value, attrs, renderer)
        # Widget's context, not ChoiceWidget's: the option dicts are what this saves.
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        options = self.shared.options_html(widget["value"])
        return mark_safe(f"{_select_start(widget)}{options}\n</select>")  # noqa: S308 (escaped)
