#!/usr/bin/env bash
# Social-map benchmark (issue 4 section 5), in one run on this machine:
#   1. a GENERATED directory of N services (default 100,000) over the Netherlands as an HSDS 3.0
#      package (generate.mjs; every name says "(gegenereerd)"; bench only), imported with
#      `wijkkompas import hsds` into a fresh database: the import time;
#   2. ten typical searches (queries.tsv: words, a filter, near a point) over HTTP,
#      GET /api/v1/socialmap/services?text=..&<filter>&near=lat,lon&radius_km=.. with an API token,
#      wrk with one connection (the latency of one search, not of a queue), against the same search
#      run directly on the database file in one process (search_direct.cc: socialmap::Search, its
#      SQL and ranking and the 20 services of the answer, without HTTP, login check and JSON); the
#      core alone (direct_query.cc: the points in the circle and the ranking) is printed beside it;
#      targets: p50 ≤ 2 × the direct search, p99 < 20 ms.
# See README.md beside this script; results go to docs/performance.md.
#
#   bench/socialmap/run.sh [--services N] [--duration SECONDS] [--no-build]
#
# Environment: WK_BENCH_PORT (default 18610), WK_SHARED_DATA (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

services=100000
duration=10
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --services) services="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--services N] [--duration SECONDS] [--no-build]" >&2; exit 2 ;;
  esac
