#!/usr/bin/env bash
# What each index of the interaction table costs SQLite when a million LinkedIn messages are stored as `ties`
# stores a large file (Benchmarks/README.md, "The importing thread's floor"), in the sqlite3 shell, with no
# parsing and no per-row API calls: the rows of MESSAGES_STORE inserted into a copy of CONNECTIONS_STORE
# (triggers dropped, the index on person and time dropped and built after, as `ties` does), in WAL mode with
# synchronous NORMAL and a 256 MiB cache. Each variant prints the `.timer` of the insert, of each index built
# after and of the commit, then the whole run (with the copy of the rows into a temporary table) and the size.
#
#   Benchmarks/sqlite-index-costs.sh MESSAGES_STORE CONNECTIONS_STORE
# MESSAGES_STORE holds the imported messages, CONNECTIONS_STORE only the connections (see Benchmarks/README.md).
# Neither is changed.
set -euo pipefail
messages=$1
connections=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sqlite3 "$work/rows.sqlite" "ATTACH '$messages' AS m; CREATE TABLE k AS SELECT person_id, occurred_at, kind, direction,
  answered, group_size, note, source, source_id AS sid, date_only, source_key FROM m.interaction
  WHERE source = 'linkedin-messages' ORDER BY id;"
echo "$(sqlite3 "$work/rows.sqlite" "SELECT count(*) FROM k") rows"
run() { # LABEL KEY-EXPRESSION KEEP-UNIQUE KEEP-PARTIAL [SQL-AFTER-THE-LOAD [ORDER-OF-THE-ROWS]]
  local drop=""
  [ "$3" = 0 ] && drop="$drop DROP INDEX interaction_source;"
  [ "$4" = 0 ] && drop="$drop DROP INDEX interaction_unanswered;"
  cp "$connections" "$work/x.sqlite"
  rm -f "$work/x.sqlite-wal" "$work/x.sqlite-shm"
  echo "$1:"
  /usr/bin/time -f "  whole run %e s wall, %U s user, %S s sys" sqlite3 "$work/x.sqlite" <<SQL 2>&1 | grep -E "Run Time|whole"
PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;
ATTACH '$work/rows.sqlite' AS src;
CREATE TEMP TABLE t AS SELECT * FROM src.k ORDER BY ${6:-rowid};
BEGIN;
DROP TRIGGER search_interaction_insert; DROP TRIGGER change_interaction_insert; DROP INDEX interaction_person_time;
$drop
.timer on
INSERT OR IGNORE INTO main.interaction (person_id, occurred_at, kind, direction, answered, group_size, note, source,
  source_id, date_only, source_key)
  SELECT person_id, occurred_at, kind, direction, answered, group_size, note, source, sid, date_only, $2 FROM temp.t
  ORDER BY rowid;
CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
${5:-}
COMMIT;
.timer off
SQL
  echo "  $(stat -c %s "$work/x.sqlite") bytes"
}
run "as ties stores a large file: unique and partial indexes kept up" source_key 1 1
run "without the unique index on the source key" source_key 0 1
run "without the partial index of unanswered messages" source_key 1 0
run "the unique index built after the load instead" source_key 0 1 \
  "CREATE UNIQUE INDEX interaction_source ON interaction(source_key);"
# Keys that share their high 32 bits within runs of 3 and 10 consecutive rows, as if a digest of the
# conversation led each key (the generator writes 3 messages a conversation; real ones run longer).
run "keys clustered by runs of 3 rows" "((rowid / 3) * 2654435761 % 4294967291) * 4294967296 + (source_key & 4294967295)" 1 1
run "keys clustered by runs of 10 rows" "((rowid / 10) * 2654435761 % 4294967291) * 4294967296 + (source_key & 4294967295)" 1 1
# The rows in runs of 16,384 and of 65,536, each run sorted by person and time, as `ties` inserts a large
# file's (StoreImporter+Load.swift): the index on person and time is built from runs already in order.
run "rows in runs of 16,384 sorted by person and time" source_key 1 1 "" "rowid / 16384, person_id, occurred_at"
run "rows in runs of 65,536 sorted by person and time" source_key 1 1 "" "rowid / 65536, person_id, occurred_at"
