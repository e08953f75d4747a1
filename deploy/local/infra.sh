#!/usr/bin/env bash
# Switchboard local infrastructure without Docker: Kafka (KRaft, from Maven Central),
# PostgreSQL and Redis (from Debian packages). See deploy/local/README.md.
#
#   deploy/local/infra.sh up                   start what is missing, wait until it answers, print exports
#   deploy/local/infra.sh down [--purge]       stop what this script started (--purge: delete the state)
#   deploy/local/infra.sh status               each part up/down with its pid; exit 0 only if all up
#   deploy/local/infra.sh env                  print the export lines:  eval "$(deploy/local/infra.sh env)"
#   deploy/local/infra.sh restart-kafka [--hard]     SIGTERM (--hard: SIGKILL), then start and wait
#   deploy/local/infra.sh restart-postgres [--hard]  pg_ctl stop -m fast (--hard: -m immediate), then start
#   deploy/local/infra.sh flush-redis          FLUSHALL on REDIS_URL
#   deploy/local/infra.sh kafka-class CLASS [ARGS...]  run a Kafka CLI class on the broker's classpath
#
# Only the export lines (and the output of status / kafka-class) go to stdout; messages go to stderr.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/../.." && pwd)
STATE_DIR=${SWITCHBOARD_INFRA_DIR:-$REPO_DIR/.local/infra}

