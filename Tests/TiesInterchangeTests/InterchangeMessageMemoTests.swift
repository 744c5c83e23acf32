import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// ``MessageBuilder`` works out each distinct sender and recipient list once (``ParticipantMemo``); what it
/// remembers must be what reading the row again would give, including a `TO` list whose cut depends on the
/// names the file shows as senders. Made-up people.
@Suite("Interchange: LinkedIn messages, each sender and recipient list read once")
struct InterchangeMessageMemoTests {
    static let header = CSVRecord(
        line: 1,
        fields: [
            "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
            "DATE", "SUBJECT", "CONTENT", "FOLDER",
        ])
    /// Three names for two profiles: cut as "Ann Lee, Bob" and "Cy Dee" unless "Bob, Cy Dee" is a sender's
    /// name, then as "Ann Lee" and "Bob, Cy Dee".
    static let to = "Ann Lee, Bob, Cy Dee"
    static let urls = "https://www.linkedin.com/in/ann-lee-1, https://www.linkedin.com/in/bob-cy-dee-2"

    static func row(_ line: Int) -> CSVRecord {
        CSVRecord(
            line: line,
            fields: [
                "c1", "", "Robin Vale", "https://www.linkedin.com/in/robin-vale", to, urls,
                "2024-01-0\(line) 10:00:00 UTC", "", "hi", "SENT",
            ])
    }

    /// The recipients and lookups of `row` by `builder`, and what a fresh reading of the fields gives.
    static func read(_ builder: MessageBuilder, _ line: Int, known: Set<String>) throws -> (
        memo: [LinkedInParticipant], memoLookups: NameLookups, fresh: [LinkedInParticipant], freshLookups: NameLookups
    ) {
        var lookups = NameLookups()
        guard
            case .message(let message) = builder.message(
                row(line), record: line, lastReply: nil, senders: known, lookups: &lookups)
        else { throw ParseError(line: line, found: "no message", expected: "a message") }
        var fresh = NameLookups()
        let participants = MessageRecipients.participants(
            names: to, urls: urls, known: known, forms: builder.layout.urls, lookups: &fresh)
        return (message.to, lookups, participants, fresh)
    }

    @Test("a list is cut again once a name it looked up in vain is a sender's, and its lookups are kept")
    func cutAgain() throws {
        let builder = MessageBuilder(
            layout: MessageLayout(header: Self.header), identity: LinkedInIdentity(names: ["Robin Vale"]))
        let first = try Self.read(builder, 1, known: [])
        #expect(first.memo.map(\.name) == ["Ann Lee, Bob", "Cy Dee"])
        #expect(first.memo == first.fresh)
        #expect(first.memoLookups.missed == first.freshLookups.missed && !first.memoLookups.missed.isEmpty)
        // Remembered: the same cut, the same lookups as if looked up again.
        let again = try Self.read(builder, 2, known: [])
        #expect(again.memo == first.memo)
        #expect(again.memoLookups.missed == first.freshLookups.missed)
        // A name the list missed is now a sender's: the remembered cut no longer holds.
        let later = try Self.read(builder, 3, known: ["bob, cy dee"])
        #expect(later.memo.map(\.name) == ["Ann Lee", "Bob, Cy Dee"])
        #expect(later.memo == later.fresh)
        #expect(later.memoLookups.found == later.freshLookups.found && later.memoLookups.found == ["bob, cy dee"])
        #expect(later.memoLookups.missed == later.freshLookups.missed)
        let last = try Self.read(builder, 4, known: ["bob, cy dee"])
        #expect(last.memo == later.memo && last.memoLookups.found == later.memoLookups.found)
    }

    @Test("the sender is the user, or not, as the identity says, however many rows name them")
    func sender() {
        let builder = MessageBuilder(
            layout: MessageLayout(header: Self.header), identity: LinkedInIdentity(names: ["Robin Vale"]))
        let first = builder.sender(Self.row(1))
        let again = builder.sender(Self.row(2))
        #expect(first.isMe && again.isMe && first.participant == again.participant)
        #expect(first.participant.profileURL == "https://www.linkedin.com/in/robin-vale")
        let other = MessageBuilder(
            layout: MessageLayout(header: Self.header), identity: LinkedInIdentity(names: ["Ann Lee"]))
        #expect(!other.sender(Self.row(1)).isMe)
    }

