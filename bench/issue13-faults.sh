#!/usr/bin/env bash
# Issue 13's command-line faults, re-run against one tocsin.jar (a release before the fixes, or today's):
#   bench/issue13-faults.sh JAR OUTDIR   (OUTDIR is emptied; setpriv and python3 needed)
# Each scenario prints: fault, command, exit code, and the telling part of the output (escaped with cat -v).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(realpath "$1"); OUT=$(realpath -m "$2"); rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
t() { java -jar "$JAR" "$@"; }
show() { echo "--- $1"; }
export XDG_DATA_HOME=$OUT/xdg
# fault 2: ESC/NUL in headers
printf 'From: "Evil\x1b]0;pwned\x07\x1b[2J" <a@evil.example>\r\nTo: b@example.org\r\nSubject: hi\x1b[31mRED\x00nul\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <x@evil.example>\r\n\r\nhello http://evil\x1b[2J.example/\r\n' > esc.eml
show "2 email triage (text)"; t email triage esc.eml > f2.txt 2>&1; echo "exit $?"; echo "raw ESC bytes: $(tr -cd '\033' < f2.txt | wc -c), raw NUL bytes: $(tr -cd '\000' < f2.txt | wc -c)"; sed -n 3p f2.txt | cat -v | cut -c1-160
# fault 3: unreadable subdirectory (as nobody: root reads everything)
mkdir -p f3/ok f3/locked; cp $ROOT/examples/mail/phish/apt42-interview-lure.eml f3/ok/; cp $ROOT/examples/mail/phish/apt42-interview-lure.eml f3/locked/; chmod 000 f3/locked; chmod -R a+rX "$OUT" 2>/dev/null; chmod 000 f3/locked; chmod 777 "$OUT"
show "3 scan DIR with an unreadable subdirectory (as nobody)"; setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp XDG_DATA_HOME=/tmp/f3-xdg-$$ java -jar "$JAR" scan --db "jdbc:h2:$OUT/f3db/store" f3 > f3.txt 2>&1; echo "exit $?"; tail -3 f3.txt | cut -c1-200
# fault 6: symlinked directory named on the command line
mkdir -p f6real; cp $ROOT/examples/mail/phish/apt42-interview-lure.eml f6real/; ln -s f6real f6link
show "6 email triage LINK"; t email triage f6link > f6.txt 2>&1; echo "exit $?"; tail -2 f6.txt | cut -c1-200
show "6 scan LINK"; t scan --db "jdbc:h2:$OUT/f6db/store" f6link > f6s.txt 2>&1; echo "exit $?"; tail -2 f6s.txt | cut -c1-200
# fault 7: a feed whose first line is a raw Unicode name
printf 'b\xd1\x96ld.de\nexample.com\nwashingtonpost.pm\n' > f7.txt
show "7 scan feed starting with bіld.de"; t scan --profile $ROOT/examples/watch-profile.yaml --db "jdbc:h2:$OUT/f7db/store" f7.txt > f7o.txt 2>&1; echo "exit $?"; tail -3 f7o.txt | cut -c1-200
# fault 14: links
show "14 links --type bogus X"; t links --db "jdbc:h2:$OUT/f7db/store" --type bogus X > f14a.txt 2>&1; echo "exit $?"; tail -1 f14a.txt | cut -c1-200
show "14 links ''"; t links --db "jdbc:h2:$OUT/f7db/store" "" > f14b.txt 2>&1; echo "exit $?"; tail -1 f14b.txt | cut -c1-200
# fault 14: a feed of blank lines (10 MB here; the issue used 1 GiB)
head -c 10000000 /dev/zero | tr '\0' '\n' > blank.txt
show "14 domains watch on a feed of blank lines"; t domains watch --profile $ROOT/examples/watch-profile.yaml blank.txt > f14c.txt 2>&1; echo "exit $?"; tail -1 f14c.txt | cut -c1-200
# fault 14: scan -
show "14 scan - (stdin)"; t scan --db "jdbc:h2:$OUT/f14db/store" - < $ROOT/examples/mail/phish/apt42-interview-lure.eml > f14d.txt 2>&1; echo "exit $?"; tail -2 f14d.txt | cut -c1-200
# fault 14: serve --config missing
show "14 serve --config /nonexistent.yaml"; timeout 60 java -jar "$JAR" serve --config /nonexistent.yaml > f14e.txt 2>&1; echo "exit $?"; head -2 f14e.txt | cut -c1-200
# fault 14: uncreatable H2 path
show "14 scan --db on an uncreatable path"; t scan --db "jdbc:h2:/proc/tocsin/store" $ROOT/examples/mail/phish/apt42-interview-lure.eml > f14f.txt 2>&1; echo "exit $?"; echo "lines: $(wc -l < f14f.txt)"; head -1 f14f.txt | cut -c1-200
# fault 4: import a STIX bundle with a 10,000-character description in the middle
python3 - <<'PY'
import json,uuid
def ind(i,desc):
    return {"type":"indicator","spec_version":"2.1","id":"indicator--%s"%uuid.uuid5(uuid.NAMESPACE_DNS,str(i)),"created":"2024-05-01T10:00:00.000Z","modified":"2024-05-01T10:00:00.000Z","pattern":"[domain-name:value = 'evil%d.example']"%i,"pattern_type":"stix","valid_from":"2024-05-01T10:00:00Z","indicator_types":["malicious-activity"],"description":desc}
objs=[ind(1,"short"),ind(2,"x"*10000),ind(3,"after")]
json.dump({"type":"bundle","id":"bundle--%s"%uuid.uuid4(),"objects":objs},open("f4.json","w"))
PY
show "4 import a bundle with a 10,000-char description as its 2nd of 3 indicators"; t import --db "jdbc:h2:$OUT/f4db/store" f4.json > f4.txt 2>&1; echo "exit $?"; tail -2 f4.txt | cut -c1-200
show "4 indicators kept"; t intel indicators --db "jdbc:h2:$OUT/f4db/store" 2>&1 | grep -c "evil" 
# fault 12: intel add without --technique, export
show "12 intel add without --technique then export stix"; t intel add --db "jdbc:h2:$OUT/f12db/store" evil.example --actor apt42 --confidence low --source me > /dev/null 2>&1; t export stix --db "jdbc:h2:$OUT/f12db/store" --out f12.json > /dev/null 2>&1; echo "exit $?"; python3 -c "
import json,sys
def empties(o,p=''):
    if isinstance(o,list):
        if not o: yield p
        for i,x in enumerate(o): yield from empties(x,p+'[%d]'%i)
    elif isinstance(o,dict):
        for k,v in o.items(): yield from empties(v,p+'.'+k)
e=list(empties(json.load(open('f12.json'))));print('empty lists:',len(e),e[:3])"
# fault 13: a MISP event with an unparseable date
cat > f13.json <<'J'
{"Event":{"uuid":"5f1c1f9e-1c2b-4d5e-8f00-000000000013","info":"bad dates","date":"not-a-date","timestamp":"nope","threat_level_id":"1","Orgc":{"name":"ISAC"},"Attribute":[{"uuid":"5f1c1f9e-1c2b-4d5e-8f00-000000000014","type":"domain","category":"Network activity","value":"baddate.example","to_ids":true,"timestamp":"garbage","comment":"c"}]}}
J
show "13 import a MISP event whose dates do not parse"; t import --db "jdbc:h2:$OUT/f13db/store" f13.json > f13.txt 2>&1; echo "exit $?"; tail -2 f13.txt | cut -c1-200; t intel indicators --db "jdbc:h2:$OUT/f13db/store" 2>&1 | grep -i baddate | cut -c1-200
