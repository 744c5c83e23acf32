import Foundation
import TiesCore

/// Reads the user's own details from a LinkedIn export — `Profile.csv` (name, address), `Email
/// Addresses.csv` (`Email Address,Confirmed,Primary,Updated On`) and `PhoneNumbers.csv` (`Extension,Number,
/// Type`; `Phone Numbers.csv` in 2018) — as ``MyDetail`` versions for `ties me`.
///
/// Each detail holds from `exportDay` (the day of the export), or for an email from its `Updated On` date
/// when the file gives one. Empty rows (LinkedIn writes `,,` for a phone never given) are left out silently.
public enum LinkedInOwnDetails {
    /// The details in a file of `kind` (``LinkedInFileKind/profile``, ``LinkedInFileKind/emailAddresses`` or
    /// ``LinkedInFileKind/phoneNumbers``); none for any other kind.
    /// - Throws: ``ParseError`` when the file has no header, or a quoted field never closes.
    public static func read(_ bytes: [UInt8], kind: LinkedInFileKind, exportDay: Day) throws(ParseError) -> [MyDetail] {
        let table = try CSVTable(bytes: bytes)
        var out: [MyDetail] = []
        for row in table.rows {
            switch kind {
            case .profile:
                let name = [table.column("First Name"), table.column("Last Name")]
                    .compactMap { ImportSupport.nonEmpty(CSVTable.value(row, $0)) }.joined(separator: " ")
                if !name.isEmpty { out.append(MyDetail(kind: .name, value: name, since: exportDay)) }
                if let address = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Address"))) {
                    out.append(MyDetail(kind: .address, value: address, since: exportDay))
                }
            case .emailAddresses:
                guard let email = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Email Address"))) else {
                    continue
                }
                let since =
                    ImportSupport.nonEmpty(CSVTable.value(row, table.column("Updated On"))).flatMap(LinkedInDate.day)
                out.append(MyDetail(kind: .email, value: email, since: since ?? exportDay))
            case .phoneNumbers:
                guard let number = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Number"))) else { continue }
                let ext = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Extension")))
                out.append(MyDetail(kind: .phone, value: number + (ext.map { " ext. \($0)" } ?? ""), since: exportDay))
            default: return []
            }
        }
        return out
    }
}
