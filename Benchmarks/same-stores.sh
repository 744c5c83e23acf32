#!/usr/bin/env bash
# What a build stores from LinkedIn messages files, to compare two builds (`diff -r OUT_A OUT_B` prints
# nothing when they store the same): for each messages file of LIST, imported alone twice into a new store
# with --create-people, and for each `connections|messages` pair of PAIRS (optional), imported together
# twice, the command's output and a dump of the person, interaction and relationship_state tables.
#
#   Benchmarks/same-stores.sh TIES_BINARY OUT LIST [PAIRS]
# The files are real exports published by other projects (not in this repository; Benchmarks/README.md
# names where they were found).
set -uo pipefail
bin=$1; out=$2; list=$3; pairs=${4:-/dev/null}
mkdir -p "$out"; rm -f "$out"/*
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dump() {
  sqlite3 "$1" "SELECT id, name, organisation_id, title FROM person ORDER BY id;
    SELECT id, person_id, occurred_at, kind, direction, answered, group_size, note, source, source_id, date_only,
      source_key FROM interaction ORDER BY id;
    SELECT * FROM relationship_state ORDER BY 1" 2>&1
}
run() { # NAME FILE...
  local name=$1; shift
  rm -f "$work"/db.sqlite*; "$bin" init --db "$work/db.sqlite" > /dev/null 2>&1
  for _ in 1 2; do
    TZ=UTC "$bin" import linkedin "$@" ${create:+--create-people} --db "$work/db.sqlite" 2>&1; echo "exit $?"
  done | sed "s#$work/db.sqlite#DB#g" > "$out/$name.out"
  dump "$work/db.sqlite" > "$out/$name.dump"
}
i=0
while IFS= read -r f; do i=$((i + 1)); create=1 run "$i" "$f"; done < "$list"
j=0
while IFS='|' read -r c f; do j=$((j + 1)); create='' run "p$j" "$c" "$f"; done < "$pairs"
echo "$i files, $j pairs"
