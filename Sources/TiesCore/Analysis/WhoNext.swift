import Foundation

/// Facts from the store that turn into reasons and gaps beyond the scores.
public struct NetworkFacts: Sendable, Equatable {
    /// The latest inbound contact with no reply after it, per person.
    public var unanswered: [Person.ID: UnansweredContact]
    /// Commitments not yet done as of the day.
    public var openCommitments: [Commitment]
    /// People holding details of the user's that have changed since.
    public var staleDisclosures: [StaleDisclosure]
    /// The days of the user's career-journal entries.
    public var journalDays: [Day]

    public init(
        unanswered: [Person.ID: UnansweredContact] = [:], openCommitments: [Commitment] = [],
        staleDisclosures: [StaleDisclosure] = [], journalDays: [Day] = []
    ) {
        self.unanswered = unanswered
        self.openCommitments = openCommitments
        self.staleDisclosures = staleDisclosures
        self.journalDays = journalDays
    }
}

/// An inbound contact the user has not answered.
public struct UnansweredContact: Sendable, Equatable {
    public var day: Day
    public var kind: InteractionKind

    public init(day: Day, kind: InteractionKind) {
        self.day = day
        self.kind = kind
    }
}

/// Why a person is on the list.
public struct Reason: Sendable, Equatable {
    /// Stable code, for scripts.
    public var code: String
    /// A sentence for a person.
    public var text: String
    /// Hard reasons always surface, above every scored row.
    public var isHard: Bool
}

/// One row of "who should I contact next".
public struct Recommendation: Sendable, Equatable {
    public var personID: Person.ID
    public var name: String
    public var priority: Double
    public var reasons: [Reason]
    /// What to do, in a sentence.
    public var action: String
    public var isHard: Bool { reasons.contains(where: \.isHard) }
}

/// Ranks the people to contact next.
///
/// priority = strength × (1 − S(s)) × (1 + bridgeBonus [bridge]) × (1 + underrepresentedBonus [under-represented
/// role or organisation]), where S(s) is the survival of the current silence: a strong tie whose silence is
/// unusually long ranks high; a weak one or one in rhythm ranks low. Hard reasons always surface first:
/// an unanswered inbound call, email or message from a recruiter, a promise of the user's due within a week
/// or overdue, a recruiter holding out-of-date details, a bridge gone cold within the last
/// ``lostBridgeDays``, and a strong tie
/// (strength ≥ ``strongTie``) that is overdue — in that order of urgency, then by priority. Ties are broken by
/// name, then id.
public enum WhoNext {
    /// Strength from which a relationship counts as strong.
    public static let strongTie = 50.0
    /// A bridge silent for longer than this is treated as lost rather than as this week's must-do
    /// (Burt: nine in ten bridges are gone a year later); it still appears as a cold relationship.
    public static let lostBridgeDays = 365