done
port="${WK_BENCH_PORT:-18610}"
shared="${WK_SHARED_DATA:-$root/../shared/data}"
[ -f "$shared/hsds/3.0/examples_csv/datapackage.json" ] || { echo "run.sh: no HSDS example package under $shared" >&2; exit 1; }
for tool in wrk curl node g++ sqlite3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (scripts/deps installs it)" >&2; exit 1; }
done
if [ "$build" = 1 ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j2 --target wijkkompas wk_bench_socialmap_search >/dev/null
fi
direct_bin="$root/build/release/bench/socialmap/wk_bench_socialmap_search"
[ -x "$direct_bin" ] || { echo "run.sh: $direct_bin is missing (build without --no-build)" >&2; exit 1; }
bin="$root/build/release/wijkkompas"
# The load: `wijkkompas import hsds` when the build has it, else the documented fallback
# (direct_load.sql + direct_index.cc: the same rows in the same schema, no checks; see README.md).
if "$bin" import --help 2>/dev/null | grep -q "^  hsds "; then loader=import; else loader=direct; fi

dir=$(mktemp -d /tmp/wk-bench-socialmap-XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

g++ -std=c++23 -O2 bench/socialmap/calibrate.cc -o "$dir/calibrate"
for tool in direct_query direct_index; do
  g++ -std=c++23 -O2 -Isrc/socialmap/include -Isrc/core/include "bench/socialmap/$tool.cc" \
    src/socialmap/search_text.cc src/core/text.cc -lstemmer -lsqlite3 -o "$dir/$tool"
done
echo "generating $services services (generated, not real) ..."
node bench/socialmap/generate.mjs "$dir/package" "$services" "$shared"

# 1. The import.
"$bin" migrate --db "$dir/bench.db" >/dev/null
t0=$(date +%s%N)
if [ "$loader" = import ]; then
  "$bin" import hsds "$dir/package" --db "$dir/bench.db" >"$dir/import.log" 2>&1 || { cat "$dir/import.log" >&2; exit 1; }
  load_label="wijkkompas import hsds of the generated package"
else
  for t in organizations services locations addresses service_at_location schedules attributes; do
    echo ".import --csv $dir/package/$t.csv csv_$t"
  done | sqlite3 "$dir/bench.db"
  sqlite3 "$dir/bench.db" <bench/socialmap/direct_load.sql
  "$dir/direct_index" "$dir/bench.db" src/socialmap/vocabulary.csv >/dev/null
  load_label="FALLBACK direct load (no 'import hsds' in this build): sqlite3 .import + direct_load.sql + direct_index"
fi
t1=$(date +%s%N)
import_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
loaded=$(sqlite3 "$dir/bench.db" "SELECT count(*) FROM socialmap_service")
indexed=$(sqlite3 "$dir/bench.db" "SELECT count(*) FROM socialmap_search")

# 2a. The direct searches (the reference) and their core alone are run per search, right before
# that search over HTTP (below), so both sides are measured in the same minute: on a shared
# machine the speed drifts from minute to minute.

# 2b. The same searches over HTTP.
rm -f "$dir/ready"
"$bin" serve --quiet --db "$dir/bench.db" --listen "127.0.0.1:$port" --ready-file "$dir/ready" >"$dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  [ -s "$dir/ready" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
"$bin" user add bench --role lezer --password 'bench-wachtwoord-1' --db "$dir/bench.db" >/dev/null
base="http://127.0.0.1:$port"
jar="$dir/cookies"
csrf=$(curl -sf -c "$jar" "$base/inloggen" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "naam=bench" --data-urlencode "wachtwoord=bench-wachtwoord-1" \
  --data-urlencode "csrf=$csrf" "$base/inloggen"
csrf=$(curl -sf -b "$jar" "$base/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
token=$(curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$base/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "run.sh: could not create an API token" >&2; exit 1; }

urlencode() { node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$1"; }
echo
echo "$loaded services generated and imported ($indexed in the search index); $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load: $load_label: $import_s s"
printf '%-28s %5s %5s %7s %9s %9s %9s %9s %7s\n' search hits http 'core50' 'direct50' 'direct99' 'http50' 'http99' 'ratio50'
fail=0
worst_ratio=0
worst_p99=0
while IFS=$'\t' read -r name text filter lat lon radius; do
  case "$name" in '#'* | '') continue ;; esac
  query="text=$(urlencode "$text")&near=$lat,$lon&radius_km=$radius&per_page=20"
  if [ "$filter" != "-" ]; then
    taxonomy=${filter%/*}
    code=${filter#*/}
    case "$taxonomy" in
      wijkkompas-wet) query="$query&law=$code" ;;
      wijkkompas-doelgroep) query="$query&target_group=$code" ;;
      wijkkompas-toegang) query="$query&access_route=$code" ;;
      wijkkompas-domein) query="$query&domain=$code" ;;
    esac
  fi
  url="$base/api/v1/socialmap/services?$query"
  http_hits=$(curl -sf -H "Authorization: Bearer $token" "$url" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).hits.length))') ||
    { echo "run.sh: $url failed" >&2; curl -s -H "Authorization: Bearer $token" "$url" >&2; exit 1; }
  wrk -t1 -c1 -d1s -H "Authorization: Bearer $token" "$url" >/dev/null  # warm-up
  read -r p50 p99 errors < <(wrk -t1 -c1 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
    END { printf "%.3f %.3f %d\n", p50, p99, errors + 0 }')
  grep -P "^$name\t" bench/socialmap/queries.tsv >"$dir/one.tsv"
  read -r _ hits d50 d99 < <("$direct_bin" "$dir/bench.db" "$dir/one.tsv" 300 | tr '\t' ' ')
  read -r _ core_hits c50 _ < <("$dir/direct_query" "$dir/bench.db" "$dir/one.tsv" src/socialmap/vocabulary.csv 300 |
    tr '\t' ' ')
  [ "$core_hits" = "$hits" ] || { echo "  the core found $core_hits hits, the search $hits" >&2; fail=1; }
  ratio=$(awk -v a="$p50" -v b="$d50" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-28s %5s %5s %7s %9s %9s %9s %9s %7s\n' "$name" "$hits" "$http_hits" "$c50" "$d50" "$d99" "$p50" "$p99" "$ratio"
  [ "$errors" = 0 ] || { echo "  $errors HTTP errors" >&2; fail=1; }
  worst_ratio=$(awk -v a="$ratio" -v b="$worst_ratio" 'BEGIN { print (a > b ? a : b) }')
  worst_p99=$(awk -v a="$p99" -v b="$worst_p99" 'BEGIN { print (a > b ? a : b) }')
done <bench/socialmap/queries.tsv
read -r cal50 cal99 < <("$dir/calibrate")
echo "machine: a fixed 4 ms of arithmetic takes p50 $cal50 ms, p99 $cal99 ms right now (calibrate.cc)"
echo "(milliseconds; core: the points and the ranking alone, direct: the whole search in-process, 300 runs each;"
echo " http: wrk 1 thread 1 connection ${duration} s)"

check() {
  if awk "BEGIN { exit !($2) }"; then echo "  ok    $1"; else echo "  MISS  $1"; fail=1; fi
}
echo "targets:"
check "p50 ≤ 2 × the direct search, every search (worst $worst_ratio ×)" "$worst_ratio <= 2"
check "p99 < 20 ms, every search (worst $worst_p99 ms)" "$worst_p99 < 20"
exit $fail
