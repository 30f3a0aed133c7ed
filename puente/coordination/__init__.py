"""Partners' 5W reporting, needs of border communities, gap analysis and overlaps."""
