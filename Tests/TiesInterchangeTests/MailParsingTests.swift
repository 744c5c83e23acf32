import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// The pieces of the mail reader, on the cases real mail produced (sources named per test).
@Suite("Interchange: mail headers, addresses, encoded words, dates")
struct MailParsingTests {
    let charsets = MailCharsets()

    func addresses(_ text: String) -> [MailAddress] {
        MailAddressList.parse(Array(text.utf8), charsets: charsets).addresses
    }

    @Test("a header block: folded lines unfolded, repeated To joined, unknown fields skipped, CRLF read")
    func headerBlock() {
        let block = Array(
            "Received: from a\r\n by b; Mon, 2 Mar 2026 10:00:00 +0000\r\nFrom: Ann <ann@x.example>\r\nTo: b@x.example\r\nX-Other: skip\r\nTo: c@x.example\r\nSubject: one\r\n two\r\nReceived: second\r\n"
                .utf8)
        let h = MailHeaders.parse(block)
        #expect(h.from.map { String(decoding: $0, as: UTF8.self) } == "Ann <ann@x.example>")
        #expect(h.to.map { String(decoding: $0, as: UTF8.self) } == "b@x.example, c@x.example")
        #expect(h.subject.map { String(decoding: $0, as: UTF8.self) } == "one two")
        #expect(h.received.map { String(decoding: $0, as: UTF8.self) } == "from a by b; Mon, 2 Mar 2026 10:00:00 +0000")
        #expect(h.malformedLines.isEmpty)
    }

    @Test("a line without a field name is skipped and its offset kept; the fields after it are read (CPython msg_35)")
    func malformedLine() {
        let text = "From: a@x.example\nthis has no field name\nTo: b@x.example\nSubject : obsolete space\n"
        let h = MailHeaders.parse(Array(text.utf8))
        #expect(h.malformedLines == [18])
        #expect(h.to.map { String(decoding: $0, as: UTF8.self) } == "b@x.example")
        #expect(h.subject.map { String(decoding: $0, as: UTF8.self) } == "obsolete space")
    }

