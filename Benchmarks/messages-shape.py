#!/usr/bin/env python3
"""The shape of LinkedIn messages files: how their conversations run, for make-linkedin-export.py's `kept` shape.

    python3 Benchmarks/messages-shape.py FILE...

Reads the files that have a CONVERSATION ID column (others are named and left out) and prints, over all of them:
rows and conversations; rows per conversation (mean, median, 90th percentile); the share of conversations of
several rows whose every row names the same people (FROM and TO together), and of consecutive rows of one
conversation that do; the share of rows whose TO is a list; how many distinct TO lists (TO with RECIPIENT
PROFILE URLS, as the reading remembers them) there are; and how the dates of each conversation run.
"""
import collections
import csv
import io
import sys

rows = conversations = kept = several = same_next = next_rows = group = 0
sizes = []
order = collections.Counter()
lists = set()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        table = list(csv.reader(io.StringIO(f.read())))
    header = [c.strip().upper() for c in table[0]] if table else []
    if "CONVERSATION ID" not in header:
        print(f"left out (no CONVERSATION ID column): {path}", file=sys.stderr)
        continue
    c, s, t, d = (header.index(k) for k in ("CONVERSATION ID", "FROM", "TO", "DATE"))
    u = header.index("RECIPIENT PROFILE URLS") if "RECIPIENT PROFILE URLS" in header else None
    runs = collections.OrderedDict()
    previous = None
    for row in table[1:]:
        if len(row) <= max(c, s, t, d):
            continue
        people = frozenset([row[s].strip()] + [p.strip() for p in row[t].split(",")])
        rows += 1
        group += "," in row[t]
        lists.add((path, row[t], row[u] if u is not None and u < len(row) else None))
        if previous and previous[0] == row[c]:
            next_rows += 1
            same_next += previous[1] == people
        previous = (row[c], people)
        runs.setdefault(row[c], []).append((people, row[d]))
    for run in runs.values():
        conversations += 1
        sizes.append(len(run))
        if len(run) > 1:
            several += 1
            kept += len({p for p, _ in run}) == 1
            dates = [d for _, d in run]
            order["newest first" if dates == sorted(dates, reverse=True) else
                  "oldest first" if dates == sorted(dates) else "neither"] += 1
sizes.sort()
print(f"{rows} rows, {conversations} conversations: {rows / conversations:.2f} rows each on average, "
      f"median {sizes[len(sizes) // 2]}, 90th percentile {sizes[int(len(sizes) * 0.9)]}")
print(f"conversations of several rows with the same people on every row: {kept} of {several} ({kept / several:.1%})")
print(f"consecutive rows of a conversation with the same people: {same_next / next_rows:.1%}")
print(f"rows to a list of people: {group / rows:.1%}; distinct TO lists: {len(lists)}")
print("dates of conversations of several rows: " + ", ".join(f"{k} {v}" for k, v in order.most_common()))
