"""Treaties, conventions, MoUs and contracts; technical viability concepts."""
