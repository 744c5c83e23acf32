// Fuzz target: the CSV reader and the `ties export` tables read back (people, interactions, both the
// whole-table and the streaming reader), and the validation every record goes through.
import Foundation
import TiesCore
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    let utf8 = SpreadsheetText.utf8(bytes).bytes
    guard let table = try? CSVTable(bytes: utf8) else { return }
    _ = RecordValidation.people(TiesCSVImport.people(table, file: "fuzz.csv").records)
    let zone = TimeZone(identifier: "America/Chicago") ?? .current
    let whole = TiesCSVImport.interactions(table, file: "fuzz.csv", timeZone: zone)
    _ = RecordValidation.interactions(whole.records)
    var streamed = 0
    _ = try? TiesCSVImport.forEachInteraction(in: utf8, file: "fuzz.csv", timeZone: zone) { _ in
        streamed += 1
        return true
    }
}
