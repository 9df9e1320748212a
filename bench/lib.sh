# Shared by the benchmarks that run sra-array daemons (sourced, not run): two daemons on free
# loopback ports in a temp folder, linked as peers both ways, and curl helpers for their API.
# The caller sets BENCH_NAME before sourcing. Builds nothing: uses dist/target/opensra.
# Credentials: each daemon's password lives in its 0600 password file only; curl gets the
# Authorization header through a pipe and request bodies on stdin (never on a command line or in a file).
# TLS (default 1): the daemons serve TLS 1.3 with their own self-signed certificates, which curl, the peers
# and command.pl trust by the fingerprint each daemon writes to its ready file; TLS=0 runs them --insecure
# (plain HTTP), for the figures with TLS off. Benchmarks print `tls: on|off` with their figures.

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

tls="${TLS:-1}"
if [[ "$tls" == 1 ]]; then scheme=https; else scheme=http; fi
declare -A port
declare -A fingerprint
# daemon_tls_args: serve's TLS options for the chosen mode (its own self-signed certificate, or --insecure)
daemon_tls_args() { if [[ "$tls" != 1 ]]; then echo --insecure; fi; }

# pin_certificate SITE: fetches the daemon's certificate to $tmp/SITE/cert.pem for curl, after checking it
# has the fingerprint the daemon wrote to its ready file (so curl trusts exactly that certificate)
pin_certificate() {
  local site="$1" got
  fingerprint[$site]="$(json_field tlsFingerprint < "$tmp/$site/ready")"
  openssl s_client -connect "127.0.0.1:${port[$site]}" < /dev/null 2>/dev/null | openssl x509 > "$tmp/$site/cert.pem"
  got="$(openssl x509 -in "$tmp/$site/cert.pem" -noout -fingerprint -sha256 | sed 's/^[^=]*=//')"
  if [[ "$got" != "${fingerprint[$site]}" ]]; then
    log "daemon $site presents certificate $got, its ready file says ${fingerprint[$site]}"; exit 1
  fi
}

# start_daemons: array-a and array-b, each with its data in $tmp/SITE/data, linked as peers (pinned when TLS);
# DAEMON_ARGS: more `serve` options for both (word-split);
# each with the accounts of a lab: admin (password), peer (peer-password, the other array's), srm-adapter
# (role sra, sra-password: what command.pl logs in with).
start_daemons() {
  local site deadline
  for site in a b; do
    mkdir -p "$tmp/$site/data"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$tmp/$site/password")
    port[$site]="$(free_port)"
    # shellcheck disable=SC2046 # no TLS option, or one word
    "$sra_array" serve --array-id "array-$site" --name "bench $site" --data "$tmp/$site/data" \
      --listen "127.0.0.1:${port[$site]}" --user admin --password-file "$tmp/$site/password" \
      --ready-file "$tmp/$site/ready" $(daemon_tls_args) ${DAEMON_ARGS:-} > "$tmp/$site/daemon.log" 2>&1 &
    pids+=("$!")
  done
  for site in a b; do
    deadline=$((SECONDS + 120))
    until [[ -s "$tmp/$site/ready" ]] && { [[ "$tls" != 1 ]] || [[ -s "$tmp/$site/cert.pem" ]] || pin_certificate "$site"; } \
        && api "$site" GET /array >/dev/null 2>&1; do
      if (( SECONDS > deadline )); then log "daemon $site did not start; see $tmp/$site/daemon.log"; exit 1; fi
      sleep 0.3
    done
  done
  for site in a b; do
    for account in peer sra; do
      (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$tmp/$site/$account-password")
    done
    api "$site" POST /users "{\"name\":\"peer\",\"role\":\"peer\",\"password\":\"$(cat "$tmp/$site/peer-password")\"}" >/dev/null
    api "$site" POST /users "{\"name\":\"srm-adapter\",\"role\":\"sra\",\"password\":\"$(cat "$tmp/$site/sra-password")\"}" >/dev/null
  done
  link_peer a b
  link_peer b a
  log "daemons up, tls: $([[ "$tls" == 1 ]] && echo on || echo off)"
}

# link_peer FROM TO: FROM replicates to TO (as TO's peer account; TO's certificate pinned when TLS)
link_peer() {
  local pin=""
  if [[ "$tls" == 1 ]]; then pin=",\"fingerprint\":\"${fingerprint[$2]}\""; fi
  api "$1" POST /peers "{\"id\":\"array-$2\",\"address\":\"$scheme://127.0.0.1:${port[$2]}\",\"username\":\"peer\",\"password\":\"$(cat "$tmp/$2/peer-password")\"$pin}" >/dev/null
}

# java_runtime: the Java the daemons run on, as site a's daemon reports it at start ("25.0.3 (HOME)"): bin/sra-array's
# runtime, the distribution's jre/ (linked from the newest JDK at build time), or OPENSRA_JAVA_HOME when set, e.g.
# OPENSRA_JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 to compare JDK 17. TLS throughput depends on it (bench/array:
# JDK 17's TLS caps a sync near 350 MB/s here, JDK 25's near 500)
java_runtime() {
  sed -n 's/^Java runtime: //p' "$tmp/a/daemon.log" | head -n 1
}

# url SITE PATH: the site's API URL of PATH (PATH from /api/v1 on)
url() { echo "$scheme://127.0.0.1:${port[$1]}/api/v1$2"; }

# site_curl SITE CURL-ARGS...: curl to SITE, trusting exactly its certificate when TLS
site_curl() {
  local site="$1"; shift
  if [[ "$tls" == 1 ]]; then curl --cacert "$tmp/$site/cert.pem" "$@"; else curl "$@"; fi
}

# tls_opaques SITE: the Opaques element command.pl needs to trust SITE's certificate (nothing when TLS is off)
tls_opaques() {
  if [[ "$tls" == 1 ]]; then echo "<Opaques><Opaque id=\"tlsFingerprint\">${fingerprint[$1]}</Opaque></Opaques>"; fi
}

auth_header() { printf 'Authorization: Basic %s' "$(printf 'admin:%s' "$(cat "$tmp/$1/password")" | base64 -w0)"; }

# api SITE METHOD PATH [JSON] -> body on stdout; fails on HTTP errors.
api() {
  local site="$1" method="$2" path="$3" body="${4:-}"
  if [[ -n "$body" ]]; then
    printf '%s' "$body" | site_curl "$site" -sS --fail-with-body -X "$method" -H @<(auth_header "$site") \
      -H 'Content-Type: application/json' --data-binary @- "$(url "$site" "$path")"
  else
    site_curl "$site" -sS --fail-with-body -X "$method" -H @<(auth_header "$site") "$(url "$site" "$path")"
  fi
}

# json_field NAME: the first string or number value of "NAME" in the JSON on stdin.
json_field() { grep -o "\"$1\" *: *\(\"[^\"]*\"\|[0-9.]*\)" | head -n 1 | sed 's/^[^:]*: *//; s/"//g'; }
