#!/usr/bin/env bash
# Profile benchmark (issue 3 section 5), in one run on this machine:
#   1. importing a national-size KWB table (2023 and 2024) with `wijkkompas import cbs`, against
#      a direct load of the same values into the same schema (direct_load.cc: one transaction, one
#      prepared insert per value, the same tables and indexes) and, for scale, sqlite3's `.import`
#      of the wide CSV into a bare table; target: wijkkompas ≤ 1.5 × the direct load;
#   2. recomputing all percentiles (the peer index of every indicator, level and municipality)
#      after the import; target under 2 s;
#   3. the profile of one buurt with national percentiles over HTTP, wrk at 8 connections;
#      target p50 under 5 ms (repeated reads of one buurt are answered from the read cache); and,
#      for honesty, the same over a thousand buurten in turn, which computes nearly every profile.
# The input is GENERATED (generate.mjs): the real Utrecht rows replicated under the 3,434 real wijk
# codes of 2023 with generated buurt codes; it is not statistics of those areas and never leaves
# the temporary directory. See README.md beside this script.
#
#   bench/profile/run.sh [--runs N] [--duration SECONDS] [--no-build]
#
# Environment: WK_BENCH_PORT (default 18390), WK_SHARED_DATA (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

runs=3
duration=10
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--runs N] [--duration SECONDS] [--no-build]" >&2; exit 2 ;;
  esac
