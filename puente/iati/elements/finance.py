"""Money: budgets, planned disbursements and transactions, each in its own currency."""

from datetime import date
from functools import partial

from ..data import Activity, Budget, Money, Narrative, PlannedDisbursement, Transaction
from .common import (
    Element,
    ElementError,
    add_narratives,
    add_org,
    children,
    date_of,
    first_text,
    iso,
    left_out_if_bad,
    org_ref,
    parse_date,
    parse_decimal,
    sub,
)

# IATI 1.x transaction type letters -> 2.x codes.
TRANSACTION_LETTERS = {
    "IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7",
    "QP": "8", "QS": "9", "CG": "10",
}  # fmt: skip
TRANSACTION_CODES = {str(n) for n in range(1, 14)}
BUDGET_TYPES = {"original": "1", "revised": "2"}


def money(element: Element | None, activity: Activity, owner: Element) -> Money:
    if element is None:
        raise ElementError(owner, "the <value> is missing")
    amount = parse_decimal(element, element.text, "value")
    if amount is None:
        raise ElementError(element, "the value is empty")
    currency = (element.get("currency") or activity.default_currency or "").strip().upper()
    if len(currency) != 3:
        raise ElementError(element, "no currency: neither the value nor the activity names one")
    # A value date that cannot be read is left out alone (with a warning): the amount stands.
    value_date = element.get("value-date")
    said = (
        left_out_if_bad(activity, partial(parse_date, element, value_date)) if value_date else None
    )
    return Money(amount, currency, said)


def _required_date(element: Element, found: dict[object, Element], child: str) -> date:
    value = date_of(found.get(child))
    if value is None:
        raise ElementError(element, f"<{child}> is missing")
    return value


def read_budget(element: Element, activity: Activity) -> None:
    kind = (element.get("type") or "1").strip()
    found = children(element)
    activity.budgets.append(
        Budget(
            kind=BUDGET_TYPES.get(kind.lower(), kind),
            status=(element.get("status") or "1").strip(),
            period_start=_required_date(element, found, "period-start"),
            period_end=_required_date(element, found, "period-end"),
            value=money(found.get("value"), activity, element),
        )
    )


def read_planned_disbursement(element: Element, activity: Activity) -> None:
    found = children(element)
    activity.planned_disbursements.append(
        PlannedDisbursement(
            kind=(element.get("type") or "").strip(),
            period_start=_required_date(element, found, "period-start"),
            period_end=date_of(found.get("period-end")),
            value=money(found.get("value"), activity, element),
            provider=org_ref(found.get("provider-org"), activity.default_lang),
            receiver=org_ref(found.get("receiver-org"), activity.default_lang),
        )
    )


def read_transaction(element: Element, activity: Activity) -> None:
    found = children(element)
    type_element = found.get("transaction-type")
    code = (type_element.get("code") or "").strip() if type_element is not None else ""
    code = TRANSACTION_LETTERS.get(code.upper(), code)
    if code not in TRANSACTION_CODES:
        raise ElementError(element, f"transaction type “{code}” is not an IATI TransactionType")
    value = money(found.get("value"), activity, element)
    when = date_of(found.get("transaction-date")) or value.value_date
    if when is None:
        raise ElementError(element, "the transaction has no date")
    activity.transactions.append(
        Transaction(
            kind=code,
            date=when,
            value=value,
            ref=(element.get("ref") or "").strip(),
            description=first_text(found.get("description"), activity.default_lang),
            provider=org_ref(found.get("provider-org"), activity.default_lang),
            receiver=org_ref(found.get("receiver-org"), activity.default_lang),
        )
    )


def _add_value(parent: Element, value: Money) -> None:
    sub(
        parent,
        "value",
        str(value.amount),
        currency=value.currency,
        value_date=iso(value.value_date),
    )


def write_budgets(activity: Activity, parent: Element) -> None:
    for budget in activity.budgets:
        element = sub(parent, "budget", type=budget.kind, status=budget.status)
        sub(element, "period-start", iso_date=iso(budget.period_start))
        sub(element, "period-end", iso_date=iso(budget.period_end))
        _add_value(element, budget.value)
    for planned in activity.planned_disbursements:
        element = sub(parent, "planned-disbursement", type=planned.kind)
        sub(element, "period-start", iso_date=iso(planned.period_start))
        if planned.period_end:
            sub(element, "period-end", iso_date=iso(planned.period_end))
        _add_value(element, planned.value)
        add_org(element, "provider-org", planned.provider, activity.default_lang)
        add_org(element, "receiver-org", planned.receiver, activity.default_lang)


def write_transactions(activity: Activity, parent: Element) -> None:
    for tx in activity.transactions:
        element = sub(parent, "transaction", ref=tx.ref)
        sub(element, "transaction-type", code=tx.kind)
        sub(element, "transaction-date", iso_date=iso(tx.date))
        _add_value(element, tx.value)
        if tx.description:
            add_narratives(
                sub(element, "description"),
                [Narrative(tx.description, activity.default_lang)],
                activity.default_lang,
            )
        add_org(element, "provider-org", tx.provider, activity.default_lang)
        add_org(element, "receiver-org", tx.receiver, activity.default_lang)
