#!/usr/bin/env bash
# Issue 14's load: a fleet of simulated beds through Mosquitto into the clinic hub and PostgreSQL.
# Starts a broker (bench/fleet/mosquitto.conf) and a throw-away PostgreSQL cluster on 127.0.0.1 and
# free ports, runs org.rollwell.bench.fleet.FleetDriver, and stops both (their folder under /tmp goes too).
#
#   bench/fleet/run-fleet.sh [beds 10000] [seconds 300] [connections 10] [warm-up seconds 30]
#
# Run from anywhere in the checkout; builds bench/target/benchmarks.jar first if it is missing.
# FLEET_JAVA_OPTS sets the driver's JVM options, FLEET_CLASSPATH its class path instead of the jar. Needs mosquitto, PostgreSQL's server binaries
# (/usr/lib/postgresql/*/bin) and, when run as root, the postgres user (initdb refuses root).
set -euo pipefail
cd "$(dirname "$0")/../.."
beds=${1:-10000}
seconds=${2:-300}
connections=${3:-10}
warmup=${4:-30}
jar=${FLEET_CLASSPATH:-bench/target/benchmarks.jar}
if [[ ! -e ${jar%%:*} ]]; then
    ./mvnw -B -q -o -pl bench -am package -DskipTests
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
as_postgres() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
work=$(mktemp -d /tmp/rollwell-fleet-XXXXXX)
chmod 755 "$work"
if [[ $(id -u) == 0 ]]; then chown postgres "$work"; fi
mqtt_port=$(free_port)
pg_port=$(free_port)
mosquitto_pid=
cleanup() {
    if [[ -n $mosquitto_pid ]]; then kill "$mosquitto_pid" 2>/dev/null || true; fi
    as_postgres "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM
as_postgres "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust --encoding=UTF8 >/dev/null
# the server's defaults (fsync and synchronous commit on): a committed row is a stored row
as_postgres "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_wal_size=4GB" \
    -l "$work/pg.log" -w -t 60 start >/dev/null
sed "s/@PORT@/$mqtt_port/" bench/fleet/mosquitto.conf > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
mosquitto_pid=$!
echo "broker 127.0.0.1:$mqtt_port, PostgreSQL 127.0.0.1:$pg_port; $beds beds × $seconds s over $connections connections, after a $warmup s warm-up"
echo "before: $(uptime)"
# shellcheck disable=SC2086
java ${FLEET_JAVA_OPTS:--Xms1g -Xmx3g -XX:+UseParallelGC} -cp "$jar" org.rollwell.bench.fleet.FleetDriver \
    "tcp://127.0.0.1:$mqtt_port" "jdbc:postgresql://127.0.0.1:$pg_port/postgres" postgres "" "$beds" "$seconds" "$connections" "$warmup"
echo "after: $(uptime)"
# the other two processes' CPU (the driver's JVM prints its own): what a quiet box must give them
pg_main=$(head -n 1 "$work/pg/postmaster.pid")
echo "CPU used: mosquitto $(ps -o times= -p "$mosquitto_pid") s; PostgreSQL (server processes alive now)" \
    "$(ps -o times= -p "$pg_main" --ppid "$pg_main" | awk '{s += $1} END {print s}') s"
if grep -qi "error\|warn" "$work/mosquitto.log"; then
    echo "mosquitto said:"; grep -i "error\|warn" "$work/mosquitto.log" | tail -n 5
fi
