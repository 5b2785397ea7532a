#!/usr/bin/env python3
"""Generate countries.tsv (citizenship list) from Unicode CLDR via Babel.

Usage (from the repository root):

    pip install babel==2.18.0
    python3 crates/rules/data/gen_countries.py

Writes crates/rules/data/countries.tsv next to this script. The output is
deterministic for a given Babel version, so re-running it with the same
version yields a byte-identical file.
"""

from pathlib import Path

import babel
from babel import Locale

# Output languages: TSV column name -> Babel/CLDR locale identifier.
LANGUAGES = [
    ("en", "en"),
    ("sr-Latn", "sr_Latn"),
    ("sr-Cyrl", "sr_Cyrl"),
    ("ru", "ru"),
]

# Two-letter CLDR territory codes that are not ISO 3166-1 alpha-2 countries:
# exceptionally reserved codes for islands/areas that are part of another
# country, supranational or pseudo regions, and private-use/test codes.
NOT_COUNTRIES = {
    "AC",  # Ascension Island (exceptionally reserved; part of SH)
    "CP",  # Clipperton Island (exceptionally reserved; part of FR)
    "CQ",  # Sark (exceptionally reserved; part of GG)
    "DG",  # Diego Garcia (exceptionally reserved; part of IO)
    "EA",  # Ceuta & Melilla (exceptionally reserved; part of ES)
    "EU",  # European Union
    "EZ",  # Eurozone
    "IC",  # Canary Islands (exceptionally reserved; part of ES)
    "QO",  # Outlying Oceania (CLDR pseudo region)
    "TA",  # Tristan da Cunha (exceptionally reserved; part of SH)
    "UN",  # United Nations
    "XA",  # Pseudo-Accents (CLDR test locale)
    "XB",  # Pseudo-Bidi (CLDR test locale)
    "ZZ",  # Unknown Region
}

# Private-use codes that CLDR names and that ARE kept: Kosovo.
KEPT_PRIVATE_USE = {"XK"}

# Project addition, not from CLDR: stateless persons (private-use code XX).
STATELESS = ("XX", "Stateless", "Bez državljanstva", "Без држављанства", "Лицо без гражданства")

# ISO 3166-1 currently assigns 249 alpha-2 codes; plus XK.
EXPECTED_COUNT = 249 + len(KEPT_PRIVATE_USE)


def main() -> None:
    names = {col: Locale.parse(loc).territories for col, loc in LANGUAGES}
    english = names["en"]
    codes = sorted(
        code
        for code in english
        if len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()
        and code not in NOT_COUNTRIES
    )
    if len(codes) != EXPECTED_COUNT:
        raise SystemExit(
            f"expected {EXPECTED_COUNT} countries, got {len(codes)} "
            f"(Babel {babel.__version__}); review NOT_COUNTRIES"
        )

    rows = []
    for code in codes:
        row = [code]
        for col, _ in LANGUAGES:
            name = names[col].get(code)
            if not name:
                raise SystemExit(f"no {col} name for {code}")
            if "\t" in name or "\n" in name or "\r" in name:
                raise SystemExit(f"bad character in {col} name for {code}: {name!r}")
            row.append(name)
        rows.append(row)
    assert STATELESS[0] not in codes
    rows.append(list(STATELESS))

    out = Path(__file__).resolve().parent / "countries.tsv"
    header = ["code"] + [col for col, _ in LANGUAGES]
    text = "\n".join("\t".join(r) for r in [header] + rows) + "\n"
    out.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(rows)} rows to {out} (Babel {babel.__version__})")


if __name__ == "__main__":
    main()
