import Foundation
import Testing
import TiesTestSupport

/// `--tag` on `report`, `next`, `gaps`, `score`, `export` and `person list`, on the built binary: scores are
/// those of the whole network, the rows, actions and gaps only the tagged people's; several tags select
/// people with any of them; a tag no one carries is refused with the tags in use.
@Suite("--tag limits listings to tagged people, end to end")
struct TagSelectionEndToEndTests {
    let store = StoreUnderTest()
    static let asOf = "2026-11-27"

    func setUp() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter", "--tag", "chicago")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague", "--tag", "board")
        try store.ok("person", "add", "Lee Park", "--role", "colleague")
        for day in ["2026-09-01", "2026-10-01", "2026-11-01"] {
            try store.ok("log", "Sam", "meeting", "--at", day)
            try store.ok("log", "Lee", "meeting", "--at", day)
        }
        try store.ok("log", "Dana", "call", "--unanswered", "--at", "2026-11-20")
        try store.ok("log", "Lee", "email", "--unanswered", "--at", "2026-11-21")
    }

    /// The CSV rows of a listing, without the header, split into fields (no quoted commas in these stores).
    func rows(_ arguments: String...) throws -> [[String]] {
        try store.ties(arguments + ["--format", "csv"]).stdout.split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("score: only tagged rows, with the strength of the whole network")
    func score() throws {
        try setUp()
        let all = try rows("score", "--as-of", Self.asOf)
        let tagged = try rows("score", "--as-of", Self.asOf, "--tag", "board")
        #expect(tagged.map { $0[2] } == ["Sam Okafor"])
        let whole = try #require(all.first { $0[2] == "Sam Okafor" })
        // strength, activity, layer: the same numbers as in the whole network's listing.
        #expect(tagged[0][4...6] == whole[4...6])
    }

    @Test("next and gaps: only the tagged people, no gap about the whole network; any of several tags")
    func nextAndGaps() throws {
        try setUp()
        let next = try store.ok("next", "--as-of", Self.asOf, "--format", "csv")
        #expect(next.contains("Dana Reyes") && next.contains("Lee Park"))
        let nextTagged = try store.ok("next", "--as-of", Self.asOf, "--tag", "chicago", "--format", "csv")
        #expect(nextTagged.contains("Dana Reyes") && !nextTagged.contains("Lee Park"))

        let gaps = try rows("gaps", "--as-of", Self.asOf)
        #expect(gaps.contains { $0[1] == "journal-stale" } && gaps.contains { $0[1] == "role-gap" })
        #expect(gaps.contains { $0[1] == "unanswered-inbound" && $0[3] == "Lee Park" })
        let tagged = try rows("gaps", "--as-of", Self.asOf, "--tag", "CHICAGO")
        #expect(tagged.map { $0[1] } == ["unanswered-inbound"])
        #expect(tagged[0][2] == "Recruiter waiting for your answer: Dana Reyes" && tagged[0][3] == "Dana Reyes")
        #expect(try rows("gaps", "--as-of", Self.asOf, "--tag", "board").isEmpty)
        #expect(
            try store.ok("gaps", "--as-of", Self.asOf, "--tag", "board")
                == "No gaps as of 2026-11-27 among the people tagged board.\n")

        let either = try rows("person", "list", "--tag", "chicago", "--tag", "board").map { $0[1] }
        #expect(either == ["Dana Reyes", "Sam Okafor"])
    }

    @Test("report: actions and gaps of the tagged people, health of the whole network, and it says so")
    func report() throws {
        try setUp()
        let whole = try #require(
            JSONSerialization.jsonObject(
                with: Data(store.ok("report", "--as-of", Self.asOf, "--format", "json").utf8)) as? [String: Any])
        let tagged = try #require(
            JSONSerialization.jsonObject(
                with: Data(store.ok("report", "--as-of", Self.asOf, "--format", "json", "--tag", "chicago").utf8))
                as? [String: Any])
        #expect(tagged["tags"] as? [String] == ["chicago"])
        #expect(whole["tags"] == nil)
        #expect(
            (tagged["health"] as? [String: Any])?["value"] as? Double == (whole["health"] as? [String: Any])?["value"]
                as? Double)
        let actions = try #require(tagged["actions"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(actions == ["Dana Reyes"])
        let codes = try #require(tagged["gaps"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(codes == ["unanswered-inbound"])
        let text = try store.ok("report", "--as-of", Self.asOf, "--tag", "chicago")
        #expect(text.contains("Limited to people tagged 'chicago': the actions, the gaps and who is snoozed;"))
    }

    @Test("export: the rows about tagged people; the journal refuses --tag")
    func export() throws {
        try setUp()
        let people = try store.ok("export", "people", "--tag", "board")
        #expect(people.contains("Sam Okafor") && !people.contains("Dana Reyes") && !people.contains("Lee Park"))
        let contacts = try store.ok("export", "interactions", "--tag", "chicago")
        #expect(contacts.split(separator: "\r\n").count == 2 && contacts.contains("Dana Reyes"))
        let scores = try store.ok("export", "scores", "--tag", "chicago", "--as-of", Self.asOf)
        #expect(scores.contains("Dana Reyes") && !scores.contains("Sam Okafor"))
        let vcards = try store.ok("export", "vcard", "--tag", "chicago")
        #expect(vcards.components(separatedBy: "BEGIN:VCARD").count == 2 && vcards.contains("Dana Reyes"))
        let journal = try TiesBinary.runRefused(["export", "journal", "--tag", "board"], store: store.db)
        #expect(journal.result.status == 64 && journal.unchanged)
    }

    @Test("the other listings: contacts, promises, disclosures and ties of tagged people")
    func listings() throws {
        try setUp()
        try store.ok("offer", "Dana", "Send the article")
        try store.ok("offer", "Lee", "Intro to the CFO")
        try store.ok("me", "set", "email", "alex@example.org", "--since", "2026-01-01")
        try store.ok("disclose", "Dana", "email", "--at", "2026-03-01")
        try store.ok("disclose", "Lee", "email", "--at", "2026-03-01")
        try store.ok("tie", "add", "Dana", "Sam")
        try store.ok("tie", "add", "Lee", "Sam")
        #expect(Set(try rows("log", "list", "--tag", "chicago").map { $0[2] }) == ["Dana Reyes"])
        #expect(
            Set(try rows("log", "list", "--tag", "board", "--tag", "chicago").map { $0[2] }) == [
                "Dana Reyes", "Sam Okafor",
            ])
        #expect(try rows("commitments", "--tag", "chicago").map { $0[2] } == ["Dana Reyes"])
        #expect(try rows("disclose", "list", "--tag", "chicago").map { $0[1] } == ["Dana Reyes"])
        // A tie with a tagged person at either end.
        #expect(
            try rows("tie", "list", "--tag", "board").map { "\($0[1])-\($0[3])" }.sorted() == [
                "Dana Reyes-Sam Okafor", "Sam Okafor-Lee Park",
            ])
        #expect(try rows("tie", "list", "--tag", "chicago").map { "\($0[1])-\($0[3])" } == ["Dana Reyes-Sam Okafor"])
        for command in [["log", "list"], ["commitments"], ["disclose", "list"], ["tie", "list"]] {
            let refused = try TiesBinary.runRefused(command + ["--tag", "nope"], store: store.db)
            #expect(refused.result.status == 64 && refused.unchanged, "\(command)")
        }
    }

    @Test("a tag no one carries: exit 64, the tags in use named, the store byte-identical")
    func unknown() throws {
        try setUp()
        for command in [
            ["report", "--tag", "nope"], ["next", "--tag", "nope"], ["gaps", "--tag", "nope"],
            ["score", "--tag", "nope"], ["export", "people", "--tag", "nope"], ["person", "list", "--tag", "nope"],
            ["next", "--tag", "chicago", "--tag", "nope"],
        ] {
            let refused = try TiesBinary.runRefused(command, store: store.db)
            #expect(refused.result.status == 64 && refused.unchanged, "\(command): \(refused.result.stderr)")
            #expect(
                refused.result.stderr.contains("no one is tagged 'nope'; the tags in use are board, chicago"),
                "\(command): \(refused.result.stderr)")
        }
    }
}
