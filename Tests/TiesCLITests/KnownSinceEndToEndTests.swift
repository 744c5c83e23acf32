import Foundation
import Testing
import TiesStore
import TiesTestSupport

/// Issue 12 item 3 (known since), on the built binary: `person edit --known-since` is stored on the person,
/// shown by `person show` and `explain` with where it came from, lengthens the tenure factor only when it is
/// earlier than the first contact, and is undone like any write.
@Suite("Known since, end to end")
struct KnownSinceEndToEndTests {
    let store = StoreUnderTest()

    /// Each person's strength in `ties score` as of 2026-06-01, by name.
    func strengths() throws -> [String: Double] {
        let csv = try store.ok("score", "--as-of", "2026-06-01", "--format", "csv")
        var out: [String: Double] = [:]
        for line in csv.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            out[String(fields[2])] = Double(fields[4])
        }
        return out
    }

    @Test("known since is stated, shown with its source, used by the tenure factor when earlier, and undone")
    func knownSince() throws {
        try store.ok("init")
        for name in ["Dana Reyes", "Sam Okafor"] {
            try store.ok("person", "add", name, "--role", "colleague")
            for day in ["2026-03-02", "2026-04-06", "2026-05-04"] { try store.ok("log", name, "call", "--at", day) }
        }
        let first = try strengths()
        #expect(first["Dana Reyes"] == first["Sam Okafor"])
        let explained = try store.ok("explain", "Dana", "--as-of", "2026-06-01")
        #expect(explained.contains("Known since 2026-03-02 (the first recorded contact)."))
        #expect(explained.contains("known 0.2 years"))
        #expect(
            try store.ok("person", "show", "Dana").contains("known since:  2026-03-02 (the first recorded contact)"))

        try store.ok("person", "edit", "Dana", "--known-since", "2016-06-01")
        let stated = try strengths()
        #expect(try #require(stated["Dana Reyes"]) > (try #require(stated["Sam Okafor"])))
        let now = try store.ok("explain", "Dana", "--as-of", "2026-06-01")
        #expect(now.contains("Known since 2016-06-01 (as you said: `ties person edit --known-since`)."))
        #expect(now.contains("known 10.0 years"))
        #expect(try store.ok("person", "show", "Dana").contains("known since:  2016-06-01 (as you said)"))
        #expect(
            try StoreSQL.value(store.db, "SELECT known_since FROM person WHERE name = 'Dana Reyes'") == "2016-06-01")

        // Undone like any write: the store's records as before, the scores as before.
        #expect(try store.ok("undo").hasPrefix("Undid change #"))
        #expect(try StoreSQL.value(store.db, "SELECT known_since FROM person WHERE name = 'Dana Reyes'") == nil)
        #expect(try strengths() == first)

        // Later than the first contact: the first contact still counts, and says so.
        try store.ok("person", "edit", "Dana", "--known-since", "2026-05-01")
        #expect(try strengths() == first)
        #expect(
            try store.ok("explain", "Dana", "--as-of", "2026-06-01")
                .contains("Known since 2026-03-02 (the first recorded contact)."))

        // Given on `person add`, with no contact yet.
        try store.ok("person", "add", "Lee Park", "--known-since", "2010-01-01")
        #expect(try store.ok("person", "show", "Lee").contains("known since:  2010-01-01 (as you said)"))
    }

    @Test(
        "a known-since date that is no date, or in the future, exits 64 and changes nothing",
        arguments: [
            (["person", "edit", "Dana", "--known-since", "03/02/2020"], "give YYYY-MM-DD"),
            (["person", "edit", "Dana", "--known-since", "2099-01-01"], "is in the future"),
            (["person", "add", "Lee Park", "--known-since", "2026-02-30"], "is not a date"),
        ])
    func refused(arguments: [String], message: String) throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes")
        let refused = try TiesBinary.runRefused(arguments, store: store.db)
        #expect(refused.result.status == 64 && refused.unchanged, "\(refused.result.stderr)")
        #expect(refused.result.stderr.contains(message), "\(refused.result.stderr)")
    }
}