    /// The ranked list, hard reasons first, at most `limit` rows (hard rows are never cut below it).
    public static func rank(
        _ analysis: NetworkAnalysis, facts: NetworkFacts, configuration: ScoringConfiguration, limit: Int
    ) -> [Recommendation] {
        let score = analysis.score
        // Active people per role and per organisation, to find the under-represented.
        var roleCounts: [Role: Int] = [:]
        var organisationCounts: [String: Int] = [:]
        for s in score.scores where s.status == .active {
            guard let person = analysis.people[s.personID] else { continue }
            for role in person.roles { roleCounts[role, default: 0] += 1 }
            if let org = person.organisation { organisationCounts[org, default: 0] += 1 }
        }
        var rows: [Recommendation] = []
        for s in score.scores {
            // Dormant people (connections never spoken with) are not relationships to keep up: they are
            // proposed only as recruiters to warm up.
            guard let person = analysis.people[s.personID],
                s.status != .none && s.status != .dormant || facts.unanswered[s.personID] != nil
            else { continue }
            let position = analysis.positions[s.personID]
            let isBridge = position?.isBridge ?? false
            var reasons: [Reason] = []
            let name = person.name
            let isRecruiter = person.roles.contains(.recruiter)
            if let open = facts.unanswered[s.personID] {
                let ago = score.asOf - open.day
                let what =
                    "\(open.kind == .call || open.kind == .video ? "called" : "wrote") on \(open.day) (\(ago) days ago)"
                reasons.append(
                    Reason(
                        code: isRecruiter ? "recruiter-unanswered" : "unanswered",
                        text: "\(isRecruiter ? "Recruiter " : "")\(name) \(what) and has no answer yet",
                        isHard: isRecruiter))
            }
            for promise in facts.openCommitments where promise.personID == s.personID && promise.owner == .me {
                guard let due = promise.due, due - score.asOf <= 7 else { continue }
                let when = due < score.asOf ? "was due \(due)" : "is due \(due)"
                reasons.append(
                    Reason(code: "commitment-due", text: "you promised \"\(promise.text)\"; it \(when)", isHard: true))
            }
            for stale in facts.staleDisclosures where stale.personID == s.personID {
                reasons.append(
                    Reason(
                        code: "stale-details",
                        text: "holds your old \(stale.kind.rawValue) (\(stale.held); now \(stale.current))",
                        isHard: isRecruiter))
            }
            let silence = s.silenceDays ?? 0
            let gap = s.typicalGapDays.map { Int($0.rounded()) } ?? 0
            if s.status != .active && s.status != .none {
                if isBridge && s.status == .cold && silence <= lostBridgeDays {
                    reasons.append(
                        Reason(
                            code: "cold-bridge",
                            text:
                                "a bridge gone cold: \(name) links you to people you otherwise cannot reach; no contact for \(silence) days",
                            isHard: true))
                } else if s.strength >= strongTie {
                    reasons.append(
                        Reason(
                            code: "strong-tie-overdue",
                            text:
                                "a strong tie (\(Table.format(s.strength, digits: 0))) gone quiet: \(silence) days since the last contact, usually every \(gap)",
                            isHard: true))
                } else {
                    reasons.append(
                        Reason(
                            code: s.status == .cold ? "cold" : "overdue",
                            text: "\(silence) days since the last contact; usually every \(gap)", isHard: false))
                }
            }
            var underrepresented = false
            for role in person.sortedRoles {
                if let target = configuration.roleTargets[role], roleCounts[role, default: 0] < target {
                    underrepresented = true
                    reasons.append(
                        Reason(
                            code: "few-\(role.rawValue)s",
                            text:
                                "only \(roleCounts[role, default: 0]) active \(role.rawValue)\(roleCounts[role, default: 0] == 1 ? "" : "s"); aim for \(target)",
                            isHard: false))
                }
            }
            if let org = person.organisation, organisationCounts[org, default: 0] <= 1 {
                underrepresented = true
                reasons.append(Reason(code: "only-link", text: "your only active contact at \(org)", isHard: false))
            }
            if isBridge && !reasons.contains(where: { $0.code == "cold-bridge" }) {
                reasons.append(
                    Reason(
                        code: "bridge", text: "links parts of your network that do not otherwise touch", isHard: false))
            }
            let survival = s.survival ?? 1
            let priority =
                s.strength * (1 - survival) * (1 + (isBridge ? configuration.bridgeBonus : 0))
                * (1 + (underrepresented ? configuration.underrepresentedBonus : 0))
            guard priority > 0 || reasons.contains(where: \.isHard) else { continue }
            // The action sentence is written later, only for the rows returned.
            rows.append(
                Recommendation(personID: s.personID, name: name, priority: priority, reasons: reasons, action: ""))
        }
        rows.sort { a, b in
            if a.isHard != b.isHard { return a.isHard }
            if a.isHard, urgency(a) != urgency(b) { return urgency(a) < urgency(b) }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.name != b.name { return a.name < b.name }
            return a.personID < b.personID
        }
        let hard = rows.prefix { $0.isHard }.count
        return rows.prefix(max(limit, hard)).map { row in
            var row = row
            if let person = analysis.people[row.personID] { row.action = action(for: person, reasons: row.reasons) }
            return row
        }
    }

    /// Among must-do rows, the recruiter's lessons first: a recruiter waiting for an answer, then promises
    /// due, then a recruiter holding old details, then ties going quiet.
    static func urgency(_ row: Recommendation) -> Int {
        let codes = Set(row.reasons.filter(\.isHard).map(\.code))
        if codes.contains("recruiter-unanswered") { return 0 }
        if codes.contains("commitment-due") { return 1 }
        if codes.contains("stale-details") { return 2 }
        return 3
    }

    /// A suggested action that fits the person and the first reason.
    static func action(for person: Person, reasons: [Reason]) -> String {
        let first = person.name.split(separator: " ").first.map(String.init) ?? person.name
        if reasons.contains(where: { $0.code == "recruiter-unanswered" }) {
            return
                "Call \(first) back this week: take the networking call even if you are not looking, and offer to help with their search."
        }
        if reasons.contains(where: { $0.code == "commitment-due" }) {
            return
                "Keep your promise to \(first) this week, then mark it done with `ties done ID` (`ties commitments` lists the ids)."
        }
        if reasons.contains(where: { $0.code == "stale-details" }) {
            return
                "Send \(first) your new details by email (`ties notify --out drafts` writes the draft), then record it with `ties disclose`."
        }
        if reasons.contains(where: { $0.code == "unanswered" }) {
            return "Reply to \(first)."
        }
        let roles = person.roles
        if roles.contains(.recruiter) {
            return
                "Send \(first) a short update on your role and achievements, and ask what they are seeing in the market."
        }
        if roles.contains(.mentor) || roles.contains(.sponsor) || roles.contains(.manager) {
            return "Ask \(first) for a 20-minute catch-up; bring one question and one piece of news."
        }
        if reasons.contains(where: { $0.code == "cold-bridge" || $0.code == "bridge" }) {
            return
                "Reconnect with \(first): ask how things are at \(person.organisation ?? "their work") and who they are working with."
        }
        if roles.contains(.friend) { return "Call \(first)." }
        return "Suggest a coffee or a call with \(first), and offer help with something they are working on."
    }
}
