"""Django's own strings that its Spanish catalogue leaves untranslated (Django 6.1).

Named here so that `makemessages` keeps them in Puente's catalogue, which Django reads before its
own (LOCALE_PATHS): a Spanish page then never shows "- Select an option -". When Django's
catalogue catches up, these entries simply agree with it.
"""

from django.utils.translation import gettext_noop

UNTRANSLATED_IN_DJANGO = [
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("No %s matches the given query."),
    # The admin (administrators manage reference data and people there).
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop("Run"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Logout"),
]
