import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

/// Two messages a sender wrote in one conversation within one second (one minute in the 2018 layout) are two
/// messages with two ids; every other message keeps the id it always had. Real: Femi10/Linkedin-Data-Visualization
/// (2 such pairs in 3,593 rows), Giannettig/renomia-network-explorer (2 in 11,520), neelmehra/Linkedin_Analysis.
@Suite("Interchange: LinkedIn messages written within one second")
struct InterchangeLinkedInSameSecondTests {
    static let header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    static let me = LinkedInIdentity(names: ["Robin Vale"])
    static let first = "2-a,,Ada Quist,,Robin Vale,2024-03-01 09:00:07 UTC,,Thanks!,INBOX\n"
    static let second = "2-a,,Ada Quist,,Robin Vale,2024-03-01 09:00:07 UTC,,See you then,INBOX\n"
    static let third = "2-a,,Ada Quist,,Robin Vale,2024-03-01 09:00:07 UTC,,Bye,INBOX\n"
    static let mine = "2-a,,Robin Vale,,Ada Quist,2024-03-01 09:00:07 UTC,,Tuesday?,INBOX\n"
    static let other = "2-b,,Bo Lind,,Robin Vale,2024-03-01 09:30:00 UTC,,hey,INBOX\n"

    static func ids(_ messages: [LinkedInMessage]) -> [String] { messages.map(\.sourceID) }

    @Test("the second and third get `|2` and `|3`; the first, and the user's own at that second, keep their ids")
    func ordinals() throws {
        let bytes = Array((Self.header + Self.first + Self.second + Self.mine + Self.third).utf8)
        let read = try LinkedInMessages.read(bytes, me: Self.me)
        #expect(read.result.records.count == 4)
        #expect(
            Self.ids(read.result.records) == [
                "2-a|2024-03-01 09:00:07 UTC|Ada Quist", "2-a|2024-03-01 09:00:07 UTC|Ada Quist|2",
                "2-a|2024-03-01 09:00:07 UTC|Robin Vale", "2-a|2024-03-01 09:00:07 UTC|Ada Quist|3",
            ])
        let stored = read.result.records.map {
            LinkedInMessages.storedSourceID(of: $0, with: $0.counterparts[0])
        }
        #expect(Set(stored).count == 4)
        // The digest is that of the text, suffix and all.
        var digest = FNV1a128()
        digest.combine("2-a|2024-03-01 09:00:07 UTC|Ada Quist|2|Ada Quist")
        #expect(stored[1] == digest.hex)
        // One pass gives the same.
        var once: [LinkedInMessage] = []
        let one = try LinkedInMessages.forEachInOnePass(in: .bytes(bytes, blockSize: 5), me: Self.me) {
            once.append($0)
            return true
        }
        #expect(one != nil && once == read.result.records)
    }

    @Test("a conversation whose rows the file scatters numbers its messages across the gap, in two passes")
    func scattered() throws {
        let bytes = Array((Self.header + Self.first + Self.other + Self.second).utf8)
        let read = try LinkedInMessages.read(bytes, me: Self.me)
        #expect(read.result.records.map(\.ordinal) == [1, 1, 2])
        // Not in one pass, which declines the file.
        #expect(try LinkedInMessages.forEachInOnePass(in: .bytes(bytes), me: Self.me) { _ in true } == nil)
        // A notice between them (a row without sender, of no conversation) does not part them.
        let notice = Array(
            (Self.header + Self.first + ",,,,,2024-03-01 09:00:07 UTC,,left,INBOX\n" + Self.second).utf8)
        #expect(try LinkedInMessages.read(notice, me: Self.me).result.records.map(\.ordinal) == [1, 2])
    }

    @Test("the 2018 layout: two messages of one minute to one person are two")
    func sameMinute2018() throws {
        let text =
            "From,To,Date,Subject,Content,Direction,Folder\n"
            + "Robin Vale,Ada Quist,\"10/16/18, 8:36 AM\",,hello,OUTGOING,SENT\n"
            + "Robin Vale,Ada Quist,\"10/16/18, 8:36 AM\",,are you free?,OUTGOING,SENT\n"
            + "Ada Quist,Robin Vale,\"10/16/18, 8:36 AM\",,yes,INCOMING,INBOX\n"
        let read = try LinkedInMessages.read(Array(text.utf8))
        #expect(
            Self.ids(read.result.records) == [
                "Robin Vale>Ada Quist|10/16/18, 8:36 AM", "Robin Vale>Ada Quist|10/16/18, 8:36 AM|2",
                "Ada Quist>Robin Vale|10/16/18, 8:36 AM",
            ])
    }
}
