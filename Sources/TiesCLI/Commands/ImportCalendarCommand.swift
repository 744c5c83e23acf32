import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

extension ImportCommand {
    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Import meetings from a calendar (.ics).",
            discussion: """
                Each event you took part in becomes a meeting with each other attendee, matched by email, \
                else by the exact name the calendar shows (people from LinkedIn rarely have an email). \
                Cancelled events, events you declined, rooms, resources, groups and attendees copied for \
                information only (ROLE=NON-PARTICIPANT) are left out; meetings without you and events with no one \
                else are listed. Recurring events are expanded up to --as-of. The files are read as one \
                calendar: of invitations saved one to a file, a meeting's latest version (highest SEQUENCE) \
                counts, wherever it is, and a cancellation cancels it. You are recognised by your emails in `ties me` (and --me). Attendees \
                nobody matches are added only with --create-people.

                Example:
                  ties import ics calendar.ics --me me@work.example --create-people --dry-run
                """)
        @Argument(help: "The .ics files.") var files: [String]
        @Option(help: "One of your email addresses (repeatable; added to those in `ties me`).") var me: [String] = []
        @Flag(help: "Add attendees who match nobody.") var createPeople = false
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var options: ImportOptions

        func run() throws {
            let store = try options.store.open()
            let mine = me + (try store.myDetails().filter { $0.kind == .email }.map(\.value))
            var interactions: [InteractionRecord] = []
            var problems: [ParseError] = []
            var leftOut: [String] = []
            var notes: [String] = []
            var withoutMe = 0
            if mine.isEmpty {
                notes.append(
                    "no email of yours is known, so every attendee counts as someone else; set one with `ties me set email ...` or --me"
                )
            }
            var read: [(name: String, bytes: [UInt8])] = []
            for file in files {
                let bytes = try options.bytes(of: file)
                try refuseUnless(
                    file, bytes, holds: "BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VTODO", "BEGIN:VJOURNAL",
                    importer: "ties import ics",
                    expected: "an iCalendar file (no BEGIN:VCALENDAR or BEGIN:VEVENT)")
                read.append((file, bytes))
            }
            // Read as one calendar: a meeting's later version or its cancellation may be in another file.
            let settings = CalendarImportOptions(myEmails: mine, timeZone: .current, asOf: asOf.instant)
            let results: [ImportResult<CalendarMeeting>]
            do throws(ParseError) {
                results = try ICalendarReader.read(files: read, options: settings)
            } catch {
                throw CLIError(.data, error.description)
            }
            for (file, result) in zip(files, results) {
                problems += result.in(file).problems
                leftOut += ImportOptions.leftOut(result.skipped, in: file)
                var tally = MeetingsLeftOut()
                for meeting in result.records {
                    guard tally.counts(meeting, mine: mine) else { continue }
                    interactions += Self.records(of: meeting, file: file)
                }
                leftOut += tally.lines(in: file)
                withoutMe += tally.withoutMe
            }
            if withoutMe > 0 {
                notes.append(
                    "\(withoutMe) meeting\(withoutMe == 1 ? "" : "s") without you left out: none of your emails (\(Set(mine.compactMap(MatchKey.email)).sorted().joined(separator: ", "))) organizes or attends \(withoutMe == 1 ? "it" : "them"); if you take part with another address, give it with --me"
                )
            }
            try options.run(
                people: [], interactions: interactions, problems: problems, leftOut: leftOut, notes: notes,
                createPeople: createPeople, store: store)
        }

        /// One interaction with each other attendee of `meeting` who has an email address.
        static func records(of meeting: CalendarMeeting, file: String) -> [InteractionRecord] {
            meeting.others.compactMap { other in
                guard let email = other.email else { return nil }
                // The organizer line often has no name where the attendee line has one.
                let name =
                    other.name
                    ?? meeting.attendees.first {
                        $0.email.flatMap(MatchKey.email) == MatchKey.email(email) && $0.name != nil
                    }?.name
                return InteractionRecord(
                    interaction: Interaction(
                        personID: 0, occurredAt: meeting.allDayDate.map(DateOnly.instant) ?? meeting.start,
                        kind: .meeting, groupSize: max(1, meeting.others.count), note: meeting.summary,
                        source: ICalendarReader.source, sourceID: meeting.sourceID + "|" + email.lowercased(),
                        dateOnly: meeting.allDayDate != nil),
                    keys: [.email(email), .name(name ?? email)],
                    newPerson: Person(name: name ?? email, contactPoints: [ContactPoint(kind: .email, value: email)]),
                    file: file, line: meeting.line)
            }
        }
    }
}

/// The meetings of one calendar file that add nothing, by the line of their event (a recurring one once, with
/// its number of occurrences): those without the user, and those with no one else who has an email address.
struct MeetingsLeftOut {
    var without: [Int: Int] = [:]
    var alone: [Int: Int] = [:]
    var unnamed: [Int: Int] = [:]

    var withoutMe: Int { without.values.reduce(0, +) }

    /// Whether `meeting` adds interactions; if not, it is counted under its reason.
    mutating func counts(_ meeting: CalendarMeeting, mine: [String]) -> Bool {
        if meeting.others.isEmpty {
            alone[meeting.line, default: 0] += 1
        } else if !meeting.includesMe && !mine.isEmpty {
            without[meeting.line, default: 0] += 1
        } else if !meeting.others.contains(where: { $0.email != nil }) {
            unnamed[meeting.line, default: 0] += 1
        } else {
            return true
        }
        return false
    }

    /// `file:line: reason` lines, by line.
    func lines(in file: String) -> [String] {
        let reasons = [
            (without, "a meeting without you (none of your emails is its organizer or an attendee)"),
            (alone, "no one else takes part (an entry of your own, a holiday)"),
            (unnamed, "the others are named without an email address"),
        ]
        return reasons.flatMap { counts, reason in counts.map { (line: $0.key, count: $0.value, reason: reason) } }
            .sorted { $0.line < $1.line }
            .map { "\(file):\($0.line): \($0.reason)\($0.count > 1 ? " (\($0.count) occurrences)" : "")" }
    }
}
