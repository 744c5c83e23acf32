#!/usr/bin/env python3
"""Writes a synthetic LinkedIn export folder for the import benchmarks (seeded: same arguments, same bytes).

    python3 Benchmarks/make-linkedin-export.py OUT_DIR [CONNECTIONS] [MESSAGES] [SEED] [CONVERSATIONS]

OUT_DIR/Connections.csv has the 2024 layout (BOM, CRLF, the quoted Notes: preamble, URL column, 1% homonyms
with their own URLs); OUT_DIR/messages.csv the 10-column layout (UTC dates, 1% rows with an empty FROM,
conversation ids like LinkedIn's, random base64). Defaults: 10,000 connections and 7,000 messages. Every person
and text is invented.

CONVERSATIONS says how the messages' people are drawn:
- `random` (the default, and the benchmarks' figures): conversations of three rows, each row to or from a
  person drawn anew, at a random date; 5% group messages whose TO is a quoted comma list of two. No two rows of
  a conversation share their people, so every row finds its people cold: harsher than a real export.
- `kept`: shaped as the 22 real messages files of other projects that have conversation ids were measured
  (59,344 rows; Benchmarks/README.md): a conversation keeps its people from row to row (87% of consecutive
  rows do), its rows newest first (99.5% of conversations), 5.6 rows on average (here drawn from a geometric
  law of that mean), 14% of rows in group conversations (here of two to four people besides the user).
"""
import base64
import os
import random
import sys
import time

out = sys.argv[1]
connections = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
messages = int(sys.argv[3]) if len(sys.argv) > 3 else 7_000
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
shape = sys.argv[5] if len(sys.argv) > 5 else "random"
if shape not in ("random", "kept"):
    sys.exit(f"CONVERSATIONS is random or kept, not {shape}")
os.makedirs(out, exist_ok=True)

FIRST = ["Ada", "Bram", "Cleo", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kavya", "Lea",
         "Mina", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma", "Vera", "Wen", "Yusuf", "Zoe"]
LAST = ["Quill", "Lind", "Marchetti", "Sol", "Faro", "Wirth", "Rao", "Haddad", "Brun", "Park", "Stern", "Okafor",
        "Reyes", "Hollis", "Vale", "Brook", "Adeyemi", "Marsh", "Cote", "Arlig", "Nakamura", "Silva", "Kowalski"]
COMPANIES = ["Brightwater Health", "Copperleaf Labs", "Northgate Search, LLC", "Vantage Bio", "Fjord Analytics",
             "Harbour Staffing", "Atlas Freight", "Lumen Retail", "Kestrel HR", "Riverbend"]
TITLES = ["Senior Talent Acquisition Partner", "Data Engineer", "Partner", "Director, Growth", "Analyst",
          "Recruiter", "Dispatcher", "Store Manager", "HR Business Partner", "Engineering Manager"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
P = "https://www.linkedin.com/in/"


def q(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


people = []
for k in range(connections):
    name = (rng.choice(FIRST), rng.choice(LAST))
    if k > 0 and rng.random() < 0.01:
        name = people[rng.randrange(len(people))][0]  # a homonym, with its own URL
    slug = f"{name[0]}-{name[1]}-{k:x}".lower()
    people.append((name, P + slug))

with open(os.path.join(out, "Connections.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are "
            "missing. You will only see email addresses for connections who have allowed it.\"\r\n\r\n")
    f.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
    for (first, last), url in people:
        date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2012, 2025)}"
        f.write(",".join([first, last, url, "", q(rng.choice(COMPANIES)), q(rng.choice(TITLES)), date]) + "\r\n")

me = ("Robin Vale", P + "robin-vale")
CONTENTS = ["Hi, are you open to a chat?", "Thanks, let's talk next week", "Sure, thanks", "Great to connect, Robin"]


def conversation_id():
    # As real exports write them: "2-" and the base64 of a random UUID with a suffix, so that the ids come in no
    # order (an earlier version wrote 2-00000000, 2-00000001, ..., which flattered the store's index of source ids).
    u = f"{rng.getrandbits(128):032x}"
    return "2-" + base64.b64encode(f"{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:]}_010".encode()).decode()


def kept(f):
    """The `kept` shape: see the module's documentation."""
    whole = lambda p: (f"{p[0][0]} {p[0][1]}", p[1])  # a connection as (name, profile URL), as `me` is
    k = 0
    while k < messages:
        conversation = conversation_id()
        size = min(messages - k, 1 + int(rng.expovariate(1 / 5.1)))  # 5.6 on average
        group = rng.random() < 0.14
        others = list(dict.fromkeys(whole(people[rng.randrange(len(people))])
                                    for _ in range(rng.randint(2, 4) if group else 1)))
        seconds = rng.randrange(11 * 365 * 86400)  # from 2015 on, then back in time row by row
        for _ in range(size):
            k += 1
            date = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(1420070400 + seconds))
            seconds = max(0, seconds - rng.randrange(60, 14 * 86400))
            content = q(rng.choice(CONTENTS))
            if rng.random() < 0.01:
                f.write(",".join([conversation, "", "", "", "", "", date, "", "Someone left the conversation",
                                  "INBOX"]) + "\n")
                continue
            sender = me if rng.random() < 0.5 else rng.choice(others)
            rest = [p for p in [me] + others if p != sender]
            title = "Group" if len(others) > 1 else ""
            f.write(",".join([conversation, title, sender[0], sender[1], q(",".join(p[0] for p in rest)),
                              q(",".join(p[1] for p in rest)), date, "", content, "INBOX"]) + "\n")


with open(os.path.join(out, "messages.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
            "CONTENT,FOLDER\n")
    if shape == "kept":
        kept(f)
        sys.exit(0)
    for k in range(messages):
        if k % 3 == 0:
            conversation = conversation_id()
        date = (f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
                f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} UTC")
        content = q(rng.choice(CONTENTS))
        if rng.random() < 0.01:
            f.write(",".join([conversation, "", "", "", "", "", date, "", "Someone left the conversation", "INBOX"])
                    + "\n")
            continue
        other = people[rng.randrange(len(people))]
        name = lambda p: f"{p[0][0]} {p[0][1]}"
        if rng.random() < 0.05:
            group = [other, people[rng.randrange(len(people))]]
            # The same person drawn twice is one recipient (as a real export writes a message to one person):
            # written twice, a new store took the second as "already present". No draw is added, so every
            # other row is as before.
            group = group[:1] if group[0] == group[1] else group
            to = q(",".join(name(p) for p in group))
            urls = q(",".join(p[1] for p in group))
            f.write(",".join([conversation, "Group", me[0], me[1], to, urls, date, "", content, "INBOX"]) + "\n")
        elif rng.random() < 0.5:
            f.write(",".join([conversation, "", me[0], me[1], name(other), other[1], date, "", content, "INBOX"])
                    + "\n")
        else:
            f.write(",".join([conversation, "", name(other), other[1], me[0], me[1], date, "", content, "INBOX"])
                    + "\n")
