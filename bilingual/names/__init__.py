"""Names: the glossary and everything done with it.

``entry`` (the value), ``po`` (the PO codec), ``rules`` (validation), ``glossary`` (lookup and
matching over entries), ``cache`` and ``load`` (reading from disk), ``edit`` (locked writes),
``match`` (finding names in English), ``mask`` and ``restore`` (placeholders through the engine),
``suggest`` (proposing entries for names the glossary lacks).
"""
