import Foundation
import TiesCore

/// Reads the user's own details from a LinkedIn export — `Profile.csv` (name, address, headline, industry:
/// the field `ties next` warms recruiters up in is read from them when none is set), `Email
/// Addresses.csv` (`Email Address,Confirmed,Primary,Updated On`) and `PhoneNumbers.csv` (`Extension,Number,
/// Type`; `Phone Numbers.csv` in 2018) — as ``MyDetail`` versions for `ties me`.
///
/// Each detail holds from `exportDay` (the day of the export), or for an email from its `Updated On` date
/// when the file gives one. Empty rows (LinkedIn writes `,,` for a phone never given) are left out silently.
///
/// The address marked `Primary` is the one current in `ties me`: another address, even one updated later
/// (a work address added beside a personal one), is recorded before it, as holding no later than it.
public enum LinkedInOwnDetails {
    /// The details in a file of `kind` (``LinkedInFileKind/profile``, ``LinkedInFileKind/emailAddresses`` or
    /// ``LinkedInFileKind/phoneNumbers``); none for any other kind.
    /// - Throws: ``ParseError`` when the file has no header, or a quoted field never closes.
    public static func read(_ bytes: [UInt8], kind: LinkedInFileKind, exportDay: Day) throws(ParseError) -> [MyDetail] {
        let table = try CSVTable(bytes: bytes)
        var out: [MyDetail] = []
        var primary: MyDetail?
        for row in table.rows {
            switch kind {
            case .profile:
                let name = [table.column("First Name"), table.column("Last Name")]
                    .compactMap { ImportSupport.nonEmpty(CSVTable.value(row, $0)) }.joined(separator: " ")
                if !name.isEmpty { out.append(MyDetail(kind: .name, value: name, since: exportDay)) }
                if let address = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Address"))) {
                    out.append(MyDetail(kind: .address, value: address, since: exportDay))
                }
                for (column, kind) in [("Headline", MyDetailKind.headline), ("Industry", .industry)] {
                    if let value = ImportSupport.nonEmpty(CSVTable.value(row, table.column(column))) {
                        out.append(MyDetail(kind: kind, value: value, since: exportDay))
                    }
                }
            case .emailAddresses:
                guard let email = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Email Address"))) else {
                    continue
                }
                let since =
                    ImportSupport.nonEmpty(CSVTable.value(row, table.column("Updated On"))).flatMap(LinkedInDate.day)
                let detail = MyDetail(kind: .email, value: email, since: since ?? exportDay)
                if CSVTable.value(row, table.column("Primary"))?.trimmedWhitespace().lowercased() == "yes" {
                    if let earlier = primary { out.append(earlier) }  // never two, but none is dropped
                    primary = detail
                } else {
                    out.append(detail)
                }
            case .phoneNumbers:
                guard let number = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Number"))) else { continue }
                let ext = ImportSupport.nonEmpty(CSVTable.value(row, table.column("Extension")))
                out.append(MyDetail(kind: .phone, value: number + (ext.map { " ext. \($0)" } ?? ""), since: exportDay))
            default: return []
            }
        }
        guard let primary else { return out }
        // The current detail of a kind is the one with the latest `since`, ties to the one recorded last.
        return out.map { MyDetail(kind: $0.kind, value: $0.value, since: min($0.since, primary.since)) } + [primary]
    }
}
