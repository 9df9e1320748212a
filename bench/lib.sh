# Shared by the benchmarks that run sra-array daemons (sourced, not run): two daemons on free
# loopback ports in a temp folder, linked as peers both ways, and curl helpers for their API.
# The caller sets BENCH_NAME before sourcing. Builds nothing: uses dist/target/opensra.
# Credentials: each daemon's password lives in its 0600 password file only; curl gets the
# Authorization header through a pipe and request bodies on stdin (never on a command line or in a file).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$root/dist/target/opensra"
sra_array="$home/bin/sra-array"
if [[ ! -x "$sra_array" || ! -f "$home/sra/command.pl" ]]; then
  echo "$BENCH_NAME: $home is missing; run 'mvn -B package -DskipTests' in $root first" >&2
  exit 1
fi
command -v curl >/dev/null || { echo "$BENCH_NAME: curl is required" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/opensra-${BENCH_NAME//\//-}.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$tmp"; else echo "$BENCH_NAME: kept $tmp" >&2; fi
}
trap cleanup EXIT

log() { echo "$BENCH_NAME: $*" >&2; }

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}

declare -A port
# start_daemons: array-a and array-b, each with its data in $tmp/SITE/data, linked as peers.
start_daemons() {
  local site deadline
  for site in a b; do
    mkdir -p "$tmp/$site/data"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$tmp/$site/password")
    port[$site]="$(free_port)"
    "$sra_array" serve --array-id "array-$site" --name "bench $site" --data "$tmp/$site/data" \
      --listen "127.0.0.1:${port[$site]}" --user admin --password-file "$tmp/$site/password" \
      > "$tmp/$site/daemon.log" 2>&1 &
    pids+=("$!")
  done
  for site in a b; do
    deadline=$((SECONDS + 120))
    until api "$site" GET /array >/dev/null 2>&1; do
      if (( SECONDS > deadline )); then log "daemon $site did not start; see $tmp/$site/daemon.log"; exit 1; fi
      sleep 0.3
    done
  done
  api a POST /peers "{\"id\":\"array-b\",\"address\":\"127.0.0.1:${port[b]}\",\"username\":\"admin\",\"password\":\"$(cat "$tmp/b/password")\"}" >/dev/null
  api b POST /peers "{\"id\":\"array-a\",\"address\":\"127.0.0.1:${port[a]}\",\"username\":\"admin\",\"password\":\"$(cat "$tmp/a/password")\"}" >/dev/null
}

auth_header() { printf 'Authorization: Basic %s' "$(printf 'admin:%s' "$(cat "$tmp/$1/password")" | base64 -w0)"; }

# api SITE METHOD PATH [JSON] -> body on stdout; fails on HTTP errors.
api() {
  local site="$1" method="$2" path="$3" body="${4:-}"
  if [[ -n "$body" ]]; then
    printf '%s' "$body" | curl -sS --fail-with-body -X "$method" -H @<(auth_header "$site") \
      -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:${port[$site]}/api/v1$path"
  else
    curl -sS --fail-with-body -X "$method" -H @<(auth_header "$site") "http://127.0.0.1:${port[$site]}/api/v1$path"
  fi
}

# json_field NAME: the first string or number value of "NAME" in the JSON on stdin.
json_field() { grep -o "\"$1\" *: *\(\"[^\"]*\"\|[0-9.]*\)" | head -n 1 | sed 's/^[^:]*: *//; s/"//g'; }
