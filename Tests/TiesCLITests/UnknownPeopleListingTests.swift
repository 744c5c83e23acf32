import Foundation
import Testing
import TiesTestSupport

/// What an import says of the interactions whose person no one is: grouped by person (by the reason, which
/// names the person's keys), so a messages file imported before its connections lists people, not each message.
@Suite("ties import: interactions with unknown people, by person")
struct UnknownPeopleListingTests {
    let store = StoreUnderTest()

    /// A messages file (the 2023 layout) from invented people: `counts[k]` messages from person k.
    func messages(_ counts: [Int]) throws -> String {
        var csv =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        for (k, count) in counts.enumerated() {
            for m in 0..<count {
                csv +=
                    "conv-\(k),,Person \(k),https://www.linkedin.com/in/person-\(k),Robin Vale,https://www.linkedin.com/in/robin-vale,"
                    + "2025-0\(m + 1)-1\(k % 10) 09:00:00 UTC,,\"Hello, Robin\",INBOX\n"
            }
        }
        let file = store.dir.file("messages.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("each unknown person is listed once, with how many interactions, and the rest are counted")
    func grouped() throws {
        #expect(try store.ties(["init"]).status == 0)
        // 12 people: the first with 3 messages, the second with 2, the rest with 1 (15 messages).
        let file = try messages([3, 2] + Array(repeating: 1, count: 10))
        let out = try store.ties(["import", "linkedin", file, "--me", "Robin Vale"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("interactions: 0 added"))
        #expect(out.stdout.contains("  15 interactions left out, their person unknown:\n"), "\(out.stdout)")
        #expect(
            out.stdout.contains(
                "\(file):2: no person matches https://www.linkedin.com/in/person-0 / Person 0 (the first of 3)\n"),
            "\(out.stdout)")
        #expect(
            out.stdout.contains(
                "\(file):5: no person matches https://www.linkedin.com/in/person-1 / Person 1 (the first of 2)\n"))
        #expect(out.stdout.contains("\(file):7: no person matches https://www.linkedin.com/in/person-2 / Person 2\n"))
        // 10 people listed (3 + 2 + 8 messages); the other 2 people's 2 messages counted.
        #expect(out.stdout.contains("    ... and 2 more\n"), "\(out.stdout)")
        #expect(out.stdout.contains("`--create-people` adds the people named in them\n"))
        // With a few more messages from one of the two not listed, the count says how many people they are.
        let more = try messages([3, 2] + Array(repeating: 1, count: 9) + [4])
        let again = try store.ties(["import", "linkedin", more, "--me", "Robin Vale"])
        #expect(again.stdout.contains("  18 interactions left out, their person unknown:\n"), "\(again.stdout)")
        #expect(again.stdout.contains("    ... and 5 more (2 other people or names)\n"), "\(again.stdout)")
    }
}
