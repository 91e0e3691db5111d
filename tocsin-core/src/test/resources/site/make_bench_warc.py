#!/usr/bin/env python3
"""Writes a WARC of N sites x P pages for `tocsin sites assess` throughput (docs/performance.md).

Sites are named after the real local-news domains in ../shared/data/outlets/local_news_dataset_2018.csv; each has
a home page, an about page and articles whose text is cut from real English posts (../shared/data/posts), with
one in ten sites carrying the analytics id of another (so networks form) and one in twenty an LLM leftover.
Usage: make_bench_warc.py SHARED_DATA OUT.warc SITES PAGES_PER_SITE
"""
import csv, random, sys, uuid

shared, out, sites, per_site = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(2024)
domains = []
with open(f"{shared}/outlets/local_news_dataset_2018.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        d = (row.get("domain") or "").strip().lower()
        if d and "." in d and d not in domains:
            domains.append(d)
texts = []
with open(f"{shared}/posts/posts_2016-10_en.csv", newline="", encoding="utf-8") as f:
    for i, row in enumerate(csv.DictReader(f)):
        texts.append(row["text"].replace("<", " ").replace("&", " and "))
        if i > 50000:
            break

def record(w, url, html):
    body = html.encode("utf-8")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nServer: nginx\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=rnd.getrandbits(128))}>\r\n"
            f"WARC-Date: 2024-09-01T12:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http;msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    w.write(head + http + b"\r\n\r\n")

with open(out, "wb") as w:
    for s in range(sites):
        d = domains[s % len(domains)] if s < len(domains) else f"site{s}.example"
        ga = f"UA-{10000000 + (s + 1 if s % 10 == 0 else s)}-1"
        head = (f"<meta name='generator' content='WordPress 6.5'><script async src='https://www.googletagmanager.com/gtag/js?id={ga}'></script>"
                f"<script>gtag('config', '{ga}');</script><link rel='stylesheet' href='https://{d}/wp-content/themes/theme{s % 50}/style.css'>")
        nav = "<nav><a href='/'>Home</a> <a href='/about/'>About</a> <a href='/contact/'>Contact</a></nav>"
        record(w, f"https://{d}/", f"<html><head><title>{d}</title>{head}</head><body>{nav}<h1>{d}</h1></body></html>")
        record(w, f"https://{d}/about/", f"<html><head><title>About</title>{head}</head><body>{nav}<p>Editor Jane Doe. Owned by {d} Media LLC.</p></body></html>")
        for p in range(per_site - 2):
            words = " ".join(rnd.choice(texts) for _ in range(12))
            leftover = " As an AI language model, I cannot verify this." if s % 20 == 0 and p == 0 else ""
            record(w, f"https://{d}/news/{p}/", f"<html><head><title>Story {p}</title>{head}<meta property='og:type' content='article'>"
                   f"<meta property='article:published_time' content='2024-09-01T0{p % 10}:00:00Z'><meta name='author' content='Jane Doe'></head>"
                   f"<body>{nav}<article><h1>Story {p}</h1><p class='byline'>By Jane Doe</p><p>{words}{leftover}</p></article></body></html>")
