#!/usr/bin/env python3
"""Print candidate MISP galaxy entries for Tocsin's curated threat-actor list.

Re-run:  python3 derive_threat_actors.py [../shared/data/misp-galaxy] [--json]

For each curated actor below, every entry of threat-actor.json, microsoft-activity-group.json and
mitre-intrusion-set.json whose value or meta.synonyms matches one of the actor's seed names
(normalised: lower case, spaces/hyphens/underscores/dots dropped) is listed with its uuid, names,
country, refs and its "similar" neighbours that were NOT matched (so a human can decide whether they
belong). For MITRE intrusion sets, the ATT&CK techniques they "use" are resolved through
mitre-attack-pattern.json. The output is candidates only; the shipped file
tocsin-core/src/main/resources/tocsin/intel/threat-actors.json is curated by hand from it.
With --json, a draft of the "actors" array is printed instead (names/aliases/uuids/techniques/refs
merged mechanically; descriptions left empty).
"""
import json
import os
import re
import sys

FILES = ["threat-actor.json", "microsoft-activity-group.json", "mitre-intrusion-set.json"]

# id -> seed names. Matching is exact on normalised names; no transitive closure over "similar"
# (that would pull the whole Iranian cluster, and beyond, into one actor).
SEEDS = {
    "apt42": ["APT42", "Mint Sandstorm", "Charming Kitten", "TA453", "APT35", "Phosphorus",
              "Magic Hound", "CharmingCypress", "Newscaster", "Yellow Garuda"],
    "cotton-sandstorm": ["Cotton Sandstorm", "Emennet Pasargad", "Neptunium", "Marnanbridge",
                         "Haywire Kitten", "Eliaqa"],
    "storm-2035": ["Storm-2035"],
    "doppelganger": ["Doppelganger", "Storm-1099", "RRN", "Reliable Recent News"],
    "storm-1516": ["Storm-1516", "CopyCop"],
    "spamouflage": ["Spamouflage", "Dragonbridge", "Storm-1376", "Spamouflage Dragon",
                    "Taizi Flood"],
    "apt28": ["APT28", "Fancy Bear", "Forest Blizzard", "Strontium", "Sofacy", "Pawn Storm"],
    "apt29": ["APT29", "Cozy Bear", "Midnight Blizzard", "Nobelium", "The Dukes"],
    "sandworm": ["Sandworm", "Sandworm Team", "Seashell Blizzard", "Iridium", "Voodoo Bear"],
    "ghostwriter": ["Ghostwriter", "UNC1151", "Storm-0257"],
    "star-blizzard": ["Star Blizzard", "Callisto", "COLDRIVER", "Seaborgium", "TA446"],
    "apt31": ["APT31", "Zirconium", "Violet Typhoon", "Judgment Panda"],
}

# Hand-made curation decisions, applied by --json (see "derived" in the shipped file).
NAMES = {"apt42": "APT42", "cotton-sandstorm": "Cotton Sandstorm", "storm-2035": "Storm-2035",
         "doppelganger": "Doppelganger", "storm-1516": "Storm-1516", "spamouflage": "Spamouflage",
         "apt28": "APT28", "apt29": "APT29", "sandworm": "Sandworm", "ghostwriter": "Ghostwriter",
         "star-blizzard": "Star Blizzard", "apt31": "APT31"}
EXCLUDE_UUIDS = {
    "29cfe970-5446-4cfc-a2da-00e9f49e02ba",  # 'IRIDIUM' (Resecurity, IR): not Microsoft's IRIDIUM = Sandworm
    "7d99d2f7-adf0-44e4-9044-d18ff6842a16",  # 'Cold River' (Lookingglass 2019, Nahr Elbard): not COLDRIVER
}
# names that would be ambiguous (shared by two actors), that name malware rather than an actor
# ("Grizzly Steppe" is the US government's umbrella for both APT28 and APT29), or that are ordinary
# words likely to match unrelated text.
DROP_ALIASES = {"grizzly steppe", "blackenergy (group)", "blackenergy lite", "be2",
                "phantom", "chameleon", "hellfire"}
# names the galaxy lacks but the 2024 reporting uses (source given in "derived")
EXTRA_ALIASES = {"doppelganger": ["Doppelganger"], "spamouflage": ["Spamouflage", "Storm-1376"],
                 "storm-1516": [], "apt42": []}
