import Foundation

/// The demo user's own records: their contact details (with a recent change of email), who holds which of
/// them and which resume, a few promises, and a career journal.
///
/// They are chosen by rule from the generated people (no random draws, so the network itself is the same
/// with or without them), relative to the demo's end day, so that the weekly report shows every lesson of
/// the design: recruiters holding the old email, a promise overdue and one due soon, a journal kept up.
public struct DemoCareer: Sendable, Equatable {
    public var details: [MyDetail]
    /// Disclosures without ids or detail links: the store links each to the detail current on its day.
    public var disclosures: [Disclosure]
    public var commitments: [Commitment]
    public var journal: [JournalEntry]
}

extension DemoGenerator {
    /// The demo user's records for a generated network.
    public static func career(for network: DemoNetwork, options: DemoOptions) -> DemoCareer {
        let end = options.endDay
        var mapper = DayMapper(timeZone: options.timeZone)
        func noon(_ day: Day) -> Date { mapper.start(of: day).addingTimeInterval(12 * 3600) }
        let people = network.people.compactMap(Stored.init)
        func first(_ role: Role, where condition: (Stored<Person>) -> Bool = { _ in true }) -> [Stored<Person>] {
            people.filter { $0.roles.contains(role) && condition($0) }
        }
        let searchFirm = first(.recruiter) { $0.recruiterKind == .searchFirm }
        let mentors = first(.mentor)
        let colleagues = first(.colleague)
        let manager = first(.manager).first
        let employer = manager?.organisation ?? colleagues.first?.organisation ?? "Sunstead Healthcare"

        let details = [
            MyDetail(kind: .name, value: "Jordan Ellis", since: end - 1500),
            MyDetail(kind: .email, value: "jordan.ellis@oldmail.example", since: end - 1500),
            MyDetail(kind: .phone, value: "+1 312 555 0199", since: end - 1500),
            MyDetail(kind: .email, value: "jordan.ellis@newmail.example", since: end - 45),
        ]
        var disclosures: [Disclosure] = []
        for (i, recruiter) in searchFirm.prefix(4).enumerated() {
            let id = recruiter.id
            disclosures.append(
                Disclosure(
                    personID: id, kind: .resume, version: i < 2 ? "2025-spring" : "2026-fall",
                    day: end - (i < 2 ? 400 : 30)))
            disclosures.append(Disclosure(personID: id, kind: .email, day: end - 300 + 10 * i))
            disclosures.append(Disclosure(personID: id, kind: .phone, day: end - 300 + 10 * i))
            // The last of them has already been sent the new address.
            if i == 3 { disclosures.append(Disclosure(personID: id, kind: .email, day: end - 20)) }
        }
        var commitments: [Commitment] = []
        if let mentor = mentors.first {
            commitments.append(
                Commitment(
                    personID: mentor.id, text: "send the article on value-based care", owner: .me,
                    createdAt: noon(end - 19), due: end - 5))
        }
        if let colleague = colleagues.first {
            commitments.append(
                Commitment(
                    personID: colleague.id, text: "introduce them to the CFO at the health system", owner: .me,
                    createdAt: noon(end - 12), due: end + 9))
            commitments.append(
                Commitment(
                    personID: colleague.id, text: "share the board presentation", owner: .them,
                    createdAt: noon(end - 40), due: end - 30, doneAt: noon(end - 28)))
        }
        if let recruiter = searchFirm.first {
            commitments.append(
                Commitment(
                    personID: recruiter.id, text: "offer help with their COO search", owner: .me,
                    createdAt: noon(end - 90), due: end - 75, doneAt: noon(end - 80)))
        }
        let journal = [
            JournalEntry(
                kind: .employment, text: "Administrative fellow, then operations manager", day: end - 1100,
                organisation: employer, title: "Operations Manager"),
            JournalEntry(
                kind: .review, text: "Annual review: exceeds expectations", day: end - 250, organisation: employer),
            JournalEntry(kind: .salary, text: "Merit increase", day: end - 240, organisation: employer, amount: 6),
            JournalEntry(
                kind: .accomplishment, text: "Cut emergency-department boarding time by 18%", day: end - 130,
                organisation: employer, amount: 18, tags: ["operations"]),
            JournalEntry(
                kind: .counselling, text: "Mentor: build the finance story before the next promotion round",
                day: end - 150, tags: ["mentoring"]),
        ]
        return DemoCareer(details: details, disclosures: disclosures, commitments: commitments, journal: journal)
    }
}
