import Foundation

/// A file of a LinkedIn export whose owner deleted the columns its rows are read by, before publishing it:
/// Connections without the names (`Company,Position,Connected On`: importJL/LinkedIn-Connections, 2021,
/// behind the `Notes:` preamble; Mostafa-Elnagar/linkedin-dashboard, 2023; TuckerRasbury's
/// `redacted_connections.csv`), Invitations without `To` (`From,Sent At,Direction`) and messages without
/// anything but `FROM,DATE` (Mostafa-Elnagar/linkedin-dashboard). Such a file is neither read nor taken for
/// something else: the import says which columns are missing and what it reads a row by.
public struct LinkedInTrimmedFile: Sendable, Equatable {
    /// What the file was.
    public let kind: LinkedInFileKind
    /// Its header row, as written.
    public let header: [String]
    /// The line of the header row.
    public let line: Int
    /// The columns a row is read by, none of them in the file.
    public let missing: [String]

    /// Why the file is not read, as a clause after its name.
    public var reason: String {
        let names = missing.dropLast().joined(separator: ", ") + (missing.count > 1 ? " and " : "") + missing.last!
        let columns = missing.count == 1 ? "the column \(names)" : "the columns \(names)"
        return
            "LinkedIn's \(kind.label) with \(columns) removed (its header, line \(line), is `\(header.joined(separator: ","))`); "
            + "a row is read by \(needed)"
    }

    private var needed: String {
        switch kind {
        case .connections: "its name (First Name, Last Name)"
        case .invitations: "From, To, Sent At and Direction"
        default: "FROM and DATE, with CONVERSATION ID or with TO and DIRECTION"
        }
    }

    /// The trimmed export file `bytes` holds, or nil when they are not one (a file the importer reads, or
    /// no file of an export at all). A header is taken for a trimmed one only when every column in it is one
    /// LinkedIn writes in that file and it keeps the file's own mark: `Connected On`, `Sent At`, or `FROM` and
    /// `DATE` in LinkedIn's capitals.
    public static func detect(_ bytes: [UInt8]) -> LinkedInTrimmedFile? {
        for shape in shapes {
            guard let found = CSVTable.locateHeader(in: bytes, hint: shape.hint, isHeader: shape.matches) else {
                continue
            }
            let fields = found.header.fields.map { $0.trimmedWhitespace() }
            let keys = Set(fields.map(CSVTable.key))
            let missing = shape.needed.filter { !keys.contains(CSVTable.key($0)) }
            if !missing.isEmpty {
                return LinkedInTrimmedFile(kind: shape.kind, header: fields, line: found.header.line, missing: missing)
            }
        }
        return nil
    }

    private struct Shape: Sendable {
        let kind: LinkedInFileKind
        let hint: String
        let columns: Set<String>
        let needed: [String]
        let mark: @Sendable ([String]) -> Bool

        func matches(_ fields: [String]) -> Bool {
            let keys = fields.map(CSVTable.key).filter { !$0.isEmpty }
            return keys.count >= 2 && Set(keys).isSubset(of: columns) && mark(fields)
        }
    }

    private static let shapes: [Shape] = [
        Shape(
            kind: .connections, hint: "connected on",
            columns: ["first name", "last name", "url", "email address", "company", "position", "connected on"],
            needed: ["First Name", "Last Name"],
            mark: { $0.map(CSVTable.key).contains("connected on") }),
        Shape(
            kind: .invitations, hint: "sent at",
            columns: ["from", "to", "sent at", "message", "direction", "inviterprofileurl", "inviteeprofileurl"],
            needed: ["From", "To", "Direction"],
            mark: { $0.map(CSVTable.key).contains("sent at") }),
        Shape(
            kind: .messages, hint: "date",
            columns: [
                "conversation id", "conversation title", "from", "sender profile url", "to", "recipient profile urls",
                "date", "subject", "content", "folder", "attachments", "is message draft", "direction",
            ],
            needed: ["CONVERSATION ID", "TO"],
            mark: { fields in
                let written = Set(fields.map { $0.trimmedWhitespace() })
                return written.contains("FROM") && written.contains("DATE")
            }),
    ]
}
