"""The translation memory: ``store`` (the SQLite file), ``reuse`` (memory hits made current with the
glossary), ``exchange`` (editors' files imported into the memory and applied to documents)."""
