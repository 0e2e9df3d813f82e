#!/usr/bin/env python3
"""Hands neutraal's lint reports of one batch to consumers written by others and checks they agree.

usage: check_reports.py DIR   (DIR holds samples.json, samples.sarif, samples.junit from `neutraal lint`)

- SARIF is loaded with Microsoft's sarif-tools and checked for the parts of SARIF 2.1.0 that GitHub code
  scanning requires: version, tool.driver.name, rules with ids, results with ruleId, level and a physical
  location (artifact uri and a start line of at least 1), every ruleId declared in the driver's rules.
- JUnit XML is loaded with junitparser: one test case per description, failures = descriptions whose
  verdict is `violation` in the JSON Lines output, errors = unreadable descriptions.
"""
import json
import sys

from junitparser import Error, Failure, JUnitXml
from sarif import loader


def fail(message):
    print(f"check_reports: {message}", file=sys.stderr)
    sys.exit(1)


def main(folder):
    records = [json.loads(line) for line in open(f"{folder}/samples.json", encoding="utf-8") if line.strip()]
    verdicts = [r.get("verdict") for r in records if "error" not in r]
    unreadable = sum(1 for r in records if "error" in r)
    violations = verdicts.count("violation")

    sarif = loader.load_sarif_file(f"{folder}/samples.sarif")
    raw = json.load(open(f"{folder}/samples.sarif", encoding="utf-8"))
    if raw.get("version") != "2.1.0":
        fail("SARIF version is not 2.1.0")
    run = raw["runs"][0]
    driver = run["tool"]["driver"]
    if not driver.get("name"):
        fail("SARIF tool.driver.name is missing")
    rule_ids = [rule.get("id") for rule in driver.get("rules", [])]
    if not rule_ids or any(not rid for rid in rule_ids):
        fail("SARIF driver rules must all have an id")
    results = run.get("results", [])
    for index, result in enumerate(results):
        if result.get("ruleId") not in rule_ids:
            fail(f"SARIF result {index} has an undeclared ruleId {result.get('ruleId')!r}")
        if result.get("level") not in ("error", "warning", "note", "none"):
            fail(f"SARIF result {index} has no valid level")
        if not result.get("message", {}).get("text"):
            fail(f"SARIF result {index} has no message text")
        location = result["locations"][0]["physicalLocation"]
        if not location["artifactLocation"].get("uri") or location["region"].get("startLine", 0) < 1:
            fail(f"SARIF result {index} has no usable physical location")
    if sarif.get_result_count() != len(results):
        fail(f"sarif-tools counts {sarif.get_result_count()} results, the file holds {len(results)}")
    standing_violations = sum(
        1 for r in records for f in r.get("findings", []) if f["status"] == "fired" and f["verdict"] == "violation")
    sarif_errors = sum(1 for r in results if r["level"] == "error" and r["ruleId"] != "input-error"
                       and r.get("properties", {}).get("status") == "fired")
    if sarif_errors != standing_violations:
        fail(f"SARIF has {sarif_errors} error results, the JSON output {standing_violations} standing violations")

    xml = JUnitXml.fromfile(f"{folder}/samples.junit")
    cases = [case for suite in xml for case in suite]
    failures = sum(1 for case in cases if any(isinstance(r, Failure) for r in case.result))
    errors = sum(1 for case in cases if any(isinstance(r, Error) for r in case.result))
    if len(cases) != len(records):
        fail(f"JUnit has {len(cases)} test cases for {len(records)} descriptions")
    if failures != violations:
        fail(f"JUnit has {failures} failures, the JSON output {violations} violations")
    if errors != unreadable:
        fail(f"JUnit has {errors} errors, the JSON output {unreadable} unreadable descriptions")
    print(f"check_reports: SARIF ({len(results)} results, {len(rule_ids)} rules) and JUnit ({len(cases)} cases, "
          f"{failures} failures) agree with the JSON Lines output of {len(records)} descriptions")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/reports")
