import Foundation
import Testing
import TiesCore
import TiesInterchange
import TiesTestSupport

@Suite("Career: vCard 4.0 writer")
struct CareerVCardWriterTests {
    @Test("a card is written in full, in a fixed order, with CRLF line endings")
    func whole() {
        let card = ContactCard(
            name: "Alex Kim", email: "alex@new.example", phone: "+1 312 555 0199",
            address: "12 Elm St\nSpringfield, IL", linkedin: "alexkim")
        #expect(
            VCardWriter.write(card) == """
                BEGIN:VCARD\r
                VERSION:4.0\r
                PRODID:-//Ties//Ties//EN\r
                KIND:individual\r
                FN:Alex Kim\r
                EMAIL:alex@new.example\r
                TEL;VALUE=text:+1 312 555 0199\r
                ADR:;;12 Elm St\\nSpringfield\\, IL;;;;\r
                URL;TYPE=work:https://www.linkedin.com/in/alexkim\r
                END:VCARD\r

                """)
    }

    @Test(
        "text values escape backslash, comma, semicolon and every kind of line break",
        arguments: [
            ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb"),
            ("a\rb", "a\\nb"),
            ("tab\there", "tab here"), ("\u{1B}[31mred", " [31mred"), ("plain", "plain"),
        ])
    func escaping(raw: String, escaped: String) {
        #expect(VCardWriter.escape(raw) == escaped)
    }

    @Test("a value cannot start a new property")
    func injection() {
        let vcf = VCardWriter.write(ContactCard(name: "Alex\r\nEMAIL:evil@example.org"))
        #expect(!vcf.contains("\r\nEMAIL:evil"))
        #expect(vcf.contains("FN:Alex\\nEMAIL:evil@example.org\r\n"))
    }

    @Test("long lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original")
    func folding() throws {
        let address = String(repeating: "Grüße aus Zürich — 東京都千代田区 ", count: 6)
        let vcf = VCardWriter.write(ContactCard(name: "Zoë", address: address))
        #expect(!vcf.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        let physical = vcf.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
            // Each physical line is whole UTF-8 by construction of String; check the bytes round-trip too.
            #expect(String(data: Data(line.utf8), encoding: .utf8) == line)
        }
        #expect(physical.contains { $0.hasPrefix(" ") }, "nothing was folded")
        let unfolded = vcf.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("ADR:;;" + VCardWriter.escape(address) + ";;;;\r\n"))
    }

    @Test("the fold happens exactly at 75 octets, and a multi-octet character moves whole to the next line")
    func foldBoundary() {
        let ascii = String(repeating: "a", count: 75)
        #expect(VCardWriter.fold(ascii) == ascii)
        #expect(VCardWriter.fold(ascii + "b") == ascii + "\r\n b")
        let edge = String(repeating: "a", count: 74) + "é"
        #expect(VCardWriter.fold(edge) == String(repeating: "a", count: 74) + "\r\n é")
    }

    @Test("the card of my details: current values only; the name falls back to the email")
    func fromDetails() {
        let details = [
            MyDetail(id: 1, kind: .email, value: "alex@old.example", since: Fixtures.day("2020-01-01")),
            MyDetail(id: 2, kind: .email, value: "alex@new.example", since: Fixtures.day("2026-03-01")),
            MyDetail(id: 3, kind: .phone, value: "+1 312 555 0100", since: Fixtures.day("2027-01-01")),
        ]
        let card = ContactCard(details: details, asOf: Fixtures.day("2026-06-15"))
        #expect(card == ContactCard(name: "alex@new.example", email: "alex@new.example"))
        let named = ContactCard(
            details: details + [MyDetail(id: 4, kind: .name, value: "Alex Kim", since: Fixtures.day("2020-01-01"))],
            asOf: Fixtures.day("2026-06-15"))
        #expect(named.name == "Alex Kim")
    }

    @Test(
        "LinkedIn becomes a URL",
        arguments: [
            ("alexkim", "https://www.linkedin.com/in/alexkim"),
            ("linkedin.com/in/alexkim", "https://linkedin.com/in/alexkim"),
            ("https://www.linkedin.com/in/alexkim", "https://www.linkedin.com/in/alexkim"),
        ])
    func linkedin(value: String, url: String) {
        #expect(ContactCard(name: "A", linkedin: value).linkedinURL == url)
    }
}