    @Test("a profile seen under two names is one sender for the replies, as in two passes")
    func oneSenderTwoNames() throws {
        // The user is known by name alone; the user's profile writes first as "Robin Vale", then as "R. Vale"
        // after Ann's message: that later row answers Ann, as the two-pass survey (by profile) says.
        let head =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        let robin = "https://www.linkedin.com/in/robin-vale"
        let ann = "https://www.linkedin.com/in/ann-lee-1"
        let rows = [
            "c1,,Robin Vale,\(robin),Ann Lee,\(ann),2024-03-01 10:00:00 UTC,,hello,INBOX",
            "c1,,Ann Lee,\(ann),Robin Vale,\(robin),2024-03-02 10:00:00 UTC,,hi,INBOX",
            "c1,,R. Vale,\(robin),Ann Lee,\(ann),2024-03-03 10:00:00 UTC,,thanks,INBOX",
        ]
        let bytes = Array((head + rows.joined(separator: "\n") + "\n").utf8)
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let twoPasses = try LinkedInMessages.read(bytes, me: me).result.records
        var onePass: [LinkedInMessage] = []
        let read = try LinkedInMessages.forEachInOnePass(in: .bytes(bytes), me: me) {
            onePass.append($0)
            return true
        }
        #expect(read != nil && onePass == twoPasses)
        #expect(twoPasses.count == 3 && twoPasses[1].direction == .inbound && twoPasses[1].answered)
    }
}

/// The memo of recipient lists is bounded (``ParticipantMemo/listCapacity``): two generations, the lists used
/// again kept, the others dropped; and a file read with a tiny one gives the same messages.
@Suite("Interchange: LinkedIn messages, the memo of recipient lists bounded")
struct InterchangeMessageMemoBoundTests {
    static func list(_ n: Int) -> ParticipantMemo.Recipients {
        ParticipantMemo.Recipients(
            participants: [LinkedInParticipant(name: "Person \(n)")], isMe: [false], found: [], missed: [])
    }

    @Test("a list used again stays; one not used for two generations goes")
    func generations() {
        ParticipantMemo.$testListCapacity.withValue(3) {
            let memo = ParticipantMemo()
            let mine = Self.list(0)
            memo.remember(mine, (0, 0))
            var lists: [ParticipantMemo.Recipients] = []
            for n in 1...20 {
                lists.append(Self.list(n))
                memo.remember(lists[n - 1], (Int32(n), Int32(n)))
                #expect(memo.list(numbered: (0, 0)) === mine, "used at every row, it stays (row \(n))")
            }
            #expect(memo.list(numbered: (20, 20)) === lists[19])
            #expect(memo.list(numbered: (19, 19)) === lists[18])
            for n in 1...12 { #expect(memo.list(numbered: (Int32(n), Int32(n))) == nil, "list \(n) is gone") }
        }
    }

    @Test("a file of many group conversations reads the same with a memo of two lists as with the default")
    func sameMessages() throws {
        let head =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        let url = { (name: String) in
            "https://www.linkedin.com/in/" + name.lowercased().replacingOccurrences(of: " ", with: "-")
        }
        let me = "Robin Vale"
        let names = ["Ann Lee", "Bob Cy", "Cleo Dee", "Dan Eto", "Eve Fox", "Finn Gale", "Gus Hale"]
        var rows: [String] = []
        for c in 0..<12 {
            // A group of the user and three others, then a conversation with one of them; newest first.
            let group = [me] + (0..<3).map { names[(c + $0) % names.count] }
            for r in 0..<4 {
                let sender = group[(c + r) % group.count]
                let rest = group.filter { $0 != sender }
                rows.append(
                    "g\(c),Group,\(sender),\(url(sender)),\"\(rest.joined(separator: ","))\","
                        + "\"\(rest.map(url).joined(separator: ","))\",2024-0\(1 + c % 9)-1\(9 - r) 10:00:00 UTC,,hi,INBOX"
                )
            }
            let other = names[c % names.count]
            rows.append(
                "o\(c),,\(other),\(url(other)),\(me),\(url(me)),2024-0\(1 + c % 9)-20 10:00:00 UTC,,hello,INBOX")
            rows.append("o\(c),,\(me),\(url(me)),\(other),\(url(other)),2024-0\(1 + c % 9)-19 10:00:00 UTC,,hi,INBOX")
        }
        let bytes = Array((head + rows.joined(separator: "\n") + "\n").utf8)
        let identity = LinkedInIdentity(names: [me])
        func onePass() throws -> [LinkedInMessage] {
            var messages: [LinkedInMessage] = []
            let read = try LinkedInMessages.forEachInOnePass(in: .bytes(bytes), me: identity) {
                messages.append($0)
                return true
            }
            #expect(read != nil)
            return messages
        }
        let usual = try onePass()
        let small = try ParticipantMemo.$testListCapacity.withValue(2) { try onePass() }
        let twoPasses = try LinkedInMessages.read(bytes, me: identity).result.records
        #expect(usual.count == 12 * 6 && usual.filter { $0.groupSize > 1 }.count == 12 * 4)
        #expect(small == usual)
        #expect(usual == twoPasses)
    }
}
