import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

@Suite("Interchange: vCard")
struct InterchangeVCardTests {
    @Test(
        "vCard 3.0 from Apple: folding, escapes, grouped labels, several emails, photo skipped, birthday without year")
    func apple30() throws {
        let result = VCardReader.read(InterchangeFixtures.vcard30)
        #expect(result.problems.isEmpty)
        #expect(result.skipped.isEmpty)
        #expect(result.records.count == 2)
        let dana = result.records[0]
        #expect(dana.line == 1)
        #expect(dana.version == "3.0")
        #expect(dana.name == "Dana Reyes")
        #expect(dana.organisation == "Northside Health")
        #expect(dana.title == "Director, Patient Access")
        #expect(dana.note == "Met at the regional congress.\nPrefers texts after 6pm; rarely answers calls.")
        #expect(dana.tags == ["Chicago", "mentor"])
        #expect(dana.birthday == VCardBirthday(year: nil, month: 4, day: 15))
        #expect(dana.uid == "7C1D2E3F-0000-4A4A-9C9C-1234567890AB")
        #expect(dana.sourceID == dana.uid)
        #expect(
            dana.contactPoints == [
                VCardContactPoint(
                    kind: .email, value: "dana.reyes@northside.example", types: ["internet", "pref"], label: "Work",
                    preferred: true),
                VCardContactPoint(kind: .email, value: "d.reyes@example.org", types: ["internet", "home"]),
                VCardContactPoint(
                    kind: .phone, value: "+1 (312) 555-0142", types: ["cell", "voice", "pref"], preferred: true),
                VCardContactPoint(
                    kind: .url, value: "https://www.example.org/dana", types: ["pref"], label: "HomePage",
                    preferred: true),
                VCardContactPoint(kind: .linkedin, value: "https://example.org/in/dana-reyes", label: "LinkedIn"),
            ])
        let sam = result.records[1]
        #expect(sam.name == "Samuel Okafor")  // "FN:Sam" folded onto " uel Okafor"
        #expect(sam.organisation == "Summit Search Partners, LLC")
        #expect(sam.contactPoints.map(\.types) == [["internet", "work"]])
    }

    @Test("without a UID the source id is a stable FNV-1a hash of the name and first email")
    func hashID() throws {
        let sam = VCardReader.read(InterchangeFixtures.vcard30).records[1]
        #expect(sam.uid == nil)
        #expect(sam.sourceID == "fnv1a64:" + FNV1a64.hex("samuel okafor\nsam.okafor@example.org"))
        // The hash itself, checked against an independent computation (Python, FNV-1a 64).
        #expect(FNV1a64.hex("dana reyes\nd.reyes@example.org") == "e809f5dee30d9b15")
        #expect(VCardReader.read(InterchangeFixtures.vcard30).records[1].sourceID == sam.sourceID)
    }

    @Test("vCard 2.1: quoted-printable with soft breaks, ISO-8859-1 and Windows-1252, bare parameters, base64 photo")
    func version21() throws {
        let result = VCardReader.read(InterchangeFixtures.vcard21)
        #expect(result.problems.isEmpty)
        #expect(result.skipped.isEmpty)
        #expect(result.records.count == 2)
        let jurgen = result.records[0]
        #expect(jurgen.name == "Jürgen Müller")
        #expect(jurgen.organisation == "Kliniken Süd – Berlin")
        #expect(
            jurgen.note
                == "Erstes Treffen in Berlin – sehr hilfsbereit.\r\nZweite Zeile, die umgebrochen wurde und weiter geht."
        )
        #expect(jurgen.birthday == VCardBirthday(year: 1970, month: 1, day: 31))
        #expect(
            jurgen.contactPoints == [
                VCardContactPoint(kind: .phone, value: "+49 30 5550 1234", types: ["work", "voice"]),
                VCardContactPoint(kind: .phone, value: "+49 170 5550 999", types: ["cell"]),
                VCardContactPoint(
                    kind: .email, value: "juergen.mueller@example.de", types: ["pref", "internet"], preferred: true),
            ])
        // Only N: the name is built from it (prefix, given, family, suffix).
        #expect(result.records[1].name == "Dr. Aiko Nakamura PhD")
        #expect(result.records[1].line == 18)
    }

    @Test("Google Contacts: the myContacts system group is not a tag; a photo URL is not a contact point")
    func google() throws {
        let result = VCardReader.read(InterchangeFixtures.googleVCard)
        #expect(result.problems.isEmpty)
        let lena = try #require(result.records.first)
        #expect(lena.tags == ["Recruiters", "starred"])
        #expect(lena.person.organisation == "Lakeview Hospital" && lena.person.title == "VP Talent")
        #expect(
            lena.contactPoints.map(\.value) == [
                "lena.ortiz@lakeview.example", "+1 312-555-0199", "https://www.linkedin.com/in/lena-ortiz",
            ])
        #expect(lena.contactPoints.last?.kind == .linkedin)
    }

    @Test("vCard 4.0: lower-case names, LF only, a data: photo, tel: URIs, PREF, --MMDD birthday, social profile")
    func version40() throws {
        let result = VCardReader.read(InterchangeFixtures.vcard40)
        #expect(result.problems.isEmpty)
        let priya = try #require(result.records.first)
        #expect(priya.name == "Priya Lindqvist")
        #expect(priya.birthday?.description == "--04-15")
        #expect(priya.tags == ["recruiter", "search firm"])
        #expect(priya.sourceID == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
        #expect(
            priya.contactPoints == [
                VCardContactPoint(kind: .email, value: "priya@lakeview.example", types: ["work"], preferred: true),
                VCardContactPoint(kind: .phone, value: "+1-555-010-7788", types: ["cell", "voice"]),
                VCardContactPoint(kind: .linkedin, value: "https://www.linkedin.com/in/priya-l", types: ["linkedin"]),
            ])
        let person = priya.person
        #expect(person.organisation == "Lakeview Hospital")
        #expect(person.tags == ["recruiter", "search firm"])
        #expect(person.contactPoints.map(\.kind) == [.email, .phone, .linkedin])
    }

    static func export(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TiesCLITests/Fixtures/exports/" + name)
        return [UInt8](try Data(contentsOf: url))
    }

    @Test("Google's and Android's exports: a contact saved with only an email (empty FN and N, or none) is named by it")
    func namelessCards() throws {
        let google = VCardReader.read(try Self.export("google.vcf"))
        #expect(google.problems.isEmpty && google.skipped.isEmpty)
        #expect(
            google.records.map(\.name) == [
                "Lotte Brandvik", "quiet.reader@example.net", "Tomas Ekdahl", "newsletter@harbourclub.example",
            ])
        #expect(google.records[1].contactPoints.map(\.value) == ["quiet.reader@example.net"])
        #expect(google.records[0].organisation == "Fjordline Shipping")
        let android = VCardReader.read(try Self.export("android-2.1.vcf"))
        #expect(android.problems.isEmpty && android.skipped.isEmpty)
        #expect(
            android.records.map(\.name) == ["front.desk@alderhotel.example", "Jörgen Öberg Lindqvist Åkesson Åström"])
        #expect(android.records[1].contactPoints.map(\.kind) == [.phone, .phone, .email])
        // Google's system group, `myContacts` in Google's export and `My Contacts` in Android's, is no tag.
        #expect(google.records.map(\.tags) == [["starred"], [], ["Board games"], []])
        #expect(android.records.map(\.tags) == [[], []])
        // Without an organisation or email, a phone names the card; with nothing at all, it is a problem.
        let phoneOnly = VCardReader.read("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nTEL:+1 312 555 0100\r\nEND:VCARD\r\n")
        #expect(phoneOnly.records.map(\.name) == ["+1 312 555 0100"])
        let orgFirst = VCardReader.read("BEGIN:VCARD\r\nORG:Quayside Ltd;Sales\r\nTEL:+1 312 555 0100\r\nEND:VCARD\r\n")
        #expect(orgFirst.records.map(\.name) == ["Quayside Ltd"])
    }

    @Test(
        "a card that names no one is left out and listed; one without END is a problem at its BEGIN line; a bad BDAY only drops the birthday"
    )
    func problems() {
        let text = InterchangeFixtures.crlf([
            "BEGIN:VCARD", "VERSION:3.0", "NOTE:nobody", "EMAIL:N/A", "END:VCARD",
            "BEGIN:VCARD", "FN:Kept", "BDAY:April the fifteenth", "this line is garbage", "END:VCARD",
            "BEGIN:VCARD", "FN:Never ends",
            "BEGIN:VCARD", "FN:Also never ends",
        ])
        let result = VCardReader.read(text)
        #expect(result.records.map(\.name) == ["Kept"])
        #expect(result.records[0].birthday == nil)
        // No name, and no email that is one (`N/A`), organisation or phone: nobody to import, not a reason to
        // refuse the file.
        #expect(result.skipped.map(\.line) == [1, 8, 9])
        #expect(result.skipped[0].reason == "the card has no name, email, organisation or phone")
        #expect(result.problems.map(\.line) == [11, 13])
        #expect(result.problems.map(\.record) == [3, 4])
        #expect(result.problems[0].description.contains("END:VCARD"))
    }

    @Test(
        "birthdays",
        arguments: [
            ("--0415", "--04-15"), ("--04-15", "--04-15"), ("19850415", "1985-04-15"), ("1985-04-15", "1985-04-15"),
            ("1985-04-15T00:00:00Z", "1985-04-15"), ("--0229", "--02-29"),
        ])
    func birthdays(text: String, expected: String) {
        #expect(VCardReader.parseBirthday(text)?.description == expected)
    }

    @Test(
        "impossible birthdays are refused", arguments: ["1985-02-30", "--1301", "1985", "", "85-04-15", "abcd-ef-gh"])
    func badBirthdays(text: String) {
        #expect(VCardReader.parseBirthday(text) == nil)
    }

    @Test("parameter values decode RFC 6868 carets; an unknown or trailing caret stays as written")
    func caretEscapes() {
        #expect(ContentParameter(name: "CN", raw: "\"Dana ^'DJ^' Reyes^n^^x^y^\"").text == "Dana \"DJ\" Reyes\n^x^y^")
        #expect(ContentParameter(name: "CN", raw: "plain").text == "plain")
    }

    @Test("escapes, and structured values split only at unescaped semicolons")
    func escapes() {
        let text = "BEGIN:VCARD\nFN:A\\\\B\\, C\nORG:Acme\\; Co;Research\nNOTE:one\\ntwo\\Nthree \\x\nEND:VCARD\n"
        let card = VCardReader.read(text).records[0]
        #expect(card.name == "A\\B, C")
        #expect(card.organisation == "Acme; Co")
        #expect(card.note == "one\ntwo\nthree \\x")
    }

    @Test("charsets: UTF-8 by default, Windows-1252 when bytes are not UTF-8, Latin-9")
    func charsets() {
        #expect(ContentText.decode(Array("Müller".utf8), charset: nil) == "Müller")
        #expect(ContentText.decode([0x4D, 0xFC, 0x93, 0x80], charset: nil) == "Mü“€")
        #expect(ContentText.decode([0xA4], charset: "ISO-8859-15") == "€")
        #expect(ContentText.decode([0xA4], charset: "iso-8859-1") == "¤")
        #expect(ContentText.decode([0xFF], charset: "UTF-8") == "\u{FFFD}")
        #expect(ContentText.quotedPrintableDecoded(Array("a=3Db=zz=4".utf8)) == Array("a=b=zz=4".utf8))
    }

    @Test("thousands of cards (megabytes, with photos) are all read")
    func large() {
        var text = ""
        let photo = String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=", count: 20)
        for k in 0..<5_000 {
            text +=
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person \(k)\r\nN:\(k);Person;;;\r\nEMAIL;TYPE=WORK:p\(k)@example.org\r\n"
            text += "TEL:+1 555 \(k)\r\nORG:Org \(k % 50)\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + photo.prefix(70)
            var rest = photo.dropFirst(70)
            while !rest.isEmpty {
                text += "\r\n " + rest.prefix(74)
                rest = rest.dropFirst(74)
            }
            text += "\r\nEND:VCARD\r\n"
        }
        #expect(text.utf8.count > 3_000_000)
        let result = VCardReader.read(text)
        #expect(result.records.count == 5_000)
        #expect(result.problems.isEmpty)
    }
}
