import Foundation

/// Interactions as parallel columns, the shape the scoring kernel reads fastest.
public struct InteractionColumns: Sendable {
    public var person: [Int64] = []
    public var day: [Int32] = []
    public var weight: [Double] = []
    public var direction: [Direction] = []
    /// Whether each interaction is real contact (``InteractionKind/isContact``).
    public var isContact: [Bool] = []

    public init() {}

    /// Reserves room for `n` interactions.
    public mutating func reserve(_ n: Int) {
        person.reserveCapacity(n)
        day.reserveCapacity(n)
        weight.reserveCapacity(n)
        direction.reserveCapacity(n)
        isContact.reserveCapacity(n)
    }

    public mutating func append(
        person p: Int64, day d: Day, weight w: Double, direction r: Direction, isContact c: Bool = true
    ) {
        person.append(p)
        day.append(Int32(d.ordinal))
        weight.append(w)
        direction.append(r)
        isContact.append(c)
    }

    public var count: Int { person.count }

    /// True when the rows are ordered by person, then day — what ``ScoringKernel/states(of:halfLife:activityHalfLife:)`` needs.
    public var isSortedByPersonAndDay: Bool {
        for i in person.indices.dropFirst()
        where person[i] < person[i - 1] || (person[i] == person[i - 1] && day[i] < day[i - 1]) {
            return false
        }
        return true
    }

    /// The same rows ordered by person, then day (stable, so same-day rows keep their order).
    public func sortedByPersonAndDay() -> InteractionColumns {
        let order =
            orderByPerson()
            ?? person.indices.sorted {
                person[$0] != person[$1] ? person[$0] < person[$1] : (day[$0] != day[$1] ? day[$0] < day[$1] : $0 < $1)
            }
        var out = InteractionColumns()
        out.person = order.map { person[$0] }
        out.day = order.map { day[$0] }
        out.weight = order.map { weight[$0] }
        out.direction = order.map { direction[$0] }
        out.isContact = order.map { isContact[$0] }
        return out
    }

