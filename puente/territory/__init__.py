"""Reference geography and codelists: the bottom layer every other app may read."""
