"""Build tests/validation/cases.json: schema + value -> validity and the violations, in order.

`python -m tests.validation.build_cases` rewrites the file. The expected violations come from
the Python validator (the reference every generated language must agree with); its verdict
on validity is cross-checked here with jsonschema (a stock 2020-12 validator) wherever the
two regex dialects agree (`ecma_only` below). tests/validation/test_cases.py pins the file.
"""

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from retell_client import _validation as v

CASES = Path(__file__).with_name("cases.json")


def doc(schema, extra=None):
    return {"$defs": {"T": schema, **(extra or {})}}


cases = []


def case(desc, schema, value, extra=None):
    cases.append((desc, doc(schema, extra), value))


# types
for t, good, bads in [
    ("string", "a", [1, 1.5, True, None, [], {}]),
    ("integer", 35, [35.5, "35", True, None, [], {}]),
    ("number", 1.5, ["1", True, None, [], {}]),
    ("boolean", False, [0, 1, "true", None, [], {}]),
    ("array", [1], ["a", {}, None, 1]),
    ("object", {"a": 1}, ["a", [], None, 1]),
    ("null", None, [0, "", False, [], {}]),
]:
    case(f"type {t}: ok", {"type": t}, good)
    for bad in bads:
        case(f"type {t}: {json.dumps(bad)}", {"type": t}, bad)
case("integer: 35.0 is an integer", {"type": "integer"}, 35.0)
case("integer: -0.0 is an integer", {"type": "integer"}, -0.0)
case("integer: 1e3 is an integer", {"type": "integer"}, 1000.0)
case("number: integer ok", {"type": "number"}, 3)
case("type list: string or null, null", {"type": ["string", "null"]}, None)
case("type list: string or null, 1", {"type": ["string", "null"]}, 1)
# const / enum
case("const string ok", {"const": "a"}, "a")
case("const string wrong", {"const": "a"}, "b")
case("const 8000 accepts 8000.0", {"const": 8000}, 8000.0)
case("const true rejects 1", {"const": True}, 1)
case("const 1 rejects true", {"const": 1}, True)
case("enum ok", {"type": "string", "enum": ["x", "y"]}, "y")
case("enum outsider", {"type": "string", "enum": ["x", "y"]}, "X")
case("enum numbers", {"enum": [1, 2]}, 2.0)
case("enum wrong type stops at type", {"type": "string", "enum": ["1"]}, 1)
# strings
case("minLength ok", {"type": "string", "minLength": 2}, "ab")
case("minLength counts code points", {"type": "string", "minLength": 2}, "\U0001f680")
case("minLength short", {"type": "string", "minLength": 2}, "a")
case("maxLength long", {"type": "string", "maxLength": 2}, "abc")
case("maxLength astral ok", {"type": "string", "maxLength": 2}, "\U0001f680\U0001f680")
E164 = r"^\+[1-9][0-9]{1,14}$"
for value in [
    "+14155550100",
    "+12",
    "+123456789012345",
    "14155550100",
    "+04155550100",
    "+1415555010055556",
    "+1",
    "+",
    "+1 415 555 0100",
    "+14155550100\n",
    " +14155550100",
    "+\u0661\u0664\u0661",
    "+\uff11\uff14\uff11",
    "",
]:
    case(f"e164 pattern: {json.dumps(value)}", {"type": "string", "pattern": E164}, value)
case("pattern unanchored search", {"type": "string", "pattern": "b"}, "abc")
case("pattern \\d is ASCII", {"type": "string", "pattern": r"^\d+$"}, "\u0661")
case("pattern \\d ascii ok", {"type": "string", "pattern": r"^\d+$"}, "123")
case("pattern on non-string ignored", {"pattern": "^a$"}, 5)
for value in [
    "2024-02-29T10:00:00Z",
    "2023-02-29T10:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T23:59:60+01:00",
    "1998-12-31T15:59:60.123-08:00",
    "2024-01-01T23:59:60Z",
    "2024-01-01 10:00:00.123-05:00",
    "2024-01-01",
    "2024-01-01T10:00:00",
    "x",
]:
    case(f"date-time: {value}", {"type": "string", "format": "date-time"}, value)
for value in [
    "https://example.com/a?b=c",
    "urn:isbn:0451450523",
    "mailto:a@b.c",
    "example.com",
    "/relative",
    "https://exa mple.com",
    "https://example.com/%zz",
    "https://example.com/%2F",
    "1http://x",
]:
    case(f"uri: {value}", {"type": "string", "format": "uri"}, value)
