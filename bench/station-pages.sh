#!/usr/bin/env bash
# The workbench (/Station) and the ledger through HTTP at the bench's register (issue 16, item 8):
# starts the portal (Release) against a filled database, signs in community1, street1 and county1
# with both factors, then for each page: SEQ sequential curl requests at 1 user (p50/p95) and wrk
# with 8 connections for SECONDS seconds (p50 and requests/s). 127.0.0.1 only; bounded in requests
# and time. The county-wide ledger cases (no station user sees a county) run through the bench's
# `ledger` command, the app's own query code. Every line carries the load average of the moment and
# the CPU time per request (portal + database) during the 8-user run.
#
#   CS="Host=127.0.0.1;Port=55432;Database=portal;Username=portal;Password=..." bench/station-pages.sh
#   (APP_CS: the app's login, default CS with Username=portal_web; SEQ=100 DURATION=10 WARMUP=20;
#    NO_BUILD=1 to skip the Release build; LEDGER=0 to skip the county cases; ONLY=REGEX to measure
#    only the lines whose label matches, e.g. ONLY='40/50|group')
# Needs wrk (apt-get install -y wrk) and python3. The database: a migrated, demo-seeded cluster filled
# by `EmploymentPortal.Bench generate --persons 1000000 --households 350000 --vacuum` (docs/benchmarks.md).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
: "${CS:?set CS to the owner connection string of a filled bench database}"
app=${APP_CS:-$(printf '%s' "$CS" | sed 's/Username=[^;]*/Username=portal_web/I')}
seq_n=${SEQ:-100}
seconds=${DURATION:-10}
warmup=${WARMUP:-20}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/station-pages.XXXXXX)
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
source scripts/lib/postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build src/EmploymentPortal.Web -c Release -v quiet -nologo >/dev/null
  dotnet build bench/EmploymentPortal.Bench -c Release -v quiet -nologo >/dev/null
fi
portal_dll=${PORTAL_DLL:-src/EmploymentPortal.Web/bin/Release/net10.0/EmploymentPortal.Web.dll}
bench_dll=bench/EmploymentPortal.Bench/bin/Release/net10.0/EmploymentPortal.Bench.dll

web=$(free_port)
base="http://127.0.0.1:$web"
(cd src/EmploymentPortal.Web && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Portal="$app" \
  Portal__MigrateOnStartup=false Portal__SeedDemo=false Portal__Security__SecureCookies=false \
  Portal__Scheduler__Run=false \
  Logging__LogLevel__Default=Warning \
  dotnet "$(cd "$root" && realpath "$portal_dll")" --urls "$base") >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/health/ready" >/dev/null || { tail -30 "$work/portal.log"; exit 1; }

