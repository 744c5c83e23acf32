import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

@Suite("Interchange: LinkedIn Connections.csv")
struct InterchangeLinkedInConnectionsTests {
    @Test("reads LinkedIn's file: preamble, BOM, CRLF, quoted commas and quotes, empty emails")
    func connections() throws {
        let result = try LinkedInConnections.read(InterchangeFixtures.connections)
        #expect(result.problems.isEmpty)
        #expect(
            result.records.map(\.name) == ["Dana Reyes", "Samuel Okafor", "Priya Lindqvist", "Mateo Duarte-Silva ✓"])
        let dana = result.records[0]
        #expect(dana.line == 5)
        #expect(dana.profileURL == "https://www.linkedin.com/in/dana-reyes-0a1b2c")
        #expect(dana.email == nil)
        #expect(dana.organisation == "Northside Health")
        #expect(dana.title == "Director, Patient Access")
        #expect(dana.connectedOn == Day(year: 2024, month: 3, day: 12))
        #expect(dana.sourceID == "https://www.linkedin.com/in/dana-reyes-0a1b2c")
        let sam = result.records[1]
        #expect(sam.profileURL == "https://www.linkedin.com/in/samokafor")  // host lower-cased, trailing slash gone
        #expect(sam.email == "sam.okafor@example.org")
        #expect(sam.organisation == "Summit Search Partners, LLC")
        #expect(sam.connectedOn == Day(year: 2019, month: 1, day: 3))
        #expect(result.records[2].title == "VP, \"Growth\" & Strategy")
        #expect(result.records[3].organisation == nil && result.records[3].title == nil)
        #expect(
            result.skipped == [
                SkippedRecord(
                    line: 8, reason: "the row has neither a name nor a profile URL (a member who hides their details)")
            ])
    }

    @Test("a connection becomes a person with a LinkedIn contact point and an email")
    func person() throws {
        let sam = try LinkedInConnections.read(InterchangeFixtures.connections).records[1].person
        #expect(sam.name == "Samuel Okafor")
        #expect(sam.organisation == "Summit Search Partners, LLC")
        #expect(sam.title == "Managing Partner")
        #expect(
            sam.contactPoints == [
                ContactPoint(kind: .linkedin, value: "https://www.linkedin.com/in/samokafor"),
                ContactPoint(kind: .email, value: "sam.okafor@example.org"),
            ])
    }

    @Test("the header is found by content, whatever comes before it", arguments: [0, 1, 5])
    func headerByContent(preambleLines: Int) throws {
        let preamble = (0..<preambleLines).map { "\"Remark \($0), with a comma\"" }
        let text = InterchangeFixtures.crlf(
            preamble + [
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
                "Dana,Reyes,https://www.linkedin.com/in/dana,,,,12 Mar 2024",
            ])
        let result = try LinkedInConnections.read(Array(text.utf8))
        #expect(result.records.map(\.line) == [preambleLines + 2])
    }

    @Test("columns are found by name: another order, extra columns, no email column")
    func columnsByName() throws {
        let text =
            "Connected On,Last Name,First Name,URL,Headline\nJan 5 2020 is not it,x,y,,z\n12 Mar 2024,Reyes,Dana,,Director\n"
        let result = try LinkedInConnections.read(Array(text.utf8))
        #expect(result.records.map(\.name) == ["Dana Reyes"])
        #expect(result.records[0].sourceID == "Dana Reyes|2024-03-12")  // no URL: name and date
        #expect(result.problems.count == 1)
        #expect(
            result.problems[0].line == 2 && result.problems[0].field == "Connected On" && result.problems[0].record == 1
        )
    }

    @Test("a file without the header is an error that says what was expected")
    func noHeader() {
        #expect {
            try LinkedInConnections.read(Array("Name,Email\nDana,d@example.org\n".utf8))
        } throws: { error in
            let error = error as? ParseError
            return error?.line == 1 && error?.description.contains("First Name, Last Name") == true
        }
    }

    @Test("bad dates are problems with line, record and field; the other rows are still read")
    func badDate() throws {
        let text = InterchangeFixtures.crlf([
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "Dana,Reyes,,,,,13/45/2024",
            "Sam,Okafor,,,,,12 Mar 2024",
            "Short,Row,,",
        ])
        let result = try LinkedInConnections.read(Array(text.utf8))
        #expect(result.records.map(\.name) == ["Sam Okafor"])
        #expect(result.problems.map(\.line) == [2, 4])
        let message = result.problems[0].in("Connections.csv").description
        #expect(
            message
                == "Connections.csv, line 2 (record 1), field \"Connected On\": found \"13/45/2024\"; expected \(LinkedInConnections.acceptedDates)."
        )
    }

    @Test(
        "Connected On formats",
        arguments: [
            ("12 Mar 2024", "2024-03-12"), ("1 Sep 2015", "2015-09-01"), ("12-Mar-24", "2024-03-12"),
            ("12-Mar-2024", "2024-03-12"), ("2024-03-12", "2024-03-12"), ("3 September 2021", "2021-09-03"),
            ("29 feb 2024", "2024-02-29"), ("2/12/18, 5:55 AM", "2018-02-12"), ("6-Feb-26", "2026-02-06"),
            ("23-Apr-23", "2023-04-23"), ("04 Dec 2025", "2025-12-04"), ("03/12/2024", "2024-03-12"),
            ("Mar 12 2024", "2024-03-12"), ("10/21/25, 10:26 PM", "2025-10-21"),
        ])
    func dates(text: String, expected: String) {
        #expect(LinkedInConnections.parseDate(text)?.description == expected)
    }

    @Test(
        "profile URLs are normalised: scheme and host lower-case, query, fragment and trailing slashes gone",
        arguments: [
            ("https://WWW.LinkedIn.com/in/Dana-Reyes/", "https://www.linkedin.com/in/Dana-Reyes"),
            ("  www.linkedin.com/in/dana?trk=people-guest#x ", "https://www.linkedin.com/in/dana"),
            ("HTTP://linkedin.com/in/dana//", "https://linkedin.com/in/dana"),
            ("www.linkedin.com/in/cassandra-%C3%A5kerblad", "https://www.linkedin.com/in/cassandra-åkerblad"),
            ("https://www.linkedin.com/in/cassandra-åkerblad/", "https://www.linkedin.com/in/cassandra-åkerblad"),
            ("https://example.com/a%2Fb%zz", "https://example.com/a%2Fb%zz"),
            ("https://www.linkedin.com", "https://www.linkedin.com"),
        ])
    func urls(text: String, expected: String) {
        #expect(ImportSupport.normalisedURL(text) == expected)
    }

    @Test(
        "Connected On re-saved by a spreadsheet set to another language: its month words",
        arguments: [
            ("27-juil-25", "2025-07-27"), ("14-févr-24", "2024-02-14"), ("03-DÉC-23", "2023-12-03"),
            ("09-août-22", "2022-08-09"), ("1-janv.-20", "2020-01-01"), ("21-mai-21", "2021-05-21"),
            ("5-ene-24", "2024-01-05"), ("9-ago-22", "2022-08-09"), ("11-dic-19", "2019-12-11"),
            ("12-set-21", "2021-09-12"), ("30-out-23", "2023-10-30"), ("2-dez-24", "2024-12-02"),
            ("3-Okt-23", "2023-10-03"), ("4-Mär-22", "2022-03-04"), ("6-mrt-24", "2024-03-06"),
            ("7-mei-24", "2024-05-07"), ("8-gen-25", "2025-01-08"), ("15-mag-25", "2025-05-15"),
            ("27 juillet 2025", "2025-07-27"),
        ])
    func localisedMonths(text: String, expected: String) {
        #expect(LinkedInConnections.parseDate(text)?.description == expected)
    }

    @Test(
        "ambiguous or impossible dates are refused",
        arguments: [
            "13/45/2024", "12 Mar 24", "31 Feb 2024", "12 Foo 2024", "", "12-Mar", "1२ Mar 2024", "2/12/18, 25:00",
        ])
    func refusedDates(text: String) {
        #expect(LinkedInConnections.parseDate(text) == nil)
    }
}

