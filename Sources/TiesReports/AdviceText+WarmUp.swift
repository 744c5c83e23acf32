import TiesCore

extension AdviceText {
    /// A first message to a recruiter the user has been connected with and never spoken to, then the command
    /// that records it (so the relationship stops being dormant).
    static func warmUp(name: String, first: String, organisation: String?, field: String?, since: Day?) -> [Piece] {
        let connected = since.map { "since \($0.civil.year)" } ?? "for a while"
        let work = field.map { "I work in \($0)" } ?? "I am building my network"
        // A firm not named ("Confidential", "Stealth Startup") is not one to name back; a name ending with its
        // own full stop (`Eleventh Hire, Inc.`, `Altia Consultores, S. A.`) ends the sentence.
        let named = organisation.flatMap {
            RecruiterRules.undisclosedOrganisations.contains(MatchKey.fold($0)) ? nil : $0
        }
        let at = named.map { " at \($0)" } ?? ""
        let message =
            "Hello \(first), we have been connected \(connected) and I have never said hello. \(work), and I am not "
            + "looking for a move right now, but I would value hearing what you are seeing in your searches\(at)"
            + (at.hasSuffix(".") ? " " : ". ")
            + "If I can help with one — a name, an introduction — I will."
        let escaped = name.replacingOccurrences(of: "\"", with: "\\\"")
        return [
            .text("Write to \(first) first: “\(message)” Then record it with "),
            .command("ties log \"\(escaped)\" message --direction out"), .text("."),
        ]
    }
}
