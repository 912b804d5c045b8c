"""The HTTP API and the dashboard (``trucewatch serve``; the optional part ``api``)."""
