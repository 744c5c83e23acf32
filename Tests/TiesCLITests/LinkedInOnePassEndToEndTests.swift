import Foundation
import Testing
import TiesTestSupport

/// `ties import linkedin` reads a messages file in one pass when it knows the user and the file keeps each
/// conversation's rows together; a file that does not is read again in two passes, and stores the same.
@Suite("ties import linkedin: messages in one pass, or two")
struct LinkedInOnePassEndToEndTests {
    static let header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    /// Ada's message of 1 March, answered by the user on 2 March in the same conversation; Bo's, never.
    static let ada1 =
        "2-YQ==,,Ada Quist,https://www.linkedin.com/in/ada-quist,Robin Vale,2024-03-01 09:00:00 UTC,,hi,INBOX\n"
    static let bo =
        "2-Yg==,,Bo Lind,https://www.linkedin.com/in/bo-lind,Robin Vale,2024-03-01 09:30:00 UTC,,hey,INBOX\n"
    static let ada2 =
        "2-YQ==,,Robin Vale,https://www.linkedin.com/in/robin-vale,Ada Quist,2024-03-02 10:00:00 UTC,,answer,SENT\n"

    /// The interactions `ties import linkedin --me "Robin Vale" --create-people` stores from `rows`.
    func imported(_ rows: String) throws -> (output: String, rows: [String]) {
        let store = StoreUnderTest()
        try store.ok("init")
        let file = store.dir.file("messages.csv")
        try Data((Self.header + rows).utf8).write(to: file)
        let output = try store.ok("import", "linkedin", file.path, "--me", "Robin Vale", "--create-people")
        let stored = try StoreSQL.value(
            store.db,
            """
            SELECT group_concat(p.name || ' ' || i.occurred_at || ' ' || i.direction || ' ' || i.answered || ' '
                || i.source_id, char(10))
            FROM (SELECT * FROM interaction ORDER BY occurred_at, source_id) i JOIN person p ON p.id = i.person_id
            """)
        return (output, (stored ?? "").split(separator: "\n").map(String.init))
    }

    @Test("a conversation that comes back later is read in two passes: the same rows, the answer seen")
    func conversationComesBack() throws {
        let apart = try imported(Self.ada1 + Self.bo + Self.ada2)
        let together = try imported(Self.ada1 + Self.ada2 + Self.bo)
        #expect(apart.rows.count == 3 && apart.rows == together.rows)
        #expect(apart.rows.first { $0.hasPrefix("Ada Quist 1709283600 in") }?.contains(" in 1 ") == true)
        #expect(apart.rows.first { $0.hasPrefix("Bo Lind") }?.contains(" in 0 ") == true)
        #expect(apart.output.contains("messages, 3 rows = 3 read + 0 left out on purpose"))
        #expect(apart.output.contains("interactions: 3 added") && together.output.contains("interactions: 3 added"))
    }
}
