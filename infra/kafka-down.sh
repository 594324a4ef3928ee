#!/usr/bin/env bash
# Stop the broker started by infra/kafka-up.sh. Harmless when it is not running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pid="$(kafka_live_pid)"
if [[ -z "$pid" ]]; then
  rm -f "$KAFKA_PIDFILE"
  log "kafka     not running"
  exit 0
fi
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 60); do            # controlled shutdown: normally 1-5 s
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  err "kafka (pid $pid) did not stop in 30 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
fi
rm -f "$KAFKA_PIDFILE"
log "kafka     stopped (pid $pid)"
