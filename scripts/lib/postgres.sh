# Shared shell helpers for scripts/run and scripts/test: a local PostgreSQL 15 without Docker.
# Sourced, not executed.

# Installs PostgreSQL's server from Debian's packages when its binaries are missing.
pg_ensure_installed() {
  if pg_bindir >/dev/null 2>&1; then
    return 0
  fi
  echo "PostgreSQL server binaries not found; installing from apt..."
  apt_install postgresql postgresql-contrib
  pg_bindir >/dev/null
}

# Prints the directory holding initdb/pg_ctl (highest installed major version).
pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# apt_install PACKAGE...: installs Debian packages, running apt-get update once per script run.
apt_install() {
  if [ -z "${_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    _APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Runs a PostgreSQL server command as a non-root user (initdb and postgres refuse root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start_cluster DATA_DIR PORT: creates the cluster on first use (UTF8, C.UTF-8 so pg_trgm
# makes trigrams of Chinese text), then starts it on 127.0.0.1:PORT if it is not running.
# The superuser is "portal" with the password kept in DATA_DIR/../pg-password (mode 600).
pg_start_cluster() {
  local data="$1" port="$2" options="${3:-}" bin
  bin=$(pg_bindir)
  local base; base=$(dirname "$data")
  mkdir -p "$base"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$base"
    # The server user must be able to reach the data folder through every parent.
    if ! runuser -u postgres -- test -x "$base"; then
      echo "The postgres user cannot reach $base (a parent folder is private). Set ConnectionStrings__Portal or move the checkout." >&2
      return 1
    fi
  fi
  if [ ! -f "$base/pg-password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$base/pg-password")
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp)
    cp "$base/pg-password" "$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    pg_as_owner "$bin/initdb" -D "$data" -U portal --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  mkdir -p "$data/run"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data/run"
  if ! pg_as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $data/run $options" start >/dev/null
  fi
}

# pg_ensure_database PORT NAME PASSWORD_FILE: creates the database if it does not exist.
pg_ensure_database() {
  local port="$1" name="$2" pwfile="$3" bin
  bin=$(pg_bindir)
  local exists
  exists=$(PGPASSWORD=$(cat "$pwfile") "$bin/psql" -h 127.0.0.1 -p "$port" -U portal -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$name'")
  if [ "$exists" != "1" ]; then
    PGPASSWORD=$(cat "$pwfile") "$bin/createdb" -h 127.0.0.1 -p "$port" -U portal \
      -E UTF8 --lc-collate=C.UTF-8 --lc-ctype=C.UTF-8 -T template0 "$name"
  fi
}

# pg_ensure_app_login PORT PASSWORD_FILE LOGIN: the app's login in the group role portal_app
# (created here if missing; the first migration grants it the tables), with the same password.
# Row-level security applies to it because it owns nothing (docs/adr/0003).
pg_ensure_app_login() {
  local port="$1" pwfile="$2" login="$3" bin
  bin=$(pg_bindir)
  PGPASSWORD=$(cat "$pwfile") "$bin/psql" -h 127.0.0.1 -p "$port" -U portal -d postgres -qtA -v ON_ERROR_STOP=1 \
    -v login="$login" -v password="$(cat "$pwfile")" <<'SQL' >/dev/null
SELECT 'CREATE ROLE portal_app NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app') \gexec
SELECT format('CREATE ROLE %I LOGIN IN ROLE portal_app', :'login') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'login') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'login', :'password') \gexec
SQL
}

# pg_env_from_npgsql CONNECTION_STRING: exports PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD
# from an Npgsql connection string ("Host=…;Port=…;Database=…;Username=…;Password=…"), for the
# libpq tools (pg_dump, pg_restore, psql). Keys are matched without case; others are ignored.
pg_env_from_npgsql() {
  local part key value
  local IFS=';'
  for part in $1; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
    esac
  done
}

# npgsql_with_database CONNECTION_STRING DATABASE: the connection string naming another database.
npgsql_with_database() {
  local part out="" IFS=';' key
  for part in $1; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    case "$key" in
      database|db) ;;
      "") ;;
      *) out+="$part;" ;;
    esac
  done
  printf '%sDatabase=%s' "$out" "$2"
}

# free_port: a TCP port nothing listens on at 127.0.0.1 (from 55000 up).
free_port() {
  local port
  for port in $(seq 55000 55999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}