    @Test("address lists: quoted names with commas and @, groups, comments, routes, junk")
    func addressLists() {
        #expect(
            addresses("\"Doe, Jane\" <Jane@X.example>, bob@y.example (Bob Smith)")
                == [
                    MailAddress(address: "jane@x.example", name: "Doe, Jane"),
                    MailAddress(address: "bob@y.example", name: "Bob Smith"),
                ])
        #expect(addresses("undisclosed-recipients:;").isEmpty)
        #expect(
            addresses("Team: a@x.example, \"Lee, Ana\" <ana@x.example>;, c@x.example").map(\.address)
                == ["a@x.example", "ana@x.example", "c@x.example"])
        // mail-parser mail_test_19 and mail_test_15: a name that is itself an address.
        #expect(
            addresses("alice@example.com <bob@example.com>") == [
                MailAddress(address: "bob@example.com", name: "alice@example.com")
            ])
        // mail-parser mail_test_4: no space before <; mail_test_9: trailing comma.
        #expect(
            addresses("\"Anabel Gonzalo\"<anabel@x.example>") == [
                MailAddress(address: "anabel@x.example", name: "Anabel Gonzalo")
            ])
        #expect(addresses("<web@x.example>,").map(\.address) == ["web@x.example"])
        // An unquoted comma in a name (Outlook) joins the name back.
        #expect(addresses("Porcile, M. <mp@x.example>") == [MailAddress(address: "mp@x.example", name: "Porcile, M.")])
        // Obsolete route, nested comment, quoted-pair.
        #expect(addresses("<@relay.example:r@x.example>").map(\.address) == ["r@x.example"])
        #expect(addresses("\"Say \\\"Hi\\\"\" <h@x.example> (a (nested) comment)").first?.name == "Say \"Hi\"")
        #expect(addresses("not an address, also not").isEmpty)
    }

    @Test("names are decoded after the list is split: an encoded comma stays in the name (mail-parser mail_test_18)")
    func encodedComma() {
        let list = addresses(
            "=?iso-8859-1?Q?Last=DFlName=2C_FirstName?= <comma.name@example.com>, =?UTF-8?Q?John_=22Johnny=22_Doe?= <john.doe@example.com>"
        )
        #expect(list.map(\.name) == ["LastßlName, FirstName", "John \"Johnny\" Doe"])
        #expect(list.map(\.address) == ["comma.name@example.com", "john.doe@example.com"])
    }

    @Test(
        "encoded words in UTF-8, ISO-8859-1, GB2312, ISO-2022-JP, Shift_JIS, EUC-KR, Windows-1251; split words joined")
    func encodedWords() {
        func decode(_ text: String) -> String { EncodedWords.decode(Array(text.utf8), charsets: charsets).text }
        #expect(decode("=?UTF-8?B?0YHQu9GD0LbQsdCw?=") == "служба")
        #expect(decode("=?ISO-8859-1?Q?Andr=E9?= =?ISO-8859-1?Q?_Pirard?=") == "André Pirard")
        #expect(decode("=?GB2312?B?1cXPyMn6?=") == "张先生")
        #expect(decode("=?ISO-2022-JP?B?GyRCOzNFRBsoQiAbJEJCQE86GyhC?=") == "山田 太郎")
        #expect(decode("=?Shift_JIS?B?grGC8YLJgr+CzQ==?=") == "こんにちは")
        #expect(decode("=?EUC-KR?B?vsiz58fPvLy/5A==?=") == "안녕하세요")
        #expect(decode("=?windows-1251?B?z/Do4uXy?=") == "Привет")
        // One UTF-8 character split across two words.
        #expect(decode("=?UTF-8?B?w6k=?=") == "é")
        #expect(decode("=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9t=C3=A9?=") == "été")
        #expect(decode("plain =?utf-8?q?and?= text") == "plain and text")
        #expect(decode("=?unknown-charset?Q?x?=") == "x")
        #expect(decode("=?utf-8?Q?broken") == "=?utf-8?Q?broken")
    }

    @Test("raw 8-bit headers: UTF-8 when valid, else Windows-1252 with the flag set")
    func rawBytes() {
        let utf8 = EncodedWords.decode(Array("danglüe".utf8), charsets: charsets)
        #expect(utf8 == EncodedWords.Decoded(text: "danglüe", transcoded: false))
        let latin = EncodedWords.decode([0x52, 0x65, 0x6E, 0xE9, 0x20, 0x80], charsets: charsets)
        #expect(latin == EncodedWords.Decoded(text: "René €", transcoded: true))
    }

    @Test("dates: RFC 5322 and its obsolete forms; hour 27 refused; Received and mbox separator dates")
    func dates() throws {
        func at(_ text: String) -> Double? { MailDate.parse(Array(text.utf8))?.timeIntervalSince1970 }
        let reference = 1_772_446_500.0  // 2026-03-02 10:15:00 UTC
        #expect(at("Mon, 2 Mar 2026 10:15:00 +0000") == reference)
        #expect(at("Mon, 02 Mar 2026 11:15:00 +0100 (CET)") == reference)
        #expect(at("2 Mar 2026 05:15:00 EST") == reference)
        #expect(at("Monday, 2 March 26 10:15 GMT") == reference - 0)
        #expect(at("Mon, 2 Mar 2026 10:15:00 GMT+0000") == reference)
        #expect(at("Mon Mar  2 10:15:00 2026") == reference)
        #expect(at("2026-03-02T10:15:00Z") == reference)
        #expect(at("Mon, 2 Mar 2026 10:15:00") == reference)  // no zone: UTC
        #expect(at("Tue, 06 Jun 2017 27:39:33 +0600") == nil)  // CPython msg_47
        #expect(at("Wed, 31 Feb 2026 10:00:00 +0000") == nil)
        #expect(at("sometime last week") == nil)
        #expect(
            MailDate.parseReceived(Array("from a by b with SMTP id x; Mon, 2 Mar 2026 10:15:00 +0000 (UTC)".utf8))?
                .timeIntervalSince1970 == reference)
        let envelope = Array("From 1811@xxx Mon Mar 02 10:15:00 +0000 2026".utf8)
        let date = envelope.withUnsafeBytes {
            MailHeaderBlock(bytes: $0, file: "f", offset: 0, envelope: $0).envelopeDate
        }
        #expect(date?.timeIntervalSince1970 == reference)
    }

    @Test("normalised addresses: one form, or nil for what is not an address")
    func normalisedAddress() {
        #expect(MailAddress.normalised(" <Jane.Doe@Example.COM.> ") == "jane.doe@example.com")
        #expect(MailAddress.normalised("mailto:a@b.example") == "a@b.example")
        #expect(MailAddress.normalised("no at sign") == nil)
        #expect(MailAddress.normalised("a@") == nil)
        #expect(MailAddress.normalised("a b@c.example") == nil)
    }
}
