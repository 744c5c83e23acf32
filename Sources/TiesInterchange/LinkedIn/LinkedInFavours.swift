import Foundation
import TiesCore

/// Reads LinkedIn's recommendations and endorsements, received and given, as favours.
///
/// - `Recommendations_Received.csv` / `Recommendations_Given.csv`: `First Name,Last Name,Company,Job
///   Title,Text,Creation Date,Status`, dates `12/24/23, 05:28 AM`. One favour per row.
/// - `Endorsement_Received_Info.csv` / `Endorsement_Given_Info.csv`: `Endorsement Date,Skill Name,Endorser
///   First Name,Endorser Last Name,Endorser Public Url,Endorsement Status` (`Endorsee …` for given; the URL
///   column is missing before 2021), dates `2024/12/15 08:53:43 UTC`, URLs without a scheme. One favour per
///   person and day, however many skills (a person endorsing ten skills at once did one favour); its
///   ``LinkedInFavour/rows`` says how many rows it stands for.
///
/// Rows without a name or a date are left out and listed.
public enum LinkedInFavours {
    /// The `source` recorded on what this importer brings in.
    public static let source = "linkedin-favours"

    /// Reads a recommendations or endorsements file; `kind` says which (see ``LinkedInFileKind``).
    /// - Throws: ``ParseError`` when the file has no header, or a quoted field never closes.
    public static func read(_ bytes: [UInt8], kind: LinkedInFileKind) throws(ParseError) -> ImportResult<LinkedInFavour>
    {
        let table = try CSVTable(bytes: bytes).unwrappingWholeLineRows()
        let endorsement = kind == .endorsementsReceived || kind == .endorsementsGiven
        let given = kind == .recommendationsGiven || kind == .endorsementsGiven
        let role = given ? "Endorsee" : "Endorser"
        let first = endorsement ? table.column("\(role) First Name") : table.column("First Name")
        let last = endorsement ? table.column("\(role) Last Name") : table.column("Last Name")
        let url = endorsement ? table.column("\(role) Public Url") : nil
        let date =
            endorsement
            ? table.column("Endorsement Date")
            : table.header.firstIndex { CSVTable.key($0).hasPrefix("creation date") }
        let skill = table.column("Skill Name")
        let company = table.column("Company")
        let jobTitle = table.column("Job Title")
        var result = ImportResult<LinkedInFavour>()
        var byPersonAndDay: [String: Int] = [:]
        for row in table.rows {
            if row.fields.allSatisfy({ $0.trimmedWhitespace().isEmpty }) { continue }
            let name = [first, last].compactMap { ImportSupport.nonEmpty(CSVTable.value(row, $0)) }.joined(
                separator: " ")
            let profile = ImportSupport.profileURL(CSVTable.value(row, url))
            guard !name.isEmpty || profile != nil else {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the row names no one"))
                continue
            }
            guard let text = ImportSupport.nonEmpty(CSVTable.value(row, date)), let when = LinkedInDate.instant(text)
            else {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the row has no date this importer reads"))
                continue
            }
            let who = profile ?? name
            if endorsement {
                let day = LinkedInDate.day(text)?.description ?? text
                let key = "\(who.lowercased())|\(day)"
                let skillName = ImportSupport.nonEmpty(CSVTable.value(row, skill)) ?? "a skill"
                if let k = byPersonAndDay[key] {
                    result.records[k].note += ", " + skillName
                    result.records[k].rows += 1
                    continue
                }
                byPersonAndDay[key] = result.records.count
                result.records.append(
                    LinkedInFavour(
                        line: row.line, other: LinkedInParticipant(name: name, profileURL: profile),
                        direction: given ? .outbound : .inbound, occurredAt: when, note: "endorsement: " + skillName,
                        sourceID: "endorsement|\(given ? "given" : "received")|\(key)"))
            } else {
                result.records.append(
                    LinkedInFavour(
                        line: row.line, other: LinkedInParticipant(name: name, profileURL: profile),
                        organisation: ImportSupport.nonEmpty(CSVTable.value(row, company)),
                        title: ImportSupport.nonEmpty(CSVTable.value(row, jobTitle)),
                        direction: given ? .outbound : .inbound, occurredAt: when, note: "recommendation",
                        sourceID: "recommendation|\(given ? "given" : "received")|\(who.lowercased())|\(text)"))
            }
        }
        return result
    }
}
