import Foundation

/// Small files in the shapes real exporters write, made up for these tests (no real people).
enum InterchangeFixtures {
    /// Joins lines with CRLF and ends with one.
    static func crlf(_ lines: [String]) -> String { lines.joined(separator: "\r\n") + "\r\n" }

    /// Text as bytes with a UTF-8 byte-order mark in front.
    static func withBOM(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    // MARK: LinkedIn

    /// `Connections.csv` as LinkedIn writes it: BOM, CRLF, a `Notes:` preamble of quoted prose holding
    /// commas, a blank line, then the header. Row 4 is a member who hides their details.
    static let connections: [UInt8] = withBOM(
        crlf([
            "Notes:",
            "\"Some email addresses may be blank, because each member decides whether connections can download theirs. To change yours, visit your privacy settings, then Visibility.\"",
            "",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "Dana,Reyes,https://www.linkedin.com/in/dana-reyes-0a1b2c,,Northside Health,\"Director, Patient Access\",12 Mar 2024",
            "Samuel,Okafor,https://WWW.LinkedIn.com/in/samokafor/,sam.okafor@example.org,\"Summit Search Partners, LLC\",Managing Partner,03 Jan 2019",
            "Priya,Lindqvist,https://www.linkedin.com/in/priya-l,,Lakeview Hospital,\"VP, \"\"Growth\"\" & Strategy\",28 Feb 2023",
            ",,,,,,15 Jun 2022",
            "Mateo,Duarte-Silva ✓,https://www.linkedin.com/in/mateo-ds,,,,1 Sep 2015",
        ]))

    /// `messages.csv`: the user is Alex Morgan (three messages sent); a message body holds a line break
    /// and quotes; one conversation is a group of three.
    static let messages: [UInt8] = withBOM(
        crlf([
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS",
            "2-ZmYxY2E=,,Sam Okafor,https://www.linkedin.com/in/samokafor,Alex Morgan,https://www.linkedin.com/in/alex-morgan-me,2023-06-11 15:33:58 UTC,Quick question,\"Hi Alex, would you have 20 minutes this week?\r\nHappy to work around you.\",INBOX,",
            "2-ZmYxY2E=,,Alex Morgan,https://www.linkedin.com/in/alex-morgan-me,Sam Okafor,https://www.linkedin.com/in/samokafor,2023-06-12 09:02:11 UTC,,\"Sure, Thursday works (\"\"after 3\"\" ideally).\",SENT,",
            "2-Z3JvdXA=,Board prep,Priya Lindqvist,https://www.linkedin.com/in/priya-l,\"Alex Morgan,Dana Reyes\",\"https://www.linkedin.com/in/alex-morgan-me,https://www.linkedin.com/in/dana-reyes-0a1b2c\",2023-07-01 18:00:00 UTC,,Agenda attached.,INBOX,agenda.pdf",
            "2-b2xk,,Alex Morgan,https://www.linkedin.com/in/alex-morgan-me,Dana Reyes,https://www.linkedin.com/in/dana-reyes-0a1b2c,2023-08-02 10:15:00 UTC,,Congratulations on the new role!,SENT,",
            "2-b2xk,,Alex Morgan,https://www.linkedin.com/in/alex-morgan-me,Dana Reyes,https://www.linkedin.com/in/dana-reyes-0a1b2c,2023-08-09 10:15:00 UTC,,Following up on my note.,SENT,",
        ]))

    // MARK: vCard

    /// Apple Contacts, vCard 3.0: folding, escapes, grouped labels, a folded base64 photo, a birthday
    /// without a year (Apple's 1604 convention).
    static let vcard30 = crlf([
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//macOS 14.4//EN",
        "N:Reyes;Dana;;Dr.;",
        "FN:Dana Reyes",
        "ORG:Northside Health;Patient Access",
        "TITLE:Director\\, Patient Access",
        "item1.EMAIL;type=INTERNET;type=pref:dana.reyes@northside.example",
        "item1.X-ABLabel:_$!<Work>!$_",
        "EMAIL;type=INTERNET;type=HOME:d.reyes@example.org",
        "TEL;type=CELL;type=VOICE;type=pref:+1 (312) 555-0142",
        "item2.URL;type=pref:https://www.example.org/dana",
        "item2.X-ABLabel:_$!<HomePage>!$_",
        "item3.URL:https://example.org/in/dana-reyes",
        "item3.X-ABLabel:LinkedIn",
        "NOTE:Met at the regional congress.\\nPrefers texts after 6pm\\; rarely answers calls.",
        "CATEGORIES:mentor,Chicago,mentor",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR",
        " ofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy",
        " MjIyMjIyMjIyMjIyMjIyMjIyMjIy",
        "UID:7C1D2E3F-0000-4A4A-9C9C-1234567890AB",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Sam",
        " uel Okafor",
        "EMAIL;TYPE=INTERNET,WORK:sam.okafor@example.org",
        "ORG:Summit Search Partners\\, LLC",
        "END:VCARD",
    ])

    /// An Android/Outlook-style vCard 2.1 file: quoted-printable with soft line breaks, ISO-8859-1 and
    /// Windows-1252 bytes, bare parameters, an unindented base64 photo ended by a blank line, and a
    /// second card with only `N`.
    /// Google Contacts, vCard 3.0: the system group `myContacts` among the categories, a photo by URL, a
    /// colon escaped in a labelled URL.
    static let googleVCard = crlf([
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Lena Ortiz",
        "N:Ortiz;Lena;;;",
        "EMAIL;TYPE=INTERNET;TYPE=WORK:lena.ortiz@lakeview.example",
        "TEL;TYPE=CELL:+1 312-555-0199",
        "ORG:Lakeview Hospital",
        "TITLE:VP Talent",
        "PHOTO:https://lh3.googleusercontent.com/contacts/AG6tpzE1",
        "CATEGORIES:myContacts,Recruiters,starred",
        "item1.URL:https\\://www.linkedin.com/in/lena-ortiz",
        "item1.X-ABLabel:LinkedIn",
        "END:VCARD",
    ])

    static let vcard21: [UInt8] = {
        var bytes: [UInt8] = []
        func line(_ text: String) { bytes += Array(text.utf8) + [0x0D, 0x0A] }
        line("BEGIN:VCARD")
        line("VERSION:2.1")
        line("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;;")
        line("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller")
        line("TEL;WORK;VOICE:+49 30 5550 1234")
        line("TEL;CELL:+49 170 5550 999")
        line("EMAIL;PREF;INTERNET:juergen.mueller@example.de")
        // Windows-1252: ü is 0xFC, an en dash is 0x96.
        bytes +=
            Array("ORG;CHARSET=Windows-1252:Kliniken S".utf8) + [0xFC] + Array("d ".utf8) + [0x96]
            + Array(" Berlin".utf8) + [0x0D, 0x0A]
        line("NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Erstes Treffen in Berlin =E2=80=93 sehr hilfsbereit.=0D=0A=")
        line("Zweite Zeile, die umgebrochen wurde und weiter=")
        line(" geht.")
        line("PHOTO;ENCODING=BASE64;TYPE=JPEG:")
        line("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAYEBQYFBAYGBQYGBgYHBwYIChAKCgkJChQODwwQFxQYGBcU")
        line("FhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgo")
        line("")
        line("BDAY:19700131")
        line("END:VCARD")
        line("BEGIN:VCARD")
        line("VERSION:2.1")
        line("N:Nakamura;Aiko;;Dr.;PhD")
        line("TEL;HOME:03-5555-0199")
        line("END:VCARD")
        return bytes
    }()

    /// vCard 4.0 with lower-case names, LF-only line ends and a folded `data:` photo.
    static let vcard40 =
        [
            "begin:vcard",
            "version:4.0",
            "fn:Priya Lindqvist",
            "n:Lindqvist;Priya;;;",
            "email;type=work;pref=1:priya@lakeview.example",
            "tel;value=uri;type=\"cell,voice\":tel:+1-555-010-7788",
            "photo:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
            " YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            "bday:--0415",
            "uid:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
            "categories:recruiter,search firm",
            "org:Lakeview Hospital",
            "x-socialprofile;type=linkedin:https://www.linkedin.com/in/priya-l",
            "end:vcard",
        ].joined(separator: "\n") + "\n"

    // MARK: iCalendar

    /// The user in the calendar tests.
    static let me = "alex.morgan@example.com"

    /// Wraps events in a calendar, CRLF line ends.
    static func calendar(_ events: [String], extra: [String] = []) -> String {
        crlf(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ties tests//EN"] + extra + events + ["END:VCALENDAR"])
    }

    /// One event from its property lines.
    static func event(_ lines: [String]) -> String {
        (["BEGIN:VEVENT"] + lines + ["END:VEVENT"]).joined(separator: "\r\n")
    }

    /// A calendar with the shapes Google, Outlook and Apple write.
    static let mixedCalendar = calendar([
        event([
            "UID:single-utc@example.com", "DTSTAMP:20240301T120000Z",
            "DTSTART:20240312T140000Z", "DTEND:20240312T150000Z", "SUMMARY:Coffee with Dana",
            "ORGANIZER;CN=\"Reyes, Dana\":mailto:Dana.Reyes@Northside.example",
            "ATTENDEE;CN=\"Reyes, Dana\";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:dana.reyes@northside.example",
            "ATTENDEE;CN=Alex Morgan;PARTSTAT=ACCEPTED:mailto:Alex.Morgan@example.com",
            "ATTENDEE;CUTYPE=ROOM;CN=Room 4B:mailto:room4b@northside.example",
            "ATTENDEE;CN=Board Room:mailto:c_1889@resource.calendar.google.com",
            "BEGIN:VALARM", "ACTION:EMAIL", "ATTENDEE:mailto:alarm-target@example.com", "TRIGGER:-PT15M", "END:VALARM",
        ]),
        event([
            "UID:outlook-est", "SUMMARY:Recruiter call",
            "DTSTART;TZID=Eastern Standard Time:20240315T090000", "DTEND;TZID=Eastern Standard Time:20240315T093000",
            "ORGANIZER;CN=Sam Okafor:mailto:sam.okafor@example.org",
            "ATTENDEE;PARTSTAT=TENTATIVE:mailto:alex.morgan@example.com",
        ]),
        event([
            "UID:outlook-weu", "SUMMARY:Berlin", "DTSTART;TZID=W. Europe Standard Time:20240320T100000",
            "DURATION:PT45M", "ORGANIZER:mailto:alex.morgan@example.com", "ATTENDEE:mailto:juergen@example.de",
        ]),
        event([
            "UID:outlook-gmt", "SUMMARY:London", "DTSTART;TZID=\"GMT Standard Time\":20240402T100000",
            "ATTENDEE;CN=Olu:mailto:olu@example.co.uk",
        ]),
        event([
            "UID:iana-la", "SUMMARY:LA", "DTSTART;TZID=America/Los_Angeles:20240110T083000",
            "ATTENDEE:mailto:wei@example.com",
        ]),
        event(["UID:floating", "SUMMARY:Lunch", "DTSTART:20240118T120000", "ATTENDEE:mailto:noor@example.com"]),
        event(["UID:all-day", "SUMMARY:Conference", "DTSTART;VALUE=DATE:20240205", "DTEND;VALUE=DATE:20240207"]),
        event([
            "UID:declined", "SUMMARY:Vendor pitch", "DTSTART:20240220T160000Z",
            "ORGANIZER:mailto:vendor@example.net",
            "ATTENDEE;PARTSTAT=DECLINED;CN=Alex:mailto:alex.morgan@example.com",
        ]),
        event([
            "UID:cancelled", "SUMMARY:Cancelled sync", "STATUS:CANCELLED", "DTSTART:20240221T160000Z",
            "ATTENDEE:mailto:dana.reyes@northside.example",
        ]),
        event([
            "UID:future", "SUMMARY:Next quarter", "DTSTART:20240601T160000Z",
            "ATTENDEE:mailto:dana.reyes@northside.example",
        ]),
        event([
            "UID:unknown-zone", "SUMMARY:Somewhere", "DTSTART;TZID=Atlantis Standard Time:20240301T090000",
            "ATTENDEE:mailto:dana.reyes@northside.example",
        ]),
    ])

    /// A weekly series in New York time crossing the 2024 daylight-saving change, with an exception, a
    /// moved occurrence and a cancelled one.
    static let weeklySeries = calendar(
        [
            event([
                "UID:weekly@example.com", "SUMMARY:Mentoring", "DTSTART;TZID=America/New_York:20240304T090000",
                "DTEND;TZID=America/New_York:20240304T093000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6",
                "EXDATE;TZID=America/New_York:20240306T090000",
                "ORGANIZER;CN=Dana Reyes:mailto:dana.reyes@northside.example",
                "ATTENDEE:mailto:alex.morgan@example.com",
            ]),
            event([
                "UID:weekly@example.com", "SUMMARY:Mentoring (moved)",
                "RECURRENCE-ID;TZID=America/New_York:20240313T090000",
                "DTSTART;TZID=America/New_York:20240314T100000", "DTEND;TZID=America/New_York:20240314T103000",
                "ORGANIZER;CN=Dana Reyes:mailto:dana.reyes@northside.example",
                "ATTENDEE:mailto:alex.morgan@example.com",
            ]),
            event([
                "UID:weekly@example.com", "SUMMARY:Mentoring", "STATUS:CANCELLED",
                "RECURRENCE-ID;TZID=America/New_York:20240318T090000",
                "DTSTART;TZID=America/New_York:20240318T090000",
            ]),
        ],
        extra: [
            "BEGIN:VTIMEZONE", "TZID:America/New_York", "X-LIC-LOCATION:America/New_York",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "DTSTART:19700308T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT", "END:VTIMEZONE",
        ])
}
