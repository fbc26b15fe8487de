"""The editors' desk in the browser: pages over a folder of aligned documents, every action a use
case of :mod:`bilingual.jobs` (see ``app.py``)."""
