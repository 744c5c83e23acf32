import Foundation
import Testing

@testable import TiesCore
@testable import TiesReports

/// The code lists in README.md and Reports/README.md are generated from `GapCode` and `ReasonCode`.
/// With `TIES_RECORD_SNAPSHOTS=1` the documents are rewritten instead of compared.
@Suite("documented codes")
struct CodeGlossaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func check(_ path: String, regions: [(String, String)]) throws {
        let url = Self.root.appendingPathComponent(path)
        let document = try String(contentsOf: url, encoding: .utf8)
        var expected = document
        for (name, body) in regions {
            let replaced = CodeGlossary.replacing(region: name, in: expected, with: body)
            #expect(replaced != nil, "\(path) has no <!-- begin \(name) --> … <!-- end \(name) --> region")
            expected = replaced ?? expected
        }
        if ProcessInfo.processInfo.environment["TIES_RECORD_SNAPSHOTS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            document == expected, "\(path) lists codes the code does not have; re-record with TIES_RECORD_SNAPSHOTS=1")
    }

    @Test("README.md lists every gap code and reason code the code has")
    func readme() throws {
        try check(
            "README.md",
            regions: [("gap-codes", CodeGlossary.gapCodes()), ("reason-codes", CodeGlossary.reasonCodes())])
    }

    @Test("the JSON schema in Reports/README.md lists every gap code")
    func schema() throws {
        try check("Reports/README.md", regions: [("gap-codes", CodeGlossary.gapCodes())])
    }

    @Test("every reason code reads back from its raw value, and the codes are distinct")
    func reasonCodesRoundTrip() {
        for code in ReasonCode.catalogue { #expect(ReasonCode(rawValue: code.rawValue) == code) }
        #expect(Set(ReasonCode.catalogue.map(\.rawValue)).count == ReasonCode.catalogue.count)
        #expect(ReasonCode(rawValue: "few-recruiter") == nil)
    }

    @Test("no advice names a command outside its command pieces, and every command starts with ties")
    func adviceCommands() {
        let resume = PendingDisclosure(
            StaleDisclosure(personID: 3, kind: .resume, held: "v1", current: "2026 spring", since: Day(ordinal: 0)))
        let people: [Advice] = [
            .answer(channel: .call, recruiter: true), .answer(channel: .email, recruiter: false),
            .answer(channel: .message, recruiter: true), .keepPromise(commitment: 7), .keepPromise(commitment: nil),
            .sendNewDetails(
                PendingDisclosure(
                    StaleDisclosure(
                        personID: 3, kind: .email, held: "a@x.example", current: "b@x.example", since: Day(ordinal: 0)))
            ), .updateRecruiter, .askForCatchUp,
            .reconnectThroughWork(organisation: "Mercy"), .reconnectThroughWork(organisation: nil), .call,
            .suggestCoffee,
        ]
        let gaps: [GapAdvice] = [
            .takeRecruiterCalls, .recruiterAtAnotherFirm, .notifyStaleDetails(example: resume),
            .answerRecruiters, .replyBriefly, .followUpOnPromises(commitment: 2), .followUpOnPromises(commitment: nil),
            .keepOpenPromises, .remindThem, .reachOutToQuietTies, .reconnectBridges, .findMentor, .findSponsor,
            .investOutside(organisation: "Mercy"), .meetOutsideCircle, .recordWhoKnowsWhom,
            .recordJournalEntry(first: true), .recordJournalEntry(first: false), .verifyContactDetails(person: 3),
        ]
        let all = people.map { AdviceText.pieces($0, name: "Dana Reyes") } + gaps.map { AdviceText.pieces($0) }
        for pieces in all {
            for piece in pieces {
                switch piece {
                case .text(let text): #expect(!text.contains("ties ") && !text.contains("`"), "\(text)")
                case .command(let command): #expect(command.hasPrefix("ties "), "\(command)")
                }
            }
        }
        #expect(
            AdviceText.commands(AdviceText.pieces(.notifyStaleDetails(example: resume)))
                == ["ties notify --out drafts", "ties disclose 3 resume --version \"2026 spring\""])
        #expect(
            AdviceText.sentence(.answer(channel: .email, recruiter: false), name: "Dr. Dana Reyes, MD")
                == "Reply to Dana's email.")
        #expect(
            AdviceText.sentence(.answer(channel: .call, recruiter: false), name: "Reyes, Dana") == "Call Dana back.")
        // A firm's name that ends with a full stop ends the sentence with it, not with two (a real export's
        // "BENU Česká republika s.r.o.").
        let firm = AdviceText.sentence(
            .warmUpRecruiter(organisation: "BENU Česká republika s.r.o.", field: nil, since: nil), name: "Josef Marek")
        #expect(firm.contains("in your searches at BENU Česká republika s.r.o. If I can help"), "\(firm)")
        let plain = AdviceText.sentence(
            .warmUpRecruiter(organisation: "Mercy Health", field: nil, since: nil), name: "Josef Marek")
        #expect(plain.contains("in your searches at Mercy Health. If I can help"), "\(plain)")
    }
}

@Suite("next: a ranked list you can read")
struct NextListTests {
    static func row(_ id: Int64, hard: Bool, priority: Double) -> Recommendation {
        Recommendation(
            personID: id, name: "Person \(id)",
            factors: Priority(strength: priority / 100, overdue: 1, bridge: 1, underrepresented: 1),
            reasons: hard ? [Reason(code: .commitmentDue, text: "a promise", isHard: true)] : [],
            advice: .suggestCoffee)
    }

    @Test("--limit N prints N rows, must rows first, and counts the must rows left out")
    func limit() {
        let ranked = [
            Self.row(1, hard: true, priority: 5), Self.row(2, hard: true, priority: 3),
            Self.row(3, hard: false, priority: 60),
        ]
        let text = NextReport.render(ranked, limit: 1, withHistory: 3, asOf: Day(ordinal: 20_000))
        #expect(text.contains("1. Person 1") && !text.contains("2. Person 2"))
        #expect(text.contains("1 more must-do row: `ties next --limit 2` shows it."))
        let all = NextReport.render(ranked, limit: 3, withHistory: 3, asOf: Day(ordinal: 20_000))
        #expect(all.contains("3. Person 3") && !all.contains("more must-do"))
    }

    @Test("--warm-up with no one to propose says why: none, or every one snoozed, within the tags")
    func noWarmUp() {
        let day = Day(ordinal: 20_000)
        let none = NextReport.render([], limit: 5, withHistory: 3, asOf: day, warmUp: true)
        #expect(
            none.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                == "Nothing to warm up as of \(day): none of your connections is a recruiter you have never spoken with.",
            "\(none)")
        let snoozed = NextReport.render(
            [], limit: 5, withHistory: 3, asOf: day, snoozed: 1, tags: ["boston"], warmUp: true)
        let folded = snoozed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            folded.contains(
                "the recruiters among your connections tagged 'boston' you have never spoken with are snoozed. 1 person is snoozed"
            ) && !folded.contains("none of"), "\(snoozed)")
    }

    @Test("an empty store says how to start, not that every relationship is in rhythm")
    func emptyStore() {
        let text = NextReport.render([], limit: 5, withHistory: 0, asOf: Day(ordinal: 20_000))
        #expect(text.contains("no contact is recorded yet") && !text.contains("rhythm"))
    }
}
