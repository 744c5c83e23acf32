import Foundation
import Testing
import TiesTestSupport

/// LinkedIn files messages it takes for spam under `FOLDER` `SPAM`. Real exports hold them
/// (Giannettig/renomia-network-explorer, 2026: 125 rows, 20 of them in 12 conversations the member never wrote
/// in, among them seven follow-ups of one seller; UsernameTron/Linkedin-Chatbot, 2024: 48 rows, 32 from
/// "LinkedIn Member" and the rest in conversations the member wrote in). Invented people here.
@Suite("ties import linkedin: the spam folder, and LinkedIn's own accounts")
struct LinkedInSpamFolderTests {
    let store = StoreUnderTest()

    static let connections = """
        First Name,Last Name,URL,Email Address,Company,Position,Connected On
        Sel,Lerr,https://www.linkedin.com/in/sel-lerr,,Lead Gen Co,Growth Hacker,01 Mar 2024
        Ana,Buyer,https://www.linkedin.com/in/ana-buyer,,Mercy Health,Director,02 Mar 2024

        """

    static let messages = """
        CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
        conv-a,,Sel Lerr,https://www.linkedin.com/in/sel-lerr,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-10 09:00:00 UTC,,Just following up,SPAM
        conv-a,,Sel Lerr,https://www.linkedin.com/in/sel-lerr,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-03 09:00:00 UTC,,Grow your pipeline,SPAM
        conv-b,,Robin Vale,https://www.linkedin.com/in/robin-vale,Ana Buyer,https://www.linkedin.com/in/ana-buyer,2025-03-05 10:00:00 UTC,,"Yes, happy to talk",SPAM
        conv-b,,Ana Buyer,https://www.linkedin.com/in/ana-buyer,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-04 10:00:00 UTC,,A question about your team,SPAM
        conv-c,,Ana Buyer,https://www.linkedin.com/in/ana-buyer,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-02-01 10:00:00 UTC,,Hello,INBOX

        """

    func export() throws -> String {
        let dir = store.dir.file("export")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.connections.write(to: dir.appendingPathComponent("Connections.csv"), atomically: true, encoding: .utf8)
        try Self.messages.write(to: dir.appendingPathComponent("messages.csv"), atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test(
        "spam never answered is left out and listed; a spam conversation you wrote in is kept; one pass or two",
        arguments: [["--me", "Robin Vale"], []])
    func spam(me: [String]) throws {
        #expect(try store.ties(["init"]).status == 0)
        let folder = try export()
        let run = try store.ties(["import", "linkedin", folder] + me)
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("messages, 5 rows = 3 read + 2 left out on purpose"), "\(out)")
        for line in [2, 3] {
            #expect(
                out.contains(
                    "messages.csv:\(line): the message is in LinkedIn's spam folder, in a conversation you never wrote in"
                ),
                "\(out)")
        }
        #expect(out.contains("interactions: 5 added"), "\(out)")  // 2 connections, 3 messages
        let sel = try store.ok("person", "show", "Sel Lerr", "--as-of", "2025-03-20")
        #expect(!sel.contains("message in"), "\(sel)")
        // Ana's spam-folder question was answered: her conversation counts, and no one is waiting.
        let ana = try store.ok("person", "show", "Ana Buyer", "--as-of", "2025-03-20")
        #expect(ana.contains("message in") && ana.contains("message out"), "\(ana)")
        let gaps = try store.ok("gaps", "--as-of", "2025-03-20")
        #expect(!gaps.contains("unanswered-inbound"), "\(gaps)")
        let again = try store.ties(["import", "linkedin", folder] + me).stdout
        #expect(again.contains("interactions: 0 added"), "\(again)")
    }

    @Test("LinkedIn's own accounts are no one: left out and listed, never created")
    func linkedInItself() throws {
        #expect(try store.ties(["init"]).status == 0)
        // As real exports write them: no profile URL, archived (names from the exports of rounds 6 and 7).
        let file = store.dir.file("messages.csv")
        try """
        CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
        p-1,,Liza from LinkedIn Premium,,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-10 09:00:00 UTC,,Try Premium,ARCHIVE
        p-2,,LinkedIn Talent Solutions,,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-11 09:00:00 UTC,,Hire faster,ARCHIVE
        p-3,,Nikita @ LinkedIn Learning,,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-12 09:00:00 UTC,,A course,ARCHIVE
        p-4,,Dana Linkedinova,,Robin Vale,https://www.linkedin.com/in/robin-vale,2025-03-13 09:00:00 UTC,,Hello,INBOX

        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try store.ties(["import", "linkedin", file.path, "--me", "Robin Vale", "--create-people"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("messages, 4 rows = 1 read + 3 left out on purpose"), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "messages.csv:2: the message is from LinkedIn itself (Liza from LinkedIn Premium), not from a member"),
            "\(run.stdout)")
        #expect(run.stdout.contains("people: 1 added"), "\(run.stdout)")
        let people = try store.ok("person", "list", "--format", "csv")
        #expect(people.contains("Dana Linkedinova") && !people.contains("LinkedIn"), "\(people)")
    }
}
