#!/usr/bin/env python3
"""Writes a seeded, Google-Takeout-like mbox for the mail import benchmark.

Like Takeout's "All mail Including Spam and Trash.mbox": CRLF line ends, `From <id>@xxx <date>` separators,
X-GM-THRID and X-Gmail-Labels on every message, Received/DKIM/ARC headers, threads with In-Reply-To and
References, about a third newsletters (List-Unsubscribe), about a fifth written by the user, about 8 % with a
base64 attachment, the odd unescaped "From " line in a body. All people are made up.

    Benchmarks/make-mbox.py OUT.mbox [SIZE_MB] [SEED]     # default 1000 MB, seed 1
"""
import base64
import random
import sys
from datetime import datetime, timedelta, timezone

out_path = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 1000) * 1_000_000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)

ME = "dana.lee@example.com"
FIRST = ["Alex", "Sam", "Jordan", "Maria", "Wei", "Priya", "Omar", "Lena", "Kenji", "Sofia", "Lucas", "Ana"]
LAST = ["Rivera", "Chen", "Okafor", "Novak", "Schmidt", "Tanaka", "Haddad", "Silva", "Kowalski", "Moreau"]
DOMAINS = ["mail.example.org", "corp.example.net", "uni.example.edu", "startup.example.io"]
people = []
for k in range(600):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    people.append((f"{first} {last}", f"{first.lower()}.{last.lower()}{k}@{rng.choice(DOMAINS)}"))
lists = [(f"News {k}", f"news{k}@lists.example.com") for k in range(40)]
words = "the a meeting project update next week thanks call review draft plan team offer role".split()
ATTACHMENT = base64.encodebytes(rng.randbytes(300_000)).replace(b"\n", b"\r\n")

def text(n):
    return " ".join(rng.choice(words) for _ in range(n))

def body_lines(n):
    lines = []
    for _ in range(n):
        line = text(rng.randint(8, 14))
        if rng.random() < 0.002:
            line = "From " + line  # mboxo: an unescaped From line in a body
        lines.append(line)
    return "\r\n".join(lines)

start = datetime(2019, 1, 1, tzinfo=timezone.utc)
written = 0
count = 0
threads = []  # (thread id, root message id, last message id, person)
with open(out_path, "wb") as f:
    while written < target:
        count += 1
        when = start + timedelta(seconds=count * 900 + rng.randint(0, 600))
        mid = f"<m{count}.{rng.getrandbits(40):x}@mail.example.com>"
        newsletter = rng.random() < 0.33
        reply = None
        if not newsletter and threads and rng.random() < 0.4:
            reply = rng.choice(threads[-200:])
        if newsletter:
            name, addr = rng.choice(lists)
            frm, to, labels = f'"{name}" <{addr}>', ME, "Category Promotions,Inbox"
        elif reply:
            name, addr = reply[3]
            if rng.random() < 0.5:
                frm, to, labels = f"Dana Lee <{ME}>", f'"{name}" <{addr}>', "Sent"
            else:
                frm, to, labels = f'"{name}" <{addr}>', f"Dana Lee <{ME}>", "Inbox,Important"
        else:
            name, addr = rng.choice(people)
            if rng.random() < 0.25:
                frm, to, labels = f"Dana Lee <{ME}>", f'"{name}" <{addr}>', "Sent"
            else:
                frm, to, labels = f'"{name}" <{addr}>', f"Dana Lee <{ME}>", "Inbox"
        if reply:
            thrid, root, last = reply[0], reply[1], reply[2]
            threads.remove(reply)
            threads.append((thrid, root, mid, reply[3]))
        else:
            thrid, root, last = rng.getrandbits(62), mid, None
            if not newsletter:
                threads.append((thrid, mid, mid, (name, addr)))
        date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
        head = [
            f"X-GM-THRID: {thrid}", f"X-Gmail-Labels: {labels}", f"Delivered-To: {ME}",
            f"Received: by 2002:a05:6358:{rng.getrandbits(16):x} with SMTP id {rng.getrandbits(48):x};\r\n        {date}",
            f"Received: from mx.example.net (mx.example.net. [192.0.2.{rng.randint(1, 254)}])\r\n        by mx.google.com with ESMTPS id {rng.getrandbits(48):x}\r\n        for <{ME}>; {date}",
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20230601;\r\n"
            f"        h=to:subject:message-id:date:from:mime-version; bh={base64.b64encode(rng.randbytes(32)).decode()};\r\n"
            f"        b={base64.b64encode(rng.randbytes(128)).decode()}",
            "MIME-Version: 1.0", f"From: {frm}", f"Date: {date}", f"Message-ID: {mid}",
            f"Subject: {'Re: ' if reply else ''}{text(5)}", f"To: {to}",
        ]
        if reply:
            head += [f"In-Reply-To: {last}", f"References: {root}" + (f"\r\n {last}" if last != root else "")]
        if newsletter:
            head += [f"List-Unsubscribe: <mailto:unsubscribe@lists.example.com?subject={count}>", "Precedence: bulk"]
        body = body_lines(rng.randint(20, 120))
        if rng.random() < 0.08:
            size = rng.randint(20_000, 299_000) // 76 * 78
            head.append('Content-Type: multipart/mixed; boundary="b1"')
            body = ("--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body +
                    "\r\n--b1\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    ).encode() + ATTACHMENT[:size] + b"\r\n--b1--"
        else:
            head.append('Content-Type: text/plain; charset="UTF-8"')
            body = body.encode()
        sep = f"From {rng.getrandbits(60)}@xxx {when.strftime('%a %b %d %H:%M:%S +0000 %Y')}\r\n"
        message = sep.encode() + "\r\n".join(head).encode() + b"\r\n\r\n" + body + b"\r\n\r\n"
        f.write(message)
        written += len(message)
print(f"{out_path}: {count} messages, {written / 1e6:.0f} MB", file=sys.stderr)
