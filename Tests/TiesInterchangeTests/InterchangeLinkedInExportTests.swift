import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// The readers of every LinkedIn generation, on the committed export fixtures (made-up people reproducing real
/// exports' quirks; see Tests/TiesCLITests/Fixtures/exports/README.md).
@Suite("Interchange: LinkedIn exports of every generation")
struct InterchangeLinkedInExportTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TiesCLITests/Fixtures/exports/" + name)
        return SpreadsheetText.utf8([UInt8](try Data(contentsOf: url))).bytes
    }

    @Test(
        "each file is recognised by its header, not its name",
        arguments: [
            ("linkedin-2024/Connections.csv", LinkedInFileKind.connections),
            ("linkedin-2024/messages.csv", .messages), ("linkedin-2024/Invitations.csv", .invitations),
            ("linkedin-2024/Recommendations_Received.csv", .recommendationsReceived),
            ("linkedin-2024/Endorsement_Received_Info.csv", .endorsementsReceived),
            ("linkedin-2024/Endorsement_Given_Info.csv", .endorsementsGiven),
            ("linkedin-2024/Profile.csv", .profile), ("linkedin-2024/Email Addresses.csv", .emailAddresses),
            ("linkedin-2024/PhoneNumbers.csv", .phoneNumbers), ("linkedin-2018/Connections.csv", .connections),
            ("linkedin-2018/Messages.csv", .messages), ("linkedin-2020/Connections.csv", .connections),
            ("linkedin-2020/messages.csv", .messages), ("linkedin-resaved/Connections.csv", .connections),
            ("linkedin-2012/linkedin_connections_export_microsoft_outlook.csv", .connections),
        ])
    func kinds(file: String, kind: LinkedInFileKind) throws {
        #expect(LinkedInFileKind.detect(try Self.bytes(file), name: "renamed.csv") == kind)
    }

    @Test("files an export holds but no reader takes, and other formats, are no LinkedIn file")
    func notLinkedIn() throws {
        #expect(LinkedInFileKind.detect(try Self.bytes("linkedin-2024/Skills.csv"), name: "Skills.csv") == nil)
        #expect(LinkedInFileKind.detect(try Self.bytes("google.csv"), name: "google.csv") == nil)
        #expect(LinkedInFileKind.detect(Array("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n".utf8), name: "x.csv") == nil)
    }

    @Test("the AI coach's and guide's files have the messages header; their names tell them apart")
    func coachFiles() throws {
        let messages = try Self.bytes("linkedin-2024/messages.csv")
        for name in [
            "learning_coach_messages.csv", "coach_messages.csv",
            "Basic_LinkedInDataExport_12-24-2025.zip:guide_messages.csv",
            "learning_role_play_messages.csv", "LearningCoachMessages.csv",
        ] {
            #expect(LinkedInFileKind.detect(messages, name: name) == .coachMessages, "\(name)")
        }
        #expect(LinkedInFileKind.detect(messages, name: "messages.csv") == .messages)
        #expect(
            LinkedInFileKind.detect(Array("No conversations found\n".utf8), name: "LearningCoachMessages.csv")
                == .coachMessages)
    }

    @Test("2018 Connections: no URL, month/day/two-digit-year dates with a time")
    func connections2018() throws {
        let read = try LinkedInConnections.read(try Self.bytes("linkedin-2018/Connections.csv"))
        #expect(read.problems.isEmpty)
        #expect(read.records.map(\.connectedOn?.description) == ["2018-02-12", "2017-11-17"])
        #expect(read.records[0].email == "ines.faro@example.com" && read.records[0].profileURL == nil)
    }

    @Test("2012 Outlook CSV: 59 quoted columns, Windows-1252, no dates")
    func outlook2012() throws {
        let read = try LinkedInConnections.read(
            try Self.bytes("linkedin-2012/linkedin_connections_export_microsoft_outlook.csv"))
        #expect(read.records.map(\.name) == ["Renée Côté", "Hugo Marsh"])
        #expect(read.records[0].organisation == "Éclair Conseil" && read.records[0].title == "Chargée de recrutement")
        #expect(read.records[0].email == "renee.cote@example.com" && read.records[0].connectedOn == nil)
    }

    @Test("2020 Connections: an unquoted Notes preamble and two blank lines before the header")
    func connections2020() throws {
        let read = try LinkedInConnections.read(try Self.bytes("linkedin-2020/Connections.csv"))
        #expect(read.records.map(\.line) == [6, 7, 8, 9, 10, 11])
        #expect(read.records[1].name == "Femi Adeyemi SPHRi, CPHR")
    }

    @Test("a spreadsheet re-save: d-mmm-yy dates, trailing empty columns, NA placeholders, no final newline")
    func resaved() throws {
        let read = try LinkedInConnections.read(try Self.bytes("linkedin-resaved/Connections.csv"))
        #expect(read.problems.isEmpty)
        #expect(read.records.map(\.connectedOn?.description) == ["2026-02-06", "2023-04-23", "2024-03-12"])
        #expect(read.records[0].email == nil && read.records[0].organisation == nil && read.records[0].title == nil)
    }

    @Test("2024 messages: an empty FROM, a draft and a note to self are left out and listed, never refused")
    func messages2024() throws {
        let read = try LinkedInMessages.read(try Self.bytes("linkedin-2024/messages.csv"))
        #expect(read.result.problems.isEmpty)
        #expect(read.me.names == ["Robin Vale, MBA"])
        #expect(read.result.records.count + read.result.skipped.count == 8)
        #expect(read.result.skipped.map(\.line) == [5, 7, 8])
        // The group message: TO "Bram Okonkwo-Lind,Cleo Marchetti, PhD" with two URLs is two people.
        let group = try #require(read.result.records.first { $0.conversationTitle == "Offsite" })
        #expect(group.counterparts.map(\.name) == ["Bram Okonkwo-Lind", "Cleo Marchetti, PhD"])
        #expect(group.counterparts[1].profileURL == "https://www.linkedin.com/in/cleo-marchetti-phd")
        #expect(group.groupSize == 2 && group.direction == .outbound)
        // Ada wrote first and Robin answered the next day.
        #expect(read.result.records[0].direction == .inbound && read.result.records[0].answered)
    }

    @Test("2020 messages (9 columns): a TO that is one name with a comma in it stays one person")
    func messages2020() throws {
        let read = try LinkedInMessages.read(
            try Self.bytes("linkedin-2020/messages.csv"), me: LinkedInIdentity(names: ["Nadia Brook"]))
        #expect(read.result.records.map(\.direction) == [.outbound, .inbound, .inbound])
        #expect(read.result.records[0].counterparts.map(\.name) == ["Femi Adeyemi SPHRi, CPHR"])
        #expect(read.result.records[0].answered)
        #expect(read.result.skipped.count == 1)
    }

    @Test("2018 Messages: From,To,Date,Subject,Content,Direction,Folder; Direction decides, no identity needed")
    func messages2018() throws {
        let read = try LinkedInMessages.read(try Self.bytes("linkedin-2018/Messages.csv"))
        #expect(!read.meWasInferred)
        #expect(read.result.records.map(\.direction) == [.inbound, .outbound, .inbound, .inbound])
        #expect(
            read.result.records.map { $0.counterparts.map(\.name) } == [
                ["Ines Faro"], ["Ines Faro"], ["Ines Faro"], ["Premium Team"],
            ])
        // Ines's first message (1:53) was answered at 3:25; her 5:54 one and the Premium offer were not.
        #expect(read.result.records.map(\.answered) == [false, true, true, false])
        #expect(read.result.records[0].occurredAt == LinkedInDate.instant("2018-06-19 05:54:00 UTC"))
    }

    @Test("Invitations: direction, URLs when the export has them, M/D/YY dates")
    func invitations() throws {
        let read = try LinkedInInvitations.read(try Self.bytes("linkedin-2024/Invitations.csv"))
        #expect(read.records.map(\.direction) == [.outbound, .inbound, .inbound])
        #expect(
            read.records[0].other
                == LinkedInParticipant(name: "Dmitri Sol", profileURL: "https://www.linkedin.com/in/dmitri-sol"))
        #expect(read.records[2].other.profileURL == nil)
        #expect(read.records[0].sentAt == LinkedInDate.instant("2025-10-21 22:26:00 UTC"))
    }

    @Test("endorsements: one favour per person and day; recommendations: one per row")
    func favours() throws {
        let received = try LinkedInFavours.read(
            try Self.bytes("linkedin-2024/Endorsement_Received_Info.csv"), kind: .endorsementsReceived)
        #expect(received.records.count == 2)
        #expect(received.records[0].note == "endorsement: Data Analysis, SQL")
        #expect(received.records[0].other.profileURL == "https://www.linkedin.com/in/zoë-ärlig")
        #expect(received.records.allSatisfy { $0.direction == .inbound })
        let given = try LinkedInFavours.read(
            try Self.bytes("linkedin-2024/Endorsement_Given_Info.csv"), kind: .endorsementsGiven)
        #expect(given.records.map(\.direction) == [.outbound])
        let recommendations = try LinkedInFavours.read(
            try Self.bytes("linkedin-2024/Recommendations_Received.csv"), kind: .recommendationsReceived)
        #expect(recommendations.records.map(\.other.name) == ["Bram Okonkwo-Lind"])
        #expect(recommendations.records[0].organisation == "Northgate Search, LLC")
    }

    // The layout of IrisZh6/DataScienceLevel1 and mayara-canaver/LinkedIn-Analysis,
    // `Endorsement_Received_Info.csv` (2021, no URL column): one person endorsing several skills within
    // seconds. Made-up people.
    @Test("an endorsement favour counts the rows it stands for, so that rows read add up to the file's")
    func endorsementRows() throws {
        let file = """
            Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status
            2021/12/17 13:00:41 UTC,Microsoft Office,Lia,Serrano Falcão,ACCEPTED
            2021/12/17 13:00:36 UTC,Selenium,Lia,Serrano Falcão,ACCEPTED
            2021/12/17 12:59:58 UTC,Python,Lia,Serrano Falcão,ACCEPTED
            2021/11/04 15:56:41 UTC,Python,Rui,Teles Campos,ACCEPTED
            """
        let read = try LinkedInFavours.read(Array(file.utf8), kind: .endorsementsReceived)
        #expect(read.records.map(\.note) == ["endorsement: Microsoft Office, Selenium, Python", "endorsement: Python"])
        #expect(read.records.map(\.rows) == [3, 1])
        let rows: Int = read.records.map(\.rows).reduce(0, +)
        #expect(rows + read.skipped.count + read.problems.count == 4)
    }

    @Test(
        "the user's own details: name, headline and industry from Profile, email dated by Updated On, phone; empty rows left out"
    )
    func ownDetails() throws {
        let day = Day(year: 2025, month: 12, day: 7)!
        let profile = try LinkedInOwnDetails.read(
            try Self.bytes("linkedin-2024/Profile.csv"), kind: .profile, exportDay: day)
        #expect(
            profile == [
                MyDetail(kind: .name, value: "Robin Vale, MBA", since: day),
                MyDetail(kind: .headline, value: "People analytics", since: day),
                MyDetail(kind: .industry, value: "Human Resources", since: day),
            ])
        let emails = try LinkedInOwnDetails.read(
            try Self.bytes("linkedin-2024/Email Addresses.csv"), kind: .emailAddresses, exportDay: day)
        #expect(
            emails == [
                MyDetail(kind: .email, value: "robin.vale@example.net", since: Day(year: 2020, month: 11, day: 18)!)
            ])
        let phones = try LinkedInOwnDetails.read(
            try Self.bytes("linkedin-2024/PhoneNumbers.csv"), kind: .phoneNumbers, exportDay: day)
        #expect(phones == [MyDetail(kind: .phone, value: "+44 113 496 0000", since: day)])
    }

    // The layout of apk0703/linkdin_profile_analysis, `Email Addresses.csv` (a 2024 export): the primary
    // address updated in 2018, a work address added in 2024 and not primary. Made-up addresses.
    @Test("the primary email is the current one, even when another address was updated later")
    func primaryEmailIsCurrent() throws {
        let file = """
            Email Address,Confirmed,Primary,Updated On
            robin.vale@example.net,Yes,Yes,"7/27/18, 4:05 AM"
            robin.vale@work.example,Yes,No,"1/2/24, 8:44 PM"
            """
        let exportDay = Day(year: 2024, month: 3, day: 24)!
        let emails = try LinkedInOwnDetails.read(Array(file.utf8), kind: .emailAddresses, exportDay: exportDay)
        let primarySince = Day(year: 2018, month: 7, day: 27)!
        #expect(emails.map(\.value) == ["robin.vale@work.example", "robin.vale@example.net"])
        #expect(emails.allSatisfy { $0.since <= primarySince })
        let stored = emails.enumerated().map { i, e in
            MyDetail(id: Int64(i + 1), kind: e.kind, value: e.value, since: e.since)
        }
        #expect(MyDetail.current(of: .email, in: stored, asOf: exportDay)?.value == "robin.vale@example.net")
    }

    @Test(
        "Google Contacts (legacy and current) and Outlook CSV: names, groups as tags, ::: values, labels for the nameless"
    )
    func addressBooks() throws {
        let legacy = try AddressBookCSV.read(try Self.bytes("google-legacy.csv"))
        #expect(legacy.records.map(\.name) == ["Mina Park", "noname@example.org", "Quayside Ltd"])
        #expect(legacy.records[0].tags == ["Conference", "starred"])
        #expect(
            legacy.records[0].contactPoints.map(\.value) == [
                "mina@home.example", "mina@work.example", "+1 312 555 0100",
            ])
        #expect(legacy.records[0].birthday == VCardBirthday(year: 1985, month: 6, day: 12))
        #expect(legacy.records[0].note == "Met at PyCon" && legacy.records[0].title == "Engineering Manager")
        let current = try AddressBookCSV.read(try Self.bytes("google.csv"))
        #expect(current.records.map(\.name) == ["Grace B. Hollis", "orphan@example.net"])
        #expect(current.records[0].birthday == VCardBirthday(year: nil, month: 12, day: 9))
        #expect(current.records[0].tags == ["Mentors"] && current.records[0].organisation == "Harbour Navy")
        let outlook = try AddressBookCSV.read(try Self.bytes("outlook.csv"))
        #expect(outlook.records[0].tags == ["Berlin", "Recruiters"])
        #expect(outlook.records[0].birthday == VCardBirthday(year: 1980, month: 6, day: 3))
        #expect(AddressBookCSV.layout(of: ["Name", "Email"]) == nil)
        // Google's "Outlook CSV": its system group is written without the star, `myContacts;starred`.
        let fromGoogle = try AddressBookCSV.read(try Self.bytes("google-outlook.csv"))
        #expect(AddressBookCSV.layout(of: try CSVTable(bytes: try Self.bytes("google-outlook.csv")).header) == .outlook)
        #expect(fromGoogle.records.map(\.name) == ["Sigrid Aune", "kiosk@vestkai.example", "Eirik Solberg"])
        #expect(fromGoogle.records.map(\.tags) == [["starred"], [], ["Restored from Pixel 7"]])
        #expect(fromGoogle.records[2].organisation == "Vestkai Ferger" && fromGoogle.records[2].title == "Dispatcher")
    }

    @Test("Thunderbird's address book as CSV: English (older, a comma after every line), German, tab-separated")
    func thunderbird() throws {
        let english = try Self.bytes("thunderbird.csv")
        #expect(AddressBookCSV.layout(of: try CSVTable(bytes: english).header) == .thunderbird)
        let read = try AddressBookCSV.read(english)
        #expect(read.records.map(\.name) == ["Priya Ramaswamy", "front.desk@riverbend-clinic.example", "Tomas Wirth"])
        #expect(read.problems.isEmpty && read.skipped.isEmpty)
        let priya = read.records[0]
        #expect(
            priya.contactPoints.map(\.value) == [
                "priya.r@northgate-search.example", "priya@home.example", "(312) 555-0199", "+1 312 555 0142",
                "http://northgate-search.example/team/priya",
            ])
        #expect(priya.organisation == "Northgate Search, LLC" && priya.title == "Partner, Healthcare Practice")
        #expect(priya.birthday == VCardBirthday(year: 1979, month: 4, day: 23))
        #expect(priya.note == "Met at ACHE Congress.\nHolds my resume since 2024.")
        #expect(read.records[2].birthday == VCardBirthday(year: nil, month: 12, day: 9))
        // German column names (Vorname, Primäre E-Mail-Adresse, Geburtsjahr…), Windows-1252.
        let german = try AddressBookCSV.read(try Self.bytes("thunderbird-de.csv"))
        #expect(german.records.map(\.name) == ["Jörg Weiß", "Renée Côté"])
        #expect(german.records[0].organisation == "Klinikum Süd" && german.records[0].title == "Personalreferent")
        #expect(german.records[0].birthday == VCardBirthday(year: 1968, month: 2, day: 29))
        #expect(german.records[0].note == "Über Renée kennengelernt")
        // Tab-separated, the en-GB names (Organisation): read as the CSV it stands for.
        let tabs = try Self.bytes("thunderbird-tab.txt")
        #expect(AddressBookCSV.layout(of: (try? CSVTable(bytes: tabs).header) ?? []) == nil)
        let commas = try #require(AddressBookCSV.commaSeparated(tabs))
        let british = try AddressBookCSV.read(commas)
        #expect(british.records.map(\.name) == ["Siobhán Ní Bhriain", "Ops Desk"])
        #expect(british.records[0].title == "Head of Talent, Nursing" && british.records[0].note == "Prefers \"Shiv\"")
        #expect(british.records[1].organisation == "Harbour Staffing")
        #expect(AddressBookCSV.commaSeparated(english) == nil)
        #expect(AddressBookCSV.commaSeparated(Array("Name\tEmail\nAda\tada@example.org\n".utf8)) == nil)
        // A birthday the calendar does not have is left out, not guessed.
        let header = "First Name,Last Name,Display Name,Primary Email,Birth Year,Birth Month,Birth Day\n"
        let leap = try AddressBookCSV.read(Array((header + "Ada,Quill,Ada Quill,,1985,2,30\n").utf8))
        #expect(leap.records.map(\.name) == ["Ada Quill"] && leap.records[0].birthday == nil)
    }

    @Test("contact groups (Apple's and Fastmail's X-ADDRESSBOOKSERVER-KIND, vCard 4's KIND:group) are tags, not people")
    func contactGroups() throws {
        let read = VCardReader.read(try Self.bytes("fastmail-groups.vcf"))
        #expect(read.problems.isEmpty)
        #expect(read.records.map(\.name) == ["Sam Okafor", "Grace Hollis"])
        // Members by UID, whatever its case and with or without urn:uuid:, or by mailto:.
        #expect(read.records.map(\.tags) == [["Mentors", "Search partners"], ["Mentors"]])
        #expect(
            read.skipped.map(\.reason) == [
                "a contact group \"Mentors\", not a person: its 2 members here are tagged \"Mentors\"",
                "a contact group \"Board\", not a person: its one member is not in this file",
                "a contact group \"Search partners\", not a person: its one member here is tagged \"Search partners\"",
            ])
        #expect(read.skipped.map(\.line) == [21, 33, 41])
        // A group without a name tags no one; one whose members are all elsewhere says how many.
        let cards = """
            BEGIN:VCARD\nVERSION:4.0\nFN:Ada Quill\nUID:urn:uuid:a\nEND:VCARD
            BEGIN:VCARD\nVERSION:4.0\nFN:Bram Lind\nEMAIL:bram@example.org\nEND:VCARD
            BEGIN:VCARD\nVERSION:4.0\nKIND:group\nMEMBER:urn:uuid:a\nMEMBER:mailto:bram@example.org\nEND:VCARD
            BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Elsewhere\nMEMBER:urn:uuid:x\nMEMBER:urn:uuid:y\nEND:VCARD
            """
        let other = VCardReader.read(cards)
        #expect(other.records.map(\.tags) == [[], []])
        #expect(
            other.skipped.map(\.reason) == [
                "a contact group, not a person: 2 of its members are here, untagged (it has no name)",
                "a contact group \"Elsewhere\", not a person: none of its 2 members is in this file",
            ])
    }

    @Test("an address book with a Maiden Name column is not LinkedIn's profile")
    func notAProfile() {
        let header = "Display Name,Title,First Name,Middle Name,Last Name,Suffix,Nickname,Maiden Name,Email Home\n"
        #expect(LinkedInFileKind.detect(Array(header.utf8), name: "") == nil)
        #expect(
            LinkedInFileKind.detect(Array("First Name,Last Name,Maiden Name,Headline\n".utf8), name: "") == .profile)
    }

    @Test("what a file looks like, for the refusal of an importer that recognises nothing")
    func sniffer() throws {
        #expect(InputSniffer.describe(Array("BEGIN:VCARD\r\n".utf8)).importer == "ties import vcard")
        #expect(InputSniffer.describe(Array("BEGIN:VCALENDAR\r\n".utf8)).importer == "ties import ics")
        #expect(InputSniffer.describe(try Self.bytes("linkedin-2024/messages.csv")).importer == "ties import linkedin")
        #expect(
            InputSniffer.describe(try Self.bytes("linkedin-2024/Profile.csv")).looksLike
                == "a file of a LinkedIn export (your profile)")
        #expect(InputSniffer.describe(try Self.bytes("outlook.csv")).looksLike == "an Outlook contacts CSV file")
        let tabs = InputSniffer.describe(try Self.bytes("thunderbird-tab.txt"))
        #expect(tabs.looksLike == "a Thunderbird address book CSV file" && tabs.importer == "ties import csv")
        // Thunderbird's LDIF export (its third format) is named, with what to do instead.
        let ldif = "dn: cn=Ada Quill,mail=ada@example.org\nobjectclass: top\ncn: Ada Quill\nmail: ada@example.org\n"
        #expect(InputSniffer.describe(Array(ldif.utf8)).looksLike.hasPrefix("an LDIF address book"))
        #expect(InputSniffer.describe(Array(ldif.utf8)).importer == nil)
        #expect(InputSniffer.describe([]).looksLike == "an empty file")
        #expect(InputSniffer.describe(Array("vm-42\n".utf8)).looksLike == "text beginning \"vm-42\"")
        // Prose holds commas: one on the first line, or lines with as many as they please, is no table.
        let prose = "Dear Ana, thanks for the call.\nI will send the report, the slides and a summary on Monday.\n"
        #expect(
            InputSniffer.describe(Array(prose.utf8)).looksLike == "text beginning \"Dear Ana, thanks for the call.\"")
        let notes = "Notes, calls, follow-ups\nCalled Ana; she will write.\nLunch with Omar, Lee, Kim and Bo.\n"
        #expect(InputSniffer.describe(Array(notes.utf8)).looksLike.hasPrefix("text beginning"))
        let table = "Company,Contact,Phone\nKestrel,Ana Diaz,555-0101\nQuay,Omar Lee,\n"
        #expect(
            InputSniffer.describe(Array(table.utf8)).looksLike == "a CSV file with the header \"Company,Contact,Phone\""
        )
    }
}
