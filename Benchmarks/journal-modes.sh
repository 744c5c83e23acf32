#!/usr/bin/env bash
# What the journal costs a large import (Benchmarks/README.md, "A large import writes its pages once"), in the
# sqlite3 shell: the messages of MESSAGES_STORE inserted into a copy of CONNECTIONS_STORE as `ties` stores a
# large file (runs of 16,384 rows sorted by person and time, triggers and the index on person and time dropped,
# that index built after on two threads, a 64 MiB cache), in one transaction, then committed:
#   - with the write-ahead log and synchronous NORMAL (how every other write of `ties` goes): the commit
#     writes the log and its checkpoint copies every page into the file;
#   - with a rollback journal and synchronous FULL (how a large import goes when it has the store to itself);
#   - with a rollback journal and synchronous NORMAL, for comparison.
# Each prints the `.timer` of the insert, of the index and of the commit, then the whole run (with the
# checkpoint when the shell closes).
#
#   Benchmarks/journal-modes.sh MESSAGES_STORE CONNECTIONS_STORE [ROUNDS]
# MESSAGES_STORE holds the imported messages, CONNECTIONS_STORE only the connections (see Benchmarks/README.md).
# Neither is changed.
set -euo pipefail
messages=$1
connections=$2
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sqlite3 "$work/rows.sqlite" "ATTACH '$messages' AS m; CREATE TABLE k AS SELECT person_id, occurred_at, kind, direction,
  answered, group_size, note, source, source_id AS sid, date_only, source_key FROM m.interaction
  WHERE source = 'linkedin-messages' ORDER BY id;
  CREATE TABLE s AS SELECT * FROM k ORDER BY rowid / 16384, person_id, occurred_at;"
echo "$(sqlite3 "$work/rows.sqlite" "SELECT count(*) FROM s") rows"
run() { # LABEL JOURNAL-MODE SYNCHRONOUS
  cp "$connections" "$work/x.sqlite"
  rm -f "$work/x.sqlite-wal" "$work/x.sqlite-shm"
  echo "$1:"
  /usr/bin/time -f "  whole run %e s wall, %U s user, %S s sys" sqlite3 "$work/x.sqlite" <<SQL 2>&1 |
PRAGMA journal_mode = $2;
PRAGMA synchronous = $3; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
ATTACH '$work/rows.sqlite' AS src;
BEGIN;
DROP TRIGGER search_interaction_insert; DROP TRIGGER change_interaction_insert; DROP INDEX interaction_person_time;
.timer on
INSERT OR IGNORE INTO main.interaction (person_id, occurred_at, kind, direction, answered, group_size, note, source,
  source_id, date_only, source_key)
  SELECT person_id, occurred_at, kind, direction, answered, group_size, note, source, sid, date_only, source_key FROM src.s
  ORDER BY rowid;
PRAGMA cache_size = -8192; PRAGMA threads = 2; PRAGMA temp_store = FILE;
CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
COMMIT;
.timer off
PRAGMA journal_mode = WAL;
SQL
    grep -E "Run Time|whole" | awk '/whole/ { print; next } /Run Time/ { n++ } n == 1 { $0 = "  insert " $0 } n == 3 { $0 = "  index  " $0 }
      n == 4 { $0 = "  commit " $0 } n == 1 || n == 3 || n == 4 { print }'
}
for r in $(seq "$rounds"); do
  echo "round $r"
  run "write-ahead log, synchronous NORMAL" WAL NORMAL
  run "rollback journal, synchronous FULL" DELETE FULL
  run "rollback journal, synchronous NORMAL" DELETE NORMAL
done
