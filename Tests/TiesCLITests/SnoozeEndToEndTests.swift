import Foundation
import Testing
import TiesStore
import TiesTestSupport

/// `ties snooze` on the built binary: a recruiter waiting for an answer leaves `next`, the gaps and the
/// report's actions while snoozed, the report lists the snooze, and `ties undo` takes it back.
@Suite("Snooze, end to end")
struct SnoozeEndToEndTests {
    let store = StoreUnderTest()
    static let asOf = "2026-11-27"

    func dump() throws -> String {
        try Store.open(at: URL(fileURLWithPath: store.db), readOnly: true).recordsDump()
    }

    func setUp() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter", "--org", "Hale Search", "--tag", "chicago")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague")
        try store.ok("log", "Dana", "call", "--unanswered", "--at", "2026-11-20")
        try store.ok("log", "Sam", "meeting", "--at", "2026-11-02")
    }

    @Test("snoozed: out of next, the gaps and the report's actions, listed by the report; undo takes it back")
    func scenario() throws {
        try setUp()
        let asOf = Self.asOf
        #expect(try store.ok("next", "--as-of", asOf, "--format", "csv").contains("Dana Reyes"))
        #expect(try store.ok("gaps", "--as-of", asOf, "--format", "csv").contains("unanswered-inbound"))
        #expect(try store.ok("next", "--as-of", asOf, "--format", "csv").contains("recruiter-unanswered"))
        let before = try dump()

        #expect(
            try store.ok("snooze", "Dana", "--for", "3w", "--as-of", asOf)
                == "Snoozed Dana Reyes until 2026-12-18: left out of `ties next` and the gaps until then (`ties snooze rm 1` ends it sooner).\n"
        )
        let snoozed = try dump()
        #expect(snoozed.contains(#"snooze: person_id=1|since_day="2026-11-27"|until_day="2026-12-18""#))
        #expect(!(try store.ok("next", "--as-of", asOf, "--format", "csv").contains("Dana Reyes")))
        #expect(
            try store.ok("next", "--as-of", asOf).contains("\n1 person is snoozed and left out (`ties snooze list`).\n")
        )
        #expect(
            try store.ok("next", "--as-of", asOf, "--tag", "chicago").replacingOccurrences(of: "\n", with: " ")
                == "Nobody tagged 'chicago' needs a nudge as of 2026-11-27. 1 person is snoozed and left out (`ties snooze list`). "
        )
        #expect(!(try store.ok("next", "--as-of", "2026-12-17", "--format", "csv").contains("Dana Reyes")))
        // Out of the gap of who is waiting; the recruiter coverage still counts her.
        let gaps = try store.ok("gaps", "--as-of", asOf, "--format", "csv")
        #expect(!gaps.contains("unanswered-inbound"))
        #expect(gaps.contains("recruiter-coverage,Only 1 active recruiter (aim for 3): Dana Reyes"))
        // Before the snooze was made, and from the day she is back, she is there.
        #expect(try store.ok("next", "--as-of", "2026-11-26", "--format", "csv").contains("Dana Reyes"))
        #expect(try store.ok("next", "--as-of", "2026-12-18", "--format", "csv").contains("Dana Reyes"))

        #expect(
            try store.ok("explain", "Dana", "--as-of", asOf).hasSuffix(
                "Priority in `ties next`: not on the list: snoozed until 2026-12-18 (`ties snooze list`).\n"))
        #expect(
            try store.ok("person", "show", "Dana", "--as-of", asOf).contains(
                "  snoozed:      until 2026-12-18, out of `ties next` and the gaps (`ties snooze rm 1` ends it)\n"))
        #expect(!(try store.ok("person", "show", "Dana", "--as-of", "2026-12-18")).contains("snoozed:"))
        let report = try store.ok("report", "--as-of", asOf)
        #expect(report.contains("Snoozed (left out of the actions and the gaps until the day they are back)\n"))
        #expect(report.contains("  Dana Reyes — back on 2026-12-18\n"))
        let json = try store.ok("report", "--as-of", asOf, "--format", "json")
        #expect(json.contains(#"{"id": 1, "name": "Dana Reyes", "until": "2026-12-18"}"#))
        #expect(!(try store.ok("report", "--as-of", "2026-12-18")).contains("Snoozed"))

        #expect(
            try store.ok("snooze", "list", "--as-of", asOf, "--format", "csv")
                == "person_id,name,since,until,in_effect\r\n1,Dana Reyes,2026-11-27,2026-12-18,yes\r\n")
        #expect(
            try store.ok("snooze", "list", "--as-of", "2026-12-18", "--format", "csv")
                .hasSuffix("1,Dana Reyes,2026-11-27,2026-12-18,no\r\n"))

        // A snooze is a write like any other: in the history, and undone.
        #expect(try store.ok("history", "--format", "csv").contains("added 1 snooze"))
        #expect(try store.ok("undo").hasPrefix("Undid change #"))
        #expect(try dump() == before)
        #expect(try store.ok("next", "--as-of", asOf, "--format", "csv").contains("Dana Reyes"))
    }

    @Test("snoozing again replaces the days; rm ends it, and undo puts it back")
    func replaceAndRemove() throws {
        try setUp()
        try store.ok("snooze", "Dana", "--for", "1w", "--as-of", Self.asOf)
        try store.ok("snooze", "Dana", "--until", "2027-01-10", "--as-of", Self.asOf)
        let snoozed = try dump()
        #expect(snoozed.contains(#"until_day="2027-01-10""#) && !snoozed.contains(#"until_day="2026-12-04""#))
        #expect(try store.ok("snooze", "rm", "Dana") == "Dana Reyes is back in `ties next` and the gaps.\n")
        #expect(!(try dump()).contains("snooze:"))
        try store.ok("undo")
        #expect(try dump() == snoozed)
        #expect(try store.ok("snooze", "list", "--format", "csv").contains("1,Dana Reyes,2026-11-27,2027-01-10"))
    }

    @Test("bad input: a clear message, exit 64, the store byte-identical")
    func refused() throws {
        try setUp()
        try store.ok("snooze", "Sam", "--for", "2w", "--as-of", Self.asOf)
        let cases: [([String], String)] = [
            (["snooze", "Dana", "--until", "2026-11-27", "--as-of", Self.asOf], "is not after 2026-11-27"),
            (["snooze", "Dana", "--until", "2026-01-01", "--as-of", Self.asOf], "is not after 2026-11-27"),
            (["snooze", "Dana", "--for", "3x"], "expected a number and a unit"),
            (["snooze", "Dana", "--for", "0d"], "expected a number and a unit"),
            (["snooze", "Dana", "--for", "30m"], "at most 24 months"),
            (["snooze", "Dana"], "give how long, --for 3w"),
            (["snooze", "Dana", "--for", "1w", "--until", "2027-01-01"], "give how long, --for 3w"),
            (["snooze", "rm", "Dana"], "Dana Reyes is not snoozed"),
        ]
        for (arguments, message) in cases {
            let refused = try TiesBinary.runRefused(arguments, store: store.db)
            #expect(refused.result.status == 64, "\(arguments): \(refused.result.stderr)")
            #expect(refused.unchanged, "\(arguments)")
            #expect(refused.result.stderr.contains(message), "\(arguments): \(refused.result.stderr)")
        }
        let unknown = try TiesBinary.runRefused(["snooze", "Nobody", "--for", "1w"], store: store.db)
        #expect(unknown.result.status != 0 && unknown.unchanged)
    }
}
