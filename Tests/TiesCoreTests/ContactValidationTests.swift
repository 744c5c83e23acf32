import Testing

@testable import TiesCore

/// The one validation of what is stored about a person (issue 14, finding 4).
@Suite("Contact validation: names, text, emails, phones, URLs")
struct ContactValidationTests {
    @Test(
        "emails: one address, trimmed, mailto: dropped, domain lower-cased",
        arguments: [
            (" Dana@Hale.EXAMPLE ", "Dana@hale.example"),
            ("mailto:sam.o+ties@mercy.example", "sam.o+ties@mercy.example"),
            ("zoë@exämple.de", "zoë@exämple.de"),
            ("o'brien@x-y.example", "o'brien@x-y.example"),
        ])
    func goodEmails(given: String, stored: String) throws {
        #expect(try ContactValidation.email(given) == stored)
    }

    @Test(
        "emails: lists, display names, spaces and broken domains are refused whole",
        arguments: [
            "victim@x.example,attacker@example.com", "a@x.example;b@y.example", "Dana <dana@hale.example>",
            "dana reyes@hale.example", "dana@hale", "@hale.example", "dana@", "dana@@hale.example",
            "dana@-hale.example", "dana@hale..example", ".dana@hale.example", "da..na@hale.example",
            "dana@hale.example\u{0}evil", "\"dana\"@hale.example", "", "dana@hale.example\r\nBcc: x@y.example",
            String(repeating: "a", count: 65) + "@hale.example",
        ])
    func badEmails(given: String) {
        #expect(throws: InputError.self) { try ContactValidation.email(given) }
    }

    @Test(
        "phones: digits and separators, an extension; runs of spaces made one",
        arguments: [
            ("+1 312 555 0100", "+1 312 555 0100"), ("tel:+1-312-555-0100", "+1-312-555-0100"),
            ("(312)  555.0100", "(312) 555.0100"), ("+44 20 7946 0958 ext. 12", "+44 20 7946 0958 ext. 12"),
            ("555-0100x7", "555-0100x7"), ("+1\u{A0}312\u{A0}555\u{A0}0100", "+1 312 555 0100"),
            // As a real Google Contacts export wrote it: wrapped in marks of writing direction (LRE … PDF).
            ("\u{202A}+91 81297 00200\u{202C}", "+91 81297 00200"),
            ("\u{200E}+33 1 42 68 53 00\u{2069}", "+33 1 42 68 53 00"),
            // vCard 4.0 (RFC 6350's example): a `tel:` URI with RFC 3966's extension, no `;` kept.
            ("tel:+1-418-656-9254;ext=102", "+1-418-656-9254 ext. 102"),
            // Android's pause and wait, as an Indian Android export (kamalkne/contacts) wrote them.
            ("9770423600p", "9770423600p"), ("+1 800 555 0100,,1234#", "+1 800 555 0100,,1234#"),
            ("555 0100w12", "555 0100w12"),
        ])
    func goodPhones(given: String, stored: String) throws {
        #expect(try ContactValidation.phone(given) == stored)
    }

    @Test(
        "phones: letters, controls, lists and too few or too many digits are refused",
        arguments: [
            "call me", "12", "+1 312 555 0100, +1 312 555 0199", "555\u{1B}0100", "1+2 555 0100",
            String(repeating: "9", count: 21), "555 0100 ext.", "İ555 0100", "p", "555,0100 x", "wait 12",
        ])
    func badPhones(given: String) {
        #expect(throws: InputError.self) { try ContactValidation.phone(given) }
    }

    @Test("names: trimmed; control characters and line breaks refused, never cut at them")
    func names() throws {
        #expect(try ContactValidation.name("  Zoë Ärlig \n") == "Zoë Ärlig")
        for bad in [
            "", "   ", "Ann\u{0}Lee", "Ann\u{1B}[2JLee", "Ann\nLee", "Ann\rLee", "Ann\tLee", "Ann\u{2028}Lee",
            "Ann\u{85}Lee",
        ] {
            #expect(throws: InputError.self, "\(bad.debugDescription)") { try ContactValidation.name(bad) }
        }
    }

