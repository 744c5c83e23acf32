import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// Stores written before LinkedIn messages were stored by digest hold the text of their source ids; the
/// migration `v-speed-message-digests` turns each into the digest a new import computes
/// (`LinkedInMessages.storedSourceID`, tested against the same function in TiesInterchangeTests), so that
/// re-importing the same file finds its messages.
@Suite("Store: message source ids become digests")
struct StoreMessageDigestMigrationTests {
    static let legacy =
        "2-Y29udjE=|2023-06-11 15:33:58 UTC|https://www.linkedin.com/in/ana-b|https://www.linkedin.com/in/robin-v"

    @Test("rows and the change log's copies of rows get the digest of their text; other sources are left alone")
    func migrated() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let store = try Store.create(at: url)
        try store.queue.write { db in
            try db.execute(sql: "INSERT INTO person (id, name, created_at) VALUES (1, 'Ana', 0)")
            try db.execute(
                sql: """
                    INSERT INTO interaction (id, person_id, occurred_at, kind, direction, source, source_id) VALUES
                        (1, 1, 0, 'message', 'in', 'linkedin-messages', ?),
                        (2, 1, 0, 'message', 'in', 'csv', 'a|b'),
                        (3, 1, 0, 'message', 'in', 'linkedin-messages', ?);
                    INSERT INTO change (id, at, command, first_row, last_row) VALUES (1, 0, 'ties log rm', 1, 2);
                    INSERT INTO change_row (seq, change_id, tbl, op, key, old) VALUES
                        (1, 1, 'interaction', 'delete', 9, json_object('id', 9, 'source', 'linkedin-messages', 'source_id', ?)),
                        (2, 1, 'interaction', 'delete', 8, json_object('id', 8, 'source', 'csv', 'source_id', 'x|y'));
                    DELETE FROM grdb_migrations WHERE identifier = 'v-speed-message-digests';
                    """, arguments: [Self.legacy, FNV1a128.hex("already"), Self.legacy + "|2"])
        }
        try store.queue.close()
        let reopened = try Store.open(at: url)
        let (ids, logged) = try reopened.queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT source_id FROM interaction ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT json_extract(old, '$.source_id') FROM change_row ORDER BY seq")
            )
        }
        #expect(ids == [FNV1a128.hex(Self.legacy), "a|b", FNV1a128.hex("already")])
        #expect(logged == [FNV1a128.hex(Self.legacy + "|2"), "x|y"])
    }

    @Test("FNV-1a 128 gives the values of its definition")
    func knownValues() {
        // "" is the offset basis; "a" is FNV's published test value; all three as Python's unbounded integers
        // compute them from the definition (prime 2^88 + 0x13b, modulo 2^128).
        #expect(FNV1a128.hex("") == "6c62272e07bb014262b821756295c58d")
        #expect(FNV1a128.hex("a") == "d228cb696f1a8caf78912b704e4a8964")
        #expect(FNV1a128.hex("foobar") == "343e1662793c64bf6f0d3597ba446f18")
        var pieces = FNV1a128()
        for piece in ["fo", "", "ob", "ar"] { pieces.combine(piece) }
        #expect(pieces.hex == FNV1a128.hex("foobar"))
    }
}