@Suite("Interchange: LinkedIn messages.csv")
struct InterchangeLinkedInMessagesTests {
    @Test("the user is inferred as the most frequent sender; directions, groups and answers follow")
    func inferred() throws {
        let read = try LinkedInMessages.read(InterchangeFixtures.messages)
        #expect(read.meWasInferred)
        #expect(
            read.me
                == LinkedInIdentity(names: ["Alex Morgan"], profileURLs: ["https://www.linkedin.com/in/alex-morgan-me"])
        )
        let messages = read.result.records
        #expect(read.result.problems.isEmpty)
        #expect(messages.map(\.direction) == [.inbound, .outbound, .inbound, .outbound, .outbound])
        #expect(messages.map(\.line) == [2, 4, 5, 6, 7])
        #expect(messages.map(\.groupSize) == [1, 1, 2, 1, 1])
        // Sam's question was answered the next day; Priya's group message never was.
        #expect(messages.map(\.answered) == [true, true, false, true, true])
        #expect(
            messages[0].counterparts == [
                LinkedInParticipant(name: "Sam Okafor", profileURL: "https://www.linkedin.com/in/samokafor")
            ])
        #expect(messages[2].to.map(\.name) == ["Alex Morgan", "Dana Reyes"])
        #expect(messages[2].counterparts.map(\.name) == ["Priya Lindqvist"])
        #expect(messages[3].counterparts.map(\.name) == ["Dana Reyes"])
        #expect(messages[0].occurredAt == Date(timeIntervalSince1970: 1_686_497_638))  // 2023-06-11 15:33:58 UTC
        #expect(messages[0].subject == "Quick question")
        #expect(messages[0].folder == "INBOX")
        #expect(messages[0].sourceID == "2-ZmYxY2E=|2023-06-11 15:33:58 UTC|https://www.linkedin.com/in/samokafor")
        #expect(messages[2].conversationTitle == "Board prep")
    }

    @Test("an explicit identity decides direction (here: the user is Sam)")
    func explicit() throws {
        let read = try LinkedInMessages.read(InterchangeFixtures.messages, me: LinkedInIdentity(names: ["sam okafor"]))
        #expect(!read.meWasInferred)
        // Sam only appears in the first conversation, but every message is read from Sam's side.
        #expect(read.result.records.map(\.direction) == [.outbound, .inbound, .inbound, .inbound, .inbound])
    }

    @Test("the user is the participant in the most rows, not LinkedIn's staff who wrote more (2021, 9 columns)")
    func inferredOverStaff() throws {
        // As in a real 2021 export: "Liza from LinkedIn Premium" wrote 3 rows, the user only 2.
        let text = InterchangeFixtures.crlf([
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER",
            "2-QQ==,Thanks for being a valued member,Liza from LinkedIn Premium,,Kiran Dev,2021-05-01 10:00:00 UTC,,x,ARCHIVE",
            "2-QQ==,,Liza from LinkedIn Premium,,Kiran Dev,2021-05-02 10:00:00 UTC,,x,ARCHIVE",
            "2-Qg==,,Liza from LinkedIn Premium,,Kiran Dev,2021-05-03 10:00:00 UTC,,x,ARCHIVE",
            "2-Qw==,,Rohan  P,https://www.linkedin.com/in/rohan-p,Kiran Dev,2021-05-04 10:00:00 UTC,,hi,INBOX",
            "2-Qw==,,Kiran Dev,https://www.linkedin.com/in/kiran-dev,Rohan  P,2021-05-04 11:00:00 UTC,,hello,INBOX",
            "2-RA==,,Kiran Dev,https://www.linkedin.com/in/kiran-dev,Sam Ode,2021-05-05 11:00:00 UTC,,hey,INBOX",
        ])
        let read = try LinkedInMessages.read(Array(text.utf8))
        #expect(read.meWasInferred)
        #expect(
            read.me == LinkedInIdentity(names: ["Kiran Dev"], profileURLs: ["https://www.linkedin.com/in/kiran-dev"]))
        // Liza's rows count to tell who the user is, and are then left out: LinkedIn itself is no one.
        #expect(read.result.records.map(\.direction) == [.inbound, .outbound, .outbound])
        #expect(read.result.skipped.map(\.line) == [2, 3, 4])
        #expect(read.result.skipped.allSatisfy { $0.reason.contains("from LinkedIn itself") })
    }

    @Test("a user who never wrote is the one every row is sent to, not the sponsored \"LinkedIn Member\"")
    func inferredRecipientOnly() throws {
        // As in a real 2025 export: half the rows are sponsored, from "LinkedIn Member"; the user wrote none.
        let text = InterchangeFixtures.crlf([
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
            "2-QQ==,Sponsored Conversation,LinkedIn Member,,Lea Moss,https://www.linkedin.com/in/lea-moss,2025-03-01 10:00:00 UTC,,ad,INBOX",
            "2-Qg==,Sponsored Conversation,LinkedIn Member,,Lea Moss,https://www.linkedin.com/in/lea-moss,2025-03-02 10:00:00 UTC,,ad,INBOX",
            "2-Qw==,,Omar Said,https://www.linkedin.com/in/omar-said,Lea Moss,https://www.linkedin.com/in/lea-moss,2025-03-03 10:00:00 UTC,,hi,INBOX",
            "2-RA==,,Pia Lund,https://www.linkedin.com/in/pia-lund,\"Lea Moss,Omar Said\",\"https://www.linkedin.com/in/lea-moss,https://www.linkedin.com/in/omar-said\",2025-03-04 10:00:00 UTC,,all,INBOX",
        ])
        let read = try LinkedInMessages.read(Array(text.utf8))
        #expect(read.me == LinkedInIdentity(names: ["Lea Moss"]))
        #expect(read.result.records.map(\.direction) == [.inbound, .inbound])
        #expect(read.result.records[1].counterparts.map(\.name) == ["Pia Lund"])
        #expect(read.result.skipped.map(\.line) == [2, 3])
    }

    @Test("an export that shows the user as \"LinkedIn Member\" on one side of every row: that is the user")
    func inferredHiddenUser() throws {
        // As in a real 2021 export: every row's TO, and most FROMs, "LinkedIn Member"; LinkedIn Premium wrote 2.
        let text = InterchangeFixtures.crlf([
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER",
            "2-QQ==,Sponsored Conversation,LinkedIn Member,,LinkedIn Member,2021-11-27 18:15:54 UTC,,ad,INBOX",
            "2-Qg==,,Melissa from LinkedIn Premium,,LinkedIn Member,2021-11-20 10:00:00 UTC,,x,ARCHIVE",
            "2-Qw==,,Melissa from LinkedIn Premium,,LinkedIn Member,2021-11-21 10:00:00 UTC,,x,ARCHIVE",
            "2-RA==,,LinkedIn Member,,LinkedIn Member,2021-11-22 10:00:00 UTC,,hello,INBOX",
        ])
        let read = try LinkedInMessages.read(Array(text.utf8))
        #expect(read.me == LinkedInIdentity(names: ["LinkedIn Member"]))
        // LinkedIn Premium's two messages to the user are LinkedIn's own, left out.
        #expect(read.result.records.isEmpty)
        #expect(read.result.skipped.filter { $0.reason.contains("from LinkedIn itself") }.map(\.line) == [3, 4])
    }

    @Test("missing and extra columns are tolerated; drafts and notes to self are skipped")
    func tolerant() throws {
        let text = InterchangeFixtures.crlf([
            "FROM,TO,DATE,CONVERSATION ID,IS MESSAGE DRAFT,SOMETHING NEW",
            "Dana Reyes,Alex Morgan,2024-01-02T03:04:05Z,c1,No,x",
            "Alex Morgan,Dana Reyes,2024-01-03 10:00:00,c1,Yes,x",
            "Alex Morgan,Alex Morgan,2024-01-04 10:00:00 UTC,c2,,",
            "Alex Morgan,Dana Reyes,yesterday,c1,,",
            "Alex Morgan,Dana Reyes,2024-01-05 10:00:00 UTC,,,",
        ])
        let read = try LinkedInMessages.read(Array(text.utf8), me: LinkedInIdentity(names: ["Alex Morgan"]))
        #expect(read.result.records.count == 1)
        #expect(read.result.records[0].from == LinkedInParticipant(name: "Dana Reyes"))
        #expect(read.result.records[0].occurredAt == Date(timeIntervalSince1970: 1_704_164_645))
        #expect(read.result.records[0].answered == false)  // the reply was only a draft
        #expect(read.result.skipped.map(\.line) == [3, 4])
        #expect(read.result.problems.map(\.line) == [5, 6])
        #expect(read.result.problems.map(\.field) == ["DATE", "CONVERSATION ID"])
    }

    @Test(
        "\"LinkedIn Member\" without a profile is no one to write to; a user whom the export shows so is still the user"
    )
    func withheldName() throws {
        // LinkedIn names a member who left or hides their name "LinkedIn Member", with no profile URL: the other
        // side of whole conversations in a real export of 2024 (apk0703/linkdin_profile_analysis), and the
        // user in one of 2021 (IrisZh6/DataScienceLevel1). Made-up people.
        let text = InterchangeFixtures.crlf([
            "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE",
            "c1,LinkedIn Member,,Alex Morgan,2024-01-02 10:00:00 UTC",
            "c1,Alex Morgan,https://www.linkedin.com/in/alex,linkedin member ,2024-01-03 10:00:00 UTC",
            "c2,Alex Morgan,https://www.linkedin.com/in/alex,\"Dana Reyes, LinkedIn Member\",2024-01-04 10:00:00 UTC",
            "c3,LinkedIn Member,https://www.linkedin.com/in/member-with-a-profile,Alex Morgan,2024-01-05 10:00:00 UTC",
        ])
        let read = try LinkedInMessages.read(Array(text.utf8), me: LinkedInIdentity(names: ["Alex Morgan"]))
        #expect(read.result.skipped.map(\.line) == [2, 3])
        #expect(read.result.skipped.allSatisfy { $0.reason.contains("\"LinkedIn Member\"") })
        #expect(read.result.records.map(\.line) == [4, 5])
        #expect(read.result.records[0].counterparts == [LinkedInParticipant(name: "Dana Reyes")])
        #expect(read.result.records[0].groupSize == 2)
        #expect(read.result.records[1].counterparts.map(\.name) == ["LinkedIn Member"])  // a profile: someone
        // The user shown as "LinkedIn Member" still writes the user's messages.
        let own = InterchangeFixtures.crlf([
            "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE",
            "c1,LinkedIn Member,,Dana Reyes,2024-01-02 10:00:00 UTC",
        ])
        let mine = try LinkedInMessages.read(Array(own.utf8), me: LinkedInIdentity(names: ["LinkedIn Member"]))
        #expect(mine.result.records.map(\.direction) == [.outbound])
        #expect(mine.result.records.first?.counterparts == [LinkedInParticipant(name: "Dana Reyes")])
    }

    @Test("a file without FROM and DATE columns, or without CONVERSATION ID, is refused")
    func refused() {
        #expect(throws: ParseError.self) { try LinkedInMessages.read(Array("a,b\n1,2\n".utf8)) }
        #expect {
            try LinkedInMessages.read(Array("FROM,TO,DATE\nDana,Alex,2024-01-02 03:04:05 UTC\n".utf8))
        } throws: { error in
            (error as? ParseError)?.field == "CONVERSATION ID"
        }
    }

    @Test("ties in sender counts go to the alphabetically first sender, whatever the row order")
    func inferenceTie() throws {
        let header = "CONVERSATION ID,FROM,TO,DATE"
        let a = "c1,Bea,Cai,2024-01-01 00:00:00 UTC"
        let b = "c1,Cai,Bea,2024-01-02 00:00:00 UTC"
        let one = try LinkedInMessages.read(Array(InterchangeFixtures.crlf([header, a, b]).utf8))
        let two = try LinkedInMessages.read(Array(InterchangeFixtures.crlf([header, b, a]).utf8))
        #expect(one.me.names == ["Bea"])
        #expect(two.me.names == ["Bea"])
    }
}

