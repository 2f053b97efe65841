#!/usr/bin/env python3
"""Build flightwatch's compact place-name gazetteer from GeoNames extracts.

Reads the three tab-separated GeoNames extracts (each with a header line):

    cities15000.tsv.gz   name, country, population, feature_code, admin_code, geonames_id
    admin1.tsv           name, country, admin_code   (e.g. "US.FL")
    admin2.tsv.gz        name, country, admin_code   (e.g. "US.FL.099")

and writes one gzip'd TSV with one row per (name, country):

    name <TAB> iso2 <TAB> population <TAB> kind      kind: CAPITAL, CITY, ADMIN1, ADMIN2

Rules (see docs/gazetteer.md):
  * cities: every row except historical / abandoned / destroyed places (PPLH, PPLQ, PPLW, PPLCH);
    PPLC is CAPITAL, everything else (PPLA*, PPL, PPLX sections of a city such as Brooklyn Heights) is CITY.
  * ADMIN1 population is the sum of its cities' populations (city sections, PPLX, are left out of the
    sum so they are not counted twice); ADMIN2 population is 0.
  * Variants: a trailing "(...)" qualifier is dropped ("Frankfurt (Oder)" -> also "Frankfurt"), names
    with "/" also give each part ("Biel/Bienne" -> also "Biel", "Bienne"); ADMIN1 names also give a
    row without an obvious generic prefix or suffix ("State of Berlin" -> "Berlin",
    "Kano State" -> "Kano", "Oyo State" -> "Oyo"), unless what is left is generic ("Western").
    ADMIN2 names are kept whole ("Orange County" stays "Orange County", never "Orange").
  * Names shorter than 3 characters, or without a letter, are dropped.
  * Merging rows of one (name, country): a capital wins; otherwise the row with the largest weight, where
    a region's summed population counts a tenth (REGION_WEIGHT, the same rule Gazetteer.java uses), so
    "Lagos" NG stays the CITY (9M) while "Washington" US is the ADMIN1 state, not a town of 24k. Ties go
    to the city. The row keeps that row's kind and population.
  * Output is sorted (name, iso) and gzip'd with a fixed timestamp, so a rerun gives identical bytes.

Usage (from the project root):

    python3 tools/geonames/build_gazetteer.py /path/to/geonames \
        nlp-processor/src/main/resources/io/flightwatch/nlp/geo/gazetteer.tsv.gz

Standard library only. Data: "Contains data from GeoNames, geonames.org, CC BY 4.0".
"""

import collections
import gzip
import io
import os
import re
import sys

HISTORICAL = {"PPLH", "PPLQ", "PPLW", "PPLCH"}
KIND_ORDER = ["CAPITAL", "CITY", "ADMIN1", "ADMIN2"]
REGION_WEIGHT = 10  # an ADMIN1 total of many cities weighs like one city of a tenth of it (see Gazetteer.java)

ADMIN1_PREFIXES = (
    "Urban Municipality of ", "Municipality of ", "Province of ", "State of ", "Region of ",
    "County of ", "City of ", "Republic of ", "Federation of ",
)
ADMIN1_SUFFIXES = (
    " Province", " Region", " Governorate", " Oblast", " Department", " Prefecture", " State",
    " Krai", " District", " Municipality", " County", " Parish", " Division", " Autonomous Region",
)
# A stripped ADMIN1 name is not kept when all of its words are generic ("Western District" -> "Western").
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "north-east",
    "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "upper",
    "lower", "middle", "capital", "federal", "national", "autonomous", "special", "metropolitan", "coast",
    "coastal", "island", "islands", "lake", "lakes", "river", "rivers", "mountain", "highlands", "city",
    "greater", "new", "old", "the", "and", "of", "free", "regional", "administrative", "inner", "outer", "far",
}
PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def read_tsv(path):
    """Yields the rows of a (possibly gzip'd) UTF-8 TSV, header skipped."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        next(f)
        for line in f:
            line = line.rstrip("\r\n")
            if line:
                yield line.split("\t")


def variants(name):
    """The name itself, without a trailing "(...)" qualifier, and each part of an "A/B" name."""
    name = " ".join(name.split())
    out = [name]
    base = PAREN.sub("", name)
    if base and base != name:
        out.append(base)
    if "/" in base:
        out.extend(p.strip() for p in base.split("/"))
    return out


def admin1_short(name):
    """ADMIN1 name without one obvious generic prefix or suffix, or None."""
    short = None
    for p in ADMIN1_PREFIXES:
        if name.startswith(p):
            short = name[len(p):]
            break
    else:
        for s in sorted(ADMIN1_SUFFIXES, key=len, reverse=True):
            if name.endswith(s):
                short = name[: -len(s)]
                break
    if not short:
        return None
    short = short.strip(" ,-")
    if all(w.lower() in GENERIC for w in short.replace("-", " ").split()):
        return None
    return short


def keep(name):
    return len(name) >= 3 and any(c.isalpha() for c in name) and "\t" not in name


def build(src):
    rows = collections.defaultdict(list)  # (name, iso) -> [(kind, population)]

    def add(name, iso, kind, pop):
        for v in variants(name):
            if keep(v):
                rows[(v, iso)].append((kind, pop))

    admin1_pop = collections.Counter()
    for name, iso, pop, feature, admin, _gid in read_tsv(os.path.join(src, "cities15000.tsv.gz")):
        if feature in HISTORICAL:
            continue
        pop = int(pop or 0)
        add(name, iso, "CAPITAL" if feature == "PPLC" else "CITY", pop)
        if feature != "PPLX":
            admin1_pop[f"{iso}.{admin}"] += pop

    for name, iso, code in read_tsv(os.path.join(src, "admin1.tsv")):
        pop = admin1_pop.get(code, 0)
        add(name, iso, "ADMIN1", pop)
        short = admin1_short(" ".join(name.split()))
        if short:
            add(short, iso, "ADMIN1", pop)

    for name, iso, _code in read_tsv(os.path.join(src, "admin2.tsv.gz")):
        add(name, iso, "ADMIN2", 0)

    out = []
    for (name, iso), entries in rows.items():
        def rank(e):
            kind, pop = e
            weight = pop // REGION_WEIGHT if kind == "ADMIN1" else pop
            return (kind == "CAPITAL", weight, -KIND_ORDER.index(kind))
        kind, pop = max(entries, key=rank)
        out.append((name, iso, pop, kind))
    out.sort(key=lambda r: (r[0], r[1]))
    return out


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: build_gazetteer.py GEONAMES_DIR OUT.tsv.gz   (see the module docstring)")
    src, dst = argv[1], argv[2]
    out = build(src)
    buf = io.StringIO()
    buf.write("# Contains data from GeoNames, geonames.org, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).\n")
    buf.write("# Built by tools/geonames/build_gazetteer.py; see docs/gazetteer.md.\n")
    buf.write("# name\tiso2\tpopulation\tkind\n")
    for name, iso, pop, kind in out:
        buf.write(f"{name}\t{iso}\t{pop}\t{kind}\n")
    with open(dst, "wb") as raw:
        # filename="" and mtime=0 keep the gzip header free of the path and time: reproducible bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    counts = collections.Counter(r[3] for r in out)
    print(f"{dst}: {len(out)} rows, {os.path.getsize(dst)} bytes; "
          + ", ".join(f"{k} {counts[k]}" for k in KIND_ORDER), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
