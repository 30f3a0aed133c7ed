"""Staff pages of the portal's content: announcements, the office's data, the gallery."""