/// `Positions.csv`, the user's own jobs, as employment entries of the career journal. The layout of every
/// export seen, 2018 to 2025 (`Sajiah/mylinkedindata` 2022, `mohamedeways/LinkedIn-Profile` 2023,
/// `apk0703/linkdin_profile_analysis` 2024: an empty `Finished On` for the current job, `Description` often
/// empty; `robertdavidwest/robertdavidwest` 2023: `Present` instead); made-up jobs.
@Suite("Interchange: LinkedIn positions")
struct InterchangeLinkedInPositionsTests {
    @Test("months become whole months, the current job has no end, the text is the description or the title")
    func positions() throws {
        let file = """
            Company Name,Title,Description,Location,Started On,Finished On
            Mercy Hospital,Director of Operations,"Ran ED flow, cut waits 18%","St. Louis, Missouri, United States",Jan 2024,Present
            Hale & Partners,Analyst,,,February 2020,Dec 2023
            Quayside Clinic,Intern,,,2019,2019
            ,,,,Mar 2018,
            Northwind,Volunteer,,,,
            Southwind,Clerk,,,sometime,
            Eastwind,Clerk,,,Feb 2016,later
            Northgate,Advisor,,,Mar 2025,

            """
        let read = try LinkedInPositions.read(Array(file.utf8))
        let day = { (y: Int, m: Int, d: Int) in Day(year: y, month: m, day: d)! }
        #expect(
            read.records == [
                JournalEntry(
                    kind: .employment, text: "Ran ED flow, cut waits 18%", day: day(2024, 1, 1),
                    organisation: "Mercy Hospital", title: "Director of Operations", tags: ["linkedin"]),
                JournalEntry(
                    kind: .employment, text: "Analyst", day: day(2020, 2, 1), endDay: day(2023, 12, 31),
                    organisation: "Hale & Partners", title: "Analyst", tags: ["linkedin"]),
                JournalEntry(
                    kind: .employment, text: "Intern", day: day(2019, 1, 1), endDay: day(2019, 12, 31),
                    organisation: "Quayside Clinic", title: "Intern", tags: ["linkedin"]),
                JournalEntry(
                    kind: .employment, text: "Advisor", day: day(2025, 3, 1), organisation: "Northgate",
                    title: "Advisor", tags: ["linkedin"]),
            ])
        #expect(read.skipped.map(\.line) == [5, 6])
        #expect(read.problems.map(\.field) == ["Started On", "Finished On"])
        #expect(read.problems.map(\.line) == [7, 8])
        #expect(LinkedInPositions.months("Feb 2024")?.last == day(2024, 2, 29))
        #expect(LinkedInPositions.months("12 Mar 2024") == nil && LinkedInPositions.months("Foo 2024") == nil)
        #expect(LinkedInFileKind.detect(Array(file.utf8), name: "Positions.csv") == .positions)
    }
}

