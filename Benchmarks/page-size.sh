#!/usr/bin/env bash
# The page size of a store, measured in the sqlite3 shell alone (Benchmarks/README.md, "Page size"): the rows of
# a million LinkedIn messages, inserted into an interaction table with the indexes a large import keeps up
# (unique source key, unanswered messages), then the index on person and time built and the transaction
# committed (write-ahead log and its checkpoint), for each page size in turn, ROUNDS times.
#
#   Benchmarks/page-size.sh ROUNDS TIES_BINARY
# Inputs are made once under $TIES_BENCH_DIR (default /tmp/ties-linkedin-bench), as linkedin-rounds.sh does.
set -euo pipefail
rounds=$1; bin=$2
dir=${TIES_BENCH_DIR:-/tmp/ties-linkedin-bench}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
[ -f "$dir/lx1m/messages.csv" ] || python3 "$here/make-linkedin-export.py" "$dir/lx1m" 10000 1000000 1
if [ ! -f "$dir/page-rows.sqlite" ]; then
  rm -f "$dir"/page-src.sqlite*
  "$bin" init --db "$dir/page-src.sqlite" > /dev/null
  "$bin" import linkedin "$dir/lx1m/Connections.csv" "$dir/lx1m/messages.csv" --me "Robin Vale" \
    --db "$dir/page-src.sqlite" > /dev/null
  sqlite3 "$dir/page-src.sqlite" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'interaction'
    AND type = 'table' UNION ALL SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'interaction'
    AND type = 'index' AND name <> 'interaction_person_time' AND sql IS NOT NULL" > "$dir/page-schema.sql"
  sqlite3 "$dir/page-rows.sqlite" "ATTACH '$dir/page-src.sqlite' AS s;
    CREATE TABLE rows AS SELECT * FROM s.interaction WHERE source = 'linkedin-messages'
    ORDER BY person_id, occurred_at"
  rm -f "$dir"/page-src.sqlite*
fi
for r in $(seq "$rounds"); do
  for size in 4096 16384 65536; do
    rm -f "$dir"/page-x.sqlite*
    { echo "PRAGMA page_size = $size; PRAGMA journal_mode = WAL;"; cat "$dir/page-schema.sql"; } \
      | sqlite3 "$dir/page-x.sqlite" > /dev/null
    times=$(sqlite3 "$dir/page-x.sqlite" <<SQL | grep '^Run Time' | awk 'NR > 1 {printf " %s", $4}'
PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA synchronous = NORMAL;
ATTACH '$dir/page-rows.sqlite' AS s;
.timer on
BEGIN;
INSERT INTO interaction SELECT * FROM s.rows;
CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
COMMIT;
SQL
)
    echo "round $r, pages of $size bytes: insert, index, commit (s):$times"
  done
done
rm -f "$dir"/page-x.sqlite*
