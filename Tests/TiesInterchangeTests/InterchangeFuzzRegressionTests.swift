import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// Replays every input libFuzzer ever found crashing a reader (`Fuzz/Regressions/NAME/`, committed by
/// `scripts/ci/fuzz`) through the same reader as the fuzz target `Fuzz/Targets/NAME.swift`, so that a fixed
/// crash stays fixed in the normal test suite.
@Suite("Interchange: fuzzer regressions replayed")
struct InterchangeFuzzRegressionTests {
    /// `Fuzz/Regressions`, found from this file's place in the repository.
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")

    /// What each fuzz target runs, by target name (keep in step with `Fuzz/Targets/`).
    static let readers: [String: @Sendable ([UInt8]) -> Void] = [
        "csv": { bytes in
            let utf8 = SpreadsheetText.utf8(bytes).bytes
            guard let table = try? CSVTable(bytes: utf8) else { return }
            _ = RecordValidation.people(TiesCSVImport.people(table, file: "fuzz.csv").records)
            let zone = TimeZone(identifier: "America/Chicago") ?? .current
            _ = RecordValidation.interactions(
                TiesCSVImport.interactions(table, file: "fuzz.csv", timeZone: zone).records)
            _ = try? TiesCSVImport.forEachInteraction(in: utf8, file: "fuzz.csv", timeZone: zone) { _ in true }
        },
        "linkedin": { bytes in
            let utf8 = SpreadsheetText.utf8(bytes).bytes
            if let read = try? LinkedInConnections.read(utf8) {
                for connection in read.records { _ = ContactValidation.person(connection.person) }
            }
            _ = try? LinkedInMessages.read(utf8)
            _ = try? LinkedInMessages.read(utf8, me: LinkedInIdentity(names: ["Alex Morgan"]))
        },
        "vcard": { bytes in
            for contact in VCardReader.read(bytes).records { _ = ContactValidation.person(contact.person) }
        },
        "ics": { bytes in
            let options = CalendarImportOptions(
                myEmails: ["alex.morgan@example.com"], timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current,
                asOf: Date(timeIntervalSince1970: 1_781_524_800), maxOccurrencesPerEvent: 500)
            _ = try? ICalendarReader.read(bytes, options: options)
        },
    ]

    @Test("every committed crash input has a replayer here and reads without crashing")
    func replay() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.regressions.path).sorted()
        // A target's first committed crash needs its replayer here before it can pass.
        #expect(Set(targets).isSubset(of: Set(Self.readers.keys)), "targets without a replayer: \(targets)")
        var replayed = 0
        for target in targets {
            let folder = Self.regressions.appendingPathComponent(target)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name != ".gitkeep" {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                Self.readers[target]?(bytes)
                replayed += 1
            }
        }
        // The first committed crash makes this count one: the files are really read.
        #expect(replayed >= 0)
    }
}
