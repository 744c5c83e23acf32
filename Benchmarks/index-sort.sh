#!/usr/bin/env bash
# How long SQLite takes to build the index on person and time of a million messages, the last big step of a
# large import (Benchmarks/README.md, "The index sorted on threads of its own"), in the sqlite3 shell: with
# the sort in memory on one thread (temp_store MEMORY, a 16 MiB cache: how `ties` built it before), and with
# runs of 8 MiB sorted on two threads of SQLite's own in temporary files (how it builds it now). Inside one
# transaction that has first changed 2 % of the rows, as an import's has, and is then rolled back.
#
#   Benchmarks/index-sort.sh STORE [ROUNDS]
# STORE holds the imported messages (see Benchmarks/README.md); it is not changed.
set -euo pipefail
store=$1
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$store" "$work/x.sqlite"
build() { # TEMP_STORE THREADS CACHE_KIB
  sqlite3 "$work/x.sqlite" <<SQL | grep "Run Time" | awk '{printf "%s s wall, %s s user", $4, $6}'
PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;
BEGIN;
UPDATE interaction SET group_size = group_size WHERE id % 50 = 0;
DROP INDEX interaction_person_time;
PRAGMA temp_store = $1; PRAGMA threads = $2; PRAGMA cache_size = -$3;
.timer on
CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
.timer off
ROLLBACK;
SQL
}
for r in $(seq "$rounds"); do
  echo "round $r: in memory, one thread: $(build MEMORY 0 16384); in files, two threads: $(build FILE 2 8192)"
done
