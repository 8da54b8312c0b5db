#!/usr/bin/env bash
# Issue 13's benchmark: the views beacon alone (beacons per second, all counted exactly), and the read path with
# views flowing (the progress JSON against the trivial endpoint and nginx, all three measured under the same
# background flow of beacons). MariaDB (the machine's), a fresh database with the demo campaign; views rate limit off.
#   bench/views.sh            # BENCH_SECONDS=10 per run, BENCH_FLOW=4 connections x 1 beacon/ms in the background
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/bench-views
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
FLOW=${BENCH_FLOW:-4}
APP_PORT=8086
NGINX_PORT=8091
DB=goalpost_bench_views
DB_USER=goalpost_bench
DB_PASSWORD=goalpost_bench_password
mkdir -p "$OUT/nginx/html" "$OUT/nginx/logs"
log() { printf '\n==> %s\n' "$*" >&2; }
for tool in wrk nginx bc; do
  command -v $tool >/dev/null || { log "installing $tool"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool >/dev/null; }
done
./mvnw -q -B -DskipTests package
JAR=$(ls "$ROOT"/target/goalpost-*.jar | head -1)
mariadb -uroot <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`goalpost\_bench\_%\`.* TO '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`goalpost\_bench\_%\`.* TO '$DB_USER'@'127.0.0.1';
SQL
SPRING_PROFILES_ACTIVE=mysql GOALPOST_DEMO=true SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$DB" SPRING_DATASOURCE_USERNAME=$DB_USER \
SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD PORT=$APP_PORT GOALPOST_RATE_LIMIT_VIEWS_PER_IP=0 \
  java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP=$!
cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes auto;
error_log $OUT/nginx/logs/error.log warn;
pid $OUT/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 10000; keepalive_timeout 65;
  default_type application/json;
  server { listen 127.0.0.1:$NGINX_PORT; root $OUT/nginx/html; }
}
NGINX
cleanup() { kill $APP 2>/dev/null || true; kill ${FLOWPID:-0} 2>/dev/null || true; nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT
until curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null; do sleep 0.1; done
curl -s "http://127.0.0.1:$APP_PORT/api/campaigns/support" > "$OUT/nginx/html/progress.json"
nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf"
VIEWS="http://127.0.0.1:$APP_PORT/api/campaigns/support/views"
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
total() { awk '/requests in/ {print $1}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $NF}' "$1"; }
counted() {
  sleep 7  # one flush interval (5 s) and some
  mariadb -uroot -N -e "SELECT COALESCE(SUM(views), 0) FROM $DB.attribution_daily"
}

log "warm-up (the JIT needs some 30 s of each path before the figures settle)"
for _ in 1 2 3; do
  wrk -t2 -c64 -d10s -s bench/views.lua "$VIEWS" > /dev/null
  wrk -t2 -c64 -d5s "http://127.0.0.1:$APP_PORT/api/campaigns/support" > /dev/null
  wrk -t2 -c64 -d5s "http://127.0.0.1:$APP_PORT/api/ping" > /dev/null
done
before=$(counted)

log "beacons alone"
wrk -t2 -c64 -d"${SECONDS_PER_RUN}"s --latency -s bench/views.lua "$VIEWS" > "$OUT/views.txt"
after=$(counted)
echo "| beacons alone | $(rps "$OUT/views.txt") /s | p50 $(awk '$1=="50%" {print $2}' "$OUT/views.txt") | p99 $(awk '$1=="99%" {print $2}' "$OUT/views.txt") | sent $(total "$OUT/views.txt") | non-2xx $(non2xx "$OUT/views.txt" || echo 0) | counted $((after - before)) |"

log "the read path with $FLOW connections of beacons in the background (1 per ms each)"
BENCH_DELAY_MS=1 wrk -t1 -c"$FLOW" -d$((SECONDS_PER_RUN * 3 + 10))s -s bench/views.lua "$VIEWS" > "$OUT/flow.txt" &
FLOWPID=$!
sleep 2
for t in ping json nginx; do
  case $t in
    ping) url="http://127.0.0.1:$APP_PORT/api/ping" ;;
    json) url="http://127.0.0.1:$APP_PORT/api/campaigns/support" ;;
    nginx) url="http://127.0.0.1:$NGINX_PORT/progress.json" ;;
  esac
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}"s --latency "$url" > "$OUT/$t.txt"
done
wait $FLOWPID || true
ping=$(rps "$OUT/ping.txt"); json=$(rps "$OUT/json.txt"); ng=$(rps "$OUT/nginx.txt")
echo "| background beacons | $(rps "$OUT/flow.txt") /s |"
echo "| ping | $ping /s |"
echo "| progress JSON | $json /s | $(echo "scale=2; $json/$ping" | bc)x ping | $(echo "scale=2; $json/$ng" | bc)x nginx | p99 $(awk '$1=="99%" {print $2}' "$OUT/json.txt") |"
echo "| nginx | $ng /s |"
