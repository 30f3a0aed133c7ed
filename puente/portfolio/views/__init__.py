"""Staff workspace views of the portfolio, split by page group."""
