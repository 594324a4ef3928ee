#!/usr/bin/env bash
# Start the local single-node Kafka (KRaft) broker in the background and wait until it answers.
# Idempotent: if our broker is already running and answering, it does nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# An externally provided Kafka (compose, a shared cluster): only check that it answers.
if [[ -n "${KAFKA_BROKERS:-}" && "${KAFKA_BROKERS}" != "$KAFKA_LOCAL_BROKERS" ]]; then
  require_node_modules kafkajs
  node "$INFRA_DIR/wait-kafka.mjs" --brokers "$KAFKA_BROKERS" --timeout 30 --quiet
  log "kafka     $KAFKA_BROKERS (from KAFKA_BROKERS, not started here)"
  exit 0
fi

require_node_modules kafkajs
mkdir -p "$KAFKA_HOME" "$KAFKA_DATA" "$KAFKA_LOGS"

pid="$(kafka_live_pid)"
if [[ -n "$pid" ]]; then
  # Ours is running (perhaps still starting): wait for it to answer.
  node "$INFRA_DIR/wait-kafka.mjs" --brokers "$KAFKA_LOCAL_BROKERS" --timeout "$KAFKA_WAIT_SECONDS" \
    --pid "$pid" --log "$KAFKA_LOGS/server.log" --quiet
  log "kafka     $KAFKA_LOCAL_BROKERS (already running, pid $pid)"
  exit 0
fi
rm -f "$KAFKA_PIDFILE"

if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
  # Not ours (e.g. infra/docker-compose.yml): use it if it is a Kafka broker.
  node "$INFRA_DIR/wait-kafka.mjs" --brokers "$KAFKA_LOCAL_BROKERS" --timeout 15 --quiet || {
    err "port $KAFKA_PORT is taken by something that is not a working Kafka broker; free it and retry."
    exit 1
  }
  log "kafka     $KAFKA_LOCAL_BROKERS (already answering; not started by infra/up)"
  exit 0
fi
if port_open "$KAFKA_HOST" 9093; then
  err "port 9093 (the KRaft controller listener) is taken by another process; free it and retry."
  exit 1
fi

# 1. Jars: resolved once from Maven Central into infra/.kafka/lib.
if ! compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null || ! compgen -G "$KAFKA_LIB/log4j-slf4j-impl-*.jar" >/dev/null; then
  command -v mvn >/dev/null || { err "mvn (Apache Maven) is needed to fetch the Kafka jars; install it."; exit 1; }
  command -v java >/dev/null || { err "java (JDK 17+) is needed to run Kafka; install it."; exit 1; }
  log "kafka     resolving jars with Maven into infra/.kafka/lib ..."
  mvn -q -B -Dstyle.color=never --no-transfer-progress -f "$INFRA_DIR/kafka/pom.xml" process-resources \
    >"$KAFKA_HOME/mvn.log" 2>&1 || { err "Maven could not resolve the Kafka jars:"; cat "$KAFKA_HOME/mvn.log" >&2; exit 1; }
fi
CP="$KAFKA_LIB/*"   # quoted everywhere: java expands the wildcard, not the shell

# 2. Config rendered from the template (absolute data dir).
sed "s#@DATA_DIR@#$KAFKA_DATA#g" "$INFRA_DIR/kafka/server.properties.template" >"$KAFKA_CONFIG"

# 3. Cluster id: the one the data dir was formatted with, else the stored one, else a new one.
if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
  sed -n 's/^cluster\.id=//p' "$KAFKA_DATA/meta.properties" >"$KAFKA_HOME/cluster-id"
fi
if [[ ! -s "$KAFKA_HOME/cluster-id" ]]; then
  java -cp "$CP" kafka.tools.StorageTool random-uuid >"$KAFKA_HOME/cluster-id"
fi
cluster_id="$(tr -d '[:space:]' <"$KAFKA_HOME/cluster-id")"

# 4. Format storage once (-g: no error if already formatted; skipped when meta.properties exists,
#    which saves a JVM start).
JAVA_LOG_OPTS=(-Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.xml" -Dkafka.logs.dir="$KAFKA_LOGS")
if [[ ! -f "$KAFKA_DATA/meta.properties" ]]; then
  java "${JAVA_LOG_OPTS[@]}" -cp "$CP" kafka.tools.StorageTool format -g -t "$cluster_id" -c "$KAFKA_CONFIG" \
    >"$KAFKA_LOGS/format.log" 2>&1 || { err "formatting Kafka storage failed:"; cat "$KAFKA_LOGS/format.log" >&2; exit 1; }
fi

# 5. Start the broker detached (own session; output to files).
# shellcheck disable=SC2086
setsid java $KAFKA_HEAP_OPTS \
  -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
  "${JAVA_LOG_OPTS[@]}" -cp "$CP" kafka.Kafka "$KAFKA_CONFIG" \
  </dev/null >"$KAFKA_LOGS/stdout.log" 2>&1 &
pid=$!
echo "$pid" >"$KAFKA_PIDFILE"

# 6. Wait until it answers a metadata request (fails with the log's tail if it never does).
if ! node "$INFRA_DIR/wait-kafka.mjs" --brokers "$KAFKA_LOCAL_BROKERS" --timeout "$KAFKA_WAIT_SECONDS" \
  --pid "$pid" --log "$KAFKA_LOGS/stdout.log" --log "$KAFKA_LOGS/server.log" --quiet; then
  "$INFRA_DIR/kafka-down.sh" >/dev/null 2>&1 || true
  exit 1
fi
log "kafka     $KAFKA_LOCAL_BROKERS (started, pid $pid, logs in infra/.kafka/logs)"
