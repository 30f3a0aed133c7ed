"""Staff pages of agreements and of proposals with their viability concepts."""
