"""The public site: pages, announcements, gallery, accessibility, contact, open data and maps."""
