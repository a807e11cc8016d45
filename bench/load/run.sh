#!/usr/bin/env bash
# Runs the mixed load (bench/load/locustfile.py: 70 % anonymous searches and postings, 20 % staff
# reads, 10 % writes) against a running portal, bounded in time, and reports what docs/benchmarks.md
# records: Locust's per-request p50/p95/p99 and failures, the CPU time and memory of each portal
# instance and of PostgreSQL over the run. 127.0.0.1 only.
#
#   HOST=http://127.0.0.1:8080 USERS=60 SPAWN=5 DURATION=10m bench/load/run.sh
#   PIDS="pid-of-instance-a pid-of-instance-b" (default: the instances of scripts/cluster)
# Needs Debian's python3-locust (installed here when missing). Output in bench/load/out/<time>/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
source scripts/lib/postgres.sh
host=${HOST:-http://127.0.0.1:8080}
users=${USERS:-60}
spawn=${SPAWN:-5}
duration=${DURATION:-10m}
case "$host" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "HOST must be on 127.0.0.1" >&2; exit 2 ;; esac
command -v locust >/dev/null 2>&1 || apt_install python3-locust
out="$root/bench/load/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
pids=${PIDS:-$(cat "$root/.data/cluster/portal-a.pid" "$root/.data/cluster/portal-b.pid" 2>/dev/null | tr '\n' ' ')}
# PostgreSQL: the postmasters of the cluster's primary and standby (PG_DATA_DIRS to name others),
# counted with their live backends and the backends that have exited.
postmasters=""
for data in ${PG_DATA_DIRS:-$root/.data/cluster/primary $root/.data/cluster/standby}; do
  [ -r "$data/postmaster.pid" ] && postmasters+="$(head -1 "$data/postmaster.pid") "
done

ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$t"; }
pg_ticks() {
  local t=0 p c
  for p in $postmasters; do
    [ -r "/proc/$p/stat" ] || continue
    t=$((t + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat")))
    for c in $(pgrep -P "$p" || true); do t=$((t + $(ticks "$c"))); done
  done
  echo "$t"
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
hz=$(getconf CLK_TCK)

declare -A before_ticks before_rss
for p in $pids; do before_ticks[$p]=$(ticks "$p"); before_rss[$p]=$(rss_mb "$p"); done
pg_before=$(pg_ticks)
started=$(date +%s)
locust -f bench/load/locustfile.py --headless --host "$host" -u "$users" -r "$spawn" -t "$duration" \
  --csv "$out/locust" --only-summary --stop-timeout 10 >"$out/locust.txt" 2>&1 || true
elapsed=$(( $(date +%s) - started ))
pg_after=$(pg_ticks)

{
  echo "mixed load: $users users against $host for $duration (${elapsed}s), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| request | count | failures | p50 ms | p95 ms | p99 ms | req/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  python3 - "$out/locust_stats.csv" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(f"| {r['Type']} {r['Name']} | {r['Request Count']} | {r['Failure Count']} | {r['50%']} | {r['95%']} | {r['99%']} | {float(r['Requests/s']):.1f} |")
# The mix as sent: anonymous search (/Jobs, /api/jobs), staff reads, write workflows ("write: …"); sign-ins apart.
shares = {"anonymous": 0, "staff": 0, "write workflows": 0}
posts = 0
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    name, count = r["Name"], int(r["Request Count"])
    if name == "Aggregated" or name == "sign-in":
        continue
    kind = "write workflows" if name.startswith("write:") else "anonymous" if name.startswith(("/Jobs", "/api/")) else "staff"
    shares[kind] += count
    posts += count if r["Type"] == "POST" and name.startswith("write:") else 0
total = sum(shares.values()) or 1
print()
print("mix: " + ", ".join(f"{k} {v * 100 / total:.1f} %" for k, v in shares.items()) + f" (of which the writes' POSTs {posts * 100 / total:.1f} %)")
PY
  echo
  for p in $pids; do
    echo "instance pid $p: CPU $(( ($(ticks "$p") - ${before_ticks[$p]}) * 1000 / hz / elapsed )) ms/s, memory ${before_rss[$p]} MB before, $(rss_mb "$p") MB after"
  done
  echo "PostgreSQL (primary and standby): CPU $(( (pg_after - pg_before) * 1000 / hz / elapsed )) ms/s"
} | tee "$out/summary.md"
if grep -q "^Error report" "$out/locust.txt"; then sed -n '/^Error report/,$p' "$out/locust.txt"; fi
