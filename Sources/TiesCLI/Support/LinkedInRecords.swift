import Foundation
import TiesCore
import TiesInterchange

/// What the records of a LinkedIn export become in the store: people, and interactions with the keys that
/// find their person (profile URL, then email, then name — a name alone only when one person bears it).
enum LinkedInRecords {
    /// The keys of someone named in an export: URL first, then the name.
    static func keys(_ participant: LinkedInParticipant, email: String? = nil) -> [PersonKey] {
        // One array, not three joined: a million messages make a million of them (`perf`: 3 % of the
        // reading thread).
        var keys: [PersonKey] = []
        keys.reserveCapacity(3)
        if let url = participant.profileURL { keys.append(.url(url)) }
        if let email { keys.append(.email(email)) }
        if !participant.name.isEmpty { keys.append(.name(participant.name)) }
        return keys
    }

    /// The person to create for a participant nobody matches (with --create-people).
    static func newPerson(_ participant: LinkedInParticipant, organisation: String? = nil, title: String? = nil)
        -> Person
    {
        Person(
            name: participant.name.isEmpty ? participant.profileURL ?? "?" : participant.name,
            organisation: organisation, title: title,
            contactPoints: participant.profileURL.map { [ContactPoint(kind: .linkedin, value: $0)] } ?? [])
    }

    /// A connection: the person — one of the file's, never merged by name into another row's (the file lists
    /// each connection once) — with the dated `connected` interaction when the row has a date. The
    /// interaction has the date alone (``DateOnly``): `Connected On` gives no time.
    static func connection(_ c: LinkedInConnection, file: String) -> PersonRecord {
        let connected = c.connectedOn.map { day in
            Interaction(
                personID: 0, occurredAt: DateOnly.instant(of: day), kind: .connected,
                source: LinkedInConnections.source, sourceID: c.sourceID, dateOnly: true)
        }
        return PersonRecord(
            person: c.person, file: file, line: c.line, distinctInFile: true, interactions: connected.map { [$0] } ?? []
        )
    }

    /// An invitation: a `connected` contact in its direction.
    static func invitation(_ i: LinkedInInvitation, file: String) -> InteractionRecord {
        InteractionRecord(
            interaction: Interaction(
                personID: 0, occurredAt: i.sentAt, kind: .connected, direction: i.direction,
                answered: i.direction == .outbound, note: "invitation", source: LinkedInInvitations.source,
                sourceID: i.sourceID),
            keys: keys(i.other), newPerson: newPerson(i.other), file: file, line: i.line)
    }

    /// A recommendation or endorsement: a favour in its direction.
    static func favour(_ f: LinkedInFavour, file: String) -> InteractionRecord {
        InteractionRecord(
            interaction: Interaction(
                personID: 0, occurredAt: f.occurredAt, kind: .favour, direction: f.direction,
                answered: f.direction == .outbound, note: f.note, source: LinkedInFavours.source, sourceID: f.sourceID),
            keys: keys(f.other), newPerson: newPerson(f.other, organisation: f.organisation, title: f.title),
            file: file, line: f.line)
    }

    /// A message: one interaction with each person it was with, appended to `records`. `people` holds the
    /// keys and the person to create of each participant, made once for all their messages.
    static func message(
        _ m: LinkedInMessage, file: String, people: MessageParticipants, into records: inout [InteractionRecord]
    ) {
        // By index, each participant read where the message holds it: `for other in m.counterparts` copied
        // each (a retain and a release of each of its strings, on the reading thread: `perf`).
        for k in m.counterparts.indices {
            let person = people.person(of: m, at: k)
            records.append(
                InteractionRecord(
                    interaction: Interaction(
                        personID: 0, occurredAt: m.occurredAt, kind: .message, direction: m.direction,
                        answered: m.answered, groupSize: m.groupSize, source: LinkedInMessages.source,
                        sourceID: LinkedInMessages.storedSourceID(of: m, counterpart: k)),
                    keys: person.keys, newPerson: person.newPerson, file: file, line: m.line))
            // Set where it lies: a record made in a variable and then appended was copied into the batch and
            // the variable's copy freed (`perf`: 1.5 % of the reading thread).
            records[records.count - 1].participant = person.number
        }
    }
}

/// The keys and the person to create of each participant of a messages file, made once: a million messages
/// name a few thousand people, and each record's own arrays and person were made, copied and freed on the
/// reading thread (`perf`). Used by that thread alone.
final class MessageParticipants: @unchecked Sendable {
    typealias Known = (keys: [PersonKey], newPerson: NewPerson, number: Int32)
    private var known: [LinkedInParticipant: Known] = [:]
    /// At most this many are remembered (a file of distinct ones only costs the work).
    static let capacity = 200_000

    /// By ``LinkedInParticipant/number``, for the participants of the one reading this serves: an array
    /// look-up instead of hashing the participant's texts (the reading thread of a million messages: 4,856,
    /// 4,379 and 4,023 samples before, 3,906, 4,089 and 3,560 after, `perf` at 999 Hz).
    private var byNumber: [Known?] = []

    /// ``person(_:)`` of `message`'s counterpart `k`, found by its number without copying the participant.
    func person(of message: LinkedInMessage, at k: Int) -> Known {
        if let number = message.counterparts[k].number.map(Int.init), number < byNumber.count,
            let person = byNumber[number]
        {
            return person
        }
        return person(message.counterparts[k])
    }

    /// The participant's keys, person to create and number (``InteractionRecord/participant``; -1 for one
    /// not remembered).
    func person(_ participant: LinkedInParticipant) -> Known {
        if let number = participant.number.map(Int.init) {
            if number < byNumber.count, let person = byNumber[number] { return person }
            let person = make(participant, remembered: true)
            if number >= byNumber.count { byNumber += repeatElement(nil, count: number + 1 - byNumber.count) }
            byNumber[number] = person
            return person
        }
        if let person = known[participant] { return person }
        let person = make(participant, remembered: known.count < Self.capacity)
        if person.number >= 0 { known[participant] = person }
        return person
    }

    private func make(_ participant: LinkedInParticipant, remembered: Bool) -> Known {
        (
            LinkedInRecords.keys(participant), NewPerson(LinkedInRecords.newPerson(participant)),
            remembered ? ParticipantNumber.next() : -1
        )
    }
}
