#!/usr/bin/env bash
# HTTP benchmark: wrk against the API read /api/v1/areas/WK034403, the area page /gebied/WK034403
# and nginx serving the same JSON as a static file, in one run on this machine. Prints requests/s,
# p50 and p99 latency, the ratio to nginx and the server's resident memory, and checks the targets
# of docs/performance.md. See README.md beside this script.
#
#   bench/http/run.sh [--duration SECONDS] [--no-build]
#
# Environment: WK_BENCH_PORT (server, default 18380), WK_BENCH_NGINX_PORT (default 18381),
# WK_BENCH_THREADS (server's request threads, default: the server's default), WK_BENCH_BINARY.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

duration=12
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--duration SECONDS] [--no-build]" >&2; exit 2 ;;
  esac
done
port="${WK_BENCH_PORT:-18380}"
nginx_port="${WK_BENCH_NGINX_PORT:-18381}"
code=WK034403
user=bench
password='bench-wachtwoord-1'

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (scripts/deps installs it)" >&2; exit 1; }
done
if [ "$build" = 1 ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release >/dev/null
fi
# WK_BENCH_BINARY: another build to measure (e.g. a copy of an older commit's), with --no-build.
bin="${WK_BENCH_BINARY:-$root/build/release/wijkkompas}"

dir=$(mktemp -d /tmp/wk-bench-XXXXXX)
chmod 755 "$dir"
server_pid=
nginx_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

# The server on the demo data. The first start imports the demo (GDAL, PROJ: its memory peak is
# the import's, reported apart); the measured server is a second start on the same database, as a
# server runs day to day.
db="$dir/wk.db"
start_server() {
  rm -f "$dir/ready"
  WIJKKOMPAS_ADMIN_PASSWORD='bench-beheerder-1' \
    "$bin" serve --demo --quiet --db "$db" --listen "127.0.0.1:$port" --ready-file "$dir/ready" \
    ${WK_BENCH_THREADS:+--threads "$WK_BENCH_THREADS"} >>"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    [ -s "$dir/ready" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "run.sh: the server did not start" >&2
  cat "$dir/server.log" >&2
  exit 1
}
start_server
import_hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$server_pid/status")
kill "$server_pid"
wait "$server_pid" || true
start_server
base="http://127.0.0.1:$port"
"$bin" user add "$user" --role lezer --password "$password" --db "$db" >/dev/null

# Log in (session cookie for the page) and make an API token (Bearer for the API).
jar="$dir/cookies"
login_page=$(curl -sf -c "$jar" "$base/inloggen")
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$login_page" | head -1)
curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "naam=$user" --data-urlencode "wachtwoord=$password" \
  --data-urlencode "csrf=$csrf" "$base/inloggen"
csrf=$(curl -sf -b "$jar" "$base/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
token=$(curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$base/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "run.sh: could not create an API token" >&2; exit 1; }
# Netscape cookie jar: HttpOnly cookies are the lines starting with "#HttpOnly_".
cookie=$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
api="$base/api/v1/areas/$code"
page="$base/gebied/$code"

# nginx with the same bytes.
mkdir -p "$dir/www/api/v1/areas" "$dir/tmp"
curl -sf -H "Authorization: Bearer $token" -o "$dir/www/api/v1/areas/$code" "$api"
chmod -R a+rX "$dir/www"
sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$nginx_port|g" bench/http/nginx.conf.in >"$dir/nginx.conf"
nginx -c "$dir/nginx.conf" -p "$dir" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/api/v1/areas/$code" && break; sleep 0.1; done
static="http://127.0.0.1:$nginx_port/api/v1/areas/$code"
cmp -s <(curl -sf "$static") <(curl -sf -H "Authorization: Bearer $token" "$api") ||
  { echo "run.sh: nginx does not serve the API's bytes" >&2; exit 1; }
page_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$page")
[ "$page_status" = 200 ] || { echo "run.sh: the area page answered $page_status with the session cookie" >&2; exit 1; }

# One wrk run: prints "requests_per_second p50_ms p99_ms errors".
measure() {
  local conns=$1 url=$2 header=${3:-}
  local args=(-t2 -c"$conns" -d"${duration}s" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk -t2 -c"$conns" -d2s ${header:+-H "$header"} "$url" >/dev/null  # warm-up
  wrk "${args[@]}" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors + 0 }'
}

declare -A rps p50 p99 errs
for conns in 64 8; do
  for target in nginx api page; do
    case $target in
      nginx) read -r r a b e < <(measure "$conns" "$static") ;;
      api) read -r r a b e < <(measure "$conns" "$api" "Authorization: Bearer $token") ;;
      page) read -r r a b e < <(measure "$conns" "$page" "Cookie: $cookie") ;;
    esac
    rps[$target,$conns]=$r; p50[$target,$conns]=$a; p99[$target,$conns]=$b; errs[$target,$conns]=$e
  done
done
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status")
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$server_pid/status")

echo
echo "wrk 2 threads, ${duration} s per run; $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-34s %5s %10s %9s %9s %8s %7s\n' target conns 'req/s' 'p50 ms' 'p99 ms' '× nginx' errors
for conns in 64 8; do
  for target in api page nginx; do
    case $target in
      api) label="API  /api/v1/areas/$code" ;;
      page) label="page /gebied/$code" ;;
      nginx) label="nginx (same JSON, static file)" ;;
    esac
    ratio=$(awk -v a="${rps[$target,$conns]}" -v n="${rps[nginx,$conns]}" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')
    printf '%-34s %5s %10s %9s %9s %8s %7s\n' "$label" "$conns" "${rps[$target,$conns]}" "${p50[$target,$conns]}" \
      "${p99[$target,$conns]}" "$ratio" "${errs[$target,$conns]}"
  done
done
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "server memory while serving: VmRSS $(mb "$rss") MB, peak VmHWM $(mb "$hwm") MB" \
  "(the first start, which imported the demo data: peak $(mb "$import_hwm") MB)"

# The targets (issue 2, section 9).
fail=0
check() {
  if awk "BEGIN { exit !($2) }"; then echo "  ok    $1"; else echo "  MISS  $1"; fail=1; fi
}
echo "targets:"
check "API ≥ 0.8 × nginx at 64 connections" "${rps[api,64]} >= 0.8 * ${rps[nginx,64]}"
check "API p99 < 10 ms at 64 connections" "${p99[api,64]} < 10"
check "API p50 < 1 ms at 8 connections" "${p50[api,8]} < 1"
# Resident memory while serving. The peak is printed too: each login hashes the password with
# argon2id (libsodium's interactive limit, 64 MiB), a deliberate and transient cost.
check "resident memory < 50 MB while serving (VmRSS)" "$rss < 50 * 1024"
check "no errors" "$(( ${errs[api,64]} + ${errs[api,8]} + ${errs[page,64]} + ${errs[page,8]} )) == 0"
exit $fail
