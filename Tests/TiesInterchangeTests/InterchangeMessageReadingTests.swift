import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// The reading thread's shortcuts for a large messages file (Benchmarks/README.md, "The reading thread, byte by
/// byte"): tables of its own hashed by ``TextHash``, a participant's hash made once, a message's id digest made
/// with it, a trim told from the bytes. Each must answer what the plain way answers. Made-up people.
@Suite("Interchange: LinkedIn messages, the reading thread's shortcuts")
struct InterchangeMessageReadingTests {
    @Test("pairs of fields are told apart by their text: absent from empty, swapped, one byte apart, colliding")
    func fieldPairs() {
        var table = FieldPairTable<Int>()
        let pairs: [(String?, String?)] = [
            (nil, nil), ("", nil), (nil, ""), ("", ""), ("a", "b"), ("b", "a"), ("ab", nil), (nil, "ab"),
            ("Ann Lee", "https://www.linkedin.com/in/ann-lee-1"), ("Ann Lee", "https://www.linkedin.com/in/ann-lee-2"),
            ("Ann Lee ", "https://www.linkedin.com/in/ann-lee-1"), ("Zoë Ørsted", "é"), ("Zoë Ørsted", "e\u{301}"),
            ("12345678", "12345678"), ("1234567", "812345678"), ("123456781", "2345678"),
        ]
        for (k, pair) in pairs.enumerated() {
            let hash = FieldPairTable<Int>.hash(pair.0, pair.1)
            #expect(table.index(of: pair.0, pair.1, hash: hash) == nil)
            let index = table.append(k, for: pair.0, pair.1, hash: hash)
            #expect(index == k)
        }
        // Many more, to make the table grow, each found again with its value.
        for k in 0..<5000 { table.append(1000 + k, for: "name \(k)", k.isMultiple(of: 3) ? nil : "url \(k)", hash: 7) }
        for (k, pair) in pairs.enumerated() {
            let found = table.index(of: pair.0, pair.1, hash: FieldPairTable<Int>.hash(pair.0, pair.1))
            #expect(found.map { table[$0] } == k)
        }
        // A hash shared by every pair (7 above) only costs comparisons.
        #expect(table.index(of: "name 4999", "url 4999", hash: 7).map { table[$0] } == 5999)
        #expect(table.index(of: "name 3", nil, hash: 7).map { table[$0] } == 1003)
        #expect(table.index(of: "name 3", "url 3", hash: 7) == nil)
        #expect(table.count == pairs.count + 5000)
    }

    @Test("the conversations already read are found again, and no other")
    func conversations() {
        var set = ConversationSet()
        let keys = (0..<3000).map { ConversationKey("2-conversation-\($0)") }
        var inserted = keys.prefix(2000).map { set.insert($0) }
        inserted.append(!set.insert(keys[7]))
        #expect(inserted.allSatisfy { $0 })
        #expect(keys.prefix(2000).allSatisfy(set.contains))
        #expect(!keys.dropFirst(2000).contains(where: set.contains))
        #expect(set.count == 2000)
    }

