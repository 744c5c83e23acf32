import Foundation
import TiesCore

/// The part of `ties person show` that says where a person's roles come from and where they have worked:
/// each role given by the user or inferred from a title (with the words that matched, and what the user
/// said of it), and the organisations and titles they had before, from the change log.
public enum PersonHistorySection {
    /// Where one role comes from.
    public struct RoleSource: Sendable, Equatable {
        public enum Origin: Sendable, Equatable {
            /// The user gave it (`person add --role`, `person edit`, an import's column).
            case given
            /// Read from the title, not yet reviewed.
            case inferred
            /// Inferred, then confirmed by the user.
            case confirmed
            /// Inferred, then rejected by the user: the person does not have it.
            case rejected
        }

        public var role: Role
        public var recruiterKind: RecruiterKind?
        public var origin: Origin
        /// The words that matched, for an inferred role.
        public var evidence: [String]
        /// What the inference read: "title at organisation", as it was then (it may have changed since).
        public var readFrom: String?

        public init(
            role: Role, recruiterKind: RecruiterKind? = nil, origin: Origin, evidence: [String] = [],
            readFrom: String? = nil
        ) {
            self.role = role
            self.recruiterKind = recruiterKind
            self.origin = origin
            self.evidence = evidence
            self.readFrom = readFrom
        }
    }

    /// An organisation and title, with when it ended (nil for the present one).
    public struct Position: Sendable, Equatable {
        public var organisation: String?
        public var title: String?
        /// The day the change that replaced it was recorded; nil for the current position.
        public var until: Day?

        public init(organisation: String?, title: String?, until: Day?) {
            self.organisation = organisation
            self.title = title
            self.until = until
        }
    }

    /// The lines, indented like ``PersonReport``'s; empty when there is nothing to add to its summary.
    ///
    /// - Parameters:
    ///   - personID: for the commands that review an inferred role.
    ///   - positions: the current position last; shown only when there is a former one.
    ///   - snoozedUntil: the day the person is back, when snoozed on the day shown.
    ///   - width: no line wider (long lines wrap under themselves).
    public static func render(
        personID: Person.ID, roles: [RoleSource], positions: [Position], snoozedUntil: Day? = nil, width: Int = 100
    ) -> String {
        let s = TextTable.sanitised
        var lines: [String] = []
        if let snoozedUntil {
            lines.append("")
            lines.append(
                "  snoozed:      until \(snoozedUntil), out of `ties next` and the gaps (`ties snooze rm \(personID)` ends it)"
            )
        }
        if roles.contains(where: { $0.origin != .given }) {
            lines.append("")
            lines.append("  roles, given and inferred:")
            for source in roles {
                let name = source.role.rawValue + (source.recruiterKind.map { " (\($0.rawValue))" } ?? "")
                let matched = source.evidence.map { "\"\(s($0))\"" }.joined(separator: ", ")
                let evidence = source.readFrom.map { "\"\(s($0))\" (matched \(matched))" } ?? matched
                let text: String
                switch source.origin {
                case .given: text = "given by you"
                case .inferred:
                    text =
                        "inferred from \(evidence); `ties person roles --confirm \(personID)` keeps it, `ties person roles --reject \(personID)` removes it"
                case .confirmed: text = "inferred from \(evidence), confirmed by you"
                case .rejected: text = "rejected by you (it was inferred from \(evidence)); not counted"
                }
                lines.append("    \(name): \(text)")
            }
        }
        if positions.count > 1 {
            lines.append("")
            lines.append("  organisations (changes as recorded):")
            for position in positions.reversed() {
                let job = [position.title, position.organisation].compactMap { $0 }.map(s).joined(separator: " at ")
                let when = position.until.map { "until \($0)" } ?? "now"
                lines.append(
                    "    \(when.padding(toLength: 18, withPad: " ", startingAt: 0))\(job.isEmpty ? "(none)" : job)")
            }
        }
        return lines.isEmpty ? "" : TerminalText.wrappingLines(lines.joined(separator: "\n") + "\n", width: width)
    }
}
