#!/usr/bin/env bash
# Goalpost staff side at a million donations (docs/PERFORMANCE.md): the CSV export's memory and
# time, the donations list's keyset pages and searches, and the recurring view. Runs against the local MariaDB.
#   bench/staff.sh                       # 1,000,000 donations, export under a 128 MiB heap
#   BENCH_ROWS=100000 bench/staff.sh     # fewer rows
#   EXPORT_HEAP=64m bench/staff.sh       # a smaller heap
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/bench
ROWS=${BENCH_ROWS:-1000000}
HEAP=${EXPORT_HEAP:-128m}
APP_PORT=8086
DB=goalpost_bench_staff
DB_USER=goalpost_bench
DB_PASSWORD=goalpost_bench_password
ADMIN_EMAIL=bench.admin@newsroom.test
ADMIN_PASSWORD=Bench-admin-password-2026
TOKEN=gp_benchAdminTokenForTheStaffBenchmark000001
mkdir -p "$OUT"
RESULTS=$OUT/staff-results.md
: > "$RESULTS"
log() { printf '\n==> %s\n' "$*" >&2; }
note() { echo "$*" | tee -a "$RESULTS"; }

log "Building the jar and the seeding tool"
./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/cp.txt")"
JAR=$(ls "$ROOT"/target/goalpost-*.jar | head -1)

log "Fresh database $DB with $ROWS donations"
mariadb -uroot <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`goalpost\_bench\_%\`.* TO '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`goalpost\_bench\_%\`.* TO '$DB_USER'@'127.0.0.1';
SQL
java -cp "$CP" org.goalpost.bench.BenchSeed "jdbc:mariadb://127.0.0.1:3306/$DB" $DB_USER $DB_PASSWORD $ROWS 2>&1 | grep BenchSeed
donations=$(mariadb -uroot -N -e "SELECT COUNT(*) FROM $DB.donation")

log "App with -Xmx$HEAP"
SPRING_PROFILES_ACTIVE=mysql SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:3306/$DB" SPRING_DATASOURCE_USERNAME=$DB_USER \
SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD PORT=$APP_PORT GOALPOST_ADMIN_EMAIL=$ADMIN_EMAIL GOALPOST_ADMIN_PASSWORD=$ADMIN_PASSWORD \
GOALPOST_ADMIN_API_TOKEN=$TOKEN GOALPOST_RECONCILE_INTERVAL=1h \
  java -Xmx$HEAP -jar "$JAR" > "$OUT/app-staff.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null; do sleep 0.1; done
BASE="http://127.0.0.1:$APP_PORT"

log "Logging in through the form"
JAR_FILE=$OUT/staff-cookies.txt
rm -f "$JAR_FILE"
csrf=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "username=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$csrf" "$BASE/login"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_FILE" "$BASE/staff")" = 200 ] || { echo "login failed"; exit 1; }

heap_used_kib() { jstat -gc "$APP_PID" | awk 'NR==2 {printf "%d", $3 + $4 + $6 + $8}'; }
rss_kib() { awk '/VmRSS/ {print $2}' /proc/$APP_PID/status; }

note "# Goalpost staff benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
note ""
note "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), MariaDB $(mariadb -uroot -N -e 'SELECT VERSION()'); app with -Xmx$HEAP (G1); $donations donations."

log "Export of every donation, sampling the heap and RSS every 100 ms"
jcmd "$APP_PID" GC.run >/dev/null
rss_before=$(rss_kib)
heap_before=$(heap_used_kib)
SAMPLES=$OUT/staff-samples.txt
: > "$SAMPLES"
( while kill -0 "$APP_PID" 2>/dev/null; do echo "$(heap_used_kib) $(rss_kib)" >> "$SAMPLES"; sleep 0.1; done ) &
SAMPLER=$!
read -r code bytes seconds < <(curl -s -b "$JAR_FILE" -o "$OUT/donations.csv" -w '%{http_code} %{size_download} %{time_total}\n' \
  "$BASE/staff/export/donations.csv")
kill $SAMPLER 2>/dev/null || true
lines=$(wc -l < "$OUT/donations.csv")
peak_heap=$(awk 'BEGIN {m=0} $1>m {m=$1} END {print m}' "$SAMPLES")
peak_rss=$(awk 'BEGIN {m=0} $2>m {m=$2} END {print m}' "$SAMPLES")
hwm=$(awk '/VmHWM/ {print $2}' /proc/$APP_PID/status)
[ "$code" = 200 ] || { echo "export failed: HTTP $code"; exit 1; }
note ""
note "## CSV export of all donations"
note ""
note "| rows | size | time | rows/s | heap used before | peak heap used | RSS before | peak RSS |"
note "|---:|---:|---:|---:|---:|---:|---:|---:|"
note "| $((lines - 1)) | $((bytes / 1048576)) MiB | ${seconds} s | $(echo "($lines - 1) / $seconds" | bc) | $((heap_before / 1024)) MiB | $((peak_heap / 1024)) MiB | $((rss_before / 1024)) MiB | $((peak_rss / 1024)) MiB (VmHWM $((hwm / 1024)) MiB) |"

log "Donations list: keyset pages and searches (median of 20 calls each)"
timed() { for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$1"; done \
  | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[10]*1000}'; }
first=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/staff/donations?size=50")
cursor=$(echo "$first" | grep -o '"next":"[^"]*"' | sed 's/"next":"//; s/"$//')
deep="$cursor"
for _ in $(seq 1 200); do
  deep=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/staff/donations?size=200&cursor=$deep" | grep -o '"next":"[^"]*"' | sed 's/"next":"//; s/"$//')
done
note ""
note "## Donations list at $donations rows (staff API, 50 a page; median of 20)"
note ""
note "| query | ms |"
note "|---|---:|"
note "| first page | $(timed "$BASE/api/staff/donations?size=50") |"
note "| next page (cursor) | $(timed "$BASE/api/staff/donations?size=50&cursor=$cursor") |"
note "| page 40,000 rows deep (cursor) | $(timed "$BASE/api/staff/donations?size=50&cursor=$deep") |"
note "| search by donor email | $(timed "$BASE/api/staff/donations?q=reader4242@example.org") |"
note "| filter campaign + interval + dates | $(timed "$BASE/api/staff/donations?campaign=support&interval=month&from=2025-06-01&to=2025-06-30") |"
note "| staff page /staff/donations | $(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -b "$JAR_FILE" "$BASE/staff/donations"; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[10]*1000}') |"
note "| dashboard /staff | $(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -b "$JAR_FILE" "$BASE/staff"; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[10]*1000}') |"
recurring=$(mariadb -uroot -N -e "SELECT COUNT(*) FROM $DB.donation WHERE donation_interval IN ('MONTH', 'YEAR')")
movements=$(mariadb -uroot -N -e "SELECT COUNT(*) FROM $DB.recurring_movement")
note "| recurring view (issue 12: $recurring recurring donations, $movements log rows) | $(timed "$BASE/api/staff/campaigns/support/recurring?mode=test") |"
note "| recurring view of all campaigns (per currency) | $(timed "$BASE/api/staff/recurring?mode=test") |"
note "| public JSON with the pledged figure (read path, from memory) | $(timed "$BASE/api/campaigns/support") |"
note ""
log "Data invariants at start (every kept figure recomputed from the rows)"
for _ in $(seq 1 600); do grep -q "Invariants checked in" "$OUT/app-staff.log" && break; sleep 1; done
note "Invariants at start: $(grep -o 'Invariants checked in [0-9]* ms: [^"]*' "$OUT/app-staff.log" | head -1)"
note ""
note "Results: $RESULTS"
