#!/usr/bin/env bash
# The TAXII server's legitimate throughput with and without a wrong-password flood (docs/performance.md).
# usage: bench/taxii-signin-flood.sh [TOCSIN_JAR] [bearer|basic] [one|spread|same] [discovery|objects]
#   a store filled by scanning the bundled examples, served with examples/taxii.yaml on a free port;
#   the legitimate client is wrk (2 threads, 4 connections, 20 s a phase, from 127.0.0.1) asking for discovery (/taxii2/)
#   or a page of 10 objects of the findings collection as the partner account, by bearer token or by Basic with
#   the right password (remembered by the server after the first request);
#   the flood is bench/WrongPasswordFlood.java: 8 threads sending wrong passwords for that same account, from
#   127.0.0.2 (one), from 127.0.0.2-9 (spread) or from 127.0.0.1 like the legitimate client (same).
#   Needs wrk (Debian: apt-get install wrk). Loopback only, bounded in time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$root/tocsin-cli/target/tocsin.jar}"
auth="${2:-bearer}"
from="${3:-one}"
what="${4:-discovery}"
seconds=20
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
db="jdbc:h2:file:$work/store"
java -jar "$jar" scan --db "$db" --profile "$root/examples/watch-profile.yaml" "$root/examples/mail" "$root/examples/feeds" > /dev/null || true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx1g -jar "$jar" serve --config "$root/examples/taxii.yaml" --db "$db" --port "$port" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/taxii2/" && break; sleep 0.5; done
path="/taxii2/"
[ "$what" = objects ] && path="/tocsin/collections/994959e6-ba40-4337-836b-b29a298c8b40/objects/?limit=10"
if [ "$auth" = basic ]; then
  header="Authorization: Basic $(printf '%s' 'county-elections:partner-demo-password' | base64)"
else
  header="Authorization: Bearer demo-partner-token-not-for-production"
fi
url="http://127.0.0.1:$port$path"
echo "jar: $jar; legitimate client: $auth, $what; flood from: $from; load: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c4 -d90s -H "$header" -H 'Accept: application/taxii+json;version=2.1' "$url" > /dev/null # warm-up: the JIT settles
# the machine may be shared: besides requests/s (wall clock), each phase reports the server's own CPU time per
# legitimate request, from /proc, which other processes on the machine do not change
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
phase() { # $1: title
  local before after out requests
  before=$(cpu)
  out=$(wrk -t2 -c4 -d${seconds}s --latency -H "$header" -H 'Accept: application/taxii+json;version=2.1' "$url")
  after=$(cpu)
  requests=$(echo "$out" | grep -oE '^ +[0-9]+ requests' | grep -oE '[0-9]+')
  echo "--- $1 (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "$out" | grep -E "Requests/sec|Non-2xx|^ +(50|99)%"
  awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "  server CPU: %.1f s, %.3f ms per legitimate request\n", t / hz, 1000 * t / hz / n }'
}
javac -d "$work/flood" "$root/bench/WrongPasswordFlood.java" # compiled once: no compiler running in the measured phases
flood_args=("$port" "$path" county-elections 8 $((seconds + 8)))
[ "$from" = spread ] && flood_args+=(--spread)
[ "$from" = same ] && flood_args+=(--same)
# three rounds of (without, with) and a last one without: a machine whose load drifts shows it, and medians compare
for round in 1 2 3; do
  phase "without the flood, round $round"
  java -cp "$work/flood" WrongPasswordFlood "${flood_args[@]}" &
  flood=$!
  sleep 5 # the flood's JVM starts and its first attempts are answered
  phase "with 8 threads sending wrong passwords for county-elections, round $round"
  wait "$flood"
done
phase "without the flood, round 4"
echo "answers the server logged, by status: $(grep -oE ' (GET|POST) [^ ]+ [0-9]{3} ' "$work/serve.log" | awk '{print $3}' | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
