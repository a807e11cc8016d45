#!/usr/bin/env bash
# Server round-trip latency of a few staff pages, measured with curl against a running portal on
# 127.0.0.1 (scripts/run). Sequential, bounded: N requests per page (default 200).
# Usage: bench/http-latency.sh [N]   (PORTAL_URL, PORTAL_USER, PORTAL_PAGES="/Station /Bureau ..." to choose)
set -euo pipefail
base=${PORTAL_URL:-http://127.0.0.1:5080}
n=${1:-200}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/Identity/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Input.UserName=${PORTAL_USER:-street1}" \
  --data-urlencode "Input.Password=Demo!2345678" --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login"
for page in ${PORTAL_PAGES:-/health /Station /Org/Units/3 /Org/Regions/4}; do
  for _ in $(seq "$n"); do
    curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" "$base$page"
  done | sort -n | awk -v page="$page" '{ t[NR] = $1 * 1000 } END {
    printf "%-16s n=%d p50=%.2f ms p95=%.2f ms max=%.2f ms\n", page, NR, t[int(NR*0.5)], t[int(NR*0.95)], t[NR] }'
done
