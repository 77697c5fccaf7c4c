#!/usr/bin/env python3
"""Validates lessons against lessons/lesson.schema.json (JSON Schema 2020-12).

Every shipped lesson, every lesson under tests/lesson/good and every whole lesson shown in
docs/*.md (```json lesson) must be valid; a few malformed
lessons from tests/lesson/bad must be rejected by the schema too. Exits 77 (skipped) when the
jsonschema module is not installed.
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed: skipped")
    sys.exit(77)

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "lessons" / "lesson.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = 0
good = [p for p in (root / "lessons").glob("*.json") if p.name != "lesson.schema.json"]
good += list((root / "tests" / "lesson" / "good").glob("*.json"))
for path in sorted(good):
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for e in errors[:5]:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    failures += bool(errors)

# The whole lessons shown in the docs (the first is what `loopscope new` writes), with an
# absolute "$schema" as `new` writes it.
for doc_path in sorted((root / "docs").glob("*.md")):
    block, blocks = None, []
    for line in doc_path.read_text().splitlines():
        if block is None and line.startswith("```json lesson"):
            block = []
        elif block is not None and line.startswith("```"):
            blocks.append("\n".join(block))
            block = None
        elif block is not None:
            block.append(line)
    for i, text in enumerate(blocks):
        doc = json.loads(text)
        doc["$schema"] = "/usr/share/loopscope/lesson.schema.json"
        errors = list(validator.iter_errors(doc))
        for e in errors[:5]:
            print(f"{doc_path}: lesson example {i + 1}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failures += bool(errors)
        good.append(doc_path)

# Malformed lessons the schema alone can catch (the rest need the loader's cross-checks).
for name in ["order-wrong-type", "id-bad-characters", "steps-empty", "missing-title", "unknown-top-field",
             "clock-invalid", "route-bad-status", "route-unknown-member", "route-latency-wrong-type",
             "server-routes-not-array", "step-has-program", "code-missing-python", "exercise-check-empty",
             "text-wrong-type"]:
    doc = json.loads((root / "tests" / "lesson" / "bad" / f"{name}.json").read_text())
    if validator.is_valid(doc):
        print(f"the schema accepts bad/{name}.json")
        failures += 1

print(f"{len(good)} lessons checked against the schema, {failures} problem(s)")
sys.exit(1 if failures else 0)
