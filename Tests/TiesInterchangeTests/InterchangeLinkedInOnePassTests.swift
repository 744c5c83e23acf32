import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

/// The one-pass reading of a messages file (``LinkedInMessages/forEachInOnePass(in:me:_:)``) gives the messages
/// of the two-pass reading, in the same order, or declines a file it cannot read so.
@Suite("Interchange: LinkedIn messages in one pass")
struct InterchangeLinkedInOnePassTests {
    /// The one-pass messages of `bytes` for `me`, read in blocks of `blockSize`: from memory, and from a file,
    /// whose rows are scanned on a thread of their own (``MessageRowScan``), in batches of about `batchBytes`.
    /// The two must agree; so they do in every test that reads through this.
    static func onePass(_ bytes: [UInt8], me: LinkedInIdentity?, blockSize: Int = 7, batchBytes: Int = 64) throws
        -> (messages: [LinkedInMessage], read: LinkedInMessageImport?)
    {
        func read(_ input: CSVInput) throws -> (messages: [LinkedInMessage], read: LinkedInMessageImport?) {
            var messages: [LinkedInMessage] = []
            let read = try LinkedInMessages.forEachInOnePass(in: input, me: me) {
                messages.append($0)
                return true
            }
            return (messages, read)
        }
        let fromMemory = try read(.bytes(bytes, blockSize: blockSize))
        let dir = TemporaryDirectory()
        try Data(bytes).write(to: dir.file("messages.csv"))
        let fromFile = try MessageRowScan.$testBatchBytes.withValue(batchBytes) {
            try read(.file(dir.file("messages.csv").path, blockSize: blockSize))
        }
        #expect(fromFile.messages == fromMemory.messages)
        #expect((fromFile.read == nil) == (fromMemory.read == nil))
        if let file = fromFile.read, let memory = fromMemory.read {
            #expect(file.count == memory.count && file.me == memory.me)
            #expect(file.result.skipped == memory.result.skipped && file.result.problems == memory.result.problems)
        }
        return fromMemory
    }

    @Test(
        "the committed exports give the two-pass messages, skipped rows and problems",
        arguments: [
            "TiesCLITests/Fixtures/messages.csv", "TiesCLITests/Fixtures/recruiters/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-2024/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-2020/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-same-second/messages.csv",
        ])
    func fixtures(name: String) throws {
        let bytes = SpreadsheetText.utf8(try InterchangeCSVStreamingTests.bytes(name)).bytes
        let whole = try LinkedInMessages.read(bytes)
        for blockSize in [1, 7, CSVInput.defaultBlockSize] {
            let (messages, read) = try Self.onePass(bytes, me: whole.me, blockSize: blockSize)
            let one = try #require(read, "\(name)")
            #expect(messages == whole.result.records, "\(name)")
            #expect(one.count == whole.result.records.count)
            #expect(one.result.skipped == whole.result.skipped && one.result.problems == whole.result.problems)
            #expect(one.me == whole.me && !one.meWasInferred)
        }
    }

    static let header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"

