#!/usr/bin/env bash
# Times a genuine 50,000-row ledger import through the page (issue 15's acceptance: within 5 s,
# the first upload after start-up included): a throwaway cluster, migrated and demo-seeded, a
# register of PERSONS generated persons (default 1,000,000), the portal (Release) started, street1
# signed in with both factors, then ITERATIONS uploads of the same file of new residents, the first
# right after start-up. Between uploads the imported persons are deleted and vacuumed, as in
# the bench's `import` command. Prints each POST's wall time as curl sees it. Cleans up.
#
#   bench/import-page.sh                # PERSONS=1000000 ITERATIONS=3 ROWS=50000
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source "$root/scripts/lib/postgres.sh"

persons=${PERSONS:-1000000}
iterations=${ITERATIONS:-3}
rows=${ROWS:-50000}
street=370702001000 # 城关街道, street1's area
work=$(mktemp -d /tmp/import-page.XXXXXX)
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  [ -d "$work/pg/data" ] && pg_as_owner "$work/pg/data" "$(pg_bindir)/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

pg_ensure_installed
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/EmploymentPortal.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/EmploymentPortal.Bench -c Release -v quiet -nologo >/dev/null
portal_dll=src/EmploymentPortal.Web/bin/Release/net10.0/EmploymentPortal.Web.dll
bench_dll=bench/EmploymentPortal.Bench/bin/Release/net10.0/EmploymentPortal.Bench.dll

port=$(free_port)
if [ "$(id -u)" -eq 0 ]; then chmod 755 "$work"; fi
# As every other bench of the register (docs/benchmarks.md): shared_buffers 1 GB, max_wal_size 4 GB.
pg_start_cluster "$work/pg/data" "$port" "-c shared_buffers=1GB -c max_wal_size=4GB" >/dev/null
pg_ensure_database "$port" portal "$work/pg/pg-password" >/dev/null
pg_ensure_app_login "$port" "$work/pg/pg-password" portal_web >/dev/null
password=$(cat "$work/pg/pg-password")
owner="Host=127.0.0.1;Port=$port;Database=portal;Username=portal;Password=$password"
app="Host=127.0.0.1;Port=$port;Database=portal;Username=portal_web;Password=$password"
export ASPNETCORE_ENVIRONMENT=Development
(cd src/EmploymentPortal.Web && ConnectionStrings__Portal="$app" ConnectionStrings__PortalOwner="$owner" \
  Portal__SeedDemo=true dotnet "$root/$portal_dll" migrate) >"$work/migrate.log" 2>&1 || { tail -20 "$work/migrate.log"; exit 1; }
if [ "$persons" -gt 0 ]; then
  echo "generating a register of $persons persons..."
  dotnet "$bench_dll" generate --connection "$owner" --persons "$persons" --households $((persons * 35 / 100)) --vacuum | tail -2
fi
dotnet "$bench_dll" import --connection "$owner" --rows "$rows" --scope "$street" --write-file "$work/ledger.xlsx"

psql_owner() { (pg_env_from_npgsql "$owner"; "$(pg_bindir)/psql" -qAtX -v ON_ERROR_STOP=1 -c "$1"); }
delete_imported() {
  psql_owner "DELETE FROM persons WHERE id_number_masked LIKE '370799%'" >/dev/null
  psql_owner "VACUUM (ANALYZE) persons, unemployment_registrations, audit_events" >/dev/null
}

web=$(free_port)
(cd src/EmploymentPortal.Web && ConnectionStrings__Portal="$app" Portal__MigrateOnStartup=false Portal__SeedDemo=false \
  Portal__Security__SecureCookies=false Portal__Scheduler__Jobs__HouseholdStatus= Portal__Scheduler__Jobs__Eligibility= \
  Portal__Scheduler__Jobs__PostingExpiry= Portal__Scheduler__Jobs__NoticeClosing= Portal__Scheduler__Jobs__TaskHousekeeping= \
  dotnet "$root/$portal_dll" --urls "http://127.0.0.1:$web") >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$web/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

# Sign in as street1 with the demo authenticator key (README), as scripts/restore-drill does.
source <(sed -n '/^demo_totp_key=/p;/^totp_now()/,/^}/p;/^form_token()/,/^}/p;/^drill_sign_in()/,/^}/p' scripts/restore-drill)
drill_sign_in "http://127.0.0.1:$web" street1 'Demo!2345678' >/dev/null

echo "import of $rows rows through /Station/Persons/Import on $(uname -n) ($(nproc) cores), register of $persons persons"
grep -o 'Import warmed up.*\|Import warm-up.*' "$work/portal.log" | sed 's/ {.*//; s/^/  portal: /' || echo "  portal: no import warm-up (Portal:Import:WarmUpRows=0)"
for i in $(seq 1 "$iterations"); do
  [ "$i" -gt 1 ] && delete_imported
  curl -fsS -c "$work/cookies" -b "$work/cookies" -o "$work/form.html" "http://127.0.0.1:$web/Station/Persons/Import"
  token=$(form_token "$work/form.html")
  # The upload is queued as a background task (docs/adr/0007): follow its page until it has finished.
  started=$(date +%s.%N)
  posted=$(curl -sS -c "$work/cookies" -b "$work/cookies" -o "$work/posted.html" -w '%{http_code} %{redirect_url}' \
    -F "__RequestVerificationToken=$token" -F "Mode=AllOrNothing" \
    -F "file=@$work/ledger.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
    "http://127.0.0.1:$web/Station/Persons/Import")
  cp "$work/posted.html" "$work/result.html"
  code=${posted%% *}
  if [ "$code" = "302" ]; then
    for _ in $(seq 1 1200); do
      code=$(curl -sS -c "$work/cookies" -b "$work/cookies" -o "$work/result.html" -w '%{http_code}' "${posted#* }")
      grep -q 'data-state="\(Succeeded\|Failed\)"' "$work/result.html" && break
      sleep 0.1
    done
  fi
  result="$code $(echo "$(date +%s.%N) - $started" | bc)"
  summary=$(python3 -c 'import re,sys
h=open(sys.argv[1],encoding="utf-8").read()
m=re.search(r"data-testid=\"import-summary\"[^>]*>(.*?)</div>",h,re.S)
print(re.sub(r"<[^>]+>|\s+"," ",m.group(1)).strip() if m else "")' "$work/result.html")
  echo "upload $i$([ "$i" -eq 1 ] && echo ' (first after start-up)'): HTTP ${result% *}, ${result#* } s — ${summary:-no summary}"
  grep -o 'Ledger import of .*' "$work/portal.log" | tail -1 | sed 's/^/  portal: /' || true
  [ "${result% *}" = "200" ] || { grep -o 'id="file-error"[^<]*<[^<]*' "$work/result.html" | head -3 || true; tail -20 "$work/portal.log"; exit 1; }
done