source <(sed -n '/^demo_totp_key=/p;/^totp_now()/,/^}/p;/^form_token()/,/^}/p;/^drill_sign_in()/,/^}/p' scripts/restore-drill)
sign_in() { # USER: signs in with its own cookie jar at $work/USER.jar
  drill_sign_in "$base" "$1" 'Demo!2345678' >/dev/null
  mv "$work/cookies" "$work/$1.jar"
}
cookie_header() { # JAR: the jar's cookies as one Cookie header value
  sed -n 's/^#HttpOnly_//; /^#/d; /^$/d; p' "$1" | awk -F '\t' '{ printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }'
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (clock ticks) of the portal and of the database cluster serving CS (its postmaster, its
# live backends and the backends that have exited): per request, a figure the other jobs on a shared
# machine barely move, unlike latency.
pg_port=$(printf '%s' "$CS" | sed -n 's/.*Port=\([0-9]*\).*/\1/Ip')
postmaster=$(ss -ltnpH "sport = :${pg_port:-5432}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
ticks() {
  local total=0 pid
  for pid in "$portal_pid" $(pgrep -P "$portal_pid" || true) ${postmaster:+$postmaster $(pgrep -P "$postmaster" || true)}; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk -v self="$([ "$pid" = "$postmaster" ] && echo 1 || echo 0)" \
      '{ t = $12 + $13; if (self) t += $14 + $15; print t }')))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

measure() { # USER LABEL PATH
  local user=$1 label=$2 path=$3 jar="$work/$1.jar" status
  [[ -z "${ONLY:-}" || "$label" =~ $ONLY ]] || return 0
  status=$(curl -sS -b "$jar" -o "$work/page.html" -w '%{http_code}' "$base$path")
  [ "$status" = 200 ] || { echo "$label: $path answered $status for $user" >&2; return 1; }
  for _ in $(seq "$warmup"); do curl -sS -b "$jar" -o /dev/null "$base$path"; done
  local one
  one=$(for _ in $(seq "$seq_n"); do curl -sS -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n |
    awk '{ t[NR] = $1 * 1000 } END { printf "%7.1f %7.1f", t[int((NR + 1) / 2)], t[int(NR * 0.95)] }')
  local load1; load1=$(load)
  local before after
  before=$(ticks)
  wrk -t2 -c8 -d"${seconds}s" --latency -H "Cookie: $(cookie_header "$jar")" "$base$path" >"$work/wrk.txt"
  after=$(ticks)
  local p50 rps non2xx requests cpu
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
  rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt")
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
  cpu=$(awk -v d=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.1f", (n > 0 ? d * 1000 / hz / n : 0) }')
  printf '%-44s %-10s %s %9s %9s %7s  %-16s %s\n' "$label" "$user" "$one" "$p50" "$rps" "$cpu" "$load1" "${non2xx:+NON-2XX: $non2xx}"
}

sign_in community1
sign_in street1
sign_in county1
# A name + last four digits search is sealed into a token (never an ID number in a URL): resolve it once.
last=$( (pg_env_from_npgsql "$CS"; "$(pg_bindir)/psql" -qAtX -c "SELECT name || id_number_last_four FROM persons WHERE region_code LIKE '370702001%' ORDER BY id LIMIT 1 OFFSET 1000") )
token_page=$(curl -sS -b "$work/street1.jar" -o /dev/null -w '%{redirect_url}' -G --data-urlencode "q=$last" "$base/Station/Persons")
sealed=/Station/Persons${token_page#*/Station/Persons}

echo "/Station and the ledger through HTTP on $(uname -n) ($(nproc) cores), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "1 user: $seq_n sequential curl requests after $warmup warm-up; 8 users: wrk -t2 -c8 -d${seconds}s"
echo "cpu ms/req: CPU time of the portal and the database per request during the 8-user run (2 cores = 2,000 ms/s: req/s at most 2000 / it)"
printf '%-44s %-10s %7s %7s %9s %9s %7s  %s\n' page user "p50 ms" "p95 ms" "8u p50" "8u req/s" "cpu ms" "load average"
measure community1 "/Station (workbench)" /Station
measure street1 "/Station (workbench)" /Station
measure county1 "/Bureau (home)" /Bureau
measure community1 "ledger: community, no filter" /Station/Persons
measure street1 "ledger: street, no filter" /Station/Persons
measure street1 "ledger: street, name prefix 王" "/Station/Persons?q=%E7%8E%8B"
measure street1 "ledger: street, name + last four" "$sealed"
measure street1 "ledger: street, unemployed" "/Station/Persons?status=Unemployed"
measure street1 "ledger: street, unemployed + 40/50" "/Station/Persons?status=Unemployed&age4050=true"
measure street1 "ledger: street, long-term" "/Station/Persons?longTerm=true"
measure street1 "ledger: street, long-term within 30 days" "/Station/Persons?longTermSoon=true"
measure street1 "ledger: street, due a visit" "/Station/Persons?dueVisit=true"
measure street1 "ledger: street, certified hardship" "/Station/Persons?certified=true"
measure street1 "ledger: street, sorted by age" "/Station/Persons?sort=Age"
for group in SoeLaidOff SoeUnemployed SoeClosurePlaced MinimumLivingAllowance CollegeGraduate RuralSurplusLabour ReturningMigrant ReservoirMigrant PoorLabourer SpecialHardship; do
  measure street1 "ledger: street, group $group" "/Station/Persons?group=$group"
done
if [ "${LEDGER:-1}" = 1 ]; then
  echo
  echo "The ledger query in-process (bench ledger: PersonRegistry.ListAsync, county scope included), load $(load)"
  dotnet "$bench_dll" ledger --connection "$CS" --iterations 30
fi
