import Foundation
import Testing
import TiesStore
import TiesTestSupport

/// The record-keeping scenario of issue 12, run on the built binary: a contact logged with the wrong date is
/// listed and fixed, one logged for the wrong person is removed and the removal undone, a person is noted
/// and tagged, the note is found by search, and who holds the old resume is listed. The store's records are
/// dumped after every step and compared with what the step should have left.
@Suite("Records: correct, undo, note, search, end to end")
struct RecordsEndToEndTests {
    let store = StoreUnderTest()

    func dump() throws -> String {
        try Store.open(at: URL(fileURLWithPath: store.db), readOnly: true).recordsDump()
    }

    @Test("the record-keeping scenario, with the store compared after each step")
    func scenario() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague")
        try store.ok("me", "set", "email", "alex@example.org", "--since", "2026-01-01")
        try store.ok("disclose", "Dana", "resume", "--version", "v1", "--at", "2026-03-01")
        try store.ok("disclose", "Sam", "resume", "--version", "v2", "--at", "2026-06-01")
        let start = try dump()

        // Logged with the wrong date, listed, fixed.
        #expect(
            try store.ok("log", "Dana", "call", "--at", "2026-11-02")
                == "Logged call with Dana Reyes on 2026-11-02 (#1).\n")
        let logged = try dump()
        #expect(logged.components(separatedBy: "\n").count == start.components(separatedBy: "\n").count + 1)
        #expect(
            try store.ok("log", "list", "Dana", "--format", "csv")
                == "id,at,person,kind,direction,status,group,source,note\r\n1,2026-11-02,Dana Reyes,call,mutual,,1,manual,\r\n"
        )
        try store.ok("log", "edit", "1", "--at", "2026-11-03T10:00")
        let fixed = try dump()
        #expect(fixed != logged)
        // Logged with a date only (noon UTC of it, date_only=1); fixed to a time (an instant, date_only=0).
        #expect(
            fixed.replacingOccurrences(of: "occurred_at=1793700000", with: "occurred_at=1793620800")
                .replacingOccurrences(of: "date_only=0", with: "date_only=1") == logged)
        #expect(try store.ok("log", "list", "--format", "csv").contains("1,2026-11-03 10:00,Dana Reyes,call"))

        // An id that is no contact, and an edit into the future: refused, the store byte-identical.
        for arguments in [["log", "edit", "9", "--at", "2026-11-01"], ["log", "edit", "1", "--at", "2099-01-01"]] {
            let refused = try TiesBinary.runRefused(arguments, store: store.db)
            #expect(refused.result.status == 65 && refused.unchanged, "\(arguments): \(refused.result.stderr)")
        }

        // Logged for the wrong person, removed, the removal undone.
        try store.ok("log", "Sam", "meeting", "--at", "2026-11-04")
        let wrong = try dump()
        #expect(try store.ok("log", "delete", "2") == "Removed 1 contact: #2.\n")
        #expect(try dump() == fixed)
        #expect(try store.ok("undo").hasPrefix("Undid change #"))
        #expect(try dump() == wrong)
        #expect(try store.ok("history", "--format", "csv").contains("ties undo,undo of #"))

        // Undoing the logging of contact 1 is refused: the later fix touched the same row, and is named.
        let firstLog = try #require(
            try store.ok("history", "--format", "csv", "--limit", "100").split(separator: "\r\n")
                .first { $0.contains("ties log Dana call --at 2026-11-02") }?.split(separator: ",").first)
        let refused = try TiesBinary.runRefused(["undo", String(firstLog)], store: store.db)
        #expect(refused.result.status == 65 && refused.unchanged)
        #expect(refused.result.stderr.contains("ties log edit 1 --at 2026-11-03T10:00"))

        // A note and a tag, then the note found by search, whatever the accents and case.
        try store.ok("person", "note", "Dana", "Prefers calls on Fridays; moving to Zürich", "--at", "2026-11-05")
        let noted = try dump()
        #expect(noted.contains("person_note: id=1|person_id=1|day=\"2026-11-05\""))
        try store.ok("person", "tag", "Dana", "healthcare")
        #expect(try dump().contains("person_tag: person_id=1|tag=\"healthcare\""))
        #expect(
            try store.ok("search", "zurich", "--format", "csv")
                == "kind,id,person,match\r\nnote,1,Dana Reyes,Prefers calls on Fridays; moving to [Zürich]\r\n")

        // Who holds the old resume.
        #expect(
            try store.ok("disclose", "list", "--kind", "resume", "--stale", "--as-of", "2026-11-06", "--format", "csv")
                == "id,person,kind,holds,since,status,current\r\n1,Dana Reyes,resume,v1,2026-03-01,stale,v2\r\n")
    }

    @Test("a reference that starts several people's words is ambiguous, and an alias resolves")
    func ambiguity() throws {
        try store.ok("init")
        try store.ok("person", "add", "Mara Lopez")
        try store.ok("person", "add", "Sam Martin")
        let refused = try TiesBinary.runRefused(["log", "Ma", "call"], store: store.db)
        #expect(refused.result.status == 65 && refused.unchanged)
        #expect(refused.result.stderr.contains("Mara Lopez (#1); Sam Martin (#2)"))
        try store.ok("person", "alias", "Sam Martin", "Sammy")
        #expect(
            try store.ok("log", "Sammy", "call", "--at", "2026-11-02")
                == "Logged call with Sam Martin on 2026-11-02 (#1).\n")
    }

    @Test("a reply marks what was waiting from that person as answered")
    func replyAnswers() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter")
        try store.ok("log", "Dana", "email", "--unanswered", "--at", "2026-11-02")
        #expect(try store.ok("log", "list", "--unanswered", "--format", "csv").contains("unanswered"))
        try store.ok("log", "Dana", "call", "--direction", "out", "--at", "2026-11-03")
        #expect(try store.ok("log", "list", "--unanswered") == "No contacts match.\n")
        #expect(
            try store.ok("log", "list", "--format", "csv").contains("1,2026-11-02,Dana Reyes,email,in,answered"))
    }

    @Test(
        "unknown ids, ids of another kind of record and invalid edits are refused; the store is byte-identical",
        arguments: [
            (["log", "rm", "1", "7"], 65, "no contact #7"),
            (["log", "edit", "1", "--group-size", "0"], 64, "1 or more"),
            (["log", "edit", "1", "--direction", "out", "--unanswered"], 65, "only a contact they started"),
            (["log", "edit", "1"], 64, "nothing to change"),
            (["offer", "rm", "1"], 65, "no promise #1"),
            (["me", "rm", "1"], 65, "remove them first"),
            (["journal", "rm", "1"], 65, "no journal entry #1"),
            (["disclose", "rm", "2"], 65, "no disclosure #2"),
            (["tie", "rm", "Dana", "Sam"], 65, "not tied"),
            (["undo", "99"], 65, "no change #99"),
            (["person", "untag", "Dana", "nope"], 65, "no tag 'nope'"),
            (["search", "..."], 65, "nothing to search for"),
        ] as [([String], Int32, String)])
    func refused(arguments: [String], status: Int32, message: String) throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter")
        try store.ok("person", "add", "Sam Okafor")
        try store.ok("log", "Dana", "call", "--at", "2026-11-02")
        try store.ok("me", "set", "email", "alex@example.org", "--since", "2026-01-01")
        try store.ok("disclose", "Dana", "email", "--at", "2026-02-01")
        let (result, unchanged) = try TiesBinary.runRefused(arguments, store: store.db)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(unchanged, "\(arguments) changed the store")
    }
}
