import TiesCore

extension AdviceText {
    /// A first message to a recruiter the user has been connected with and never spoken to, then the command
    /// that records it (so the relationship stops being dormant).
    static func warmUp(name: String, first: String, organisation: String?, field: String?, since: Day?) -> [Piece] {
        let connected = since.map { "since \($0.civil.year)" } ?? "for a while"
        let work = field.map { "I work in \($0)" } ?? "I am building my network"
        let at = organisation.map { " at \($0)" } ?? ""
        // A firm's name may end the sentence with its own full stop ("BENU Česká republika s.r.o.").
        let stop = at.hasSuffix(".") ? "" : "."
        let message =
            "Hello \(first), we have been connected \(connected) and I have never said hello. \(work), and I am not "
            + "looking for a move right now, but I would value hearing what you are seeing in your searches\(at)\(stop) "
            + "If I can help with one — a name, an introduction — I will."
        let escaped = name.replacingOccurrences(of: "\"", with: "\\\"")
        return [
            .text("Write to \(first) first: “\(message)” Then record it with "),
            .command("ties log \"\(escaped)\" message --direction out"), .text("."),
        ]
    }
}
