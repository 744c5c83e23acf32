import Foundation
import Testing
import TiesCore
import TiesReports

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
        let people: [Advice] = [
            .returnRecruiterCall, .keepPromise, .sendNewDetails, .reply, .updateRecruiter, .askForCatchUp,
            .reconnectThroughWork(organisation: "Mercy"), .reconnectThroughWork(organisation: nil), .call,
            .suggestCoffee,
        ]
        let gaps: [GapAdvice] = [
            .takeRecruiterCalls, .recruiterAtAnotherFirm, .notifyStaleDetails, .returnRecruiterCalls, .replyBriefly,
            .followUpOnPromises, .keepOpenPromises, .remindThem, .reachOutToQuietTies, .reconnectBridges,
            .findMentor, .findSponsor, .investOutside(organisation: "Mercy"), .meetOutsideCircle,
            .recordJournalEntry(first: true), .recordJournalEntry(first: false), .verifyContactDetails,
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
            AdviceText.commands(AdviceText.pieces(.notifyStaleDetails)) == [
                "ties notify --out drafts", "ties disclose",
            ])
        #expect(AdviceText.sentence(.reply, name: "Dana Reyes") == "Reply to Dana.")
    }
}