done
port="${WK_BENCH_PORT:-18390}"
shared="${WK_SHARED_DATA:-$root/../shared/data}"
[ -f "$shared/boundaries/wijken_2023_nl_codes.csv" ] || { echo "run.sh: no shared data at $shared" >&2; exit 1; }
for tool in wrk curl sqlite3 node g++; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (scripts/deps installs it)" >&2; exit 1; }
done
if [ "$build" = 1 ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j2 --target wijkkompas >/dev/null
fi
bin="$root/build/release/wijkkompas"

dir=$(mktemp -d /tmp/wk-bench-profile-XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

g++ -std=c++20 -O2 bench/profile/direct_load.cc -lsqlite3 -o "$dir/direct_load"
echo "generating the national-size input (generated, not statistics) ..."
node bench/profile/generate.mjs "$shared" "$dir/input"
in23="$dir/input/kwb-2023_generated-national.csv"
in24="$dir/input/kwb-2024_generated-national.csv"

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

ours_times=() ref_times=() dot_times=()
for run in $(seq 1 "$runs"); do
  echo "run $run of $runs: wijkkompas import cbs, direct load, sqlite3 .import ..."
  rm -f "$dir"/ours.db* "$dir"/ref.db* "$dir"/dot.db*
  "$bin" migrate --db "$dir/ours.db" >/dev/null
  "$bin" migrate --db "$dir/ref.db" >/dev/null
  t0=$(date +%s%N)
  "$bin" import cbs "$in23" --year 2023 --db "$dir/ours.db" >/dev/null
  "$bin" import cbs "$in24" --year 2024 --db "$dir/ours.db" >/dev/null
  t1=$(date +%s%N)
  "$dir/direct_load" "$dir/ref.db" "$in23" 2023 >/dev/null
  "$dir/direct_load" "$dir/ref.db" "$in24" 2024 >/dev/null
  t2=$(date +%s%N)
  sqlite3 "$dir/dot.db" ".mode csv" ".import $in23 kwb2023" ".import $in24 kwb2024"
  t3=$(date +%s%N)
  ours_times+=("$(seconds "$t0" "$t1")") ref_times+=("$(seconds "$t1" "$t2")") dot_times+=("$(seconds "$t2" "$t3")")
done
ours=$(echo "${ours_times[*]}" | median)
ref=$(echo "${ref_times[*]}" | median)
dot=$(echo "${dot_times[*]}" | median)
values=$(sqlite3 "$dir/ours.db" "SELECT count(*) FROM areas_value")
ref_values=$(sqlite3 "$dir/ref.db" "SELECT count(*) FROM areas_value")
buurten=$(sqlite3 "$dir/ours.db" "SELECT count(*) FROM areas_area WHERE level = 'buurt'")

# 2. The peer index: built by a cold `profile show` that reports its own build time.
peer_times=()
buurt=$(sqlite3 "$dir/ours.db" "SELECT code FROM areas_area WHERE level = 'buurt' ORDER BY code LIMIT 1 OFFSET 5000")
for run in $(seq 1 "$runs"); do
  peer_times+=("$("$bin" profile show "$buurt" --year 2024 --timing --db "$dir/ours.db" 2>&1 >/dev/null |
    sed -n 's/^peer index: .* in \([0-9.]*\) s.*/\1/p')")
done
peers=$(echo "${peer_times[*]}" | median)

# 3. The profile over HTTP.
rm -f "$dir/ready"
"$bin" serve --quiet --db "$dir/ours.db" --listen "127.0.0.1:$port" --ready-file "$dir/ready" >"$dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  [ -s "$dir/ready" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
"$bin" user add bench --role lezer --password 'bench-wachtwoord-1' --db "$dir/ours.db" >/dev/null
base="http://127.0.0.1:$port"
jar="$dir/cookies"
csrf=$(curl -sf -c "$jar" "$base/inloggen" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "naam=bench" --data-urlencode "wachtwoord=bench-wachtwoord-1" \
  --data-urlencode "csrf=$csrf" "$base/inloggen"
csrf=$(curl -sf -b "$jar" "$base/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
token=$(curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$base/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "run.sh: could not create an API token" >&2; exit 1; }
url="$base/api/v1/areas/$buurt/profile?year=2024"
status=$(curl -s -o "$dir/profile.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
[ "$status" = 200 ] || { echo "run.sh: the profile answered $status" >&2; cat "$dir/profile.json" >&2; exit 1; }
grep -q '"national_peers"' "$dir/profile.json" || { echo "run.sh: the profile has no national percentiles" >&2; exit 1; }
wrk -t2 -c8 -d2s -H "Authorization: Bearer $token" "$url" >/dev/null  # warm-up
read -r rps p50 p99 errors < <(wrk -t2 -c8 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$url" | awk '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
  /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
  END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors + 0 }')
# The same over 1,010 different buurten in turn: (nearly) every request misses the read cache and
# computes the profile, as the first look at an area does.
sqlite3 "$dir/ours.db" "SELECT code FROM areas_area WHERE level = 'buurt' ORDER BY code" | awk 'NR % 17 == 0' >"$dir/codes"
read -r mrps mp50 mp99 merrors < <(WK_BENCH_CODES="$dir/codes" wrk -t2 -c8 -d"${duration}s" --latency \
  -s bench/profile/rotate.lua -H "Authorization: Bearer $token" "$base/" | awk '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
  /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
  END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors + 0 }')
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status")

echo
echo "national-size input (generated): $buurten buurten, 2023 + 2024; $(nproc) CPUs; $runs runs, medians; $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-52s %10s %8s\n' 'import of both years' seconds 'ratio'
printf '%-52s %10s %8s\n' "wijkkompas import cbs ($values values)" "$ours" \
  "$(awk -v a="$ours" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')"
printf '%-52s %10s %8s\n' "direct load, reference ($ref_values values)" "$ref" 1.00
printf '%-52s %10s %8s\n' "sqlite3 .import of the wide CSV (text, no index)" "$dot" \
  "$(awk -v a="$dot" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')"
echo "  runs: ours ${ours_times[*]}; direct ${ref_times[*]}; .import ${dot_times[*]}"
echo "recomputing all percentiles (peer index, 2024, all levels): $peers s (runs: ${peer_times[*]})"
echo "profile of $buurt over HTTP, wrk 2 threads 8 connections ${duration} s: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
echo "profiles of $(wc -l <"$dir/codes") buurten in turn (read-cache misses), same wrk: $mrps req/s, p50 $mp50 ms, p99 $mp99 ms, errors $merrors"
echo "server VmRSS after both: $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MB"

fail=0
check() {
  if awk "BEGIN { exit !($2) }"; then echo "  ok    $1"; else echo "  MISS  $1"; fail=1; fi
}
echo "targets:"
check "import ≤ 1.5 × the direct load" "$ours <= 1.5 * $ref"
check "recomputing all percentiles < 2 s" "$peers < 2"
check "profile p50 < 5 ms at 8 connections" "$p50 < 5"
check "no HTTP errors" "$errors + $merrors == 0"
exit $fail