    /// The order of ``sortedByPersonAndDay()`` by counting the rows of each person (ids are a store's row ids,
    /// close together), then ordering each person's few rows by day; nil when the ids are spread too far for
    /// a table of counts. A million rows in no order: 0.25 s by comparison sort alone, measured in `perf`.
    private func orderByPerson() -> [Int]? {
        guard let low = person.min(), let high = person.max() else { return nil }
        let (spread, overflow) = high.subtractingReportingOverflow(low)  // ids of any sign, even Int64.min and max
        guard !overflow, spread < Int64(4 * count + 4096) else { return nil }
        var start = [Int](repeating: 0, count: Int(high - low) + 2)
        for p in person { start[Int(p - low) + 1] += 1 }
        for k in start.indices.dropFirst() { start[k] += start[k - 1] }
        var next = start
        var order = [Int](repeating: 0, count: count)
        for i in person.indices {
            let k = Int(person[i] - low)
            order[next[k]] = i
            next[k] += 1
        }
        for k in start.indices.dropLast() where start[k + 1] - start[k] > 1 {
            order[start[k]..<start[k + 1]].sort { day[$0] != day[$1] ? day[$0] < day[$1] : $0 < $1 }
        }
        return order
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
    ///
    /// Longer than the house's 80 lines on purpose: a measured hot loop (Benchmarks/README.md, target (a),
    /// ≥ 100 M interactions/s), one pass kept in one function so nothing is called per interaction.
    public static func states(
        of columns: InteractionColumns, halfLife: (Int64) -> Double, activityHalfLife: Double
    ) -> [(Int64, RelationshipState)] {
        let n = columns.count
        guard n > 0 else { return [] }
        // First pass: check the order, find each person's run of rows and half-life, and the days spanned.
        // Doing the per-person work here keeps the main loop to plain array reads.
        var runs: [(start: Int, end: Int, table: Int)] = []
        var halfLives: [Double] = []
        var minDay = Int32.max
        var maxDay = Int32.min
        columns.person.withUnsafeBufferPointer { person in
            columns.day.withUnsafeBufferPointer { day in
                var start = 0
                for i in 0..<n {
                    minDay = min(minDay, day[i])
                    maxDay = max(maxDay, day[i])
                    guard i + 1 == n || person[i + 1] != person[i] else {
                        precondition(day[i + 1] >= day[i], "the kernel needs interactions ordered by person, then day")
                        continue
                    }
                    precondition(
                        i + 1 == n || person[i + 1] > person[i],
                        "the kernel needs interactions ordered by person, then day")
                    let h = halfLife(person[start])
                    let table =
                        halfLives.firstIndex(of: h)
                        ?? {
                            halfLives.append(h)
                            return halfLives.count - 1
                        }()
                    runs.append((start, i + 1, table))
                    start = i + 1
                }
            }
        }
        // 2^(-k/h) for every whole number of days spanned: the activity table, then one per half-life, in one array.
        let span = Int(maxDay - minDay) + 1
        var tables = [Double](repeating: 0, count: span * (halfLives.count + 1))
        for (t, h) in ([activityHalfLife] + halfLives).enumerated() {
            for k in 0..<span { tables[t * span + k] = exp2(-Double(k) / h) }
        }
        var result: [(Int64, RelationshipState)] = []
        result.reserveCapacity(runs.count)

        precondition(columns.isContact.count == n, "every interaction needs its isContact flag")
        columns.isContact.withUnsafeBufferPointer { contact in
            columns.person.withUnsafeBufferPointer { person in
                columns.day.withUnsafeBufferPointer { day in
                    columns.weight.withUnsafeBufferPointer { weight in
                        columns.direction.withUnsafeBufferPointer { direction in
                            tables.withUnsafeBufferPointer { tables in
                                let activityDecay = tables.baseAddress!
                                for run in runs {
                                    var i = run.start
                                    let h = halfLives[run.table]
                                    let strengthDecay = activityDecay + (run.table + 1) * span
                                    // The sums hold every closed episode decayed to the open episode's day; closing an episode
                                    // adds its weight and decays by the gap to the next, 2^(-gap/h) from the table. This is the
                                    // recurrence of RelationshipState.absorb with the same factors, in one pass.
                                    var strengthSum = 0.0
                                    var activitySum = 0.0
                                    var episodes = 0
                                    var lastContact = Int32.min  // none yet
                                    var firstContact = Int32.min
                                    var contactEpisodes = 0
                                    var outbound = 0
                                    var inbound = 0
                                    let firstDay = day[i]
                                    var episodeDay = day[i]
                                    var episodeWeight = weight[i]
                                    while i < run.end {
                                        let d = day[i]
                                        let w = weight[i]
                                        let r = direction[i]
                                        let isContact = contact[i]
                                        contactEpisodes &+= isContact && d != lastContact ? 1 : 0
                                        firstContact = isContact && firstContact == .min ? d : firstContact
                                        lastContact = isContact ? d : lastContact
                                        outbound &+= r == .inbound ? 0 : 1
                                        inbound &+= r == .outbound ? 0 : 1
                                        // Branch-free: whether a row opens a new episode depends on the data, so a branch
                                        // mispredicts often. A same-day row has gap 0 and factor 1, and only its weight can
                                        // change the open episode's (measured: the branching loop ran at ~90 M rows/s).
                                        let gap = Int(d &- episodeDay)
                                        let isNew = gap != 0
                                        let carried = isNew ? episodeWeight : 0
                                        strengthSum = (strengthSum + carried) * strengthDecay[gap]
                                        activitySum = (activitySum + carried) * activityDecay[gap]
                                        episodes &+= isNew ? 1 : 0
                                        episodeWeight = isNew ? w : max(episodeWeight, w)
                                        episodeDay = d
                                        i += 1
                                    }
                                    strengthSum += episodeWeight  // the open episode, on the last day: no decay
                                    activitySum += episodeWeight
                                    episodes += 1
                                    let p = person[run.start]
                                    var state = RelationshipState(
                                        day: Day(ordinal: Int(episodeDay)), weight: episodeWeight, direction: .mutual,
                                        halfLife: h, activityHalfLife: activityHalfLife)
                                    state.firstDay = Day(ordinal: Int(firstDay))
                                    state.episodes = episodes
                                    state.strengthSum = strengthSum
                                    state.activitySum = activitySum
                                    state.outbound = outbound
                                    state.inbound = inbound
                                    state.lastContactDay = lastContact == .min ? nil : Day(ordinal: Int(lastContact))
                                    state.firstContactDay = firstContact == .min ? nil : Day(ordinal: Int(firstContact))
                                    state.contactEpisodes = contactEpisodes
                                    result.append((p, state))
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
