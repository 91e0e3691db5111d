"""Writes the example posts archive (activist-network.csv) and its accounts file (accounts.csv).

A fictional afternoon on a social platform in October 2024: forty ordinary accounts post about their day, the
election and sports, share popular links and reshare popular posts; six "Michigan activist" personas, registered
within twenty minutes of each other from one template, push the same calls to protest in bursts, and one account
imitates the example profile's candidate, Jane Roe. Deterministic: rerunning writes the same files.
"""
import csv
import random
from datetime import datetime, timedelta, timezone

random.seed(2024)
START = datetime(2024, 10, 12, 14, 0, tzinfo=timezone.utc)
ORGANIC = ["kelly_runs", "TomInOhio", "mariagarcia88", "bookworm_beth", "DaveTheGrill", "coach_jimenez", "NurseAmyK",
           "pixel_pete", "GrandmaJo52", "mike_fixes_cars", "lena.paints", "HoopsDad", "sarahsgarden", "Ravi_codes",
           "TheRealDeb", "chef_marco", "jen_teaches", "bikeguy_sam", "LucyLovesLab", "oldschool_ray", "AnnaVotes",
           "fishing_frank", "KimInTampa", "jayhawk_joe", "violet_reads", "carlos_b", "momof3_tara", "BrewMasterBen",
           "quietquinn", "hikerhannah", "ted_in_texas", "Nora_nurse", "stevie_jams", "PatriciaPolls", "will_the_welder",
           "ZoeCooks", "retired_rick", "mia_designs", "GregGolfs", "Hannah_H"]
OPERATORS = ["MichiganMomsVote", "DetroitVoiceNow", "MotorCityMarch", "WolverineWomen4", "GreatLakesRising",
             "LansingLiberty1"]
IMPOSTOR = "JaneRoe_Official"
TOPICS = ["Beautiful day for a run by the river", "Anyone else watching the game tonight?", "Made my grandma's chili recipe",
          "Early voting line was short this morning, took ten minutes", "Our school board meeting ran late again",
          "New coffee place on Main Street is great", "Garden finally gave us tomatoes", "Traffic on the interstate is awful",
          "Finished a great mystery novel this weekend", "Watched the debate highlights, interesting night",
          "Fixing the fence before the storm rolls in", "Kids' soccer team won 3-1", "Volunteering at the food bank today"]
POPULAR_LINKS = ["https://www.weather.example/forecast/detroit", "https://news.example/2024/10/12/turnout-record",
                 "https://sports.example/game/recap-1012"]
CALLS = [
    ("They are purging voters in Wayne County right now. Everyone to the Capitol steps Saturday at noon! #StopThePurge #MIvotes",
     "https://savannahtime.example/2024/10/12/wayne-county-purge"),
    ("Election officials hid 40,000 ballots in Detroit. Share before they delete this! #StopThePurge #MIvotes",
     "https://evenpolitics.example/detroit-hidden-ballots"),
    ("Our votes are being stolen and the media says nothing. Show up Saturday, bring your neighbors. #StopThePurge #MIvotes",
     "https://savannahtime.example/2024/10/12/media-silence"),
    ("Michigan moms will not be silenced. Capitol steps, Saturday noon. #StopThePurge #MIvotes",
     "https://evenpolitics.example/moms-rally"),
]
rows = []
n = 0


def add(account, at, kind, text, urls="", reshare_of="", reply_to=""):
    global n
    n += 1
    rows.append({"post_id": f"{account}-{n}", "account_id": account, "account_name": account,
                 "created_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "kind": kind, "text": text, "urls": urls,
                 "reshare_of": reshare_of, "reply_to": reply_to, "lang": "en"})


for i in range(260):
    at = START + timedelta(seconds=random.randint(0, 6 * 3600))
    who = random.choice(ORGANIC)
    r = random.random()
    if r < 0.15:
        link = random.choice(POPULAR_LINKS)
        add(who, at, "post", f"{random.choice(TOPICS)} {link}", link)
    elif r < 0.25:
        add(who, at, "reshare", "Polls are open until 8pm, find your polling place at vote.example",
            reshare_of=f"countyclerk-{random.randint(1, 3)}")
    else:
        add(who, at, "post", f"{random.choice(TOPICS)}{random.choice(['', '!', ' :)', '...'])}")
for b, (text, link) in enumerate(CALLS):
    t0 = START + timedelta(minutes=40 + 75 * b)
    for who in OPERATORS:
        at = t0 + timedelta(seconds=random.randint(0, 45))
        add(who, at, "post", f"{text} {link}", link)
        add(who, at + timedelta(seconds=random.randint(60, 90)), "reshare", text, reshare_of=f"savannahtime_news-{100 + b}")
add(IMPOSTOR, START + timedelta(hours=2), "post",
    "I am asking every supporter to stay home on Saturday; the rally is cancelled for your safety. - Jane")
rows.sort(key=lambda r: (r["created_at"], r["post_id"]))
with open("activist-network.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)

with open("accounts.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["account_id", "created_at", "name", "description"])
    made = datetime(2024, 8, 2, 3, 10, tzinfo=timezone.utc)
    for i, who in enumerate(OPERATORS):
        w.writerow([who, (made + timedelta(minutes=3 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"), who,
                    "Proud Michigan mom and patriot. Fighting for fair elections and our kids' future. #MIvotes"])
    for i, who in enumerate(ORGANIC):
        w.writerow([who, (datetime(2011, 1, 1, tzinfo=timezone.utc) + timedelta(days=97 * i + 13)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    who, random.choice(["Runner, reader, coffee person.", "Dad of two. Lions fan.", "Nurse. Gardener.", "", "Teacher."])])
    w.writerow([IMPOSTOR, "2024-10-10T22:41:00Z", "Jane Roe", "Official account of Jane Roe for Congress"])
