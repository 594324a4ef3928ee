# Shared settings for infra/* scripts. Sourced, not run.
# shellcheck shell=bash

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$INFRA_DIR/.." && pwd)"

KAFKA_HOME="$INFRA_DIR/.kafka"          # git-ignored: jars, data, logs, pid, cluster id
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_LOGS="$KAFKA_HOME/logs"
KAFKA_PIDFILE="$KAFKA_HOME/kafka.pid"
KAFKA_CONFIG="$KAFKA_HOME/server.properties"
KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_LOCAL_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-90}"

RUN_DIR="$INFRA_DIR/.run"               # git-ignored: state written by infra/up
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
PG_DEV_DB=maturity
PG_TEST_DB=maturity_test

export KAFKAJS_NO_PARTITIONER_WARNING=1

log() { printf '%s\n' "$*"; }
err() { printf 'infra: %s\n' "$*" >&2; }

# True when something accepts TCP connections on host:port.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Prints the pid of the broker this repo started, if that process is alive; else nothing.
kafka_live_pid() {
  [[ -f "$KAFKA_PIDFILE" ]] || return 0
  local pid
  pid="$(cat "$KAFKA_PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'; then
    printf '%s\n' "$pid"
  fi
}

require_node_modules() {
  if [[ ! -d "$REPO_DIR/node_modules/$1" ]]; then
    err "node_modules/$1 is missing: run 'npm ci' (or 'npm install') in $REPO_DIR first."
    exit 1
  fi
}
