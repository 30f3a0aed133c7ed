"""Border pages: public obstacles and studies, staff registers."""
