"""Schemathesis hooks of scripts/fuzz-api.sh: strategies for the document's own formats.

JSON Schema lets a document name formats of its own; a generator that does not know one sends any
string, which the server refuses with reason. `vin` (proto/ofm/vocabulary/v1: ISO 3779, with the
49 CFR 565 check digit where the VIN is North American) is ours: valid VINs are built here the way
libs/kernel/src/vin.ts checks them, so the fuzzer sends VINs the server must accept.
"""
import schemathesis
from hypothesis import strategies as st

ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # no I, O, Q
VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
          "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def with_check_digit(vin: str) -> str:
    total = sum(VALUES[c] * w for c, w in zip(vin, WEIGHTS))
    digit = "X" if total % 11 == 10 else str(total % 11)
    return vin[:8] + digit + vin[9:]


body = st.text(alphabet=ALPHABET, min_size=16, max_size=16)
# North American (first character 1-5): the check digit computed; elsewhere (W…: Germany) none.
north_american = st.tuples(st.sampled_from("12345"), body).map(lambda t: with_check_digit(t[0] + t[1]))
imported = body.map(lambda b: "W" + b)

schemathesis.openapi.format("vin", st.one_of(north_american, imported))
