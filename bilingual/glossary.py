"""Glossary placeholder."""


def load_default_glossary(path=None):
    return None