# numbers
case("minimum ok", {"type": "integer", "minimum": 8000}, 8000)
case("minimum below", {"type": "integer", "minimum": 8000}, 7999)
case("maximum above", {"type": "integer", "maximum": 48000}, 48001)
case("maximum float above", {"type": "number", "maximum": 1}, 1.0000001)
case("exclusiveMinimum equal", {"type": "number", "exclusiveMinimum": 0}, 0)
case("exclusiveMinimum above", {"type": "number", "exclusiveMinimum": 0}, 0.001)
case("exclusiveMaximum equal", {"type": "number", "exclusiveMaximum": 10}, 10)
case("multipleOf ok", {"type": "integer", "multipleOf": 5}, 15)
case("multipleOf no", {"type": "integer", "multipleOf": 5}, 16)
case("multipleOf 0.5 ok", {"type": "number", "multipleOf": 0.5}, 2.5)
case("multipleOf 0.5 no", {"type": "number", "multipleOf": 0.5}, 2.25)
case("minimum on string ignored", {"minimum": 5}, "a")
case("bounds both fail", {"type": "number", "minimum": 5, "multipleOf": 2}, 3)
# arrays
case("minItems", {"type": "array", "minItems": 1}, [])
case("maxItems", {"type": "array", "maxItems": 1}, [1, 2])
case("items types", {"type": "array", "items": {"type": "string"}}, ["a", 2, "c", None])
case("items ok", {"type": "array", "items": {"type": "string"}}, ["a"])
# objects
obj = {
    "type": "object",
    "required": ["a", "b"],
    "properties": {"a": {"type": "string"}, "b": {"type": "integer"}, "c": {"type": "boolean"}},
}
case("object ok", obj, {"a": "x", "b": 1})
case("object missing both", obj, {})
case("object missing b, wrong c", obj, {"a": "x", "c": "true"})
case("object open extras ok", obj, {"a": "x", "b": 1, "zzz": None})
case("object null optional", obj, {"a": "x", "b": 1, "c": None})
closed = dict(obj, additionalProperties=False)
case("closed object extra", closed, {"a": "x", "b": 1, "z": 1, "y": 2})
mapped = {"type": "object", "additionalProperties": {"type": "string"}}
case("map ok", mapped, {"k": "v"})
case("map bad values", mapped, {"b": 1, "a": True})
case(
    "properties + additional schema",
    {
        "type": "object",
        "properties": {"n": {"type": "integer"}},
        "additionalProperties": {"type": "string"},
    },
    {"n": 1, "s": "x", "t": 2},
)
nested = {
    "type": "object",
    "properties": {
        "o": {
            "type": "object",
            "required": ["x"],
            "properties": {
                "x": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"y": {"enum": ["a"]}}},
                }
            },
        }
    },
}
case("nested path", nested, {"o": {"x": [{"y": "a"}, {"y": "b"}]}})
case("nested missing", nested, {"o": {}})
# refs and rules
defs = {
    "Phone": {"type": "string", "pattern": E164, "x-rule": "e164_numbers"},
    "Rate": {"type": "integer", "minimum": 8000, "maximum": 48000, "x-rule": "sample_rate_range"},
}
call = {
    "type": "object",
    "required": ["from"],
    "properties": {
        "from": {"$ref": "#/$defs/Phone"},
        "rate": {"$ref": "#/$defs/Rate"},
        "enc": {"type": "string", "enum": ["s16le", "mulaw"]},
    },
    "allOf": [
        {
            "x-rule": "mulaw_sample_rate",
            "if": {"required": ["enc"], "properties": {"enc": {"const": "mulaw"}}},
            "then": {"properties": {"rate": {"const": 8000}}},
        }
    ],
}
case("ref rule name", call, {"from": "1415"}, defs)
case("ref ok + mulaw ok", call, {"from": "+14155550100", "enc": "mulaw", "rate": 8000}, defs)
case("mulaw at 16000", call, {"from": "+14155550100", "enc": "mulaw", "rate": 16000}, defs)
case("s16le at 16000 ok", call, {"from": "+14155550100", "enc": "s16le", "rate": 16000}, defs)
case("mulaw without rate ok", call, {"from": "+14155550100", "enc": "mulaw"}, defs)
case("rate below range", call, {"from": "+14155550100", "rate": 4000}, defs)
case("rate 8000.0 ok", call, {"from": "+14155550100", "rate": 8000.0, "enc": "mulaw"}, defs)
ite = {
    "type": "object",
    "properties": {"flag": {"type": "boolean"}, "n": {"type": "string"}},
    "allOf": [
        {
            "x-rule": "relaxed_when_flag",
            "if": {"required": ["flag"], "properties": {"flag": {"const": True}}},
            "then": {"properties": {"n": {"type": "string"}}},
            "else": {"properties": {"n": {"pattern": "^[0-9]+$"}}},
        }
    ],
}
case("if/then/else: flag relaxes", ite, {"flag": True, "n": "abc"})
case("if/then/else: else applies", ite, {"n": "abc"})
case("if/then/else: else ok", ite, {"flag": False, "n": "123"})
# combinators
anyof = {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}
case("anyOf string", anyof, "a")
case("anyOf int", anyof, 3)
case("anyOf none", anyof, -1)
oneof = {"oneOf": [{"type": "integer"}, {"type": "number"}]}
case("oneOf both match", oneof, 3)
case("oneOf one matches", oneof, 3.5)
case("oneOf none", oneof, "x")
case("not", {"not": {"type": "string"}}, "a")
case("not ok", {"not": {"type": "string"}}, 1)
allof = {
    "allOf": [{"type": "object", "required": ["a"]}, {"properties": {"a": {"type": "string"}}}]
}
case("allOf both", allof, {"a": 1})
case("allOf missing", allof, {})
vdefs = {
    "Cat": {
        "type": "object",
        "required": ["kind", "meow"],
        "properties": {"kind": {"const": "cat"}, "meow": {"type": "boolean"}},
    },
    "Dog": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": "dog"}, "bark": {"type": "integer"}},
    },
}
disc = {
    "oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}],
    "x-discriminator": {
        "propertyName": "kind",
        "mapping": {"cat": "#/$defs/Cat", "dog": "#/$defs/Dog"},
    },
}
case("discriminator cat ok", disc, {"kind": "cat", "meow": True}, vdefs)
case("discriminator cat wrong field", disc, {"kind": "cat", "meow": "yes"}, vdefs)
case("discriminator unknown", disc, {"kind": "cow"}, vdefs)
case("discriminator missing", disc, {"meow": True}, vdefs)
case("discriminator not object", disc, "cat", vdefs)
plain = {"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]}
case("plain oneOf dog", plain, {"kind": "dog", "bark": 1}, vdefs)
case("plain oneOf bad", plain, {"kind": "dog", "bark": "x"}, vdefs)
nullable = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "null"}]}
case("nullable null", nullable, None)
case("nullable empty", nullable, "")
case("empty schema accepts", {}, {"anything": [1, None]})
case(
    "type fails, combinators still run",
    {"type": "string", "not": {"type": "integer"}, "allOf": [{"minimum": 9}]},
    5,
)
rec = {"type": "object", "properties": {"child": {"$ref": "#/$defs/T"}, "n": {"type": "integer"}}}
case("recursive", rec, {"child": {"child": {"n": 1.5}}})

