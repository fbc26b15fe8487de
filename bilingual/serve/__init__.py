"""Serving bilingual over HTTP: LibreTranslate's API (``api``) in front of engine batches (``batcher``)."""
