import Foundation

/// Interactions as parallel columns, the shape the scoring kernel reads fastest.
public struct InteractionColumns: Sendable {
    public var person: [Int64] = []
    public var day: [Int32] = []
    public var weight: [Double] = []
    public var direction: [Direction] = []

    public init() {}

    /// Reserves room for `n` interactions.
    public mutating func reserve(_ n: Int) {
        person.reserveCapacity(n)
        day.reserveCapacity(n)
        weight.reserveCapacity(n)
        direction.reserveCapacity(n)
    }

    public mutating func append(person p: Int64, day d: Day, weight w: Double, direction r: Direction) {
        person.append(p)
        day.append(Int32(d.ordinal))
        weight.append(w)
        direction.append(r)
    }

    public var count: Int { person.count }

    /// True when the rows are ordered by person, then day — what ``ScoringKernel/states(of:halfLife:activityHalfLife:)`` needs.
    public var isSortedByPersonAndDay: Bool {
        for i in person.indices.dropFirst() where person[i] < person[i - 1] || (person[i] == person[i - 1] && day[i] < day[i - 1]) {
            return false
        }
        return true
    }

    /// The same rows ordered by person, then day (stable, so same-day rows keep their order).
    public func sortedByPersonAndDay() -> InteractionColumns {
        let order = person.indices.sorted { person[$0] != person[$1] ? person[$0] < person[$1] : (day[$0] != day[$1] ? day[$0] < day[$1] : $0 < $1) }
        var out = InteractionColumns()
        out.person = order.map { person[$0] }
        out.day = order.map { day[$0] }
        out.weight = order.map { weight[$0] }
        out.direction = order.map { direction[$0] }
        return out
    }
}

/// Full recomputation of every relationship state in one pass over columnar interactions.
///
/// This is the path used when states are built from scratch (loading a network, a change of half-life or
/// time zone). It runs the recurrence of ``RelationshipState/absorb(day:weight:direction:)`` — carry the
/// sums forward by `2^(−gap/h)` and add the new episode — in one pass over columns, with the factor for each
/// whole number of days and each half-life in use computed once into a table instead of one `exp2` per
/// episode. Decaying from episode to episode keeps every term representable however long the history;
/// tests check the result equals the incremental state.
public enum ScoringKernel {
    /// Every person's state.
    ///
    /// - Parameters:
    ///   - columns: interactions ordered by person, then day (see ``InteractionColumns/sortedByPersonAndDay()``).
    ///   - halfLife: each person's strength half-life.
    /// - Returns: one `(person, state)` per person, in person order.
    /// - Complexity: O(n) for n interactions, plus O(d) per distinct half-life for d days spanned.
    public static func states(
        of columns: InteractionColumns, halfLife: (Int64) -> Double, activityHalfLife: Double
    ) -> [(Int64, RelationshipState)] {
        precondition(columns.isSortedByPersonAndDay, "the kernel needs interactions ordered by person, then day")
        let n = columns.count
        guard n > 0 else { return [] }
        var minDay = Int32.max, maxDay = Int32.min
        for d in columns.day {
            minDay = min(minDay, d)
            maxDay = max(maxDay, d)
        }
        let span = Int(maxDay - minDay) + 1
        func table(_ h: Double) -> [Double] { (0..<span).map { exp2(-Double($0) / h) } }
        let activityTable = table(activityHalfLife)
        var strengthTables: [Double: [Double]] = [:]
        var result: [(Int64, RelationshipState)] = []

        columns.person.withUnsafeBufferPointer { person in
        columns.day.withUnsafeBufferPointer { day in
        columns.weight.withUnsafeBufferPointer { weight in
        columns.direction.withUnsafeBufferPointer { direction in
        activityTable.withUnsafeBufferPointer { activityDecay in
            var i = 0
            while i < n {
                let p = person[i]
                let h = halfLife(p)
                if strengthTables[h] == nil { strengthTables[h] = table(h) }
                let strengthDecay = strengthTables[h]!
                // The sums hold every closed episode decayed to the open episode's day; closing an episode
                // adds its weight and decays by the gap to the next, 2^(-gap/h) from the table. This is the
                // recurrence of RelationshipState.absorb with the same factors, in one pass.
                var strengthSum = 0.0, activitySum = 0.0
                var episodes = 0, outbound = 0, inbound = 0
                let firstDay = day[i]
                var episodeDay = day[i], episodeWeight = weight[i]
                strengthDecay.withUnsafeBufferPointer { strengthDecay in
                    while i < n && person[i] == p {
                        let d = day[i], w = weight[i]
                        if direction[i] != .inbound { outbound += 1 }
                        if direction[i] != .outbound { inbound += 1 }
                        if d != episodeDay {
                            let gap = Int(d - episodeDay)
                            strengthSum = (strengthSum + episodeWeight) * strengthDecay[gap]
                            activitySum = (activitySum + episodeWeight) * activityDecay[gap]
                            episodes += 1
                            episodeDay = d
                            episodeWeight = w
                        } else if w > episodeWeight {
                            episodeWeight = w
                        }
                        i += 1
                    }
                    strengthSum += episodeWeight  // the open episode, on the last day: no decay
                    activitySum += episodeWeight
                    episodes += 1
                }
                var state = RelationshipState(
                    day: Day(ordinal: Int(episodeDay)), weight: episodeWeight, direction: .mutual,
                    halfLife: h, activityHalfLife: activityHalfLife)
                state.firstDay = Day(ordinal: Int(firstDay))
                state.episodes = episodes
                state.strengthSum = strengthSum
                state.activitySum = activitySum
                state.outbound = outbound
                state.inbound = inbound
                result.append((p, state))
            }
        }}}}}
        return result
    }
}
