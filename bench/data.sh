#!/usr/bin/env bash
# Loads the whole bench data set (the benches' 1,000,000 persons, 350,000 households, 1,000,000
# postings, identified households, may-qualify candidates) into a migrated, demo-seeded database,
# replacing the set loaded before: the bench's `data` command (docs/benchmarks.md, "Rebuilding the
# bench data"). Idempotent: running it again gives the same data set (on the same day).
#   CS="Host=127.0.0.1;Port=...;Database=portal;Username=portal;Password=..." bench/data.sh [--persons 2000 ...]
# CS is the owner login (TRUNCATE, index rebuilds, VACUUM). NO_BUILD=1 skips the Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CS:?set CS to the owner connection string}"
if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build bench/EmploymentPortal.Bench -c Release -v q -nologo >/dev/null
fi
exec dotnet bench/EmploymentPortal.Bench/bin/Release/net10.0/EmploymentPortal.Bench.dll data --connection "$CS" "$@"
