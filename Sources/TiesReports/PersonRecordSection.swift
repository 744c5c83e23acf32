import Foundation
import TiesCore

/// The part of `ties person show` that lists what the user recorded about someone besides contacts:
/// other names, dated notes, what they hold of the user's, and open promises both ways.
public enum PersonRecordSection {
    /// A copy of one of the user's details that the person holds.
    public struct Held: Sendable, Equatable {
        public var kind: DisclosureKind
        /// The value or resume version they hold.
        public var value: String
        /// The day they were given it.
        public var since: Day
        /// What is current when their copy is out of date; nil when it is current.
        public var current: String?

        public init(kind: DisclosureKind, value: String, since: Day, current: String?) {
            self.kind = kind
            self.value = value
            self.since = since
            self.current = current
        }
    }

    /// A dated note with its id.
    public struct Note: Sendable, Equatable {
        public var id: Int64
        public var day: Day
        public var text: String

        public init(id: Int64, day: Day, text: String) {
            self.id = id
            self.day = day
            self.text = text
        }
    }

    /// The lines, each indented like ``PersonReport``'s; empty when there is nothing to say.
    public static func render(aliases: [String], notes: [Note], held: [Held], openPromises: [Stored<Commitment>])
        -> String
    {
        let s = TextTable.sanitised
        var lines: [String] = []
        if !aliases.isEmpty { lines.append("  also known as: \(aliases.map(s).joined(separator: ", "))") }
        if !notes.isEmpty {
            lines.append("")
            lines.append("  notes:")
            for note in notes { lines.append("    \(note.day)  #\(note.id)  \(s(note.text))") }
        }
        if !held.isEmpty {
            lines.append("")
            lines.append("  holds of yours:")
            for h in held {
                let status = h.current.map { "stale: yours is now \(s($0))" } ?? "current"
                lines.append("    \(h.kind.rawValue): \(s(h.value)), since \(h.since) (\(status))")
            }
        }
        if !openPromises.isEmpty {
            lines.append("")
            lines.append("  open promises:")
            for p in openPromises {
                let who = p.owner == .me ? "you offered" : "they promised"
                lines.append("    #\(p.id)  \(who): \(s(p.text))\(p.due.map { " (due \($0))" } ?? "")")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
