import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

/// Draft headers built by a real encoder (issue 14, finding 8 and item 4): RFC 5322 quoting, RFC 2047
/// encoded words, folding; checked byte for byte and by Python's `email` package, a parser that is not ours.
@Suite("Mail headers: quoting, encoded words, folding")
struct MailHeaderTests {
    let dir = TemporaryDirectory()
    let card = ContactCard(name: "Alex Kim", email: "alex@new.example")

    func draft(to: EmailDraft.Mailbox) -> String {
        EmailDraft(
            from: .init(name: "Alex Kim", address: "alex@new.example"), to: to, greeting: "Dana", date: Fixtures.now,
            timeZone: Fixtures.utc, changes: [.init(kind: .email, old: "alex@old.example", new: "alex@new.example")],
            card: card
        ).message()
    }

    /// The `To` addresses of `message` as Python's `email` package reads them (`getaddresses`, names
    /// decoded by `decode_header`, which joins adjacent encoded words as RFC 2047 says), with the longest
    /// header line.
    func pythonRead(_ message: String) throws -> (addresses: [[String]], longestHeaderLine: Int) {
        let file = dir.file("draft.eml")
        try Data(message.utf8).write(to: file)
        let script = """
            import email, email.utils, json, sys
            from email.header import decode_header, make_header
            data = open(sys.argv[1], 'rb').read()
            msg = email.message_from_bytes(data)
            head = data.split(b'\\r\\n\\r\\n', 1)[0].split(b'\\r\\n')
            to = [[str(make_header(decode_header(n))), a] for n, a in email.utils.getaddresses(msg.get_all('To'))]
            print(json.dumps({'to': to, 'longest': max(len(l) for l in head)}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try #require(object["to"] as? [[String]]), try #require(object["longest"] as? Int))
    }

    @Test("a 100 kB name folds into lines of at most 76 characters and reads back whole")
    func hugeNames() throws {
        for name in [String(repeating: "Dana ", count: 20_000) + "Reyes", String(repeating: "x", count: 100_000)] {
            let message = draft(to: .init(name: name, address: "dana@hale.example"))
            let head = message.components(separatedBy: "\r\n\r\n")[0]
            let longest = head.components(separatedBy: "\r\n").map(\.count).max() ?? 0
            #expect(longest <= MailHeader.lineLimit)
            let read = try pythonRead(message)
            #expect(read.longestHeaderLine <= 76)
            // Compared as a Bool: a failure message showing two 100 kB names helps no one.
            let same = read.addresses == [[name, "dana@hale.example"]]
            #expect(same, "read back \(read.addresses.map { $0.map(\.count) }) characters, not \(name.count)")
        }
    }

    @Test("an address list stays one recipient: its local part is quoted")
    func injectedAddress() throws {
        let header = MailHeader.field(
            "To", MailHeader.mailbox(name: "Reyes, Dana", address: "victim@x.example,attacker@example.com"))
        #expect(header == "To: \"Reyes, Dana\" <\"victim@x.example,attacker\"@example.com>")
        let read = try pythonRead(draft(to: .init(name: "Vic Tim", address: "victim@x.example,attacker@example.com")))
        #expect(read.addresses == [["Vic Tim", "\"victim@x.example,attacker\"@example.com"]])
    }

    @Test("exact bytes: atoms folded at spaces, quoted strings, encoded words of 42 bytes")
    func exactBytes() {
        let words = (1...16).map { "Word\($0)" }.joined(separator: " ")
        #expect(
            MailHeader.field("To", MailHeader.mailbox(name: words, address: "a@b.example"))
                == "To: Word1 Word2 Word3 Word4 Word5 Word6 Word7 Word8 Word9 Word10 Word11\r\n"
                + " Word12 Word13 Word14 Word15 Word16 <a@b.example>")
        #expect(
            MailHeader.field("From", MailHeader.mailbox(name: "O'Brien (Dana)", address: "d@b.example"))
                == "From: \"O'Brien (Dana)\" <d@b.example>")
        let accented = String(repeating: "é", count: 30)  // 60 bytes: one word of 42, one of 18
        #expect(
            MailHeader.field("To", MailHeader.mailbox(name: accented, address: "z@b.example"))
                == "To: =?UTF-8?B?" + Data(String(repeating: "é", count: 21).utf8).base64EncodedString() + "?=\r\n"
                + " =?UTF-8?B?" + Data(String(repeating: "é", count: 9).utf8).base64EncodedString()
                + "?= <z@b.example>")
        #expect(
            MailHeader.field("Subject", MailHeader.unstructured("My new\r\ncontact details"))
                == "Subject: My new, contact details")
    }
}