EXTRA_REFS = {
    "storm-2035": ["https://blogs.microsoft.com/on-the-issues/2024/08/08/iran-targeting-2024-us-election/",
                   "https://openai.com/index/disrupting-a-covert-iranian-influence-operation/"],
    "spamouflage": ["https://blogs.microsoft.com/on-the-issues/2024/04/04/china-ai-influence-elections-mtac-cybersecurity/"],
}
GROUP_ID = re.compile(r"^(.*) - (G\d{4})$")

TECH = re.compile(r" - (T\d{4}(?:\.\d{3})?)$")


def norm(s):
    return re.sub(r"[\s\-_.]+", "", s.lower())


def names(v):
    value = v["value"]
    m = GROUP_ID.match(value)
    out = [m.group(1), m.group(2)] if m else [value]
    return out + list(v.get("meta", {}).get("synonyms", []))


def load(base):
    entries = []
    for f in FILES:
        for v in json.load(open(os.path.join(base, f), encoding="utf-8"))["values"]:
            entries.append((f, v))
    patterns = {}
    for v in json.load(open(os.path.join(base, "mitre-attack-pattern.json"), encoding="utf-8"))["values"]:
        m = TECH.search(v["value"])
        if m:
            patterns[v["uuid"]] = m.group(1)
    return entries, patterns


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    base = args[0] if args else os.path.join(os.path.dirname(__file__), *[".."] * 6, "shared", "data", "misp-galaxy")
    entries, patterns = load(base)
    by_uuid = {v["uuid"]: (f, v) for f, v in entries}
    draft = []
    owner = {}
    for actor, seeds in SEEDS.items():
        wanted = {norm(s) for s in seeds}
        hits = [(f, v) for f, v in entries if any(norm(n) in wanted for n in names(v))]
        if "--json" in sys.argv:
            hits = [(f, v) for f, v in hits if v["uuid"] not in EXCLUDE_UUIDS]
        hit_uuids = {v["uuid"] for _, v in hits}
        if "--json" not in sys.argv:
            print(f"== {actor}: {len(hits)} entries")
        name = NAMES[actor]
        aliases, techs, refs, country = [name] + EXTRA_ALIASES.get(actor, []), set(), [], set()
        firsts, seconds = [], []
        for f, v in hits:
            meta = v.get("meta", {})
            country.add(meta.get("country"))
            t = sorted({patterns[r["dest-uuid"]] for r in v.get("related", [])
                        if r.get("type") == "uses" and r["dest-uuid"] in patterns})
            techs.update(t)
            for n in names(v):
                if n.lower() in DROP_ALIASES:
                    continue
                if norm(n) not in {norm(a) for a in aliases}:
                    aliases.append(n)
                other = owner.setdefault(norm(n), actor)
                if other != actor:
                    print(f"!! alias {n!r} in {actor} and {other}", file=sys.stderr)
            firsts.extend(meta.get("refs", [])[:1])
            seconds.extend(meta.get("refs", [])[1:2])
            if "--json" not in sys.argv:
                print(f"  [{f}] {v['uuid']} {v['value']!r} country={meta.get('country')}")
                print(f"     synonyms: {meta.get('synonyms', [])}")
                print(f"     techniques: {len(t)}  refs: {len(meta.get('refs', []))}")
                print(f"     description: {v.get('description', '')[:300]!r}")
                for r in v.get("related", []):
                    if r.get("type") == "similar" and r["dest-uuid"] not in hit_uuids and r["dest-uuid"] in by_uuid:
                        of, ov = by_uuid[r["dest-uuid"]]
                        print(f"     similar, unmatched: [{of}] {ov['uuid']} {ov['value']!r}")
        # a few references: each merged entry's first ref, then its second, at most 8, no duplicates
        for r in firsts + seconds:
            if len(refs) < 8 and r.rstrip("/") not in {x.rstrip("/") for x in refs}:
                refs.append(r)
        refs = (refs + [r for r in EXTRA_REFS.get(actor, []) if r not in refs])
        draft.append({"id": actor, "name": name, "aliases": [a for a in aliases if a != name],
                      "country": "/".join(sorted(c for c in country if c)), "description": "",
                      "galaxy_uuids": [v["uuid"] for _, v in hits],
                      "techniques": sorted(techs), "references": refs})
    if "--json" in sys.argv:
        print(json.dumps(draft, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
