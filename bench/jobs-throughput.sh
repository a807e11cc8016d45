#!/usr/bin/env bash
# Throughput of the public job search on 127.0.0.1 (issue 5, docs/benchmarks.md), in one run:
#  1. /Jobs with a keyword against /bench/raw-jobs, a minimal endpoint that runs the same SQL and
#     writes the rows as plain text (enabled only here, Portal:Bench:RawJobsEndpoint) — target ≥ 0.8;
#  2. /Jobs without a keyword (area and category) against pgbench running the identical SQL
#     (written by `bench ... jobs --pgbench-script`) — target ≥ 0.3.
# The portal runs in Production mode (secure cookies off: plain HTTP) with a small pool (8 connections); wrk and pgbench use 8
# connections on 2 threads; every target is warmed up first, then measured twice in alternating order
# (SECONDS in all per target). Bounded: about 4 × SECONDS + 35 s of load.
# Needs a database filled by `dotnet run -c Release --project bench/EmploymentPortal.Bench -- jobs --generate ...`,
# wrk and pgbench (apt-get install -y wrk postgresql-client).
# Usage: CS="Host=127.0.0.1;Port=5498;Database=bench;Username=postgres" bench/jobs-throughput.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cs=${CS:?set CS to the bench database connection string}
seconds=${1:-20}
port=${PORT:-5091}
base="http://127.0.0.1:$port"
keyword_query="q=%E4%BF%9D%E5%AE%89&region=370702000000"   # 保安 in a district
list_query="region=370702001001&category=4"                  # a community and an occupation category

dotnet build -c Release src/EmploymentPortal.Web >/dev/null
dotnet build -c Release bench/EmploymentPortal.Bench >/dev/null
work=$(mktemp -d)
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base \
  ConnectionStrings__Portal="$cs;Maximum Pool Size=8" \
  Portal__MigrateOnStartup=false Portal__SeedDemo=false Portal__Bench__RawJobsEndpoint=true Portal__Security__SecureCookies=false \
  Portal__Security__PersonalDataKey="$(head -c 32 /dev/urandom | base64)" \
  Portal__Scheduler__Run=false \
  Serilog__MinimumLevel__Default=Warning \
  dotnet src/EmploymentPortal.Web/bin/Release/net10.0/EmploymentPortal.Web.dll --contentRoot "$root/src/EmploymentPortal.Web" >"$work/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

# Requests per second of a URL (wrk: 2 threads, 8 connections); non-2xx answers fail the run.
rps() {
  local out
  out=$(wrk -t2 -c8 -d"${2}s" "$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ { print $2 }' <<<"$out"
}

pg_args=$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Database=/dbname=/; s/Username=/user=/; s/Password=/password=/' <<<"$cs")
dotnet run -c Release --no-build --project bench/EmploymentPortal.Bench -- jobs --connection "$cs" --pgbench-script "$work/list.sql" --region 370702001001 --category 4
tps() { pgbench -n -c8 -j2 -T"$1" -f "$work/list.sql" "$pg_args" 2>/dev/null | awk '/^tps/ { print $3 }'; }

for url in "$base/Jobs?$keyword_query" "$base/bench/raw-jobs?$keyword_query" "$base/Jobs?$list_query"; do rps "$url" 10 >/dev/null; done
tps 5 >/dev/null

# Two rounds, alternating, each target's figure the mean of its two: neither side always runs first.
half=$(( (seconds + 1) / 2 ))
mean() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + b) / 2 }'; }
page1=$(rps "$base/Jobs?$keyword_query" "$half"); raw1=$(rps "$base/bench/raw-jobs?$keyword_query" "$half")
list1=$(rps "$base/Jobs?$list_query" "$half"); sql1=$(tps "$half")
raw2=$(rps "$base/bench/raw-jobs?$keyword_query" "$half"); page2=$(rps "$base/Jobs?$keyword_query" "$half")
sql2=$(tps "$half"); list2=$(rps "$base/Jobs?$list_query" "$half")
page=$(mean "$page1" "$page2"); raw=$(mean "$raw1" "$raw2"); list=$(mean "$list1" "$list2"); sql=$(mean "$sql1" "$sql2")
awk -v page="$page" -v raw="$raw" -v list="$list" -v sql="$sql" 'BEGIN {
  printf "keyword  /Jobs %8.1f req/s   raw endpoint %8.1f req/s   ratio %.2f (target >= 0.8)\n", page, raw, page / raw
  printf "list     /Jobs %8.1f req/s   pgbench      %8.1f tps     ratio %.2f (target >= 0.3)\n", list, sql, list / sql
}'