    @Test("a TO list that a sender's name read later would cut otherwise is declined; read after it, it is cut")
    func groupListAndLaterSender() throws {
        let group = "2-a,,Robin Vale,,\"Ada Quist, MBA, Bo Lind\",2024-03-02 10:00:00 UTC,,hi all,SENT\n"
        let ada = "2-b,,\"Ada Quist, MBA\",,Robin Vale,2024-03-01 09:00:00 UTC,,hello,INBOX\n"
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let before = Array((Self.header + group + ada).utf8)
        #expect(try Self.onePass(before, me: me).read == nil)
        #expect(
            try LinkedInMessages.read(before, me: me).result.records[0].to.map(\.name) == ["Ada Quist, MBA", "Bo Lind"])
        let after = Array((Self.header + ada + group).utf8)
        let (messages, read) = try Self.onePass(after, me: me)
        let twoPasses = try LinkedInMessages.read(after, me: me)
        #expect(read != nil && messages == twoPasses.result.records)
        #expect(messages.last?.to.map(\.name) == ["Ada Quist, MBA", "Bo Lind"])
        // A list that no sender's name cuts is read in one pass, wherever the senders come.
        let plain = "2-c,,Robin Vale,,\"Cy Moe, Di Ray\",2024-03-03 10:00:00 UTC,,yo,SENT\n"
        #expect(try Self.onePass(Array((Self.header + plain + ada).utf8), me: me).read != nil)
    }

    @Test("the user's own name cuts a list before the user writes, if the file shows the user writing by its end")
    func usersNameWithAComma() throws {
        let me = LinkedInIdentity(names: ["Femi O SPHRi, CPHR"])
        let group = "2-a,,Ada Quist,,\"Femi O SPHRi, CPHR, Bo Lind\",2024-03-02 10:00:00 UTC,,hi all,INBOX\n"
        let writes = "2-b,,\"Femi O SPHRi, CPHR\",,Ada Quist,2024-03-03 09:00:00 UTC,,thanks,SENT\n"
        let bytes = Array((Self.header + group + writes).utf8)
        let (messages, read) = try Self.onePass(bytes, me: me)
        let twoPasses = try LinkedInMessages.read(bytes, me: me)
        #expect(read != nil && messages == twoPasses.result.records)
        #expect(messages.first?.to.map(\.name) == ["Femi O SPHRi, CPHR", "Bo Lind"])
        // Never shown writing, the user's name cuts nothing in two passes: one pass is declined at the end.
        let silent = Array((Self.header + group).utf8)
        #expect(try Self.onePass(silent, me: me).read == nil)
        #expect(try LinkedInMessages.read(silent, me: me).result.records[0].to.count == 3)
        // A name of the user's that cuts nothing need not be shown writing.
        let other = Array((Self.header + writes).utf8)
        #expect(try Self.onePass(other, me: LinkedInIdentity(names: ["Femi O SPHRi, CPHR", "Femi O"])).read != nil)
    }

    @Test("a conversation that comes back after another is declined; so are an unknown user and the 2018 layout")
    func declined() throws {
        let text =
            Self.header
            + "2-a,,Ada Quist,,Robin Vale,2024-03-01 09:00:00 UTC,,hello,INBOX\n"
            + "2-b,,Bo Lind,,Robin Vale,2024-03-01 09:30:00 UTC,,hey,INBOX\n"
            + "2-a,,Robin Vale,,Ada Quist,2024-03-02 10:00:00 UTC,,answer,SENT\n"
        let bytes = Array(text.utf8)
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let (_, read) = try Self.onePass(bytes, me: me)
        #expect(read == nil)
        // Read in two passes, the first message of 2-a was answered by the user's later one.
        #expect(try LinkedInMessages.read(bytes, me: me).result.records.first?.answered == true)
        #expect(try Self.onePass(bytes, me: nil).read == nil)
        #expect(try Self.onePass(bytes, me: LinkedInIdentity()).read == nil)
        let old = Array(
            "From,To,Date,Subject,Content,Direction,Folder\nAda,Robin,10/16/18 8:36 AM,,hi,INCOMING,INBOX\n".utf8)
        #expect(try Self.onePass(old, me: me).read == nil)
    }

    @Test("the threaded reader in one pass hands what the one pass gives, or nil with nothing kept")
    func threaded() throws {
        let name = "TiesCLITests/Fixtures/exports/linkedin-2024/messages.csv"
        let bytes = SpreadsheetText.utf8(try InterchangeCSVStreamingTests.bytes(name)).bytes
        let whole = try LinkedInMessages.read(bytes)
        let (messages, _) = try Self.onePass(bytes, me: whole.me)
        var lines: [Int] = []
        let line: @Sendable (LinkedInMessage, inout [Int]) -> Void = { $1.append($0.line) }
        let read = try LinkedInMessages.forEachBatch(
            in: .file(InterchangeCSVStreamingTests.path(name), blockSize: 5), me: whole.me, onePass: true,
            transform: line
        ) { batch in
            lines += batch
            return true
        }
        #expect(read?.count == messages.count && lines == messages.map(\.line))
        let none = try LinkedInMessages.forEachBatch(in: .bytes(bytes), me: nil, onePass: true, transform: line) { _ in
            true
        }
        #expect(none == nil)
    }
}
