// One row per INSERT statement against several (Benchmarks/README.md, "Rows per statement"): the rows of a
// million LinkedIn messages inserted through SQLite's C API, as a large `ties import` binds them (texts
// without a copy), into an interaction table with the indexes a large import keeps up.
//
//   cc -O2 -o /tmp/multi-row-insert Benchmarks/multi-row-insert.c -lsqlite3
//   Benchmarks/page-size.sh 1 ties        # makes $TIES_BENCH_DIR/page-rows.sqlite and page-schema.sql
//   d=/tmp/ties-linkedin-bench; rm -f $d/m.sqlite*
//   { echo "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"; cat $d/page-schema.sql; } | sqlite3 $d/m.sqlite
//   /tmp/multi-row-insert $d/page-rows.sqlite $d/m.sqlite 32
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    long long person, time, key;
    int answered;
    char direction[4], sourceID[40];
} Row;

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s ROWS.sqlite STORE.sqlite ROWS_PER_STATEMENT\n", argv[0]);
        return 64;
    }
    int per = atoi(argv[3]);
    sqlite3 *source, *db;
    sqlite3_stmt *query, *insert;
    if (sqlite3_open_v2(argv[1], &source, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) return 66;
    Row *rows = malloc(sizeof(Row) * 1200000);
    int count = 0;
    sqlite3_prepare_v2(
        source, "SELECT person_id, occurred_at, direction, answered, source_id, source_key FROM rows", -1, &query, 0);
    while (count < 1200000 && sqlite3_step(query) == SQLITE_ROW) {
        Row *r = &rows[count++];
        r->person = sqlite3_column_int64(query, 0);
        r->time = sqlite3_column_int64(query, 1);
        snprintf(r->direction, sizeof r->direction, "%s", (const char *)sqlite3_column_text(query, 2));
        r->answered = sqlite3_column_int(query, 3);
        snprintf(r->sourceID, sizeof r->sourceID, "%s", (const char *)sqlite3_column_text(query, 4));
        r->key = sqlite3_column_int64(query, 5);
    }
    sqlite3_finalize(query);
    if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, 0) != SQLITE_OK) return 66;
    sqlite3_exec(db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA synchronous = NORMAL; BEGIN",
        0, 0, 0);
    size_t size = 400 + (size_t)per * 40;
    char *sql = malloc(size);
    strcpy(sql, "INSERT OR IGNORE INTO interaction (id, person_id, occurred_at, kind, direction, answered, "
                "group_size, note, source, source_id, date_only, source_key) VALUES ");
    for (int i = 0; i < per; i++) strcat(sql, i ? ", (?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?)");
    if (sqlite3_prepare_v2(db, sql, -1, &insert, 0) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return 65;
    }
    double start = seconds();
    long inserted = 0;
    for (int first = 0; first + per <= count; first += per) {
        for (int j = 0; j < per; j++) {
            Row *r = &rows[first + j];
            int o = j * 12;
            sqlite3_bind_null(insert, o + 1);
            sqlite3_bind_int64(insert, o + 2, r->person);
            sqlite3_bind_int64(insert, o + 3, r->time);
            sqlite3_bind_text(insert, o + 4, "message", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, o + 5, r->direction, -1, SQLITE_STATIC);
            sqlite3_bind_int64(insert, o + 6, r->answered);
            sqlite3_bind_int64(insert, o + 7, 1);
            sqlite3_bind_null(insert, o + 8);
            sqlite3_bind_text(insert, o + 9, "linkedin-messages", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, o + 10, r->sourceID, -1, SQLITE_STATIC);
            sqlite3_bind_int64(insert, o + 11, 0);
            sqlite3_bind_int64(insert, o + 12, r->key);
        }
        if (sqlite3_step(insert) != SQLITE_DONE) {
            fprintf(stderr, "%s\n", sqlite3_errmsg(db));
            return 65;
        }
        inserted += sqlite3_changes(db);
        sqlite3_reset(insert);
        sqlite3_clear_bindings(insert);
    }
    double loaded = seconds();
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    printf("%d rows per statement: insert %.3f s, commit %.3f s, %ld rows\n", per, loaded - start,
        seconds() - loaded, inserted);
    return 0;
}
