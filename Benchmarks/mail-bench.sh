#!/usr/bin/env bash
# The mail import benchmark: Ties end to end into a new store, and the two anchors the issue names —
# Python's mailbox module reading the same headers, and a Python loop that only finds the `From ` lines —
# on the same seeded Takeout-like mbox, in the same run, from the page cache.
#   Benchmarks/mail-bench.sh [SIZE_MB] [DIR]       # default 1000 MB in /tmp/ties-mail-bench
#   SKIP_BUILD=1 Benchmarks/mail-bench.sh ...      # with the release binary already built
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1000}
dir=${2:-/tmp/ties-mail-bench}
mkdir -p "$dir"
mbox="$dir/takeout.mbox"
[ -f "$mbox" ] || python3 Benchmarks/make-mbox.py "$mbox" "$size" 1
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product ties >/dev/null
ties=.build/release/ties
bytes=$(stat -c %s "$mbox")
cat "$mbox" >/dev/null  # into the page cache

timed() {  # label, command...: wall seconds and peak RSS from /usr/bin/time -v
  local label=$1; shift
  /usr/bin/time -v "$@" >"$dir/$label.out" 2>"$dir/$label.time"
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$dir/$label.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident" "$dir/$label.time" | awk '{print $NF}')
  printf '%-22s %8.2f s %8.0f MB/s %8.0f MB peak\n' "$label" "$wall" "$(echo "$bytes / $wall / 1000000" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  echo "$wall" >"$dir/$label.seconds"
}

rm -f "$dir/ties.sqlite"*
$ties init --db "$dir/ties.sqlite" >/dev/null
$ties me set email dana.lee@example.com --db "$dir/ties.sqlite" >/dev/null
timed ties "$ties" import mail "$mbox" --create-people --db "$dir/ties.sqlite"
timed python-from-lines python3 -c '
import sys
n = 0
with open(sys.argv[1], "rb") as f:
    for line in f:
        if line.startswith(b"From "):
            n += 1
print(n)' "$mbox"
timed python-mailbox python3 -c '
import mailbox, sys
n = 0
for m in mailbox.mbox(sys.argv[1]):
    m["From"]; m["To"]; m["Date"]; m["Message-ID"]; m["In-Reply-To"]
    n += 1
print(n)' "$mbox"
cat "$dir/ties.out"
t=$(cat "$dir/ties.seconds")
echo "ratios: mailbox / ties = $(echo "$(cat "$dir/python-mailbox.seconds") / $t" | bc -l | cut -c1-5)x;" \
  "From-line scan / ties = $(echo "$(cat "$dir/python-from-lines.seconds") / $t" | bc -l | cut -c1-5)x"
