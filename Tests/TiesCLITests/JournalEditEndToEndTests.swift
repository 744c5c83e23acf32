import Foundation
import Testing
import TiesStore
import TiesTestSupport

/// `ties journal edit ID` on the built binary: corrections checked by the rules of `journal add`, bad ones
/// refused with the store byte-identical, and every correction undone by `ties undo`.
@Suite("Journal edit, end to end")
struct JournalEditEndToEndTests {
    let store = StoreUnderTest()

    func dump() throws -> String {
        try Store.open(at: URL(fileURLWithPath: store.db), readOnly: true).recordsDump()
    }

    func list() throws -> String { try store.ok("journal", "list", "--format", "csv") }

    @Test("correct the day, kind, text, fields and tags; undo each")
    func corrections() throws {
        try store.ok("init")
        try store.ok(
            "journal", "add", "employment", "Run operations", "--at", "2024-01-08", "--org", "Mercy Health", "--title",
            "COO", "--tag", "draft")
        let added = try dump()
        #expect(
            try store.ok("journal", "edit", "1", "--at", "2024-01-15")
                == "Corrected journal entry #1 (employment on 2024-01-15).\n")
        #expect(try list().contains("1,2024-01-15,,employment,Mercy Health,COO,,draft,Run operations"))
        let moved = try dump()
        #expect(moved == added.replacingOccurrences(of: "day=\"2024-01-08\"", with: "day=\"2024-01-15\""))

        try store.ok(
            "journal", "edit", "1", "--date", "2024-01-16", "--end", "2026-06-30", "--text", "Ran operations",
            "--tag", "leadership", "--untag", "draft", "--amount", "3")
        #expect(try list().contains("1,2024-01-16,2026-06-30,employment,Mercy Health,COO,3,leadership,Ran operations"))
        try store.ok("journal", "edit", "1", "--no-end", "--kind", "accomplishment", "--no-title", "--no-amount")
        #expect(try list().contains("1,2024-01-16,,accomplishment,Mercy Health,,,leadership,Ran operations"))

        try store.ok("undo")
        #expect(try list().contains("1,2024-01-16,2026-06-30,employment,Mercy Health,COO,3,leadership,Ran operations"))
        try store.ok("undo")
        #expect(try dump() == moved)
        #expect(try store.ok("search", "leadership", "--format", "csv").split(separator: "\r\n").count == 1)
    }

    @Test("a correction that would leave the entry invalid: a clear message, 64 or 65, the store byte-identical")
    func refused() throws {
        try store.ok("init")
        try store.ok("journal", "add", "employment", "Run operations", "--at", "2024-01-08", "--org", "Mercy Health")
        try store.ok("journal", "add", "review", "Exceeds expectations", "--at", "2025-03-01")
        let cases: [([String], Int32, String)] = [
            (["journal", "edit", "9", "--at", "2024-01-01"], 65, "there is no journal entry #9"),
            (["journal", "edit", "1"], 64, "nothing to change"),
            (["journal", "edit", "1", "--at", "2099-01-01"], 64, "is in the future"),
            (["journal", "edit", "1", "--end", "2023-12-31"], 64, "is before the start (2024-01-08)"),
            (["journal", "edit", "1", "--no-org"], 64, "an employment entry needs the organisation"),
            (["journal", "edit", "2", "--end", "2026-01-01"], 64, "is for employment entries"),
            (["journal", "edit", "2", "--kind", "employment"], 64, "an employment entry needs the organisation"),
            (["journal", "edit", "2", "--text", " "], 64, "is empty"),
            (["journal", "edit", "2", "--untag", "nope"], 64, "entry #2 has no tag 'nope'"),
            (["journal", "edit", "2", "--org", "X", "--no-org"], 64, "cannot go together"),
            (["journal", "edit", "2", "--kind", "promotion"], 64, "promotion"),
        ]
        for (arguments, status, message) in cases {
            let refused = try TiesBinary.runRefused(arguments, store: store.db)
            #expect(refused.result.status == status, "\(arguments): \(refused.result.stderr)")
            #expect(refused.unchanged, "\(arguments)")
            #expect(refused.result.stderr.contains(message), "\(arguments): \(refused.result.stderr)")
        }
    }
}
