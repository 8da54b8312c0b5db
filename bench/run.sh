#!/usr/bin/env bash
# Goalpost read-path and webhook benchmarks (docs/PERFORMANCE.md). Runs on one machine against
# the local MariaDB, with wrk and nginx from Debian's packages. Takes about 10 minutes.
#   bench/run.sh                 # everything
#   BENCH_SECONDS=5 bench/run.sh # shorter wrk runs
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/bench
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
LARGE_ROWS=${BENCH_ROWS:-1000000}
APP_PORT=8085
STRIPE_PORT=12111
NGINX_PORT=8090
DB_USER=goalpost_bench
DB_PASSWORD=goalpost_bench_password
SECRET=whsec_bench_signing
mkdir -p "$OUT"
RESULTS=$OUT/results.md
: > "$RESULTS"
log() { printf '\n==> %s\n' "$*" >&2; }
note() { echo "$*" | tee -a "$RESULTS"; }

for tool in wrk nginx bc; do
  command -v $tool >/dev/null || { log "installing $tool"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool >/dev/null; }
done

log "Building the jar and the benchmark drivers"
./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/cp.txt")"
JAR=$(ls "$ROOT"/target/goalpost-*.jar | head -1)

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT

log "Fresh databases: goalpost_bench_small (the demo's 11 rows), goalpost_bench_large ($LARGE_ROWS rows)"
mariadb -uroot <<SQL
DROP DATABASE IF EXISTS goalpost_bench_small; DROP DATABASE IF EXISTS goalpost_bench_large;
CREATE DATABASE goalpost_bench_small CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE goalpost_bench_large CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`goalpost\_bench\_%\`.* TO '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`goalpost\_bench\_%\`.* TO '$DB_USER'@'127.0.0.1';
SQL
java -cp "$CP" org.goalpost.bench.BenchSeed "jdbc:mariadb://127.0.0.1:3306/goalpost_bench_small" $DB_USER $DB_PASSWORD 0 2>&1 | grep BenchSeed | tee -a "$OUT/seed.log"
java -cp "$CP" org.goalpost.bench.BenchSeed "jdbc:mariadb://127.0.0.1:3306/goalpost_bench_large" $DB_USER $DB_PASSWORD $((LARGE_ROWS - 11)) 2>&1 | grep BenchSeed | tee -a "$OUT/seed.log"

log "Stubbed Stripe API on $STRIPE_PORT"
nice -n 10 java -cp "$CP" org.goalpost.bench.BenchStripe $STRIPE_PORT > "$OUT/stripe.log" 2>&1 &
PIDS+=($!)

start_app() {
  local db=$1
  local t0=$(date +%s%N)
  SPRING_PROFILES_ACTIVE=mysql SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$db" SPRING_DATASOURCE_USERNAME=$DB_USER \
  SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD PORT=$APP_PORT STRIPE_SECRET_KEY=sk_test_bench STRIPE_WEBHOOK_SECRET=$SECRET \
  STRIPE_API_BASE=http://127.0.0.1:$STRIPE_PORT GOALPOST_RECONCILE_INTERVAL=1h GOALPOST_PUBLIC_URL=http://127.0.0.1:$APP_PORT GOALPOST_RATE_LIMIT_CHECKOUT_PER_IP=0 GOALPOST_RATE_LIMIT_CHECKOUT_GLOBAL=0 \
    java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$OUT/app-$db.log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
  until curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null; do sleep 0.05; done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  STARTED_LINE=$(grep -o 'Started GoalpostApplication in [0-9.]* seconds' "$OUT/app-$db.log" || true)
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

# wrk one URL: prints "rps p50 p99" (ms)
run_wrk() {
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}"s --latency "$1" > "$OUT/wrk.tmp"
  local rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.tmp")
  local p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.tmp")
  local p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.tmp")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() { case "$1" in *us) echo "scale=3; ${1%us}/1000" | bc ;; *ms) echo "${1%ms}" ;; *s) echo "scale=3; ${1%s}*1000" | bc ;; esac; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A TARGETS
TARGETS[ping]="http://127.0.0.1:$APP_PORT/api/ping"
TARGETS[json]="http://127.0.0.1:$APP_PORT/api/campaigns/support"
TARGETS[svg]="http://127.0.0.1:$APP_PORT/widget/support.svg"
TARGETS[nginx]="http://127.0.0.1:$NGINX_PORT/progress.json"
ORDER=(ping json svg nginx)

# Runs every target ROUNDS times, interleaved, and keeps each one's median: "name rps p50 p99"
measure() {
  local label=$1 rounds=$2
  declare -A RPS P50 P99
  for r in $(seq 1 "$rounds"); do
    for t in "${ORDER[@]}"; do
      read -r rps p50 p99 < <(run_wrk "${TARGETS[$t]}")
      RPS[$t]+="$rps "; P50[$t]+="$p50 "; P99[$t]+="$p99 "
    done
  done
  for t in "${ORDER[@]}"; do
    echo "$label $t $(echo ${RPS[$t]} | tr ' ' '\n' | median) $(echo ${P50[$t]} | tr ' ' '\n' | median) $(echo ${P99[$t]} | tr ' ' '\n' | median)"
  done
}

table() {
  note ""
  note "| $1 | requests/s | p50 ms | p99 ms | vs trivial | vs nginx |"
  note "|---|---:|---:|---:|---:|---:|"
  local ping=$(awk '$2=="ping" {print $3}' "$2") nginx=$(awk '$2=="nginx" {print $3}' "$2")
  while read -r _ t rps p50 p99; do
    note "| $t | $(printf '%.0f' "$rps") | $p50 | $p99 | $(echo "scale=2; $rps/$ping" | bc) | $(echo "scale=2; $rps/$nginx" | bc) |"
  done < "$2"
}

log "nginx on $NGINX_PORT (the machine's ceiling: a static file of the same size)"
mkdir -p "$OUT/nginx/html" "$OUT/nginx/logs"
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

note "# Goalpost benchmark run, $(date -u '+%Y-%m-%d %H:%M UTC')"
note ""
note "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1); MariaDB $(mariadb -uroot -N -e 'SELECT VERSION()'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); nginx $(nginx -v 2>&1 | cut -d/ -f2)."
note "wrk -t2 -c64 -d${SECONDS_PER_RUN}s, $ROUNDS interleaved rounds, medians; wrk, MariaDB, the stubbed Stripe API and the load generator share the 2 cores with the app (JVM options: ${BENCH_JAVA_OPTS:--Xmx512m})."

for size in small large; do
  db=goalpost_bench_$size
  log "App on $db"
  start_app $db
  rows=$(mariadb -uroot -N -e "SELECT COUNT(*) FROM $db.ledger_entry")
  note ""
  note "## $db: $rows ledger rows"
  note ""
  note "Start-up to healthy: ${STARTUP_MS} ms ($STARTED_LINE)."
  curl -s "http://127.0.0.1:$APP_PORT/api/campaigns/support" > "$OUT/nginx/html/progress.json"
  nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -s stop 2>/dev/null || true
  sleep 0.5
  nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf"
  log "Warm-up"
  for t in "${ORDER[@]}"; do wrk -t2 -c64 -d5s "${TARGETS[$t]}" > /dev/null; done
  measure "$size" "$ROUNDS" > "$OUT/$size.txt"
  table "read path, $rows rows" "$OUT/$size.txt"

  if [ "$size" = small ]; then
    log "A flood of unknown slugs: answered from memory, no query (the database's SELECT count is read around it)"
    selects() { mariadb -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Com_select'" | awk '{print $2}'; }
    before=$(selects)
    wrk -t2 -c64 -d"${SECONDS_PER_RUN}"s --latency -s "$ROOT/bench/random-slugs.lua" "http://127.0.0.1:$APP_PORT" > "$OUT/slugs.tmp"
    after=$(selects)
    note ""
    note "Unknown slugs (a new one per request, 404): $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/slugs.tmp") requests/s, p99 $(awk '$1=="99%" {print $2}' "$OUT/slugs.tmp"); SELECTs on the server meanwhile: $((after - before)) (the change-stamp poll runs one a second)."
  fi

  if [ "$size" = large ]; then
    log "Webhook ingestion, as fast as the app takes them (after 1,500 unmeasured events that warm the webhook path up)"
    java -cp "$CP" org.goalpost.bench.WebhookLoad max "http://127.0.0.1:$APP_PORT" $SECRET 1500 16 \
      "jdbc:mariadb://127.0.0.1:3306/$db" $DB_USER $DB_PASSWORD > "$OUT/ingest-warmup.log" 2>&1
    # Each delivery waits on Stripe's API and on the database: the app is saturated only when enough
    # deliveries are in flight, so the offered concurrency is swept and the best sustained rate kept.
    : > "$OUT/ingest.log"
    for threads in ${BENCH_INGEST_THREADS:-16 32 64}; do
      java -cp "$CP" org.goalpost.bench.WebhookLoad max "http://127.0.0.1:$APP_PORT" $SECRET ${BENCH_INGEST_EVENTS:-5000} $threads \
        "jdbc:mariadb://127.0.0.1:3306/$db" $DB_USER $DB_PASSWORD 2>&1 | grep 'WebhookLoad max' | tee -a "$OUT/ingest.log"
    done
    note ""
    while read -r line; do note "- $line"; done < "$OUT/ingest.log"
    note ""
    note "Best sustained ingestion: $(grep -o '[0-9]* events/s' "$OUT/ingest.log" | sort -n | tail -1), every run $(grep -c ': EXACT$' "$OUT/ingest.log")/$(wc -l < "$OUT/ingest.log") EXACT."
    log "Read path while webhooks arrive at 100/s"
    duration=$(( SECONDS_PER_RUN * 4 * ROUNDS + 8 ))
    nice -n 10 java -cp "$CP" org.goalpost.bench.WebhookLoad rate "http://127.0.0.1:$APP_PORT" $SECRET 100 $duration > "$OUT/rate.log" 2>&1 &
    LOAD=$!
    until grep -q "posting" "$OUT/rate.log"; do sleep 0.2; done
    sleep 2
    measure "webhooks" "$ROUNDS" > "$OUT/webhooks.txt"
    wait $LOAD
    table "read path, $rows rows, webhooks at 100/s" "$OUT/webhooks.txt"
    note ""
    note "$(grep 'WebhookLoad rate:.*showed' "$OUT/rate.log")"
    note ""
    note "Throughput kept under webhook load: $(awk 'NR==FNR && $2=="json" {a=$3; next} $2=="json" {printf "%.0f %%", 100*$3/a}' "$OUT/large.txt" "$OUT/webhooks.txt") of the progress JSON's."

  fi
  rss=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  note ""
  note "Resident memory after the runs: $((rss / 1024)) MiB."
  stop_app
done

log "Done: $RESULTS"
cat "$RESULTS"
