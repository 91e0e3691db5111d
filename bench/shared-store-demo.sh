#!/usr/bin/env bash
# Issue 13 must-show: scan and export while serve holds the default store; the served collection shows the new finding.
#   bench/shared-store-demo.sh JAR   (serve on port 9517 with examples/taxii.yaml publishing every 5 s)
set -u
JAR=$(realpath "$1"); D=$(mktemp -d); export XDG_DATA_HOME=$D/xdg; ROOT=$(cd "$(dirname "$0")/.." && pwd)
sed 's/publish_every_seconds: 300/publish_every_seconds: 5/' $ROOT/examples/taxii.yaml > $D/taxii.yaml
java -jar $JAR serve --port 9517 --config $D/taxii.yaml > $D/serve.log 2>&1 & SP=$!
trap 'kill $SP 2>/dev/null; wait $SP 2>/dev/null' EXIT
for i in $(seq 60); do curl -s -o /dev/null http://127.0.0.1:9517/taxii2/ && break; sleep 1; done
obj() { curl -s -H 'Accept: application/taxii+json;version=2.1' -H 'Authorization: Bearer demo-analyst-token-not-for-production' \
  "http://127.0.0.1:9517/tocsin/collections/994959e6-ba40-4337-836b-b29a298c8b40/objects/" | python3 -c 'import json,sys; o=json.load(sys.stdin).get("objects",[]); print(len(o), "objects;", sum(1 for x in o if "washingtonpost-news" in json.dumps(x)), "mention washingtonpost-news.com")'; }
echo "served before the scan: $(obj)"
echo "\$ tocsin scan --profile examples/profile.yaml examples/mail/phish/apt42-interview-lure.eml   (while serve runs)"
java -jar $JAR scan --profile $ROOT/examples/profile.yaml $ROOT/examples/mail/phish/apt42-interview-lure.eml 2>&1 | tail -2; echo "exit ${PIPESTATUS[0]}"
echo "\$ tocsin export stix --out x.json   (while serve runs)"
java -jar $JAR export stix --out $D/x.json 2>&1 | tail -1; echo "exit ${PIPESTATUS[0]}; $(python3 -c "import json;print(len(json.load(open('$D/x.json'))['objects']),'objects exported')")"
sleep 12
echo "served 12 s later, no restart: $(obj)"