    @Test("a participant's hash and equality follow its name and URL, also when they are changed")
    func participants() {
        let a = LinkedInParticipant(name: "Ann  Lee", profileURL: "https://www.linkedin.com/in/ann-lee-1")
        let b = LinkedInParticipant(name: "Ann  Lee", profileURL: "https://www.linkedin.com/in/ann-lee-1")
        let c = LinkedInParticipant(name: "Ann Lee", profileURL: "https://www.linkedin.com/in/ann-lee-1")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)  // the name as written differs
        var d = c
        d.profileURL = nil
        #expect(d != c && d == LinkedInParticipant(name: "Ann Lee"))
        #expect(d.hashValue == LinkedInParticipant(name: "Ann Lee").hashValue)
        d.name = "Bo Lind"
        var e = LinkedInParticipant(name: "Ann Lee")
        e.name = "Bo Lind"
        #expect(d == e && d.hashValue == e.hashValue && d != LinkedInParticipant(name: "Bo Lind"))
        #expect(Set([a, b, c, d, e]).count == 3)
    }

    /// The digest of `message`'s ``LinkedInMessage/sourceID`` text.
    static func textDigest(_ message: LinkedInMessage) -> FNV1a128 {
        var digest = FNV1a128()
        digest.combine(message.sourceID)
        return digest
    }

    @Test("a message's id digest is that of its id's text: with the conversation's digest given, numbered, changed")
    func idDigest() throws {
        let from = LinkedInParticipant(name: "Ann Lee", profileURL: "https://www.linkedin.com/in/ann-lee-1")
        func message(_ conversation: FNV1a128?) -> LinkedInMessage {
            LinkedInMessage(
                line: 2, conversationID: "2-abc==", from: from, to: [], occurredAt: Date(timeIntervalSince1970: 0),
                direction: .inbound, counterparts: [from], groupSize: 1, answered: false,
                dateText: "2024-01-02 10:00:00 UTC", form: .current, conversationDigest: conversation)
        }
        var prefix = FNV1a128()
        prefix.combine("2-abc==|")
        let given = message(prefix)
        let made = message(nil)
        #expect(given == made && given.sourceIDDigest() == Self.textDigest(given))
        var numbered = given
        numbered.ordinal = 3
        #expect(numbered.sourceIDDigest() == Self.textDigest(numbered) && numbered.sourceID.hasSuffix("|3"))
        var moved = given
        moved.conversationID = "2-def=="
        #expect(moved.sourceIDDigest() == Self.textDigest(moved))
        moved.from = LinkedInParticipant(name: "Bo  Lind")
        #expect(moved.sourceIDDigest() == Self.textDigest(moved) && moved.sourceID.hasSuffix("|Bo  Lind"))
        let old = LinkedInMessage(
            line: 2, conversationID: "2018|ann lee", from: from, to: [], occurredAt: Date(timeIntervalSince1970: 0),
            direction: .inbound, counterparts: [from], groupSize: 1, answered: false, dateText: "1/2/24, 10:00 AM",
            form: .old(to: "Robin Vale"))
        #expect(old.sourceIDDigest() == Self.textDigest(old))
        // The stored id of a message read in one pass (the conversation's digest made once) is that of its text.
        let csv =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
            + "2-x,,Ann Lee,,Robin Vale,2024-03-01 09:00:07 UTC,,hi,INBOX\n"
            + "2-x,,Robin Vale,,Ann Lee,2024-03-01 09:10:07 UTC,,hello,INBOX\n"
            + "2-y,,Bo Lind,,Robin Vale,2024-03-02 09:00:07 UTC,,hey,INBOX\n"
        var once: [LinkedInMessage] = []
        let read = try LinkedInMessages.forEachInOnePass(
            in: .bytes(Array(csv.utf8)), me: LinkedInIdentity(names: ["Robin Vale"])
        ) {
            once.append($0)
            return true
        }
        #expect(read != nil && once.count == 3)
        for m in once {
            var digest = Self.textDigest(m)
            digest.combine("|")
            digest.combine(m.counterparts[0].writtenName)
            #expect(LinkedInMessages.storedSourceID(of: m, with: m.counterparts[0]) == digest.hex)
        }
    }

    @Test("a field is trimmed as the scalar-by-scalar trim does, whatever its ends")
    func trimmed() {
        let fields = [
            "", " ", "a", " a", "a ", "\ta\r\n", "\u{A0}a", "a\u{A0}", "é", " é ", "\u{2003}x\u{2003}", "x\u{85}",
            "\u{0B}y\u{0C}", "Ann Lee", "Zoë", "\u{301}e", "a\u{301}",
        ]
        for field in fields { #expect(field.trimmedWhitespace() == field[...].trimmedWhitespace(), "\(field)") }
    }

    @Test("a name's key from its bytes is its key by characters: every ASCII character, and lists of them")
    func nameKeys() {
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var names = ascii + ascii.map { "A" + $0 + "b, C" + $0 } + ascii.map { $0 + " ," + $0 + $0 }
        names += [
            "", ",", " , ", ",,", "Ann Lee, Bob, Cy Dee", "Femi O SPHRi, CPHR", "K M ADARSH ,",
            "  Ibukun Igbinosa  MMP, ACIPM ",
            "a,,b", ",a", "a,", "A\r\nB,\r\n", "x\t ,\t y", "Mc DONALD , ,  Jr.", "Zoë Lee, Bo", "a\u{301}, B",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ ,\t\r\n.-'") + ["\r\n"]
        for _ in 0..<2000 {
            names.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement()! }))
        }
        for name in names {
            #expect(MessageRecipients.nameKey(name) == MessageRecipients.characterNameKey(name), "\(Array(name.utf8))")
        }
        #expect(MessageRecipients.asciiNameKey("Zoë") == nil)
        for text in names + ["https://a,https://b", ",,x,", "é,e"] {
            #expect(MessageRecipients.commaPieces(text) == text.split(separator: ","), "\(Array(text.utf8))")
        }
    }

    @Test("a stored id's hex digits are the digest's")
    func hex() {
        var digest = FNV1a128()
        for k in 0..<300 {
            #expect(LinkedInMessages.hex(digest) == digest.hex)
            digest.combine("\(k)")
        }
        #expect(
            LinkedInMessages.hex(FNV1a128(high: 0, low: .max)) == String(repeating: "0", count: 16)
                + String(repeating: "f", count: 16))
    }

    @Test("field values are numbered by their bytes, each distinct one once; pairs of numbers find their values")
    func numbers() {
        var interner = FieldInterner()
        let values = [
            "", "a", "b", "ab", "Ann Lee", "Ann Lee ", "https://www.linkedin.com/in/ann-lee-1", "Zoë", "Zoe\u{308}",
        ]
        var numbers: [Int32] = []
        for value in values + values {
            let number = Array(value.utf8).withUnsafeBufferPointer { interner.intern($0) }
            #expect(number.map(interner.strings.string) == value)
            numbers.append(number ?? -9)
        }
        #expect(numbers == Array(0..<Int32(values.count)) + Array(0..<Int32(values.count)))
        var table = NumberPairTable<String>()
        for a in Int32(-2)..<40 { for b in Int32(-2)..<40 { table.set("\(a) \(b)", a, b) } }
        table.set("again", 3, -2)
        #expect(table.value(3, -2) == "again" && table.value(-2, 3) == "-2 3" && table.value(39, 39) == "39 39")
        #expect(table.value(40, 0) == nil && table.count == 42 * 42)
        // A pair found by its second number must still be the pair: the last set with 5 is (3, 5) now.
        table.set("again", 3, 5)
        #expect(table.value(3, 5) == "again" && table.value(39, 5) == "39 5" && table.value(3, 6) == "3 6")
    }

    @Test("a numbered row holds the fields a plain one holds, its conversation's id shared by its run of rows")
    func numberedRows() throws {
        let csv =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
            + "2-x,,Ann Lee,u1,Robin Vale,u0,2024-03-01 09:00:07 UTC,,hi,INBOX\n"
            + "2-x,,\"Robin \"\"R\"\" Vale\",u0,Ann Lee,u1,2024-03-01 09:10:07 UTC,,hello,INBOX\n"
            + "\"2-\"\"y\",,Bo Lind,,\"Robin Vale, Ann Lee\",\"u0,u1\",2024-03-02 09:00:07 UTC,,hey,INBOX\n"
            + "2-z,,Ann Lee,u1\n"
        let input = CSVInput.bytes(Array(csv.utf8), blockSize: 7)
        let found = try LinkedInMessages.header(of: input)
        let layout = MessageLayout(header: found.header)
        var plain: [CSVRecord] = []
        try LinkedInMessages.eachRow(input, found, layout.wanted) { row, _ in
            plain.append(row)
            return true
        }
        var numbered: [(CSVRecord, [Int32])] = []
        var row = NumberedMessageRow(layout: layout, line: found.header.line)
        try LinkedInMessages.eachRow(input, found, layout, into: &row) { row, _ in
            numbered.append(
                (row.resolved, [layout.from, layout.senderURL, layout.to, layout.recipientURLs].map(row.number)))
            #expect(row.record.fields[layout.from!].isEmpty)
            return true
        }
        #expect(numbered.map(\.0) == plain && plain.count == 4)
        // "Ann Lee" and "u1" as sender in rows 1 and 4 and as recipient in row 2: one number each.
        #expect(numbered[0].1[0] == numbered[1].1[2] && numbered[0].1[1] == numbered[1].1[3])
        #expect(numbered[0].1[0] == numbered[3].1[0] && numbered[3].1[2] == NumberedMessageRow.absent)
        #expect(numbered[2].1[1] >= 0 && numbered[2].1[2] != numbered[0].1[2])
    }

    @Test("one reading numbers its participants: alike ones as sender and as recipient share a number")
    func participantNumbers() throws {
        let csv =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
            + "2-x,,Ann Lee,https://www.linkedin.com/in/ann,Robin Vale,https://www.linkedin.com/in/robin,2024-03-01 09:00:07 UTC,,hi,INBOX\n"
            + "2-x,,Robin Vale,https://www.linkedin.com/in/robin,Ann Lee,https://www.linkedin.com/in/ann,2024-03-01 09:10:07 UTC,,yo,INBOX\n"
            + "2-y,,Robin Vale,https://www.linkedin.com/in/robin,\"Ann Lee, Bo Lind\",\"https://www.linkedin.com/in/ann, https://www.linkedin.com/in/bo\",2024-03-02 09:00:07 UTC,,hey,INBOX\n"
            + "2-z,,Bo Lind,https://www.linkedin.com/in/bo,Robin Vale,https://www.linkedin.com/in/robin,2024-03-03 09:00:07 UTC,,ok,INBOX\n"
        let me = LinkedInIdentity(names: ["Robin Vale"])
        var once: [LinkedInMessage] = []
        _ = try LinkedInMessages.forEachInOnePass(in: .bytes(Array(csv.utf8)), me: me) {
            once.append($0)
            return true
        }
        let twice = try LinkedInMessages.read(Array(csv.utf8), me: me).result.records
        for messages in [once, twice] {
            let others = messages.flatMap(\.counterparts)
            #expect(others.map(\.name) == ["Ann Lee", "Ann Lee", "Ann Lee", "Bo Lind", "Bo Lind"])
            #expect(others.allSatisfy { $0.number != nil })
            for a in others { for b in others { #expect((a == b) == (a.number == b.number)) } }
        }
        var changed = once[0].counterparts[0]
        changed.name = "Ann Q Lee"
        #expect(changed.number == nil && LinkedInParticipant(name: "Ann Lee").number == nil)
    }

    @Test("a list read again from the memo still has its missed names watched: a later sender of one needs two passes")
    func watchedAgain() throws {
        let header =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        let list =
            "Robin Vale,,\"Ann Lee, Bob, Cy Dee\",\"https://www.linkedin.com/in/ann, https://www.linkedin.com/in/bcd\""
        let rows = [
            "2-a,,\(list),2024-03-01 09:00:07 UTC,,hi,INBOX\n", "2-a,,\(list),2024-03-01 09:01:07 UTC,,again,INBOX\n",
            "2-b,,\(list),2024-03-02 09:00:07 UTC,,more,INBOX\n",
        ]
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let later = "2-c,,\"Bob, Cy Dee\",,Robin Vale,,2024-03-03 09:00:07 UTC,,yes,INBOX\n"
        let needs = try LinkedInMessages.forEachInOnePass(
            in: .bytes(Array((header + rows.joined() + later).utf8)), me: me
        ) {
            _ in true
        }
        #expect(needs == nil)
        let fine = try LinkedInMessages.forEachInOnePass(in: .bytes(Array((header + rows.joined()).utf8)), me: me) {
            _ in true
        }
        #expect(fine?.count == 3)
    }

    @Test("a long conversation numbers its messages of one second alike before and after it outgrows the list")
    func longConversation() throws {
        var csv = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        // 20 seconds, each written twice by Ann; then the first second a third time.
        for k in 0..<20 {
            let date = String(format: "2024-03-01 09:%02d:07 UTC", k)
            csv += "2-a,,Ann Lee,,Robin Vale,\(date),,one,INBOX\n2-a,,Ann Lee,,Robin Vale,\(date),,two,INBOX\n"
        }
        csv += "2-a,,Ann Lee,,Robin Vale,2024-03-01 09:00:07 UTC,,three,INBOX\n"
        csv += "2-b,,Bo Lind,,Robin Vale,2024-03-01 09:00:07 UTC,,other,INBOX\n"
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let read = try LinkedInMessages.read(Array(csv.utf8), me: me).result.records
        #expect(read.map(\.ordinal) == Array(repeating: [1, 2], count: 20).flatMap { $0 } + [3, 1])
        var once: [LinkedInMessage] = []
        _ = try LinkedInMessages.forEachInOnePass(in: .bytes(Array(csv.utf8)), me: me) {
            once.append($0)
            return true
        }
        #expect(once == read)
    }

    @Test("a file with more distinct values than the interner keeps reads as with room for all")
    func internerFull() throws {
        var csv =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        for k in 0..<30 {
            let other = "Person \(k % 7)"
            let url = "https://www.linkedin.com/in/person-\(k % 7)"
            let date = String(format: "2024-03-%02d 09:00:07 UTC", k % 28 + 1)
            csv += "2-\(k),,\(other),\(url),Robin Vale,https://www.linkedin.com/in/robin,\(date),,hi,INBOX\n"
            csv +=
                "2-\(k),,Robin Vale,https://www.linkedin.com/in/robin,\"\(other), Ann Lee\",\"\(url), https://www.linkedin.com/in/ann\",\(date),,yo,INBOX\n"
        }
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let bytes = Array(csv.utf8)
        func read(_ interner: FieldInterner) throws -> [LinkedInMessage]? {
            var out: [LinkedInMessage] = []
            let result = try LinkedInMessages.forEachInOnePass(in: .bytes(bytes), me: me, interner: interner) {
                out.append($0)
                return true
            }
            return result == nil ? nil : out
        }
        let roomy = try read(FieldInterner())
        #expect(roomy?.count == 60)
        #expect(try read(FieldInterner(capacity: 5)) == roomy)
        #expect(try read(FieldInterner(byteCapacity: 100)) == roomy)
        #expect(try read(FieldInterner(capacity: 0)) == roomy)
        #expect(roomy == (try LinkedInMessages.read(bytes, me: me).result.records))
    }
}
