import Foundation
import TiesCore
import TiesReports
import TiesStore

/// Gathers, for `ties person show`, what the user recorded about someone besides contacts.
enum PersonRecordView {
    static func section(of personID: Person.ID, store: Store, asOf day: Day) throws -> String {
        let details = try store.myDetails().records()
        let disclosures = try store.disclosures().filter { $0.day <= day }
        var stale: [DisclosureKind: StaleDisclosure] = [:]
        for s in Disclosures.stale(disclosures: disclosures, details: details, asOf: day) where s.personID == personID {
            stale[s.kind] = s
        }
        var latest: [DisclosureKind: Disclosure] = [:]
        for d in disclosures where d.personID == personID {
            if let seen = latest[d.kind], (seen.day, seen.id ?? 0) > (d.day, d.id ?? 0) { continue }
            latest[d.kind] = d
        }
        let values = Dictionary(uniqueKeysWithValues: details.compactMap { d in d.id.map { ($0, d.value) } })
        let held = DisclosureKind.allCases.compactMap { kind -> PersonRecordSection.Held? in
            guard let d = latest[kind] else { return nil }
            let value =
                kind == .resume ? (d.version ?? Disclosures.unversioned) : (d.myDetailID.flatMap { values[$0] } ?? "?")
            return PersonRecordSection.Held(kind: kind, value: value, since: d.day, current: stale[kind]?.current)
        }
        let notes = try store.notes(of: personID).map {
            PersonRecordSection.Note(id: $0.id, day: $0.day, text: $0.text)
        }
        let promises = try store.commitments().filter { $0.personID == personID && $0.doneAt == nil }
        return PersonRecordSection.render(
            aliases: try store.aliases(of: personID), notes: notes, held: held, openPromises: promises)
    }
}
