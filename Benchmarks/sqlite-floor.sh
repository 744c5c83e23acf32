#!/usr/bin/env bash
# What SQLite alone needs to store the million LinkedIn messages of the benchmark (Benchmarks/README.md, "LinkedIn
# messages: the third pass"), in the sqlite3 shell, with no parsing:
#   1. the rows inserted into a copy of the store of connections (triggers dropped, as `ties` does), with a
#      ~120-byte source id behind a random prefix (random conversation ids, as the text ids were), then with a
#      random 16-byte key: the cost of a large unique index inserted at random;
#   2. the floor: the rows into an empty table with the store's columns, then its three indexes built in bulk;
#   3. as `ties` stores a large file: the unique index kept up row by row, the other two built after — with
#      the index on (source, source_id), as the store has it, on (source_id, source), and on a 64-bit integer
#      key instead (a column the store does not have), with the other two indexes built after or kept up.
#
#   Benchmarks/sqlite-floor.sh MESSAGES_STORE CONNECTIONS_STORE
# MESSAGES_STORE holds the imported messages, CONNECTIONS_STORE only the connections (see the commands in
# Benchmarks/README.md). Neither is changed.
set -euo pipefail
messages=$1
connections=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sqlite3 "$work/rows.sqlite" "ATTACH '$messages' AS m; CREATE TABLE k AS SELECT person_id, occurred_at, kind, direction,
  answered, group_size, note, source, source_id AS sid, date_only FROM m.interaction
  WHERE source = 'linkedin-messages' ORDER BY id;"
echo "$(sqlite3 "$work/rows.sqlite" "SELECT count(*) FROM k") rows"
insert() { # LABEL KEY-EXPRESSION
  cp "$connections" "$work/x.sqlite"
  rm -f "$work/x.sqlite-wal" "$work/x.sqlite-shm"
  /usr/bin/time -f "$1: %e s wall, %U s user, %S s sys" sqlite3 "$work/x.sqlite" <<SQL
PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;
ATTACH '$work/rows.sqlite' AS src;
BEGIN;
DROP TRIGGER search_interaction_insert; DROP TRIGGER change_interaction_insert;
INSERT OR IGNORE INTO main.interaction (person_id, occurred_at, kind, direction, answered, group_size, note, source,
  source_id, date_only)
  SELECT person_id, occurred_at, kind, direction, answered, group_size, note, source, $2, date_only FROM src.k;
COMMIT;
SQL
}
insert "~120-byte text ids behind a random prefix" "hex(randomblob(4)) || substr(sid || sid || sid || sid, 1, 112)"
insert "random 16-byte keys" "hex(randomblob(8))"
rm -f "$work/x.sqlite"*
echo "the floor, step by step (.timer):"
sqlite3 "$work/x.sqlite" <<SQL
PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
ATTACH '$work/rows.sqlite' AS src;
CREATE TEMP TABLE t AS SELECT * FROM src.k;
.timer on
BEGIN;
CREATE TABLE interaction (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL, occurred_at INTEGER NOT NULL,
  kind TEXT NOT NULL, direction TEXT NOT NULL, answered INTEGER NOT NULL DEFAULT 1, group_size INTEGER NOT NULL DEFAULT 1,
  note TEXT, source TEXT NOT NULL DEFAULT 'manual', source_id TEXT, date_only INTEGER NOT NULL DEFAULT 0);
INSERT INTO interaction (person_id, occurred_at, kind, direction, answered, group_size, note, source, source_id, date_only)
  SELECT person_id, occurred_at, kind, direction, answered, group_size, note, source, sid, date_only FROM temp.t;
CREATE UNIQUE INDEX interaction_source ON interaction(source, source_id);
CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
CREATE INDEX interaction_unanswered ON interaction(person_id, occurred_at) WHERE direction = 'in' AND answered = 0;
COMMIT;
SQL
live() { # LABEL UNIQUE-INDEX-COLUMNS [KEY-EXPRESSION [OTHERS-LIVE]]
  # With a KEY-EXPRESSION the table gains `source_key INTEGER`, filled with it (a random 64-bit key stands for
  # a digest of source and source id); with OTHERS-LIVE=1 the two other indexes are kept up too.
  local key=${3:-} others=${4:-0} column="" value="" before="" after
  [ -n "$key" ] && { column=", source_key INTEGER"; value=", $key"; }
  after="CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
CREATE INDEX interaction_unanswered ON interaction(person_id, occurred_at) WHERE direction = 'in' AND answered = 0;"
  [ "$others" = 1 ] && { before=$after; after=""; }
  rm -f "$work/y.sqlite"*
  echo "$1 (.timer: the insert, then any index built after, the commit):"
  sqlite3 "$work/y.sqlite" <<SQL >/dev/null
PRAGMA journal_mode = WAL;
SQL
  sqlite3 "$work/y.sqlite" <<SQL
PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
ATTACH '$work/rows.sqlite' AS src;
CREATE TEMP TABLE t AS SELECT * FROM src.k;
CREATE TABLE interaction (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL, occurred_at INTEGER NOT NULL,
  kind TEXT NOT NULL, direction TEXT NOT NULL, answered INTEGER NOT NULL DEFAULT 1, group_size INTEGER NOT NULL DEFAULT 1,
  note TEXT, source TEXT NOT NULL DEFAULT 'manual', source_id TEXT, date_only INTEGER NOT NULL DEFAULT 0$column);
CREATE UNIQUE INDEX interaction_source ON interaction($2);
$before
.timer on
BEGIN;
INSERT OR IGNORE INTO interaction (person_id, occurred_at, kind, direction, answered, group_size, note, source, source_id,
  date_only${key:+, source_key}) SELECT person_id, occurred_at, kind, direction, answered, group_size, note, source, sid,
  date_only$value FROM temp.t;
$after
COMMIT;
SQL
}
live "as ties stores a large file" "source, source_id"
live "the same, the unique index on (source_id, source)" "source_id, source"
live "a 64-bit integer key instead of the text" "source_key" "random()"
live "the integer key, and the two other indexes kept up too" "source_key" "random()" 1
