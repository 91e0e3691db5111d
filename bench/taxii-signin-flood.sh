#!/usr/bin/env bash
# The TAXII server's legitimate throughput with and without a wrong-password flood (docs/performance.md).
# usage: bench/taxii-signin-flood.sh [TOCSIN_JAR] [bearer|basic] [one|spread]
#   a store filled by scanning the bundled examples, served with examples/taxii.yaml on a free port;
#   the legitimate client is wrk (2 threads, 4 connections, 30 s) reading the findings collection as the partner
#   account, by bearer token or by Basic with the right password (remembered after the first request);
#   the flood is bench/WrongPasswordFlood.java: 8 threads sending wrong passwords for that same account, from
#   127.0.0.2 (one) or from 127.0.0.2-9 (spread). Needs wrk (Debian: apt-get install wrk). Loopback only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$root/tocsin-cli/target/tocsin.jar}"
auth="${2:-bearer}"
from="${3:-one}"
seconds=30
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
db="jdbc:h2:file:$work/store"
java -jar "$jar" scan --db "$db" --profile "$root/examples/watch-profile.yaml" "$root/examples/mail" "$root/examples/feeds" > /dev/null || true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx1g -jar "$jar" serve --config "$root/examples/taxii.yaml" --db "$db" --port "$port" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/taxii2/" && break; sleep 0.5; done
path="/tocsin/collections/994959e6-ba40-4337-836b-b29a298c8b40/objects/"
if [ "$auth" = basic ]; then
  header="Authorization: Basic $(printf '%s' 'county-elections:partner-demo-password' | base64)"
else
  header="Authorization: Bearer demo-partner-token-not-for-production"
fi
url="http://127.0.0.1:$port$path"
echo "jar: $jar; legitimate client: $auth; flood from: $from; $(curl -s -H "$header" "$url" | head -c 100000 | grep -o '"id"' | wc -l) objects per response"
wrk -t2 -c4 -d10s -H "$header" -H 'Accept: application/taxii+json;version=2.1' "$url" > /dev/null # warm-up
echo "--- without the flood"
wrk -t2 -c4 -d${seconds}s --latency -H "$header" -H 'Accept: application/taxii+json;version=2.1' "$url" | grep -E "Requests/sec|Non-2xx|^ +(50|99)%|Latency "
echo "--- with 8 threads sending wrong passwords for county-elections"
flood_args=("$port" "$path" county-elections 8 $((seconds + 10)))
[ "$from" = spread ] && flood_args+=(--spread)
java "$root/bench/WrongPasswordFlood.java" "${flood_args[@]}" &
flood=$!
sleep 5
wrk -t2 -c4 -d${seconds}s --latency -H "$header" -H 'Accept: application/taxii+json;version=2.1' "$url" | grep -E "Requests/sec|Non-2xx|^ +(50|99)%|Latency "
wait "$flood"
