import GRDB
import TiesCore

/// The store's schema, as forward-only migrations.
///
/// A migration that has shipped is never edited: later changes add new migrations. Migrations use literal
/// table names and no app types, so they mean the same thing forever.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE organisation (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        kind TEXT NOT NULL DEFAULT 'other'
                    );
                    CREATE TABLE person (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        organisation_id INTEGER REFERENCES organisation(id),
                        title TEXT,
                        recruiter_kind TEXT,
                        closeness INTEGER CHECK (closeness BETWEEN 1 AND 5),
                        archived INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX person_organisation ON person(organisation_id);
                    CREATE TABLE person_role (
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        role TEXT NOT NULL,
                        PRIMARY KEY (person_id, role)
                    ) WITHOUT ROWID;
                    CREATE TABLE person_tag (
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        tag TEXT NOT NULL,
                        PRIMARY KEY (person_id, tag)
                    ) WITHOUT ROWID;
                    CREATE TABLE contact_point (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        value TEXT NOT NULL,
                        verified_at INTEGER,
                        UNIQUE (person_id, kind, value)
                    );
                    CREATE INDEX contact_point_value ON contact_point(kind, value);
                    CREATE TABLE interaction (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        occurred_at INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        direction TEXT NOT NULL,
                        answered INTEGER NOT NULL DEFAULT 1,
                        group_size INTEGER NOT NULL DEFAULT 1,
                        note TEXT,
                        source TEXT NOT NULL DEFAULT 'manual',
                        source_id TEXT,
                        UNIQUE (source, source_id)
                    );
                    CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at);
                    CREATE TABLE tie (
                        person_a INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        person_b INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        weight REAL NOT NULL CHECK (weight > 0 AND weight <= 1),
                        PRIMARY KEY (person_a, person_b),
                        CHECK (person_a < person_b)
                    ) WITHOUT ROWID;
                    CREATE INDEX tie_b ON tie(person_b);
                    CREATE TABLE commitment (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        text TEXT NOT NULL,
                        owner TEXT NOT NULL CHECK (owner IN ('me', 'them')),
                        created_at INTEGER NOT NULL,
                        due_day TEXT,
                        done_at INTEGER
                    );
                    CREATE TABLE my_detail (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        value TEXT NOT NULL,
                        since_day TEXT NOT NULL
                    );
                    CREATE TABLE disclosure (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        version TEXT,
                        my_detail_id INTEGER REFERENCES my_detail(id),
                        disclosed_day TEXT NOT NULL
                    );
                    CREATE TABLE journal_entry (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        text TEXT NOT NULL,
                        day TEXT NOT NULL,
                        end_day TEXT,
                        organisation TEXT,
                        title TEXT,
                        amount REAL
                    );
                    CREATE TABLE journal_tag (
                        entry_id INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
                        tag TEXT NOT NULL,
                        PRIMARY KEY (entry_id, tag)
                    ) WITHOUT ROWID;
                    CREATE TABLE score_snapshot (
                        day TEXT NOT NULL,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        strength REAL NOT NULL,
                        activity REAL NOT NULL,
                        survival REAL,
                        layer INTEGER,
                        PRIMARY KEY (day, person_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE relationship_state (
                        person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
                        first_day INTEGER NOT NULL,
                        last_day INTEGER NOT NULL,
                        episodes INTEGER NOT NULL,
                        last_weight REAL NOT NULL,
                        strength_sum REAL NOT NULL,
                        activity_sum REAL NOT NULL,
                        outbound INTEGER NOT NULL,
                        inbound INTEGER NOT NULL,
                        strength_half_life REAL NOT NULL,
                        activity_half_life REAL NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-network-snapshot") { db in
            // The weekly report's headline, kept so that "change since last week" compares with what the
            // report said then.
            try db.execute(
                sql: """
                    CREATE TABLE network_snapshot (
                        day TEXT PRIMARY KEY,
                        health REAL NOT NULL,
                        components TEXT NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3-merge-log") { db in
            // One row per `ties person merge`: what the merge changed, moved and deleted, as JSON, so that
            // `ties person unmerge` can restore the store exactly. No foreign keys: the kept person may be
            // merged away later, and the log must outlive both people.
            try db.execute(
                sql: """
                    CREATE TABLE merge_log (
                        id INTEGER PRIMARY KEY,
                        kept_id INTEGER NOT NULL,
                        dropped_id INTEGER NOT NULL,
                        merged_at INTEGER NOT NULL,
                        snapshot TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v4-unanswered-index") { db in
            // The unanswered-inbound facts of every report and `ties next` ask for exactly these rows;
            // without the index the query scanned every interaction (0.14 s of a 0.6 s report at 20,000 people).
            try db.execute(
                sql: """
                    CREATE INDEX interaction_unanswered ON interaction(person_id, occurred_at)
                    WHERE direction = 'in' AND answered = 0;
                    """)
        }
        migrator.registerMigration("mail-v1-message-threads") { db in
            // One row per imported email: a digest of its Message-ID, a digest of its thread, its date and
            // whether the user wrote it — what `ties import mail` needs to mark an inbound email answered
            // when the user's reply comes in a later import. No addresses, subjects or bodies.
            try db.execute(
                sql: """
                    CREATE TABLE mail_message (
                        digest TEXT PRIMARY KEY,
                        thread TEXT NOT NULL,
                        occurred_at INTEGER NOT NULL,
                        from_me INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX mail_message_reply ON mail_message(thread, occurred_at) WHERE from_me = 1;
                    """)
        }
        migrator.registerMigration("v5-roles-inferred") { db in
            // Roles read from titles, with the words that matched and what the user said of them
            // ('inferred' until confirmed or rejected); the pairs of people the user says are different
            // (`ties person distinct`), stored smaller id first; and each relationship's last day of real
            // contact, so that a connection or an invitation alone leaves a person dormant. States are a
            // cache: the scoring fingerprint changed with this column, so every state is rebuilt on next use.
            try db.execute(
                sql: """
                    CREATE TABLE role_inference (
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        role TEXT NOT NULL,
                        recruiter_kind TEXT,
                        evidence TEXT NOT NULL,
                        title TEXT,
                        organisation TEXT,
                        status TEXT NOT NULL DEFAULT 'inferred'
                            CHECK (status IN ('inferred', 'confirmed', 'rejected')),
                        decided_at INTEGER,
                        PRIMARY KEY (person_id, role)
                    ) WITHOUT ROWID;
                    CREATE INDEX role_inference_status ON role_inference(status, person_id);
                    CREATE TABLE person_distinct (
                        person_a INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        person_b INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        recorded_at INTEGER NOT NULL,
                        PRIMARY KEY (person_a, person_b),
                        CHECK (person_a < person_b)
                    ) WITHOUT ROWID;
                    ALTER TABLE relationship_state ADD COLUMN last_contact_day INTEGER;
                    ALTER TABLE relationship_state ADD COLUMN first_contact_day INTEGER;
                    ALTER TABLE relationship_state ADD COLUMN contact_episodes INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        migrator.registerMigration("v5-records-change-log") { db in
            // The change log behind `ties history` and `ties undo` (ChangeLog): the tables here, the
            // triggers by `migrate(_:)` after every migration run.
            try db.execute(
                sql: """
                    CREATE TABLE change (
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL,
                        command TEXT NOT NULL,
                        summary TEXT NOT NULL DEFAULT '',
                        first_row INTEGER NOT NULL,
                        last_row INTEGER NOT NULL,
                        undoes INTEGER,
                        undone_by INTEGER
                    );
                    CREATE TABLE change_row (
                        seq INTEGER PRIMARY KEY,
                        change_id INTEGER NOT NULL,
                        tbl TEXT NOT NULL,
                        op TEXT NOT NULL
                            CHECK (op IN ('insert', 'update', 'delete', 'insert_range', 'delete_range')),
                        key NOT NULL,
                        old TEXT
                    );
                    CREATE TABLE change_open (id INTEGER PRIMARY KEY, bulk TEXT);
                    """)
        }
        migrator.registerMigration("v5-records-notes-aliases") { db in
            // Dated notes on a person, and the other names a person is known by (nicknames, maiden names),
            // which resolve references like the name does.
            try db.execute(
                sql: """
                    CREATE TABLE person_note (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        day TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX person_note_person ON person_note(person_id, day);
                    CREATE TABLE person_alias (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        alias TEXT NOT NULL COLLATE NOCASE,
                        UNIQUE (person_id, alias)
                    );
                    CREATE INDEX person_alias_alias ON person_alias(alias);
                    """)
        }
        migrator.registerMigration("v5-records-search") { db in
            // `ties search`: one full-text index over names, aliases, organisations, titles, notes, contact
            // notes, the journal and promises. The rowid says what a row is: the record's id times 8 plus
            // a kind (1 person, 2 alias, 3 person note, 4 contact, 5 journal entry, 6 promise,
            // 7 organisation), so a trigger replaces exactly its record's row. Kept current by the triggers
            // below, so every write — an undo too — updates it in its own transaction.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE search_index USING fts5(
                        text, tokenize = 'unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 1,
                            NEW.name || ' ' || coalesce(NEW.title, '') || ' '
                            || coalesce((SELECT name FROM organisation WHERE id = NEW.organisation_id), ''));
                    END;
                    CREATE TRIGGER search_person_update AFTER UPDATE ON person BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 1,
                            NEW.name || ' ' || coalesce(NEW.title, '') || ' '
                            || coalesce((SELECT name FROM organisation WHERE id = NEW.organisation_id), ''));
                    END;
                    CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
                    END;
                    CREATE TRIGGER search_alias_insert AFTER INSERT ON person_alias BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 2, NEW.alias);
                    END;
                    CREATE TRIGGER search_alias_delete AFTER DELETE ON person_alias BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
                    END;
                    CREATE TRIGGER search_note_insert AFTER INSERT ON person_note BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 3, NEW.text);
                    END;
                    CREATE TRIGGER search_note_update AFTER UPDATE ON person_note BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 3, NEW.text);
                    END;
                    CREATE TRIGGER search_note_delete AFTER DELETE ON person_note BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
                    END;
                    CREATE TRIGGER search_interaction_insert AFTER INSERT ON interaction
                    WHEN NEW.note IS NOT NULL AND NEW.note <> '' BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 4, NEW.note);
                    END;
                    CREATE TRIGGER search_interaction_update AFTER UPDATE OF note ON interaction BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
                        INSERT INTO search_index (rowid, text)
                            SELECT NEW.id * 8 + 4, NEW.note WHERE NEW.note IS NOT NULL AND NEW.note <> '';
                    END;
                    CREATE TRIGGER search_interaction_delete AFTER DELETE ON interaction
                    WHEN OLD.note IS NOT NULL AND OLD.note <> '' BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
                    END;
                    CREATE TRIGGER search_journal_insert AFTER INSERT ON journal_entry BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 5,
                            NEW.text || ' ' || coalesce(NEW.organisation, '') || ' ' || coalesce(NEW.title, ''));
                    END;
                    CREATE TRIGGER search_journal_update AFTER UPDATE ON journal_entry BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 5,
                            NEW.text || ' ' || coalesce(NEW.organisation, '') || ' ' || coalesce(NEW.title, ''));
                    END;
                    CREATE TRIGGER search_journal_delete AFTER DELETE ON journal_entry BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
                    END;
                    CREATE TRIGGER search_commitment_insert AFTER INSERT ON commitment BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 6, NEW.text);
                    END;
                    CREATE TRIGGER search_commitment_update AFTER UPDATE OF text ON commitment BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 6, NEW.text);
                    END;
                    CREATE TRIGGER search_commitment_delete AFTER DELETE ON commitment BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
                    END;
                    CREATE TRIGGER search_organisation_insert AFTER INSERT ON organisation BEGIN
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 7, NEW.name);
                    END;
                    CREATE TRIGGER search_organisation_update AFTER UPDATE OF name ON organisation BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
                        INSERT INTO search_index (rowid, text) VALUES (NEW.id * 8 + 7, NEW.name);
                    END;
                    CREATE TRIGGER search_organisation_delete AFTER DELETE ON organisation BEGIN
                        DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
                    END;
                    INSERT INTO search_index (rowid, text)
                        SELECT p.id * 8 + 1, p.name || ' ' || coalesce(p.title, '') || ' ' || coalesce(o.name, '')
                        FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id;
                    INSERT INTO search_index (rowid, text) SELECT id * 8 + 2, alias FROM person_alias;
                    INSERT INTO search_index (rowid, text) SELECT id * 8 + 3, text FROM person_note;
                    INSERT INTO search_index (rowid, text)
                        SELECT id * 8 + 4, note FROM interaction WHERE note IS NOT NULL AND note <> '';
                    INSERT INTO search_index (rowid, text)
                        SELECT id * 8 + 5, text || ' ' || coalesce(organisation, '') || ' ' || coalesce(title, '')
                        FROM journal_entry;
                    INSERT INTO search_index (rowid, text) SELECT id * 8 + 6, text FROM commitment;
                    INSERT INTO search_index (rowid, text) SELECT id * 8 + 7, name FROM organisation;
                    """)
        }
        migrator.registerMigration("v-dates-date-only") { db in
            // Whether a contact was given a date only (`--at 2026-11-18`, LinkedIn's "Connected On", an
            // all-day event): then occurred_at is noon UTC of that date and its day is that date in every
            // time zone (DateOnly). Contacts recorded before keep their instants.
            try db.execute(sql: "ALTER TABLE interaction ADD COLUMN date_only INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v-dates-person-dates") { db in
            // Since when the user has known a person (`YYYY-MM-DD`; null: since the first contact), and the
            // yearly dates that matter: birthday and work anniversary, `YYYY-MM-DD` or `--MM-DD` without a year.
            try db.execute(
                sql: """
                    ALTER TABLE person ADD COLUMN known_since TEXT;
                    ALTER TABLE person ADD COLUMN birthday TEXT;
                    ALTER TABLE person ADD COLUMN work_anniversary TEXT;
                    """)
        }
        migrator.registerMigration("v-focus-snooze") { db in
            // People put aside until a day (`ties snooze`): one row per person, the day it was made and the
            // first day they are back. A record like any other, so the change log covers it and `ties undo`
            // reverts it.
            try db.execute(
                sql: """
                    CREATE TABLE snooze (
                        person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
                        since_day TEXT NOT NULL,
                        until_day TEXT NOT NULL,
                        CHECK (since_day < until_day)
                    );
                    """)
        }
        migrator.registerMigration("v-speed-message-digests") { db in
            // LinkedIn messages are stored with the FNV-1a 128-bit digest of their source id instead of the
            // ~120-byte text (LinkedInMessages.storedSourceID; see Benchmarks/README.md, the third pass on
            // messages). Re-importing a file into a store written before must find its messages, so their ids
            // become the digest of the text they hold — in the table and in the change log's copies of rows
            // that `ties undo` may put back. FNV-1a 128 is a published function: the same digest forever.
            let digest = DatabaseFunction("ties_fnv1a128", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map { FNV1a128.hex($0) }
            }
            db.add(function: digest)
            defer { db.remove(function: digest) }
            try db.execute(
                sql: """
                    UPDATE interaction SET source_id = ties_fnv1a128(source_id)
                    WHERE source = 'linkedin-messages' AND instr(source_id, '|') > 0;
                    UPDATE change_row
                    SET old = json_set(old, '$.source_id', ties_fnv1a128(json_extract(old, '$.source_id')))
                    WHERE tbl = 'interaction' AND old IS NOT NULL
                        AND json_extract(old, '$.source') = 'linkedin-messages'
                        AND instr(json_extract(old, '$.source_id'), '|') > 0;
                    """)
        }
        migrator.registerMigration("v-speed-unique-index") { db in
            // The interaction table's `UNIQUE (source, source_id)` becomes the index `interaction_source`, which,
            // unlike the one behind a table constraint, a first import can drop while it loads and build once at
            // the end (StoreImporter; `ties import csv` of 975,986 rows: 4.6 → 3.9 s of CPU, Benchmarks/README.md).
            // SQLite cannot drop a table constraint: the table is made again with the same columns, rows and
            // ids, then its indexes and triggers as they were (the change log's are made again after every
            // migration). Nothing refers to interaction ids by foreign key.
            let attached = try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master
                    WHERE tbl_name = 'interaction' AND type IN ('index', 'trigger') AND sql IS NOT NULL
                    ORDER BY type, name
                    """)
            let columns =
                "id, person_id, occurred_at, kind, direction, answered, group_size, note, source, source_id, date_only"
            try db.execute(
                sql: """
                    CREATE TABLE interaction_new (
                        id INTEGER PRIMARY KEY,
                        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        occurred_at INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        direction TEXT NOT NULL,
                        answered INTEGER NOT NULL DEFAULT 1,
                        group_size INTEGER NOT NULL DEFAULT 1,
                        note TEXT,
                        source TEXT NOT NULL DEFAULT 'manual',
                        source_id TEXT,
                        date_only INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO interaction_new (\(columns)) SELECT \(columns) FROM interaction ORDER BY id;
                    DROP TABLE interaction;
                    ALTER TABLE interaction_new RENAME TO interaction;
                    CREATE UNIQUE INDEX interaction_source ON interaction(source, source_id);
                    """)
            for sql in attached { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v-speed-source-key") { db in
            // The unique index `interaction_source` moves from the texts (source, source_id) to `source_key`, a
            // 64-bit integer derived from them (SourceKey): keeping the text index up while 1,039,823 messages
            // went in cost 2.4-2.9 s in the sqlite3 shell, the integer one 1.5 s. The texts stay as they are:
            // they are the record; the key is a cache of them. Keys are computed in Swift from each row's texts,
            // the later id of two that share one getting none (SourceKeys, which keeps such a row findable).
            // Copies of rows in the change log get theirs when `ties undo` puts them back.
            try db.execute(sql: "ALTER TABLE interaction ADD COLUMN source_key INTEGER")
            try SourceKeys.assignAll(db)
            try db.execute(
                sql: """
                    DROP INDEX interaction_source;
                    CREATE UNIQUE INDEX interaction_source ON interaction(source_key);
                    """)
        }
        return migrator
    }

    /// Runs the migrations not yet applied, then makes the change log's triggers again from the schema as
    /// it now is, so that a column a migration added is recorded too.
    static func migrate(_ writer: some DatabaseWriter) throws {
        try migrator.migrate(writer)
        try writer.write { db in try ChangeLog.install(db) }
    }
}