# ---- settings (env overridable) -------------------------------------------------------------
KAFKA_VERSION=${KAFKA_VERSION:-4.4.0}
LOG4J_VERSION=${LOG4J_VERSION:-2.26.1}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
PG_PORT=${PGPORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
DB_NAME=switchboard
DB_USER=switchboard
DB_PASSWORD=switchboard
HOST=127.0.0.1

# Connection settings given by the environment mean "use that one, start nothing for it".
EXT_KAFKA=${KAFKA_BROKERS:-}
EXT_DB=${DATABASE_URL:-}
EXT_REDIS=${REDIS_URL:-}
KAFKA_BROKERS_EFF=${EXT_KAFKA:-$HOST:$KAFKA_PORT}
DATABASE_URL_EFF=${EXT_DB:-postgres://$DB_USER:$DB_PASSWORD@$HOST:$PG_PORT/$DB_NAME}
REDIS_URL_EFF=${EXT_REDIS:-redis://$HOST:$REDIS_PORT}

# ---- layout ---------------------------------------------------------------------------------
KAFKA_DIR=$STATE_DIR/kafka
KAFKA_DATA=$KAFKA_DIR/data
KAFKA_LOGS=$KAFKA_DIR/logs
KAFKA_PROPS=$KAFKA_DIR/server.properties
KAFKA_ADMIN_PROPS=$KAFKA_DIR/admin.properties
KAFKA_PID_FILE=$KAFKA_DIR/kafka.pid
KAFKA_OUT=$KAFKA_LOGS/kafka.out
KAFKA_POM=$SCRIPT_DIR/kafka/pom.xml
KAFKA_LOG4J=$SCRIPT_DIR/kafka/log4j2.xml
REDIS_DIR=$STATE_DIR/redis
REDIS_PID_FILE=$REDIS_DIR/redis.pid
REDIS_LOG=$REDIS_DIR/redis.log
MARKER=$STATE_DIR/.switchboard-infra
PG_USER_OS=postgres
# cluster superuser: 'postgres' (peer auth for the postgres OS user); the caller's name when not root
if [[ $EUID -eq 0 ]]; then PG_SUPERUSER=postgres; else PG_SUPERUSER=$(id -un); fi
# PostgreSQL paths are decided by pg_layout (the state dir may not be reachable by 'postgres').
PG_BASE='' PGDATA_DIR='' PG_SOCK='' PG_LOG='' PG_BIN=''

# ---- helpers --------------------------------------------------------------------------------
log() { printf '[infra] %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}

# tail of a log file to stderr, indented; with a line mark, only the lines written after it
show_tail() {
  local f=$1 n=${2:-20} mark=${3:-0}
  if [[ -s $f ]] && (($(wc -l <"$f") > mark)); then
    log "last lines of $f:"
    tail -n +"$((mark + 1))" "$f" | tail -n "$n" | sed 's/^/[infra]   | /' >&2
  fi
}

line_count() { if [[ -f $1 ]]; then wc -l <"$1"; else echo 0; fi; }

# shellcheck disable=SC2016 # $1/$2 expand in the child bash
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }

# "pid N (command line)" of the process listening on 127.0.0.1:port, for messages
port_owner() {
  local pid cmd
  pid=$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2) || true
  if [[ -n $pid && -r /proc/$pid/cmdline ]]; then
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" | tr -s ' ')
    cmd=${cmd% }
    ((${#cmd} <= 160)) || cmd="${cmd:0:80} ... ${cmd: -70}"
    printf 'pid %s (%s)' "$pid" "$cmd"
  else
    printf 'an unknown process'
  fi
}

# A port already served by a process this state dir did not start (another checkout's infra.sh,
# a Debian service, a left-over from an earlier session): 'up' uses it when it answers like the
# expected service (ADOPT=1), restart-* refuse (ADOPT=0). Such a process is never stopped.
ADOPT=1
foreign() {
  local name=$1 port=$2 answers=$3 owner
  owner=$(port_owner "$port")
  if ((ADOPT)) && ((answers)); then
    log "$name: WARNING: $HOST:$port is served by $owner, not started from $STATE_DIR; using it as is (down/restart will not touch it)"
    return 0
  fi
  if ((answers)); then
    die "$name: $HOST:$port is served by $owner, not started from $STATE_DIR; stop it with the infra.sh (or service) that started it"
  fi
  die "$name: port $HOST:$port is in use by $owner, which does not answer like $name"
}

# pid from a pid file if that process is alive and its command line contains every pattern
live_pid() {
  local file=$1 pid cmd pat
  shift
  [[ -s $file ]] || return 1
  pid=$(head -n1 "$file" | tr -dc '0-9')
  [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  for pat in "$@"; do
    [[ $cmd == *"$pat"* ]] || return 1
  done
  printf '%s\n' "$pid"
}

# wait until pid is gone; returns 1 on timeout
wait_gone() {
  local pid=$1 secs=$2 end
  end=$((SECONDS + secs))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < end)) || return 1
    sleep 0.2
  done
}

# SIGTERM (or SIGKILL with hard=1), wait, then SIGKILL
stop_pid() {
  local name=$1 pid=$2 secs=$3 hard=${4:-0}
  if ((hard)); then
    log "$name: SIGKILL pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "$name: pid $pid survived SIGKILL"
    return 0
  fi
  log "$name: SIGTERM pid $pid (waiting up to ${secs}s)"
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$secs"; then
    log "$name: still running after ${secs}s, SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "$name: pid $pid survived SIGKILL"
  fi
}

APT_UPDATED=0
apt_install() {
  [[ $EUID -eq 0 ]] || die "missing packages ($*); run as root or: sudo apt-get install -y $*"
  command -v apt-get >/dev/null || die "missing packages ($*) and no apt-get on this machine"
  mkdir -p "$STATE_DIR"
  if ((!APT_UPDATED)); then
    log "apt-get update (log: $STATE_DIR/apt.log)"
    apt-get update -qq >>"$STATE_DIR/apt.log" 2>&1 || {
      show_tail "$STATE_DIR/apt.log"
      die "apt-get update failed"
    }
    APT_UPDATED=1
  fi
  log "apt-get install $* (log: $STATE_DIR/apt.log)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    >>"$STATE_DIR/apt.log" 2>&1 || {
    show_tail "$STATE_DIR/apt.log"
    die "apt-get install $* failed"
  }
}

init_state() {
  if [[ ! -d $STATE_DIR ]]; then
    mkdir -p "$STATE_DIR"
    chmod 755 "$STATE_DIR"
  fi
  [[ -f $MARKER ]] || printf 'state of %s (deploy/local/infra.sh)\n' "$REPO_DIR" >"$MARKER"
}

# Serialise up/down/restart between concurrent callers (several engineers share the machine).
take_lock() {
  init_state
  exec 9>"$STATE_DIR/.lock"
  if ! flock -n 9; then
    log "another infra.sh is running on $STATE_DIR; waiting for it (up to 600s)"
    flock -w 600 9 || die "could not lock $STATE_DIR/.lock"
  fi
}

# =============================================================================================
# Kafka
# =============================================================================================
JAVA_BIN=''
find_java() {
  [[ -n $JAVA_BIN ]] && return 0
  local cand v
  for cand in "${KAFKA_JAVA:-}" /usr/lib/jvm/java-17-openjdk-*/bin/java "$(command -v java || true)"; do
    [[ -n $cand && -x $cand ]] || continue
    v=$("$cand" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
    if [[ -n $v ]] && ((v >= 17)); then
      JAVA_BIN=$cand
      return 0
    fi
  done
  apt_install openjdk-17-jre-headless
  JAVA_BIN=$(command -v java) || die "no java after installing openjdk-17-jre-headless"
}

KAFKA_CP=''
kafka_classpath() {
  [[ -n $KAFKA_CP ]] && return 0
  local key cpfile jar start jars=()
  key=$(sha256sum <"$KAFKA_POM" | cut -c1-12)
  cpfile=$KAFKA_DIR/classpath-kafka$KAFKA_VERSION-log4j$LOG4J_VERSION-$key.txt
  if [[ -s $cpfile ]]; then
    KAFKA_CP=$(<"$cpfile")
    IFS=: read -ra jars <<<"$KAFKA_CP"
    for jar in "${jars[@]}"; do
      [[ -f $jar ]] || break
    done
    [[ -f $jar ]] && return 0
    KAFKA_CP=''
    log "cached classpath $cpfile refers to missing jars; resolving again"
  fi
  command -v mvn >/dev/null || apt_install maven
  mkdir -p "$KAFKA_DIR"
  log "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION + log4j $LOG4J_VERSION with Maven (first time can take minutes; log: $KAFKA_DIR/maven.log)"
  start=$SECONDS
  if ! (cd "$SCRIPT_DIR/kafka" && mvn -B -q -Dstyle.color=never -f "$KAFKA_POM" \
    -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$LOG4J_VERSION" \
    dependency:build-classpath -Dmdep.outputFile="$cpfile.tmp") >>"$KAFKA_DIR/maven.log" 2>&1; then
    show_tail "$KAFKA_DIR/maven.log" 30
    die "Maven could not resolve Kafka $KAFKA_VERSION (see $KAFKA_DIR/maven.log)"
  fi
  [[ -s $cpfile.tmp ]] || die "Maven wrote no classpath (see $KAFKA_DIR/maven.log)"
  mv "$cpfile.tmp" "$cpfile"
  KAFKA_CP=$(<"$cpfile")
  log "classpath resolved in $((SECONDS - start))s, cached in $cpfile"
}

# java command line for the Kafka CLI tools (quiet logging to stderr, quick start)
kafka_tool_cmd() {
  find_java
  kafka_classpath
  TOOL_CMD=("$JAVA_BIN" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$KAFKA_LOG4J" -Dswitchboard.log.appender=STDERR
    -Dswitchboard.log.level=WARN "-Dkafka.logs.dir=$KAFKA_LOGS" -cp "$KAFKA_CP")
}

kafka_pid() { live_pid "$KAFKA_PID_FILE" kafka.Kafka "$KAFKA_PROPS"; }

kafka_write_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS"
  local tmp=$KAFKA_PROPS.tmp
  cat >"$tmp" <<EOF
# Generated by deploy/local/infra.sh on every 'up' -- edit the script, not this file.
# Single-node KRaft: combined broker + controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  if [[ -f $KAFKA_PROPS ]] && cmp -s "$tmp" "$KAFKA_PROPS"; then
    rm -f "$tmp"
  else
    mv "$tmp" "$KAFKA_PROPS"
    if kafka_pid >/dev/null; then
      log "kafka: server.properties changed while the broker runs; apply with: $0 restart-kafka"
    fi
  fi
  cat >"$KAFKA_ADMIN_PROPS" <<EOF
request.timeout.ms=5000
default.api.timeout.ms=10000
EOF
}

kafka_format() {
  [[ -s $KAFKA_DATA/meta.properties ]] && return 0
  local id
  if [[ ! -s $KAFKA_DIR/cluster.id ]]; then
    # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding (what 'random-uuid' prints).
    head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$KAFKA_DIR/cluster.id"
  fi
  id=$(<"$KAFKA_DIR/cluster.id")
  log "kafka: formatting KRaft storage in $KAFKA_DATA (cluster id $id)"
  kafka_tool_cmd
  if ! "${TOOL_CMD[@]}" kafka.tools.StorageTool format -t "$id" -c "$KAFKA_PROPS" --ignore-formatted \
    >>"$KAFKA_LOGS/format.log" 2>&1; then
    show_tail "$KAFKA_LOGS/format.log"
    die "kafka: storage format failed (see $KAFKA_LOGS/format.log)"
  fi
}

# ApiVersions v0 request over bash /dev/tcp: true when a Kafka broker answers on host:port.
kafka_api_probe() {
  # shellcheck disable=SC2016 # expanded by the child bash
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    # size=15 | api_key=18 (ApiVersions) | version=0 | correlation_id=0x5b0a12 | client_id="infra"
    printf "\x00\x00\x00\x0f\x00\x12\x00\x00\x00\x5b\x0a\x12\x00\x05infra" >&3
    reply=$(head -c 8 <&3 | od -An -tx1 | tr -d " \n")
    [[ ${reply:8:8} == 005b0a12 ]]' _ "$1" "$2" 2>/dev/null
}

kafka_version_running() {
  sed -n 's/.*Kafka version: \([^ ]*\).*/\1/p' "$KAFKA_LOGS/server.log" 2>/dev/null | tail -n1
}

# Ready = the broker answers ApiVersions AND the admin client sees it in the metadata
# (BrokerApiVersionsCommand fetches Metadata and then ApiVersions from every broker listed).
KAFKA_LOG_MARK=0
KAFKA_OUT_MARK=0
kafka_wait_ready() {
  local pid=$1 deadline out
  deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  kafka_tool_cmd
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_tail "$KAFKA_OUT" 10 "$KAFKA_OUT_MARK"
      show_tail "$KAFKA_LOGS/server.log" 30 "$KAFKA_LOG_MARK"
      die "kafka: broker (pid $pid) exited during start-up; see $KAFKA_LOGS/server.log and $KAFKA_OUT"
    fi
    if kafka_api_probe "$HOST" "$KAFKA_PORT"; then
      if out=$(timeout 30 "${TOOL_CMD[@]}" org.apache.kafka.tools.BrokerApiVersionsCommand \
        --bootstrap-server "$HOST:$KAFKA_PORT" --command-config "$KAFKA_ADMIN_PROPS" 2>&1) &&
        [[ $out == *"(id: 1 "* ]] && [[ $out != *"isFenced: true"* ]]; then
        printf '%s\n' "$out" >"$KAFKA_LOGS/api-versions.txt"
        return 0
      fi
    fi
    if ((SECONDS >= deadline)); then
      show_tail "$KAFKA_LOGS/server.log" 30 "$KAFKA_LOG_MARK"
      die "kafka: not ready after ${KAFKA_START_TIMEOUT}s (pid $pid); see $KAFKA_LOGS/server.log"
    fi
    sleep 1
  done
}

kafka_start() {
  local pid start
  kafka_write_config
  if pid=$(kafka_pid); then
    kafka_wait_ready "$pid"
    log "kafka: already running (pid $pid, version $(kafka_version_running)) on $HOST:$KAFKA_PORT"
    return 0
  fi
  rm -f "$KAFKA_PID_FILE"
  if port_open "$HOST" "$KAFKA_PORT"; then
    local answers=0
    kafka_api_probe "$HOST" "$KAFKA_PORT" && answers=1
    foreign kafka "$KAFKA_PORT" "$answers"
    return 0
  fi
  if port_open "$HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "kafka: controller port $HOST:$KAFKA_CONTROLLER_PORT is in use by $(port_owner "$KAFKA_CONTROLLER_PORT")"
  fi
  find_java
  kafka_classpath
  kafka_format
  log "kafka: starting $KAFKA_VERSION (log: $KAFKA_LOGS/server.log)"
  start=$SECONDS
  KAFKA_LOG_MARK=$(line_count "$KAFKA_LOGS/server.log")
  KAFKA_OUT_MARK=$(line_count "$KAFKA_OUT")
  # SC2086: KAFKA_HEAP_OPTS is a list of JVM options; SC2016: $$ and $1 belong to the child bash
  # shellcheck disable=SC2086,SC2016
  setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_PID_FILE" \
    "$JAVA_BIN" $KAFKA_HEAP_OPTS -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$KAFKA_LOG4J" "-Dkafka.logs.dir=$KAFKA_LOGS" \
    -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_PROPS" </dev/null >>"$KAFKA_OUT" 2>&1 9>&- &
  local _
  for _ in $(seq 50); do
    pid=$(kafka_pid) && break
    sleep 0.1
  done
  [[ -n ${pid:-} ]] || {
    show_tail "$KAFKA_OUT" 20 "$KAFKA_OUT_MARK"
    die "kafka: process did not start (see $KAFKA_OUT)"
  }
  kafka_wait_ready "$pid"
  log "kafka: ready in $((SECONDS - start))s (pid $pid, version $(kafka_version_running)) on $HOST:$KAFKA_PORT"
}

kafka_stop() {
  local hard=${1:-0} pid
  if pid=$(kafka_pid); then
    stop_pid kafka "$pid" "$KAFKA_STOP_TIMEOUT" "$hard"
    log "kafka: stopped"
  else
    log "kafka: not running"
  fi
  rm -f "$KAFKA_PID_FILE"
}

# true when one of the brokers in KAFKA_BROKERS (host:port,host:port) answers ApiVersions
kafka_external_answers() {
  local b brokers=()
  IFS=, read -ra brokers <<<"$EXT_KAFKA"
  for b in "${brokers[@]}"; do
    b=${b#*://}
    kafka_api_probe "${b%:*}" "${b##*:}" && return 0
  done
  return 1
}

kafka_check_external() {
  kafka_external_answers || die "kafka: KAFKA_BROKERS=$EXT_KAFKA does not answer (ApiVersions)"
  log "kafka: external KAFKA_BROKERS=$EXT_KAFKA answers"
}

# =============================================================================================
# PostgreSQL
# =============================================================================================
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$PG_USER_OS" -- "$@")
  else
    "$@"
  fi
}

find_pg_bin() {
  [[ -n $PG_BIN ]] && return 0
  local d
  d=$(find_pg_bin_dir) || {
    if [[ $EUID -eq 0 && ! -f /etc/postgresql-common/createcluster.conf ]]; then
      # Keep Debian from creating (and starting) its own 'main' cluster on port 5432.
      apt_install postgresql-common
    fi
    if [[ -f /etc/postgresql-common/createcluster.conf ]]; then
      sed -i 's/^#\?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' \
        /etc/postgresql-common/createcluster.conf
    fi
    apt_install postgresql
    d=$(find_pg_bin_dir) || die "postgres: no /usr/lib/postgresql/*/bin after installing postgresql"
  }
  PG_BIN=$d
}

find_pg_bin_dir() {
  local d best=''
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] || continue
    if [[ -z $best ]] || [[ $(basename "$(dirname "$d")") -gt $(basename "$(dirname "$best")") ]]; then
      best=$d
    fi
  done
  if [[ -z $best ]] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    best=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  fi
  [[ -n $best ]] && printf '%s\n' "$best"
}

# Where the cluster lives: <state>/pg, unless the 'postgres' OS user cannot reach the state dir
# (repo under /root or a mode-700 directory) or the socket path would be too long; then
# /var/tmp/switchboard-<hash of the state dir>.
pg_layout() {
  [[ -n $PG_BASE ]] && return 0
  local fallback sock_len
  fallback=/var/tmp/switchboard-$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-12)
  PG_BASE=$STATE_DIR/pg
  if [[ $EUID -eq 0 ]]; then
    id "$PG_USER_OS" >/dev/null 2>&1 || PG_BASE=$fallback # no user yet: decided after install
    if [[ $PG_BASE != "$fallback" ]] && ! runuser -u "$PG_USER_OS" -- test -x "$STATE_DIR" 2>/dev/null; then
      PG_BASE=$fallback
    fi
  fi
  sock_len=$((${#PG_BASE} + ${#PG_PORT} + 16))
  ((sock_len < 100)) || PG_BASE=$fallback
  if [[ $PG_BASE == "$fallback" && -d $STATE_DIR/pg && ! -L $STATE_DIR/pg ]]; then
    PG_BASE=$STATE_DIR/pg # an existing cluster stays where it is
  fi
  PGDATA_DIR=$PG_BASE/data
  PG_SOCK=$PG_BASE/run
  PG_LOG=$PG_BASE/postgres.log
}

pg_pid() {
  pg_layout
  live_pid "$PGDATA_DIR/postmaster.pid" postgres "$PGDATA_DIR"
}

pg_init() {
  pg_layout
  if [[ $EUID -eq 0 ]]; then
    id "$PG_USER_OS" >/dev/null 2>&1 || die "postgres: no '$PG_USER_OS' OS user (install the postgresql package)"
  fi
  if [[ $PG_BASE != "$STATE_DIR/pg" && ! -L $STATE_DIR/pg ]]; then
    log "postgres: the '$PG_USER_OS' user cannot reach $STATE_DIR (or the socket path would be too long); the cluster lives in $PG_BASE (symlink $STATE_DIR/pg)"
    ln -sfn "$PG_BASE" "$STATE_DIR/pg"
  fi
  mkdir -p "$PG_BASE" "$PG_SOCK"
  touch "$PG_LOG"
  if [[ $EUID -eq 0 ]]; then
    chown "$PG_USER_OS:" "$PG_BASE" "$PG_SOCK" "$PG_LOG"
    chmod 700 "$PG_BASE" "$PG_SOCK"
  fi
  if [[ ! -s $PGDATA_DIR/PG_VERSION ]]; then
    log "postgres: initdb $PGDATA_DIR"
    if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$PG_SUPERUSER" --encoding=UTF8 --no-locale \
      --auth-local=peer --auth-host=scram-sha-256 >>"$PG_BASE/initdb.log" 2>&1; then
      show_tail "$PG_BASE/initdb.log"
      die "postgres: initdb failed (see $PG_BASE/initdb.log)"
    fi
    printf "\ninclude_if_exists = 'switchboard.conf'\n" >>"$PGDATA_DIR/postgresql.conf"
  fi
  # Regenerated on every start so PGPORT changes apply.
  cat >"$PGDATA_DIR/switchboard.conf" <<EOF
# Generated by deploy/local/infra.sh -- dev settings, NOT for production.
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 200
# Durability off for speed: a crash of the machine (not of postgres) can lose committed data.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  [[ $EUID -eq 0 ]] && chown "$PG_USER_OS:" "$PGDATA_DIR/switchboard.conf"
  return 0
}

pg_bootstrap() {
  # idempotent: role 'switchboard' (LOGIN, CREATEROLE, CREATEDB: the test suite creates switchboard_test) owning database 'switchboard'
  if ! as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres \
    >>"$PG_BASE/bootstrap.log" 2>&1 <<SQL; then
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEROLE CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN CREATEROLE CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME')\gexec
ALTER DATABASE $DB_NAME OWNER TO $DB_USER;
SQL
    show_tail "$PG_BASE/bootstrap.log"
    die "postgres: could not create role/database (see $PG_BASE/bootstrap.log)"
  fi
}

pg_check_url() {
  local url=$1 secs=$2 end psql=psql
  if [[ -n $PG_BIN ]]; then
    psql=$PG_BIN/psql
  elif ! command -v psql >/dev/null; then
    apt_install postgresql-client
  fi
  end=$((SECONDS + secs))
  until PGCONNECT_TIMEOUT=3 "$psql" -X -q -At "$url" -c 'select 1' >/dev/null 2>&1; do
    ((SECONDS < end)) || return 1
    sleep 0.5
  done
}

pg_start() {
  local pid start old
  find_pg_bin
  pg_layout
  if pid=$(pg_pid); then
    pg_init # refresh switchboard.conf (a changed PGPORT needs restart-postgres)
    log "postgres: already running (pid $pid)"
  else
    old=$(head -n1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true)
    if [[ -n $old ]]; then
      log "postgres: removing stale postmaster.pid (pid $old is not our postmaster)"
      rm -f "$PGDATA_DIR/postmaster.pid"
    fi
    if port_open "$HOST" "$PG_PORT"; then
      local answers=0
      pg_check_url "$DATABASE_URL_EFF" 0 && answers=1
      foreign postgres "$PG_PORT" "$answers"
      return 0
    fi
    pg_init
    log "postgres: starting $(basename "$(dirname "$PG_BIN")") on $HOST:$PG_PORT (log: $PG_LOG)"
    start=$SECONDS
    # setsid: the postmaster gets its own session, so it outlives the caller's process group
    if ! setsid -w runuser -u "$PG_USER_OS" -- bash -c 'cd / && exec "$@"' _ \
      "$PG_BIN/pg_ctl" start -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 -s </dev/null >&2 9>&-; then
      show_tail "$PG_LOG"
      die "postgres: pg_ctl start failed (see $PG_LOG)"
    fi
    pid=$(pg_pid) || die "postgres: started but no postmaster.pid (see $PG_LOG)"
    log "postgres: started in $((SECONDS - start))s (pid $pid)"
  fi
  local end=$((SECONDS + 30))
  until "$PG_BIN/pg_isready" -q -h "$HOST" -p "$PG_PORT"; do
    ((SECONDS < end)) || {
      show_tail "$PG_LOG"
      die "postgres: not accepting connections on $HOST:$PG_PORT after 30s (see $PG_LOG)"
    }
    sleep 0.3
  done
  pg_bootstrap
  pg_check_url "$DATABASE_URL_EFF" 10 || die "postgres: cannot log in as $DB_USER over TCP (see $PG_LOG)"
  log "postgres: ready (pid $pid) on $HOST:$PG_PORT, database $DB_NAME owned by $DB_USER"
}

pg_stop() {
  local mode=${1:-fast} pid
  pg_layout
  if pid=$(pg_pid); then
    find_pg_bin
    log "postgres: pg_ctl stop -m $mode (pid $pid)"
    as_pg "$PG_BIN/pg_ctl" stop -D "$PGDATA_DIR" -m "$mode" -w -t 60 -s >&2 ||
      die "postgres: pg_ctl stop failed (see $PG_LOG)"
    log "postgres: stopped"
  else
    log "postgres: not running"
  fi
}

# =============================================================================================
# Redis
# =============================================================================================
find_redis() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis-server redis-tools
    # Debian's package enables a system redis on the same port where systemd runs: stop it.
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
      log "redis: disabling the Debian redis-server.service (it would take port 6379)"
      systemctl disable --now redis-server >/dev/null 2>&1 || true
    fi
  fi
}

redis_pid() { live_pid "$REDIS_PID_FILE" redis-server; }

redis_ping() { [[ $(timeout 3 redis-cli -u "$1" ping 2>/dev/null) == PONG ]]; }

redis_start() {
  local pid start end
  find_redis
  if pid=$(redis_pid); then
    redis_ping "$REDIS_URL_EFF" || die "redis: pid $pid runs but does not answer PING (see $REDIS_LOG)"
    log "redis: already running (pid $pid) on $HOST:$REDIS_PORT"
    return 0
  fi
  rm -f "$REDIS_PID_FILE"
  if port_open "$HOST" "$REDIS_PORT"; then
    local answers=0
    redis_ping "$REDIS_URL_EFF" && answers=1
    foreign redis "$REDIS_PORT" "$answers"
    return 0
  fi
  mkdir -p "$REDIS_DIR"
  log "redis: starting on $HOST:$REDIS_PORT (log: $REDIS_LOG)"
  start=$SECONDS
  # --daemonize: redis forks and calls setsid itself
  (cd "$REDIS_DIR" && redis-server --port "$REDIS_PORT" --bind "$HOST" --daemonize yes \
    --save "" --appendonly no --pidfile "$REDIS_PID_FILE" --logfile "$REDIS_LOG" --dir "$REDIS_DIR") \
    </dev/null >&2 9>&- ||
    die "redis: redis-server failed (see $REDIS_LOG)"
  end=$((SECONDS + 20))
  until redis_ping "$REDIS_URL_EFF" && pid=$(redis_pid); do
    ((SECONDS < end)) || {
      show_tail "$REDIS_LOG"
      die "redis: no PONG after 20s (see $REDIS_LOG)"
    }
    sleep 0.2
  done
  log "redis: ready in $((SECONDS - start))s (pid $pid)"
}

redis_stop() {
  local pid
  if pid=$(redis_pid); then
    stop_pid redis "$pid" 15
    log "redis: stopped"
  else
    log "redis: not running"
  fi
  rm -f "$REDIS_PID_FILE"
}

# =============================================================================================
# commands
# =============================================================================================
print_env() {
  printf 'export KAFKA_BROKERS=%s\n' "$KAFKA_BROKERS_EFF"
  printf 'export DATABASE_URL=%s\n' "$DATABASE_URL_EFF"
  printf 'export REDIS_URL=%s\n' "$REDIS_URL_EFF"
}

cmd_up() {
  # nothing to start (and no state dir to create) when all three are given
  [[ -n $EXT_KAFKA && -n $EXT_DB && -n $EXT_REDIS ]] || take_lock
  local start=$SECONDS
  if [[ -n $EXT_DB ]]; then
    pg_check_url "$EXT_DB" 15 || die "postgres: DATABASE_URL does not answer (psql select 1)"
    log "postgres: external DATABASE_URL answers"
  else
    pg_start
  fi
  if [[ -n $EXT_REDIS ]]; then
    find_redis
    redis_ping "$EXT_REDIS" || die "redis: REDIS_URL=$EXT_REDIS does not answer PING"
    log "redis: external REDIS_URL=$EXT_REDIS answers"
  else
    redis_start
  fi
  if [[ -n $EXT_KAFKA ]]; then kafka_check_external; else kafka_start; fi
  log "all up in $((SECONDS - start))s (state: $STATE_DIR)"
  print_env
}

cmd_down() {
  local purge=0
  case ${1:-} in
    --purge) purge=1 ;;
    '') ;;
    *) die "usage: $0 down [--purge]" ;;
  esac
  if [[ ! -d $STATE_DIR ]]; then
    log "nothing to stop: no state dir $STATE_DIR"
    return 0
  fi
  take_lock
  kafka_stop
  pg_stop fast
  redis_stop
  if ((purge)); then
    pg_layout
    [[ -f $MARKER ]] || die "refusing to delete $STATE_DIR: no $MARKER in it"
    local target
    if [[ -L $STATE_DIR/pg ]]; then
      target=$(readlink "$STATE_DIR/pg")
      [[ $target == /var/tmp/switchboard-* ]] && rm -rf -- "$target"
    fi
    rm -rf -- "$STATE_DIR"
    log "purged $STATE_DIR"
  else
    log "stopped; data kept in $STATE_DIR (delete it with: $0 down --purge)"
  fi
}

cmd_status() {
  local ok=1 pid
  pg_layout
  if [[ -n $EXT_KAFKA ]]; then
    if kafka_external_answers; then
      printf 'kafka     up    external   %s\n' "$EXT_KAFKA"
    else
      printf 'kafka     down  external   %s\n' "$EXT_KAFKA"
      ok=0
    fi
  elif pid=$(kafka_pid) && kafka_api_probe "$HOST" "$KAFKA_PORT"; then
    printf 'kafka     up    pid=%-7s %s:%s (Kafka %s)\n' "$pid" "$HOST" "$KAFKA_PORT" "$(kafka_version_running)"
  elif kafka_api_probe "$HOST" "$KAFKA_PORT"; then
    printf 'kafka     up    unmanaged  %s:%s served by %s\n' "$HOST" "$KAFKA_PORT" "$(port_owner "$KAFKA_PORT")"
  else
    printf 'kafka     down  %s\n' "${pid:+pid=$pid (not answering)}"
    ok=0
  fi
  pid=''
  if [[ -n $EXT_DB ]]; then
    if pg_check_url "$EXT_DB" 0; then printf 'postgres  up    external\n'; else
      printf 'postgres  down  external\n'
      ok=0
    fi
  elif pid=$(pg_pid) && pg_check_url "$DATABASE_URL_EFF" 0; then
    printf 'postgres  up    pid=%-7s %s:%s (data %s)\n' "$pid" "$HOST" "$PG_PORT" "$PGDATA_DIR"
  elif pg_check_url "$DATABASE_URL_EFF" 0; then
    printf 'postgres  up    unmanaged  %s:%s served by %s\n' "$HOST" "$PG_PORT" "$(port_owner "$PG_PORT")"
  else
    printf 'postgres  down  %s\n' "${pid:+pid=$pid (not answering)}"
    ok=0
  fi
  pid=''
  if [[ -n $EXT_REDIS ]]; then
    if redis_ping "$EXT_REDIS"; then printf 'redis     up    external   %s\n' "$EXT_REDIS"; else
      printf 'redis     down  external   %s\n' "$EXT_REDIS"
      ok=0
    fi
  elif pid=$(redis_pid) && redis_ping "$REDIS_URL_EFF"; then
    printf 'redis     up    pid=%-7s %s:%s\n' "$pid" "$HOST" "$REDIS_PORT"
  elif redis_ping "$REDIS_URL_EFF"; then
    printf 'redis     up    unmanaged  %s:%s served by %s\n' "$HOST" "$REDIS_PORT" "$(port_owner "$REDIS_PORT")"
  else
    printf 'redis     down  %s\n' "${pid:+pid=$pid (not answering)}"
    ok=0
  fi
  ((ok))
}

cmd_restart_kafka() {
  [[ -z $EXT_KAFKA ]] || die "KAFKA_BROKERS is set: that broker is not managed by this script"
  local hard=0
  [[ ${1:-} == --hard ]] && hard=1
  ADOPT=0
  take_lock
  kafka_stop "$hard"
  kafka_start
}

cmd_restart_postgres() {
  [[ -z $EXT_DB ]] || die "DATABASE_URL is set: that server is not managed by this script"
  local mode=fast
  [[ ${1:-} == --hard ]] && mode=immediate
  ADOPT=0
  take_lock
  pg_stop "$mode"
  pg_start
}

cmd_flush_redis() {
  find_redis
  local out
  out=$(redis-cli -u "$REDIS_URL_EFF" flushall 2>&1) || die "redis: FLUSHALL failed: $out"
  [[ $out == OK ]] || die "redis: FLUSHALL answered: $out"
  log "redis: FLUSHALL on $REDIS_URL_EFF"
}

cmd_kafka_class() {
  [[ $# -ge 1 ]] || die "usage: $0 kafka-class CLASS [ARGS...]  (e.g. org.apache.kafka.tools.TopicCommand --bootstrap-server $KAFKA_BROKERS_EFF --list)"
  init_state
  mkdir -p "$KAFKA_LOGS"
  kafka_tool_cmd
  exec "${TOOL_CMD[@]}" "$@"
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit "${1:-2}"
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case $cmd in
    up) cmd_up ;;
    down) cmd_down "$@" ;;
    status) cmd_status ;;
    env) print_env ;;
    restart-kafka) cmd_restart_kafka "$@" ;;
    restart-postgres) cmd_restart_postgres "$@" ;;
    flush-redis) cmd_flush_redis ;;
    kafka-class) cmd_kafka_class "$@" ;;
    -h | --help | help) usage 0 ;;
    *) usage 2 ;;
  esac
}

main "$@"
