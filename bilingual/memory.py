"""Memory placeholder."""


def open_memory(path=None):
    return None
