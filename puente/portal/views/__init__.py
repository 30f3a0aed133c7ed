"""Public pages of the portal, one module per page group; staff pages in views/staff/."""
