import Foundation
import TiesNumerics

/// The kind of contact that opens an episode; it decides what follows (a thread, a follow-up e-mail).
enum DemoEpisode: Int, CaseIterable {
    case meeting, call, video, email, messages, event, intro, referral, favour, reaction
}

/// Appends interactions, numbering their source ids.
struct DemoInteractionSink {
    var items: [Interaction] = []

    /// The source id of the next interaction: `demo-<k>`, k counting from 1.
    var nextSourceID: String { "demo-" + String(items.count + 1) }
}

extension DemoBuilder {
    /// Episode weights `[meeting, call, video, email, messages, event, intro, referral, favour, reaction]`.
    static func episodeWeights(_ role: Role) -> [Double] {
        switch role {
        case .manager: return [0.45, 0.08, 0.07, 0.2, 0.18, 0.01, 0, 0, 0.01, 0]
        case .colleague: return [0.28, 0.08, 0.08, 0.28, 0.25, 0.01, 0, 0, 0.02, 0]
        case .mentor: return [0.35, 0.15, 0.25, 0.16, 0.03, 0.02, 0.02, 0.01, 0.01, 0]
        case .sponsor: return [0.45, 0.05, 0.05, 0.3, 0.02, 0.08, 0.04, 0.01, 0, 0]
        case .formerColleague: return [0.08, 0.12, 0.05, 0.3, 0.25, 0.05, 0.01, 0.01, 0.03, 0.1]
        case .peer: return [0.12, 0.1, 0.12, 0.3, 0.15, 0.12, 0.01, 0.01, 0.02, 0.05]
        case .friend: return [0.25, 0.2, 0.05, 0.05, 0.35, 0.05, 0, 0, 0.02, 0.03]
        case .client: return [0.35, 0.15, 0.15, 0.33, 0, 0.02, 0, 0, 0, 0]
        case .recruiter: return [0.04, 0.5, 0.08, 0.36, 0, 0.01, 0, 0.01, 0, 0]
        case .other: return [0.1, 0.1, 0.05, 0.4, 0.05, 0.2, 0, 0, 0, 0.1]
        }
    }

    /// Probability that an e-mail thread or messages go to a group (3–10 people).
    static func groupProbability(_ role: Role) -> Double {
        switch role {
        case .manager: return 0.1
        case .colleague, .peer: return 0.12
        case .friend: return 0.15
        case .formerColleague: return 0.1
        default: return 0.03
        }
    }

    static func notes(_ role: Role) -> [String] {
        switch role {
        case .mentor, .sponsor: return DemoVocabulary.mentorNotes
        case .manager: return DemoVocabulary.managerNotes
        case .recruiter: return DemoVocabulary.recruiterNotes
        case .colleague: return DemoVocabulary.colleagueNotes
        case .peer: return DemoVocabulary.peerNotes
        default: return DemoVocabulary.generalNotes
        }
    }

    /// Generates every person's interactions, person by person in id order, each in time order.
    mutating func makeInteractions() -> [Interaction] {
        var sink = DemoInteractionSink()
        sink.items.reserveCapacity(n * 56)
        let weights = Role.allCases.map { Self.episodeWeights($0) }
        for i in 0..<n {
            let plan = plans[i]
            stream(
                personID: Int64(i + 1), plan: plan, weights: weights[Role.allCases.firstIndex(of: plan.role)!],
                sink: &sink)
        }
        return sink.items
    }

    /// The typical gap in force on `day`.
    func gapMean(_ plan: DemoPlan, on day: Day) -> Double { day < plan.switchDay ? plan.gapBefore : plan.gap }

    /// A bursty gap around `mean` days: Gamma with shape 0.6 (coefficient of variation 1.3), at least a day.
    func burstyGap(_ mean: Double) -> Int {
        max(1, Int(rng.gamma(shape: 0.6, scale: mean / 0.6).rounded()))
    }

    /// The same day, or the next Monday if it falls on a weekend and the relationship is a working one.
    func workday(_ day: Day, _ plan: DemoPlan) -> Day {
        guard !plan.weekends else { return day }
        switch day.isoWeekday {
        case 6: return day + 2
        case 7: return day + 1
        default: return day
        }
    }

    func stream(personID: Int64, plan: DemoPlan, weights: [Double], sink: inout DemoInteractionSink) {
        var lastDay: Day? = nil
        var day: Day
        if plan.recentStart {
            // A new relationship opens with a first contact on its first day.
            day = workday(plan.start, plan)
            if day <= plan.limit {
                let opening: DemoEpisode =
                    switch plan.role {
                    case .recruiter: .call
                    case .mentor, .sponsor, .manager, .colleague, .client: .meeting
                    case .peer, .other: rng.bernoulli(0.3) ? .intro : .event
                    default: .email
                    }
                lastDay = episode(opening, personID, plan, day, plan.limit, &sink)
                day = max(day + burstyGap(gapMean(plan, on: day)), (lastDay ?? day) + 1)
            }
        } else {
            day = plan.start + Int(rng.exponential(mean: gapMean(plan, on: plan.start)))
        }
        while true {
            day = workday(day, plan)
            if day > plan.limit { break }
            let kind = DemoEpisode(rawValue: rng.weightedIndex(weights))!
            let last = episode(kind, personID, plan, day, plan.limit, &sink)
            lastDay = last
            day = max(day + burstyGap(gapMean(plan, on: day)), last + 1)
        }
        if plan.ended {
            // The last contact before the relationship went cold.
            let final = weekdayOnOrBefore(plan.limit)
            if lastDay.map({ $0 < final - 14 }) ?? true, final >= plan.start {
                _ = episode(
                    DemoEpisode(rawValue: rng.weightedIndex(weights))!, personID, plan, final, plan.limit, &sink)
            }
        }
        if let tail = plan.tailDay {
            // They reached out in the last few weeks; the user has not answered yet.
            let kind: InteractionKind = rng.bernoulli(0.6) ? .call : .email
            add(
                personID, tail, startSeconds(), kind, .inbound, answered: false, sink: &sink,
                note: rng.bernoulli(0.3) ? "Left a message about a search; asked for a call back." : nil)
            let next = weekdayOnOrBefore(tail + 1) == tail + 1 ? tail + 1 : tail + 3
            if rng.bernoulli(0.5), next <= endDay {
                add(
                    personID, next, startSeconds(), kind == .call ? .email : .call, .inbound, answered: false,
                    sink: &sink)
            }
        }
    }

