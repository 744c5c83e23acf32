import Foundation
import TiesNumerics

/// Collects alter–alter ties, skipping self-ties and pairs already tied.
struct DemoTieSink {
    var ties: [Tie] = []
    /// Pairs already tied, as `a << 32 | b` (0-based indices). Only asked for membership, never iterated.
    var seen = Set<UInt64>()

    init(capacity: Int) {
        ties.reserveCapacity(capacity)
        seen.reserveCapacity(capacity)
    }

    /// Ties persons `x` and `y` (0-based indices) unless they are the same or already tied.
    mutating func add(_ x: Int, _ y: Int, _ kind: Tie.Kind, _ weight: Double) {
        guard x != y else { return }
        let a = min(x, y)
        let b = max(x, y)
        guard seen.insert(UInt64(a) << 32 | UInt64(b)).inserted else { return }
        ties.append(Tie(Int64(a + 1), Int64(b + 1), kind: kind, weight: weight))
    }
}

extension DemoBuilder {
    /// A tie weight drawn uniformly from `low..<high`, rounded to hundredths, at least 0.05 (so in (0, 1]).
    func tieWeight(_ low: Double, _ high: Double) -> Double {
        let w = low + (high - low) * rng.uniform()
        return min(1, max(0.05, (w * 100).rounded() / 100))
    }

    /// Builds the alter–alter ties.
    ///
    /// Each organisation's members (and each circle of friends) are cut into teams of 4–13 in id order (ids
    /// are shuffled, so teams are random); two members of one team are tied with a probability that depends
    /// on the organisation (0.75 at an employer, 0.5 at a school or association); recruiters at one search
    /// firm all know each other (in a firm of more than 12, team mates do with probability 0.85). Each
    /// member of an employer, school or association also knows a Poisson number of others in the same
    /// organisation. Colleagues across the hospitals of the user's health system, a few random
    /// acquaintances, people mentors and sponsors introduced, and recruiters who know recruiters at other
    /// firms cross the organisations. The cost is linear in the number of people.
    mutating func makeTies() -> [Tie] {
        var sink = DemoTieSink(capacity: n * 5)
        // Members of each organisation, and circles of friends, in id order.
        var members = [[Int]](repeating: [], count: orgs.count)
        var friends: [Int] = []
        var currentPool: [Int] = []
        var recruiters: [Int] = []
        for i in 0..<n {
            if let org = personOrg[i] {
                members[org].append(i)
            } else if profiles[i].pool == .friends {
                friends.append(i)
            }
            if profiles[i].pool == .current { currentPool.append(i) }
            if profiles[i].primary == .recruiter { recruiters.append(i) }
        }

        for (index, group) in members.enumerated() where group.count > 1 {
            let kind = orgs[index].kind
            let tieKind: Tie.Kind = kind == .school || kind == .association ? .knows : .colleague
            let (p, crossMean): (Double, Double)
            switch kind {
            case .searchFirm: (p, crossMean) = (group.count <= 12 ? 1 : 0.85, 0)
            case .school, .association: (p, crossMean) = (0.5, 1.0)
            default: (p, crossMean) = (0.75, 1.8)
            }
            teamTies(
                group, kind: tieKind, p: p, crossMean: crossMean, whole: kind == .searchFirm && group.count <= 12,
                sink: &sink)
        }
        // Friends: circles of 4–10 who mostly know each other.
        var position = 0
        while position < friends.count {
            let size = 4 + rng.index(below: 7)
            let circle = Array(friends[position..<min(friends.count, position + size)])
            teamTies(circle, kind: .knows, p: 0.75, crossMean: 0, whole: true, sink: &sink)
            position += size
        }
        // Across the user's health system: its hospitals' people know people at the system and each other.
        if currentPool.count > 1 {
            for i in currentPool where rng.bernoulli(0.25) {
                sink.add(i, rng.element(of: currentPool), .colleague, tieWeight(0.1, 0.5))
            }
        }
        // Random acquaintances across organisations.
        if n > 1 {
            for i in 0..<n where rng.bernoulli(0.1) {
                sink.add(i, rng.index(below: n), .knows, tieWeight(0.1, 0.6))
            }
        }
        // Mentors and sponsors introduced the user to people, or were introduced by them.
        for i in 0..<n where n > 1 && (profiles[i].primary == .mentor || profiles[i].primary == .sponsor) {
            for _ in 0..<(1 + rng.index(below: 2)) {
                sink.add(i, rng.index(below: n), .introduced, tieWeight(0.2, 0.7))
            }
        }
        // Recruiters know recruiters at other firms and in-house.
        if recruiters.count > 1 {
            for i in recruiters where rng.bernoulli(0.4) {
                sink.add(i, rng.element(of: recruiters), .knows, tieWeight(0.1, 0.4))
            }
        }
        var ties = sink.ties
        ties.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        return ties
    }

    /// Cuts `group` into teams (or keeps it whole), ties team mates with probability `p`, and adds
    /// Poisson(`crossMean`) weaker ties from each member to others in the group.
    func teamTies(_ group: [Int], kind: Tie.Kind, p: Double, crossMean: Double, whole: Bool, sink: inout DemoTieSink) {
        let m = group.count
        var position = 0
        while position < m {
            let size = whole ? m : 4 + rng.index(below: 10)
            let end = min(m, position + size)
            for x in position..<end {
                for y in (x + 1)..<end where rng.bernoulli(p) {
                    sink.add(group[x], group[y], kind, tieWeight(0.3, 1.0))
                }
            }
            position = end
        }
        guard crossMean > 0, m > 2 else { return }
        for x in group {
            for _ in 0..<rng.poisson(mean: crossMean) {
                sink.add(x, group[rng.index(below: m)], kind, tieWeight(0.1, 0.5))
            }
        }
    }
}