/// Runs of spaces in a Connections name (`4annadaneshwari/LinkedIn-Data-Analysis` writes `Kavitha,G  K`):
/// the person is single-spaced, the row's id is the name as written, as stores made before hold it.
@Suite("Interchange: LinkedIn names with runs of spaces")
struct InterchangeLinkedInSpacedNamesTests {
    @Test("the name is single-spaced, the row's id keeps it as written")
    func spacedName() throws {
        let file = """
            First Name,Last Name,Email Address,Company,Position,Connected On
            Tamsin,Q  Rhee,,Lumen Works,Deputy Manager,12-Jul-19

            """
        let read = try LinkedInConnections.read(Array(file.utf8))
        let row = try #require(read.records.first)
        #expect(row.person.name == "Tamsin Q Rhee" && row.sourceID == "Tamsin Q  Rhee|2019-07-12")
    }
}

/// A `TO` list without profile URLs (9-column layout) naming a sender written with a run of spaces and
/// credentials after commas (`Femi10/Linkedin-Data-Visualization`, 2021: 14 messages to one such connection).
@Suite("Interchange: LinkedIn TO lists and names with runs of spaces")
struct InterchangeLinkedInSpacedRecipientTests {
    @Test("a TO list that spells a sender written with two spaces is that one person")
    func spacedSender() throws {
        let file = """
            CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER
            2-QQ,,"Ada Obi  MMP, ACIPM",https://www.linkedin.com/in/ada-obi,Robin Vale,2020-03-03 15:04:02 UTC,,Hi,INBOX
            2-QQ,,Robin Vale,https://www.linkedin.com/in/robin-vale,"Ada Obi  MMP, ACIPM",2020-03-03 17:22:45 UTC,,Hello,INBOX

            """
        let read = try LinkedInMessages.read(Array(file.utf8), me: LinkedInIdentity(names: ["Robin Vale"]))
        #expect(read.result.records.map(\.counterparts.count) == [1, 1])
        #expect(read.result.records.map { $0.counterparts[0].name } == ["Ada Obi MMP, ACIPM", "Ada Obi MMP, ACIPM"])
    }
}
