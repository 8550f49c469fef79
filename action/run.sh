#!/usr/bin/env bash
# The run step of the tlctl Action (action.yml): runs `java -jar $JAR $TLCTL_ARGS` once, shows its
# output in the log, writes a Markdown section to the job summary, and sets the outputs exit-code,
# json and summary-file. Fails the step unless the exit code is one of $OK_CODES.
#   JAR         tlctl.jar
#   TLCTL_ARGS  the arguments, split as a shell would split them (quotes honoured) but never
#               evaluated: no expansion, no command substitution
#   OK_CODES    comma-separated exit codes that pass
#   TITLE       the summary's heading (default: tlctl ARGS)
set -uo pipefail

mapfile -d '' args < <(printf '%s' "$TLCTL_ARGS" | xargs printf '%s\0')
out=$(mktemp)
err=$(mktemp)
java -jar "$JAR" "${args[@]}" >"$out" 2>"$err" </dev/null
code=$?
cat "$err" >&2
cat "$out"

case $code in
  0) meaning="success" ;;
  1) meaning="error (API, network or I/O)" ;;
  2) meaning="changes pending or drift found" ;;
  3) meaning="a check failed" ;;
  64) meaning="usage error" ;;
  65) meaning="the spec is invalid" ;;
  66) meaning="the spec file or an env file cannot be read" ;;
  67) meaning="no spec found (no tl-engine.yaml here or above)" ;;
  77) meaning="the Railway token is missing or refused" ;;
  78) meaning="a value the spec references is not set" ;;
  *) meaning="exit code $code" ;;
esac

# The JSON result: one document, or the closing result event of JSON Lines (apply --json).
json=
if [ -s "$out" ] && jq -e -s 'length > 0' "$out" >/dev/null 2>&1; then
  json=$(jq -c -s 'if length == 1 then .[0] else (map(select(.event == "result")) | last) end' "$out")
fi
markdown=
case " ${args[*]} " in
  *" --output markdown "* | *" --output=markdown "* | *" -o markdown "*) markdown=1 ;;
esac

# The job summary holds at most 1 MiB; each block is cut well below that.
block() {
  printf '~~~%s\n' "$1"
  head -c 400000 "$2"
  [ "$(wc -c <"$2")" -le 400000 ] || printf '\n... (cut; the whole output is in the log)'
  printf '\n~~~\n'
}

summary="${RUNNER_TEMP:-/tmp}/tlctl-summary-$$.md"
{
  printf '### %s\n\n' "${TITLE:-tlctl $TLCTL_ARGS}"
  printf 'Exit code **%s**: %s.\n\n' "$code" "$meaning"
  if [ -n "$markdown" ] && [ -z "$json" ] && [ -s "$out" ]; then
    head -c 400000 "$out"
    printf '\n'
  elif [ -n "$json" ]; then
    printf '<details><summary>JSON result</summary>\n\n'
    printf '%s' "$json" | jq . >"$out.pretty"
    block json "$out.pretty"
    printf '\n</details>\n\n'
  elif [ -s "$out" ]; then
    block text "$out"
  fi
  if [ -s "$err" ]; then
    printf '<details><summary>Messages (stderr)</summary>\n\n'
    block text "$err"
    printf '\n</details>\n'
  fi
} >"$summary"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >>"$GITHUB_STEP_SUMMARY"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  delimiter="tlctl_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  {
    echo "exit-code=$code"
    echo "summary-file=$summary"
    echo "json<<$delimiter"
    printf '%s\n' "$json"
    echo "$delimiter"
  } >>"$GITHUB_OUTPUT"
fi
rm -f "$out" "$out.pretty" "$err"

for ok in ${OK_CODES//,/ }; do
  if [ "$code" = "$ok" ]; then
    exit 0
  fi
done
echo "::error::tlctl exited $code: $meaning" >&2
exit "$code"
