import Foundation
import TiesCore
import TiesReports
import TiesStore

/// Gathers, for `ties person show`, where a person's roles come from and the organisations and titles they
/// had before (``Store/formerPositions(of:)``).
enum PersonHistoryView {
    static func section(of person: Stored<Person>, store: Store, asOf day: Day, width: Int) throws -> String {
        typealias Source = PersonHistorySection.RoleSource
        let inferences = Dictionary(
            try store.roleInferences(of: person.id).map { ($0.inference.role, $0) }, uniquingKeysWith: { a, _ in a })
        var roles: [Source] = person.sortedRoles.map { role in
            let kind = role == .recruiter ? person.recruiterKind : nil
            guard let inference = inferences[role], inference.review != .rejected else {
                return Source(role: role, recruiterKind: kind, origin: .given)
            }
            return Source(
                role: role, recruiterKind: kind, origin: inference.review == .confirmed ? .confirmed : .inferred,
                evidence: inference.inference.evidence, readFrom: readFrom(inference))
        }
        for inference in inferences.values.sorted(by: { $0.inference.role < $1.inference.role })
        where inference.review == .rejected && !person.roles.contains(inference.inference.role) {
            roles.append(
                Source(
                    role: inference.inference.role, recruiterKind: inference.inference.recruiterKind,
                    origin: .rejected, evidence: inference.inference.evidence, readFrom: readFrom(inference)))
        }
        var mapper = DayMapper(timeZone: .current)
        let positions =
            try store.formerPositions(of: person.id).map {
                PersonHistorySection.Position(
                    organisation: $0.organisation, title: $0.title, until: mapper.day(for: $0.until))
            } + [PersonHistorySection.Position(organisation: person.organisation, title: person.title, until: nil)]
        let snoozedUntil = try store.snoozes().inEffect(on: day)[person.id]
        return PersonHistorySection.render(
            personID: person.id, roles: roles, positions: positions, snoozedUntil: snoozedUntil, width: width)
    }

    /// "title at organisation", as the inference read them.
    static func readFrom(_ inference: StoredRoleInference) -> String? {
        let parts = [inference.title, inference.organisation].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " at ")
    }
}
