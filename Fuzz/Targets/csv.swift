// Fuzz target: the CSV reader, the address books it recognises, and the `ties export` tables read back (people,
// interactions, both the whole-table and the streaming reader), and the validation every record goes through.
import Foundation
import TiesCore
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    let read = SpreadsheetText.utf8(UTF16Text.utf8(bytes) ?? bytes).bytes
    let utf8 = AddressBookCSV.commaSeparated(read) ?? read
    guard let table = try? CSVTable(bytes: utf8) else { return }
    // An address book (Google, Outlook, Thunderbird) is read as such, as `ties import csv` does.
    if AddressBookCSV.layout(of: table.header) != nil, let book = try? AddressBookCSV.read(utf8) {
        _ = RecordValidation.addressBookPeople(
            book.records.map { PersonRecord(person: $0.person, file: "fuzz.csv", line: $0.line) })
    }
    _ = RecordValidation.people(TiesCSVImport.people(table, file: "fuzz.csv").records)
    let zone = TimeZone(identifier: "America/Chicago") ?? .current
    let whole = TiesCSVImport.interactions(table, file: "fuzz.csv", timeZone: zone)
    _ = RecordValidation.interactions(whole.records)
    var streamed: [InteractionRecord] = []
    let problems = try? TiesCSVImport.forEachInteraction(in: utf8, file: "fuzz.csv", timeZone: zone) {
        streamed.append($0)
        return true
    }
    // The streaming reader reads plainly written numbers and words from bytes, the whole-table reader from
    // text: they must give the same records, or a spelling is read two ways.
    guard problems != nil else { return }
    func key(_ r: InteractionRecord) -> [String] { ["\(r.line)", "\(r.keys)", "\(r.newPerson == nil)"] }
    precondition(
        streamed.map(\.interaction) == whole.records.map(\.interaction) && streamed.map(key) == whole.records.map(key),
        "the streaming and whole-table readers of interactions disagree")
}
