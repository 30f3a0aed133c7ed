"""The portal's forms, one module per page group, beside the views they serve."""
