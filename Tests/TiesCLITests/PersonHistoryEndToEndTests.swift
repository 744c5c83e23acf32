import Foundation
import Testing
import TiesTestSupport

/// `ties person show` on the built binary: where each role comes from (given, or inferred with its evidence,
/// confirmed or rejected) and the organisations a person had before, read from the change log.
@Suite("person show: roles with their evidence, organisations with their history, end to end")
struct PersonHistoryEndToEndTests {
    let store = StoreUnderTest()

    /// Today in the time zone the binary runs in: the day a change made now is recorded on.
    var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    @Test("an inferred role shows its evidence and the commands that review it; each answer shows")
    func roles() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--title", "Physician Recruiter", "--org", "Mercy Health")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague", "--role", "mentor")
        try store.ok("person", "classify")
        let shown = try store.ok("person", "show", "Dana")
        #expect(shown.contains("  roles, given and inferred:\n"))
        #expect(
            shown.contains(
                #"    recruiter (in-house): inferred from "Physician Recruiter at Mercy Health" (matched "recruiter""#))
        #expect(shown.contains("`ties person roles --confirm 1` keeps it"))
        // The commands it suggests run.
        try store.ok("person", "roles", "--confirm", "1")
        #expect(try store.ok("person", "show", "Dana").contains("Mercy Health\" (matched \"recruiter\""))
        #expect(try store.ok("person", "show", "Dana").contains(", confirmed by you"))
        try store.ok("person", "roles", "--undo", "1")
        try store.ok("person", "roles", "--reject", "1")
        let rejected = try store.ok("person", "show", "Dana")
        #expect(rejected.contains("    recruiter (in-house): rejected by you (it was inferred from"))
        #expect(!rejected.contains("  roles:        recruiter"))
        // Roles the user gave, and nothing inferred: the summary line says it all.
        let sam = try store.ok("person", "show", "Sam")
        #expect(sam.contains("  roles:        colleague, mentor") || sam.contains("  roles:        mentor, colleague"))
        #expect(!sam.contains("roles, given and inferred"))
        try store.ok("person", "edit", "Sam", "--title", "Senior Recruiter")
        try store.ok("person", "classify")
        let both = try store.ok("person", "show", "Sam")
        #expect(both.contains("    colleague: given by you\n") && both.contains("    mentor: given by you\n"))
        #expect(both.contains("    recruiter: inferred from \"Senior Recruiter\"") || both.contains("    recruiter ("))
    }

    @Test("former organisations and titles, from the change log; an undone change is no history")
    func organisations() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--title", "Recruiter", "--org", "Mercy Health")
        #expect(!(try store.ok("person", "show", "Dana")).contains("organisations"))
        try store.ok("person", "edit", "Dana", "--closeness", "3")
        #expect(!(try store.ok("person", "show", "Dana")).contains("organisations"))
        try store.ok("person", "edit", "Dana", "--org", "Aya Healthcare")
        try store.ok("person", "edit", "Dana", "--title", "Senior Recruiter")
        let shown = try store.ok("person", "show", "Dana")
        let expected = """
              organisations (changes as recorded):
                now               Senior Recruiter at Aya Healthcare
                until \(today)  Recruiter at Aya Healthcare
                until \(today)  Recruiter at Mercy Health

            """
        #expect(shown.hasSuffix(expected), "\(shown)")
        // A mistaken edit, undone: not a job the person had.
        try store.ok("person", "edit", "Dana", "--org", "Wrong Org")
        try store.ok("undo")
        #expect(try store.ok("person", "show", "Dana").hasSuffix(expected))
        // The organisation's name is kept even once no one works there any more.
        #expect(try store.ok("person", "show", "Dana").contains("Recruiter at Mercy Health"))
    }
}
