"""The cooperation portfolio: plans, programmes and projects from idea to closure."""
