import Foundation
import Testing
import TiesCore
import TiesInterchange
import TiesTestSupport

/// A rough MIME reader: enough to check the structure of a draft.
private struct ParsedMessage {
    var headers: [(name: String, value: String)]
    var parts: [(headers: [String: String], body: String)]

    init(_ text: String) throws {
        let split = try #require(text.range(of: "\r\n\r\n"))
        let head = String(text[..<split.lowerBound]).replacingOccurrences(of: "\r\n ", with: " ")
        headers = head.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (
                String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
        let contentType = headers.first { $0.name == "Content-Type" }!.value
        let boundary = try #require(contentType.components(separatedBy: "boundary=\"").last?.dropLast())
        let body = String(text[split.upperBound...])
        var chunks = body.components(separatedBy: "\r\n--\(boundary)")
        // The preamble ends at the first delimiter; the last chunk is the closing "--".
        chunks.removeFirst()
        #expect(chunks.last == "--\r\n")
        chunks.removeLast()
        parts = try chunks.map { chunk in
            #expect(chunk.hasPrefix("\r\n"))
            // "\r\n" is a single Character.
            let inner = String(chunk.dropFirst())
            let end = try #require(inner.range(of: "\r\n\r\n"))
            var partHeaders: [String: String] = [:]
            for line in inner[..<end.lowerBound].components(separatedBy: "\r\n") {
                let colon = line.firstIndex(of: ":")!
                partHeaders[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(
                    in: .whitespaces)
            }
            return (partHeaders, String(inner[end.upperBound...]))
        }
    }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
}

@Suite("Career: email drafts")
struct CareerEmailDraftTests {
    let card = ContactCard(
        name: "Alex Kim", email: "alex@new.example", phone: "+1 312 555 0100",
        address: "12 Elm St\nSpringfield; IL")

    func draft(
        to: EmailDraft.Mailbox? = .init(name: "Dana Reyes", address: "dana@hale.example"),
        changes: [EmailDraft.Change]? = nil
    ) -> EmailDraft {
        EmailDraft(
            from: .init(name: "Alex Kim", address: "alex@new.example"), to: to, greeting: "Dana",
            date: Fixtures.now, timeZone: Fixtures.utc,
            changes: changes ?? [
                .init(kind: .resume, old: "v1", new: "v3"),
                .init(kind: .email, old: "alex@old.example", new: "alex@new.example"),
            ],
            card: card)
    }

    @Test("the message is RFC 5322 + MIME multipart/mixed: headers, a text part and the vCard attachment")
    func structure() throws {
        let text = draft().message()
        let message = try ParsedMessage(text)
        #expect(
            message.headers.map(\.name) == [
                "Date", "From", "To", "Subject", "MIME-Version", "Content-Type", "X-Unsent",
            ])
        #expect(message.header("Date") == "Mon, 15 Jun 2026 12:00:00 +0000")
        #expect(message.header("From") == "Alex Kim <alex@new.example>")
        #expect(message.header("To") == "Dana Reyes <dana@hale.example>")
        #expect(message.header("Subject") == "My new contact details")
        #expect(message.header("MIME-Version") == "1.0")
        #expect(message.parts.count == 2)
        let (textHeaders, body) = message.parts[0]
        #expect(textHeaders["Content-Type"] == "text/plain; charset=utf-8")
        #expect(textHeaders["Content-Transfer-Encoding"] == "8bit")
        #expect(body.hasPrefix("Hi Dana,\r\n\r\n"))
        #expect(body.contains("- email: alex@old.example → alex@new.example\r\n- resume: version v1 → v3"))
        #expect(body.contains("Best regards,\r\nAlex Kim\r\nalex@new.example\r\n+1 312 555 0100\r\n"))
        let (cardHeaders, vcard) = message.parts[1]
        #expect(cardHeaders["Content-Type"] == "text/vcard; charset=utf-8; name=\"alex-kim.vcf\"")
        #expect(cardHeaders["Content-Disposition"] == "attachment; filename=\"alex-kim.vcf\"")
        #expect(cardHeaders["Content-Transfer-Encoding"] == "7bit")
        #expect(vcard == VCardWriter.write(card))
        #expect(vcard.contains("ADR:;;12 Elm St\\nSpringfield\\; IL;;;;\r\n"))
    }

    @Test("every line ends with CRLF and no line is longer than 78 characters")
    func lines() {
        let text = draft().message()
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.count <= 78, "\(line.count): \(line)")
        }
    }

    @Test("the same inputs give the same bytes; the boundary appears only as a delimiter")
    func deterministic() throws {
        let a = draft().message()
        let b = draft().message()
        #expect(a == b)
        let message = try ParsedMessage(a)
        let boundary = message.header("Content-Type")!.components(separatedBy: "\"")[1]
        #expect(a.components(separatedBy: boundary).count == 1 + 1 + 2 + 1)
        #expect(draft(changes: [.init(kind: .phone, old: "1", new: "2")]).message() != a)
    }

    @Test("only the resume changed: a resume subject and no mention of the card")
    func resumeOnly() throws {
        let message = try ParsedMessage(draft(changes: [.init(kind: .resume, old: "v1", new: "v3")]).message())
        #expect(message.header("Subject") == "My updated resume")
        #expect(!message.parts[0].body.contains("contact card"))
    }

    @Test("without a recipient address the draft has no To header")
    func noRecipient() throws {
        let message = try ParsedMessage(draft(to: nil).message())
        #expect(message.header("To") == nil)
        #expect(message.header("From") != nil)
    }

    @Test("names cannot inject headers; specials are quoted; non-ASCII names are RFC 2047 encoded")
    func headerSafety() throws {
        let evil = draft(to: .init(name: "Dana\r\nBcc: spy@example.org", address: "dana@hale.example\r\nBcc: x@y"))
            .message()
        #expect(!evil.contains("\r\nBcc:"))
        let quoted = draft(to: .init(name: "Reyes, Dana \"DR\"", address: "dana@hale.example")).message()
        #expect(quoted.contains("\r\nTo: \"Reyes, Dana \\\"DR\\\"\" <dana@hale.example>\r\n"))
        let accented = try ParsedMessage(draft(to: .init(name: "Zoë Ärlig", address: "zoe@example.org")).message())
        let to = try #require(accented.header("To"))
        #expect(to.hasPrefix("=?UTF-8?B?") && to.hasSuffix("?= <zoe@example.org>"))
        let encoded = to.dropFirst("=?UTF-8?B?".count).prefix { $0 != "?" }
        #expect(Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) } == "Zoë Ärlig")
    }

    @Test("long non-ASCII names become several encoded words, none longer than 75 characters")
    func longEncodedName() {
        let name = String(repeating: "Ünïcødé ", count: 12)
        let header = EmailDraft(
            from: .init(name: name, address: "a@b.example"), to: nil, greeting: "x", date: Fixtures.now,
            timeZone: Fixtures.utc, changes: [], card: card
        ).message().components(separatedBy: "\r\n\r\n")[0]
        let words = header.components(separatedBy: CharacterSet(charactersIn: " \r\n")).filter {
            $0.hasPrefix("=?UTF-8?B?")
        }
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 })
        let decoded = words.map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }.joined()
        #expect(decoded == name.trimmingCharacters(in: .whitespaces))
    }

    @Test(
        "the Date header uses the zone's offset at that instant",
        arguments: [
            ("UTC", "Mon, 15 Jun 2026 12:00:00 +0000"),
            ("America/Chicago", "Mon, 15 Jun 2026 07:00:00 -0500"),
            ("Asia/Kolkata", "Mon, 15 Jun 2026 17:30:00 +0530"),
            ("Pacific/Kiritimati", "Tue, 16 Jun 2026 02:00:00 +1400"),
        ])
    func dateHeader(zone: String, expected: String) {
        #expect(EmailDraft.dateHeader(Fixtures.now, timeZone: TimeZone(identifier: zone)!) == expected)
    }

    @Test(
        "file names are the id and a safe slug",
        arguments: [
            (12, "Dana Reyes", "12-dana-reyes.eml"),
            (3, "Zoë Ärlig-O'Neil", "3-zoe-arlig-o-neil.eml"),
            (4, "../../etc/passwd", "4-etc-passwd.eml"),
            (5, "東京", "5-person.eml"),
            (6, String(repeating: "abcdefghij ", count: 8), "6-abcdefghij-abcdefghij-abcdefghij-abcdefg.eml"),
        ])
    func fileNames(id: Int64, name: String, expected: String) {
        #expect(EmailDraft.fileName(personID: id, name: name) == expected)
    }
}