    @Test("white space: the ASCII shortcut answers as Unicode's White_Space property for every scalar")
    func whiteSpace() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ContactValidation.isWhitespace(scalar) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty)
        // Trimming keeps non-ASCII white space working at both ends, and a name with none is returned as is.
        #expect(ContactValidation.trimmed("\u{A0}\u{2003}Zoë\u{3000}\u{85}") == "Zoë")
        #expect(ContactValidation.trimmed("\u{0B}\u{0C}Ann Lee\u{1C}") == "Ann Lee\u{1C}")
        #expect(ContactValidation.trimmed("Ann Lee") == "Ann Lee")
        #expect(ContactValidation.trimmed(" \t\u{2028} ").isEmpty)
    }

    @Test("text: tabs allowed, line breaks only when multi-line, other controls never")
    func text() throws {
        #expect(try ContactValidation.text("  Head\tof Ops ", field: "title") == "Head\tof Ops")
        #expect(try ContactValidation.text("   ", field: "title") == nil)
        #expect(throws: InputError.self) { try ContactValidation.text("a\nb", field: "title") }
        #expect(try ContactValidation.text("a\r\nb", field: "note", multiline: true) == "a\r\nb")
        #expect(throws: InputError.self) {
            try ContactValidation.text("a\u{1B}]0;x\u{7}", field: "note", multiline: true)
        }
    }

    @Test("URLs: http(s) with a host; profiles in one form, other web addresses as written; anything else refused")
    func urls() throws {
        #expect(
            try ContactValidation.url("HTTPS://WWW.LinkedIn.com/in/Dana-Reyes/?trk=x")
                == "https://www.linkedin.com/in/Dana-Reyes")
        #expect(try ContactValidation.url("linkedin.com/in/dana") == "https://linkedin.com/in/dana")
        for bad in [
            "javascript:alert(1)", "https://", "ftp://x.example/a", "https://x.example/a b", "\"https://x\"", "",
        ] {
            #expect(throws: InputError.self, "\(bad)") { try ContactValidation.url(bad) }
        }
        #expect(try ContactValidation.linkedinProfile("alexkim") == "alexkim")
        // Any other web address is stored as written: its http, query and fragment may be what makes it work.
        let intranet = ContactPoint(kind: .url, value: " http://intranet.example/staff?id=42#bio ")
        #expect(try ContactValidation.contactPoint(intranet).value == "http://intranet.example/staff?id=42#bio")
        #expect(try ContactValidation.webAddress("dana.example/blog/") == "https://dana.example/blog/")
        #expect(throws: InputError.self) { try ContactValidation.webAddress("ftp://x.example/a") }
        let profile = ContactPoint(kind: .linkedin, value: "http://www.linkedin.com/in/dana-reyes/?trk=x")
        #expect(try ContactValidation.contactPoint(profile).value == "https://www.linkedin.com/in/dana-reyes")
    }

    @Test("a person: bad values are listed and left out of the person returned")
    func person() {
        let given = Person(
            name: " Dana Reyes ", organisation: "Hale\u{1B}[0m", tags: ["ok", "b\u{0}ad"],
            contactPoints: [
                ContactPoint(kind: .email, value: "victim@x.example,attacker@example.com"),
                ContactPoint(kind: .email, value: "Dana@Hale.Example"),
                ContactPoint(kind: .phone, value: "+1 312 555 0100"),
            ])
        let (person, problems) = ContactValidation.person(given)
        #expect(person.name == "Dana Reyes")
        #expect(person.organisation == nil)
        #expect(person.tags == ["ok"])
        #expect(person.contactPoints.map(\.value) == ["Dana@hale.example", "+1 312 555 0100"])
        #expect(problems.map(\.field) == ["organisation", "tag", "email"])
        #expect(problems.last?.value == "victim@x.example,attacker@example.com")
    }
}
