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

    @Test("messages imported before any connection say where their people are, with a command that runs")
    func connectionsFirst() throws {
        #expect(try store.ties(["init"]).status == 0)
        let file = try messages([2, 1])
        let alone = try store.ties(["import", "linkedin", file, "--me", "Robin Vale"])
        #expect(
            alone.stdout.contains(
                "note: no LinkedIn connection is in Ties yet, and the people of messages are found among them: "
                    + "import the export's Connections.csv (or its folder, or its .zip) with them"),
            "\(alone.stdout)")
        // With the export's Connections.csv beside it, the note names the command that imports both.
        var connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        for k in 0..<2 {
            connections += "Person,\(k),https://www.linkedin.com/in/person-\(k),,Acme,Engineer,01 Mar 2024\n"
        }
        try connections.write(to: store.dir.file("Connections.csv"), atomically: true, encoding: .utf8)
        let beside = try store.ties(["import", "linkedin", file, "--me", "Robin Vale"])
        let folder = store.dir.url.path
        let command = "ties import linkedin \(folder)"
        #expect(
            beside.stdout.contains("`\(command)` imports the export's Connections.csv with them"), "\(beside.stdout)")
        let both = try store.ties(["import", "linkedin", folder, "--me", "Robin Vale"])
        #expect(both.status == 0 && both.stdout.contains("interactions: 5 added"), "\(both.stdout)")
        #expect(!both.stdout.contains("their person unknown") && !both.stdout.contains("no LinkedIn connection"))
        // Once connections are in, messages from someone else are only listed, with no note.
        let stranger = try messages([0, 0, 1])
        let later = try store.ties(["import", "linkedin", stranger, "--me", "Robin Vale"])
        #expect(later.stdout.contains("their person unknown") && !later.stdout.contains("no LinkedIn connection"))
    }
}
