"""concurrent: the package of concurrent.futures (Tollbooth's frozen package)."""
