#!/usr/bin/env bash
# Starts, stops and reports the six Switchboard services as background processes
# (dist/ must be built: `make build`). Used by `make up` and `make down`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="${SWITCHBOARD_RUN_DIR:-$ROOT/.local/run}"
LOGS="$STATE/logs"
# name:port — the gateway's port is GATEWAY_PORT (the contract's 8080), the others serve /health and /metrics.
SERVICES=("gateway:${GATEWAY_PORT:-8080}" "intake:8081" "dispatch:8082" "sla-monitor:8083" "callback:8084" "scoring:8085")

log() { printf '[services] %s\n' "$*" >&2; }

pid_of() { local f="$STATE/$1.pid"; [[ -f $f ]] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }

healthy() { curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1/health"; }

start() {
  mkdir -p "$STATE" "$LOGS"
  # The admin key `make up` prints: made here once and handed to the gateway, so the key in the
  # file is always one the gateway accepts (the gateway stores only its hash).
  if [[ -z ${SWITCHBOARD_BOOTSTRAP_API_KEY:-} ]]; then
    [[ -s $STATE/admin-api-key ]] || (umask 077 && printf 'sb_%s\n' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$STATE/admin-api-key")
    SWITCHBOARD_BOOTSTRAP_API_KEY=$(cat "$STATE/admin-api-key")
  fi
  export SWITCHBOARD_BOOTSTRAP_API_KEY
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    if pid=$(pid_of "$name"); then
      log "$name already running (pid $pid)"
      continue
    fi
    [[ -f $ROOT/dist/apps/$name/src/main.js ]] || { log "dist/apps/$name is missing: run 'make build'"; exit 1; }
    # Demo time: business clocks run faster so SLA alerts and callbacks show within minutes.
    # Remote pre-handling is on for IPTV repairs with a 2-minute hold (they show in GET /v1/remote-support, then go to dispatch).
    # Complaints are called back on the phone by agents (GET /v1/callbacks?state=due; the simulator plays them), a no-answer retried after a minute.
    HTTP_PORT=$port GATEWAY_PORT=${GATEWAY_PORT:-8080} API_KEY_FILE="$STATE/admin-api-key" \
      REMOTE_SUPPORT_KINDS=${REMOTE_SUPPORT_KINDS-repair:iptv} REMOTE_SUPPORT_HOLD_MINUTES=${REMOTE_SUPPORT_HOLD_MINUTES:-2} \
      CALLBACK_PHONE_KINDS=${CALLBACK_PHONE_KINDS-complaint} CALLBACK_RETRY_SPACING_MS=${CALLBACK_RETRY_SPACING_MS:-60000} \
      SLA_TIME_SCALE=${SLA_TIME_SCALE:-0.05} CALLBACK_DELAY_MS=${CALLBACK_DELAY_MS:-30000} nohup node "$ROOT/dist/apps/$name/src/main.js" >>"$LOGS/$name.log" 2>&1 &
    echo $! >"$STATE/$name.pid"
    log "$name started (pid $!, log $LOGS/$name.log)"
  done
  local deadline=$((SECONDS + ${SERVICES_START_TIMEOUT:-90}))
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    until healthy "$port"; do
      if ! pid_of "$name" >/dev/null; then log "$name exited; last log lines:"; tail -n 20 "$LOGS/$name.log" >&2; exit 1; fi
      if ((SECONDS > deadline)); then log "$name not healthy on :$port in time; see $LOGS/$name.log"; exit 1; fi
      sleep 0.5
    done
    log "$name healthy on http://127.0.0.1:$port/health"
  done
}

# The demo: seed a region and start the simulator (a call centre, technicians and customers).
demo() {
  local gw=${SERVICES[0]##*:} key
  key=$(cat "$STATE/admin-api-key" 2>/dev/null || true)
  [[ -n $key ]] || { log "no admin key in $STATE/admin-api-key (set SWITCHBOARD_BOOTSTRAP_API_KEY?)"; return 1; }
  export SWITCHBOARD_API="http://127.0.0.1:$gw" SWITCHBOARD_API_KEY="$key"
  node "$ROOT/dist/apps/simulator/src/main.js" seed >>"$LOGS/simulator.log" 2>&1 || { log "seeding failed; see $LOGS/simulator.log"; return 1; }
  log "demo region seeded"
  if pid=$(pid_of simulator); then log "simulator already running (pid $pid)"; return 0; fi
  # --start-time: the call centre's day starts at 10:00 Hangzhou time, whatever the clock says here.
  # --outage-at: partway through, an outage over one zone is opened (and later closed) through /v1/known-issues.
  nohup node "$ROOT/dist/apps/simulator/src/main.js" run --rate "${SIM_RATE:-20}" --start-time 10:00 --speed "${SIM_SPEED:-20}" \
    --outage-at "${SIM_OUTAGE_AT:-2m}" --outage-for "${SIM_OUTAGE_FOR:-5m}" >>"$LOGS/simulator.log" 2>&1 &
  echo $! >"$STATE/simulator.pid"
  log "simulator started (pid $!, ${SIM_RATE:-20} tickets a minute, log $LOGS/simulator.log)"
  # A storm of complaints from three adjacent cells, once: it opens a mass-complaint incident (GET /v1/incidents).
  nohup node "$ROOT/dist/apps/simulator/src/main.js" storm >>"$LOGS/simulator-storm.log" 2>&1 &
  log "complaint storm raised (log $LOGS/simulator-storm.log)"
}

stop() {
  if pid=$(pid_of simulator); then kill -TERM "$pid"; log "simulator stopped"; fi
  rm -f "$STATE/simulator.pid"
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*}
    if pid=$(pid_of "$name"); then
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in 15 s; killing"; kill -KILL "$pid"; fi
      log "$name stopped"
    fi
    rm -f "$STATE/$name.pid"
  done
}

status() {
  local rc=0
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    if pid=$(pid_of "$name") && healthy "$port"; then
      printf '%-12s up    pid %-8s http://127.0.0.1:%s\n' "$name" "$pid" "$port"
    else
      printf '%-12s down\n' "$name"; rc=1
    fi
  done
  return $rc
}

summary() {
  local gw=${SERVICES[0]##*:} key
  key=$(cat "$STATE/admin-api-key" 2>/dev/null || echo '<SWITCHBOARD_BOOTSTRAP_API_KEY>')
  cat <<MSG

Switchboard is up.
  API (gateway)     http://127.0.0.1:$gw        health: http://127.0.0.1:$gw/health   metrics: /metrics
  API key           $key   (in $STATE/admin-api-key)
  Watch it live     curl -N -H "Authorization: Bearer $key" http://127.0.0.1:$gw/v1/stream
  Tickets           curl -H "Authorization: Bearer $key" "http://127.0.0.1:$gw/v1/tickets?limit=5"
  Interception      /v1/known-issues (an outage opens after ~2 min), /v1/incidents (the storm), /v1/remote-support (IPTV repairs)
  Callbacks         SMS surveys; complaints by phone: /v1/callbacks?state=due (the simulator's agents claim and call; quiet hours 21:00-08:00 Asia/Shanghai)
  Simulator         $LOGS/simulator.log   (make simulate RATE=60 for more)
  Demo time         SLA targets x${SLA_TIME_SCALE:-0.05} (first response 30 min -> $(awk "BEGIN{print 1800*${SLA_TIME_SCALE:-0.05}}") s), callbacks after ${CALLBACK_DELAY_MS:-30000} ms
  Services          intake :8081, dispatch :8082, sla-monitor :8083, callback :8084, scoring :8085 (each /health, /metrics)
  Kafka             ${KAFKA_BROKERS:-127.0.0.1:9092}   topics: make topics; DLQs are <topic>.dlq
  Logs              $LOGS/<service>.log (JSON)
  Status / stop     make status   /   make down
MSG
}

case "${1:-}" in
  start) start ;;
  demo) demo ;;
  summary) summary ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|demo|stop|status|summary" >&2; exit 2 ;;
esac