fc = FormatChecker(("date-time",))
out = []
for desc, document, value in cases:
    val = v.Validator(document)
    found = val.violations("T", value)
    valid = not found
    ref = Draft202012Validator({**document, "$ref": "#/$defs/T"}, format_checker=fc)
    # Python's re (which jsonschema uses) differs from ECMAScript: `$` also matches before a
    # final newline and `\\d` matches non-ASCII digits; jsonschema checks no uri format.
    ecma_only = (
        "uri" in json.dumps(document["$defs"]["T"])
        or (isinstance(value, str) and ":60" in value)
        or (
            isinstance(value, str)
            and ("\n" in value or any(ord(c) > 127 for c in value))
            and "pattern" in json.dumps(document)
        )
    )
    if not ecma_only:
        ok = ref.is_valid(value)
        assert ok == valid, (desc, found, list(ref.iter_errors(value)))
    entry = {"description": desc, "schema": document, "value": value, "valid": valid}
    if found:
        first = found[0]
        entry["first"] = {"field": first.field, "rule": first.rule, "keyword": first.keyword}
        entry["violations"] = [
            {"field": f.field, "rule": f.rule, "keyword": f.keyword} for f in found
        ]
    out.append(entry)
text = json.dumps(
    {
        "comment": (
            "Validator cases shared by every generated language: schema ($defs, entry T), "
            "value, whether it is valid, and the violations in order (field, rule, keyword). "
            "Built from the Python reference validator, validity cross-checked with "
            "jsonschema (2020-12; uri excluded, jsonschema does not check it without an "
            "extra package)."
        ),
        "cases": out,
    },
    indent=1,
    ensure_ascii=False,
)
CASES.write_text(text + "\n", encoding="utf-8")
print(len(out), "cases")
