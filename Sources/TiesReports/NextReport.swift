import TiesCore

/// The text of `ties next`: who to contact, why, and what to do.
public enum NextReport {
    /// Numbered entries with their reasons and action, wrapped to `width` columns (continuation lines under
    /// their text).
    public static func render(_ rows: [Recommendation], asOf: Day, width: Int = 100) -> String {
        func wrap(_ text: String, _ prefix: String) -> String {
            TerminalText.wrapped(text, width: width, prefix: prefix)
        }
        guard !rows.isEmpty else {
            return wrap(
                "Nobody needs a nudge as of \(asOf): every relationship with a history is within its usual rhythm.", "")
        }
        var out = "Who to contact next (as of \(asOf)):\n"
        for (i, row) in rows.enumerated() {
            out +=
                "\n"
                + wrap(
                    "\(TextTable.sanitised(row.name))\(row.isHard ? "  [must]" : "")  priority \(Table.format(row.priority, digits: 1))",
                    "\(i + 1). ")
            for reason in row.reasons { out += wrap(TextTable.sanitised(reason.text), "   - ") }
            out += wrap(TextTable.sanitised(AdviceText.sentence(row.advice, name: row.name)), "   → ")
        }
        return out
    }

    /// The same rows as a table, for CSV and JSON.
    public static func table(_ rows: [Recommendation]) -> Table {
        Table(
            columns: ["rank", "id", "name", "priority", "must", "reason_codes", "reasons", "action"],
            rows: rows.enumerated().map { i, r in
                [
                    .integer(i + 1), .integer(Int(r.personID)), .text(r.name), .number(r.priority, digits: 2),
                    .bool(r.isHard),
                    .text(r.reasons.map(\.code.rawValue).joined(separator: ";")),
                    .text(r.reasons.map(\.text).joined(separator: "; ")),
                    .text(AdviceText.sentence(r.advice, name: r.name)),
                ]
            })
    }
}

/// The text of `ties explain`.
public enum ExplainReport {
    public static func render(_ e: Explanation, name: String) -> String {
        let f = Table.format
        var out = "How \(TextTable.sanitised(name))'s scores are computed, as of \(e.asOf)\n\n"
        if e.episodes.isEmpty { return out + "No interactions up to \(e.asOf), so every score is 0.\n" }
        out += "Day-episodes (interactions of one day collapse into one, weighted by the strongest):\n"
        let table = Table(
            columns: ["day", "interactions", "strongest", "weight", "age_days", "strength_part", "activity_part"],
            rows: e.episodes.suffix(25).map {
                [
                    .day($0.day), .integer($0.interactions), .text($0.kind.rawValue), .number($0.weight, digits: 2),
                    .integer($0.age), .number($0.strengthContribution, digits: 3),
                    .number($0.activityContribution, digits: 3),
                ]
            })
        out += TextTable.render(table)
        if e.episodes.count > 25 {
            out += "(the \(e.episodes.count - 25) older episodes are left out above but counted below)\n"
        }
        out += """

            Strength
              decayed sum      Σ w·2^(−age/\(f(e.strengthHalfLife, 0)) d)                 = \(f(e.decayedSum, 3))
              reciprocity      \(e.outbound) out, \(e.inbound) in → 0.5 + 0.5·r            × \(f(e.reciprocityFactor, 3))
              tenure           known \(f(e.yearsKnown, 1)) years → 1 + 0.1·ln(1 + years)   × \(f(e.tenureFactor, 3))
              closeness        stated closeness multiplier                    × \(f(e.closenessMultiplier, 2))
              raw strength                                                    = \(f(e.rawStrength, 3))
              normalised       100·(1 − exp(−raw / \(f(e.normaliser, 3))))  (90th percentile of your network) = \(f(e.strength, 1))\(e.layer.map { ", layer \($0)" } ?? "")

            Activity
              Σ w·2^(−age/\(f(e.activityHalfLife, 0)) d)                                  = \(f(e.activity, 3))

            """
        if let c = e.cadence, let silence = e.silence, let survival = e.survival {
            out += """
                Cadence (Gamma–exponential, prior mean gap \(f(e.priorMeanGap, 0)) d for this layer)
                  \(e.episodes.count - 1) gaps over \(e.episodes.last!.day - e.episodes.first!.day) days → a' = \(f(c.shape, 0)), b' = \(f(c.scale, 0)) d
                  typical gap (median)                                          = \(f(c.typicalGap, 1)) days
                  silence \(silence) days → S(s) = (b'/(b' + s))^a'                      = \(f(survival, 3))  → \(e.status.rawValue)
                  (overdue below 0.10, cold below 0.02)

                """
        }
        return out
    }
}
