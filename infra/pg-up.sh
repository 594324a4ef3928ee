#!/usr/bin/env bash
# Make sure PostgreSQL answers and the databases exist; write infra/.run/pg.env.
#  - DATABASE_URL set: use that server (TEST_DATABASE_URL, if unset, is the same server's
#    database maturity_test); never start anything.
#  - otherwise: postgres://postgres@127.0.0.1:5432, databases maturity and maturity_test; if no
#    server answers, start the machine's local cluster with pg_ctlcluster (recorded in infra/.run so
#    that infra/down stops only what infra/up started).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_node_modules postgres
mkdir -p "$RUN_DIR"
ENV_FILE="$RUN_DIR/pg.env"

ensure() { node "$INFRA_DIR/pg-ensure.mjs" --write-env "$ENV_FILE" "$@"; }

if [[ -n "${DATABASE_URL:-}" ]]; then
  if out="$(ensure "$DATABASE_URL" ${TEST_DATABASE_URL:+"$TEST_DATABASE_URL"} 2>&1)"; then
    grep -v '^ok ' <<<"$out" || true
    log "postgres  $(sed 's#//\([^:/@]*\):[^@]*@#//\1:***@#' <<<"$DATABASE_URL") (from DATABASE_URL; ${out##*ok })"
    exit 0
  fi
  err "$out"
  err "DATABASE_URL is set but that server does not work. Fix DATABASE_URL, or unset it to use a local PostgreSQL on $PG_HOST:$PG_PORT."
  exit 1
fi

DEV_URL="postgres://$PG_USER@$PG_HOST:$PG_PORT/$PG_DEV_DB"
TEST_URL="postgres://$PG_USER@$PG_HOST:$PG_PORT/$PG_TEST_DB"

set +e
out="$(ensure "$DEV_URL" "$TEST_URL" 2>&1)"
rc=$?
set -e
if [[ $rc -eq 3 ]]; then
  # Nothing answers: try the machine's own cluster (Debian's postgresql-common layout).
  started=""
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    for ver in $(ls /etc/postgresql | sort -rV); do
      [[ -d "/etc/postgresql/$ver/main" ]] || continue
      log "postgres  nothing answers on $PG_HOST:$PG_PORT; starting the local cluster $ver/main ..."
      if pg_ctlcluster --skip-systemctl-redirect "$ver" main start; then
        echo "$ver main" >"$RUN_DIR/pg-started-by-up"
        started="$ver/main"
      fi
      break
    done
  fi
  if [[ -n "$started" ]]; then
    for _ in $(seq 1 30); do
      set +e
      out="$(ensure "$DEV_URL" "$TEST_URL" 2>&1)"
      rc=$?
      set -e
      [[ $rc -eq 3 ]] || break
      sleep 1
    done
  fi
fi
if [[ $rc -ne 0 ]]; then
  err "$out"
  if [[ $rc -eq 3 ]]; then
    err "No PostgreSQL server answers on $PG_HOST:$PG_PORT and none could be started here."
    err "Either set DATABASE_URL=postgres://USER[:PASSWORD]@HOST:PORT/DB to a PostgreSQL >= 15 you have,"
    err "or install and start PostgreSQL >= 15 locally (Debian: apt-get install postgresql; trust auth for"
    err "user postgres on 127.0.0.1), or run 'docker compose -f infra/docker-compose.yml up -d postgres'."
  else
    err "PostgreSQL on $PG_HOST:$PG_PORT answers but cannot be used as user $PG_USER without a password;"
    err "set DATABASE_URL (and TEST_DATABASE_URL) to URLs that work, or allow trust auth for local connections."
  fi
  exit 1
fi
grep -v '^ok ' <<<"$out" || true
[[ -f "$RUN_DIR/pg-started-by-up" ]] && how="started by infra/up" || how="machine's server"
log "postgres  $PG_HOST:$PG_PORT databases $PG_DEV_DB, $PG_TEST_DB (${out##*ok }, $how)"
