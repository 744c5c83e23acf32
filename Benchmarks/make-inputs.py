"""Writes the benchmark inputs for Benchmarks/run: a ~50 MB CSV like the one in TOOLCHAIN.md (733,001 records,
a BOM, CRLF, some quoted fields with embedded newlines and quotes) and a calendar of 5,000 events.
Deterministic (seeded). Usage: python3 make-inputs.py DIR"""
import random, sys, os

out = sys.argv[1]
rng = random.Random(20261127)
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma".split()
with open(os.path.join(out, "big.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffid,name,organisation,title,note,amount\r\n")
    for i in range(733_000):
        note = " ".join(rng.choice(words) for _ in range(rng.randint(3, 9)))
        if rng.random() < 0.05:
            note = '"' + note.replace(" ", ' ""x"" ', 1) + "\r\nsecond line, with comma" + '"'
        f.write(f"{i},{rng.choice(words).title()} {rng.choice(words).title()},{rng.choice(words)} health,"
                f"{rng.choice(words)},{note},{rng.randint(0, 10**6)}\r\n")
with open(os.path.join(out, "calendar.ics"), "w", encoding="utf-8", newline="") as f:
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n")
    zones = ["America/Chicago", "Europe/Berlin", "Eastern Standard Time", "UTC"]
    for i in range(5000):
        day = 1 + i % 28; month = 1 + (i // 28) % 12
        zone = zones[i % 4]
        start = f"DTSTART:2026{month:02d}{day:02d}T150000Z" if zone == "UTC" else f"DTSTART;TZID={zone}:2026{month:02d}{day:02d}T100000"
        f.write(f"BEGIN:VEVENT\r\nUID:bench-{i}@example.org\r\n{start}\r\nSUMMARY:Meeting {i} about {rng.choice(words)}\r\n"
                f"ORGANIZER;CN=Me:mailto:me@example.org\r\n")
        for k in range(rng.randint(1, 6)):
            n = rng.randint(0, 400)
            f.write(f"ATTENDEE;CN=Person {n};PARTSTAT=ACCEPTED:mailto:p{n}@example.org\r\n")
        if i % 50 == 0:
            f.write("RRULE:FREQ=WEEKLY;COUNT=10\r\n")
        f.write("DESCRIPTION:" + " ".join(rng.choice(words) for _ in range(30)) + "\r\nEND:VEVENT\r\n")
    f.write("END:VCALENDAR\r\n")