    /// A first interaction time: 08:00–16:59 local.
    func startSeconds() -> Int { 8 * 3600 + rng.index(below: 9 * 3600) }

    /// A later time the same day, before 18:00.
    func later(_ seconds: Int) -> Int { min(18 * 3600 - 60, seconds + 600 + rng.index(below: 7200)) }

    func add(
        _ personID: Int64, _ day: Day, _ seconds: Int, _ kind: InteractionKind, _ direction: Direction,
        answered: Bool = true, group: Int = 1, sink: inout DemoInteractionSink, note: String? = nil
    ) {
        sink.items.append(
            Interaction(
                personID: personID, occurredAt: instant(day, seconds), kind: kind, direction: direction,
                answered: answered, groupSize: group, note: note, source: DemoNetwork.source,
                sourceID: sink.nextSourceID))
    }

    /// Whether an inbound contact was answered (historically almost always).
    func answered(_ direction: Direction) -> Bool { direction != .inbound || !rng.bernoulli(0.03) }

    func maybeNote(_ plan: DemoPlan, _ p: Double) -> String? {
        rng.bernoulli(p) ? rng.element(of: Self.notes(plan.role)) : nil
    }

    /// Writes one episode starting on `day` and returns the last day it used (never after `limit`).
    func episode(
        _ kind: DemoEpisode, _ personID: Int64, _ plan: DemoPlan, _ day: Day, _ limit: Day,
        _ sink: inout DemoInteractionSink
    ) -> Day {
        var d = day
        var s = startSeconds()
        let recruiter = plan.role == .recruiter
        let noteP = plan.role == .mentor || plan.role == .manager || recruiter ? 0.12 : 0.04
        /// Moves to a later time the same day, or to the next working day.
        func advance(sameDayP: Double) -> Bool {
            if rng.bernoulli(sameDayP) {
                s = later(s)
            } else {
                let next = workday(d + 1, plan)
                guard next <= limit else { return false }
                d = next
                s = startSeconds()
            }
            return true
        }
        switch kind {
        case .meeting, .video:
            add(
                personID, d, s, kind == .meeting ? .meeting : .video, .mutual, sink: &sink, note: maybeNote(plan, noteP)
            )
            if rng.bernoulli(kind == .meeting ? 0.45 : 0.3), advance(sameDayP: 0.6) {
                let direction: Direction = rng.bernoulli(0.7) ? .outbound : .inbound
                add(personID, d, s, .email, direction, answered: answered(direction), sink: &sink)
            }
        case .call:
            let direction: Direction = rng.bernoulli(recruiter ? 0.75 : 0.45) ? .inbound : .outbound
            add(
                personID, d, s, .call, direction, answered: answered(direction), sink: &sink,
                note: maybeNote(plan, noteP))
            if recruiter && rng.bernoulli(0.3), advance(sameDayP: 0.3) {
                // The resume or a thank-you after a recruiter's call.
                add(personID, d, s, .email, .outbound, sink: &sink)
            }
        case .email, .messages:
            let interactionKind: InteractionKind = kind == .email ? .email : .message
            let group = rng.bernoulli(Self.groupProbability(plan.role)) ? 3 + rng.index(below: 8) : 1
            var length: Int
            if kind == .email {
                length = rng.bernoulli(0.35) ? 1 : 2
                while length > 1 && length < 6 && rng.bernoulli(0.45) { length += 1 }
            } else {
                length = 1 + rng.index(below: 5)
            }
            var direction: Direction = rng.bernoulli(recruiter ? 0.8 : 0.5) ? .inbound : .outbound
            for k in 0..<length {
                if k > 0 {
                    guard advance(sameDayP: kind == .email ? 0.45 : 0.9) else { break }
                }
                add(
                    personID, d, s, interactionKind, direction, answered: answered(direction), group: group,
                    sink: &sink, note: k == 0 && kind == .email ? maybeNote(plan, noteP / 4) : nil)
                direction = direction == .inbound ? .outbound : .inbound
            }
        case .event:
            add(personID, d, s, .event, .mutual, sink: &sink, note: maybeNote(plan, noteP / 2))
            if rng.bernoulli(0.3), advance(sameDayP: 0.2) {
                let direction: Direction = rng.bernoulli(0.5) ? .outbound : .inbound
                add(personID, d, s, .message, direction, answered: answered(direction), sink: &sink)
            }
        case .intro:
            let direction: Direction = rng.bernoulli(0.6) ? .inbound : .outbound
            add(personID, d, s, .intro, direction, sink: &sink, note: maybeNote(plan, noteP))
        case .referral:
            add(personID, d, s, .referral, rng.bernoulli(0.5) ? .inbound : .outbound, sink: &sink)
        case .favour:
            add(
                personID, d, s, .favour, rng.bernoulli(0.65) ? .outbound : .inbound, sink: &sink,
                note: maybeNote(plan, noteP))
        case .reaction:
            add(personID, d, s, .reaction, rng.bernoulli(0.5) ? .inbound : .outbound, sink: &sink)
        }
        return d
    }
}
