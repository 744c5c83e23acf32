import TiesCore

/// The text of `ties next`: who to contact, why, and what to do.
public enum NextReport {
    /// Numbered entries with their reasons and action, wrapped to `width` columns (continuation lines under
    /// their text). `ranked` is every row ``WhoNext/rank(_:facts:configuration:)`` returned; the first `limit`
    /// are shown, and a last line says how many must-do rows were left out. `withHistory` is how many people
    /// have any contact recorded. `snoozed` is how many people were left out because they are snoozed, and
    /// `tags` the tags the list is limited to (`--tag`), so that what is said of those left out stays true.
    /// With `warmUp`, `ranked` is every dormant recruiter to warm up (``WhoNext/warmUps(_:facts:count:)``,
    /// `ties next --warm-up`), and the text says so.
    public static func render(
        _ ranked: [Recommendation], limit: Int, withHistory: Int, asOf: Day, width: Int = 100, snoozed: Int = 0,
        tags: [String] = [], warmUp: Bool = false
    ) -> String {
        func wrap(_ text: String, _ prefix: String) -> String {
            TerminalText.wrapped(text, width: width, prefix: prefix)
        }
        let snoozedNote =
            snoozed == 0
            ? "" : "\(snoozed) \(snoozed == 1 ? "person is" : "people are") snoozed and left out (`ties snooze list`)."
        if warmUp { return renderWarmUps(ranked, limit: limit, asOf: asOf, snoozedNote: snoozedNote, tags: tags, wrap) }
        guard !ranked.isEmpty else {
            if !tags.isEmpty || snoozed > 0 {
                let who = tags.isEmpty ? "Nobody" : "Nobody tagged " + tags.map { "'\($0)'" }.joined(separator: " or ")
                return wrap("\(who) needs a nudge as of \(asOf)." + (snoozedNote.isEmpty ? "" : " " + snoozedNote), "")
            }
            if withHistory == 0 {
                return wrap(
                    "Nothing to rank as of \(asOf): no contact is recorded yet. Log your next conversation "
                        + "(`ties log --help`), or bring your history in (`ties import --help`).", "")
            }
            return wrap(
                "Nobody needs a nudge as of \(asOf): every relationship with a history is within its usual rhythm.", "")
        }
        let rows = ranked.prefix(limit)
        var out = "Who to contact next (as of \(asOf); priority 0–100):\n" + entries(rows, wrap)
        if !snoozedNote.isEmpty { out += "\n" + wrap(snoozedNote, "") }
        let moreMust = ranked.dropFirst(limit).filter(\.isHard).count
        if moreMust > 0 {
            out +=
                "\n"
                + wrap(
                    "\(moreMust) more must-do row\(moreMust == 1 ? "" : "s"): `ties next --limit \(rows.count + moreMust)` shows \(moreMust == 1 ? "it" : "them").",
                    "")
        }
        return out
    }

    /// The numbered entries: name and priority (or `[must]`, `[warm up]`), reasons, action.
    static func entries(_ rows: ArraySlice<Recommendation>, _ wrap: (String, String) -> String) -> String {
        var out = ""
        for (i, row) in rows.enumerated() {
            out +=
                "\n"
                + wrap(
                    "\(TextTable.sanitised(row.name))\(row.isHard ? "  [must]" : "")\(row.isWarmUp ? "  [warm up]" : "  priority \(Table.format(row.priority, digits: 1))")",
                    "\(i + 1). ")
            for reason in row.reasons { out += wrap(TextTable.sanitised(reason.text), "   - ") }
            out += wrap(TextTable.sanitised(AdviceText.sentence(row.advice, name: row.name)), "   → ")
        }
        return out
    }

    /// `ties next --warm-up`: the first `limit` dormant recruiters, and how many there are in all.
    static func renderWarmUps(
        _ ranked: [Recommendation], limit: Int, asOf: Day, snoozedNote: String, tags: [String],
        _ wrap: (String, String) -> String
    ) -> String {
        let tagged = tags.isEmpty ? "" : " tagged " + tags.map { "'\($0)'" }.joined(separator: " or ")
        guard !ranked.isEmpty else {
            // Every one left out is snoozed (or outside the tags): said so, not that there are none.
            let why =
                snoozedNote.isEmpty
                ? "none of your connections\(tagged) is a recruiter you have never spoken with."
                : "the recruiters among your connections\(tagged) you have never spoken with are snoozed. "
                    + snoozedNote
            return wrap("Nothing to warm up as of \(asOf): " + why, "")
        }
        let rows = ranked.prefix(limit)
        var out =
            wrap(
                "Recruiters\(tagged) to warm up (as of \(asOf)): among your connections, never spoken with, best placed first (in your field, at firms where you have no active contact, connected longest).",
                "") + entries(rows, wrap)
        if !snoozedNote.isEmpty { out += "\n" + wrap(snoozedNote, "") }
        if ranked.count > rows.count {
            out +=
                "\n"
                + wrap(
                    "\(rows.count) of \(ranked.count) shown; `ties next --warm-up --limit \(ranked.count)` lists every one.",
                    "")
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
    /// The explanation, and how the person's priority in `ties next` is made (`row`: their row, nil when they
    /// are not on the list; `snoozedUntil`: the day a snoozed person is back).
    public static func render(
        _ e: Explanation, name: String, row: Recommendation?, bridgeBonus: Double, underrepresentedBonus: Double,
        snoozedUntil: Day? = nil
    ) -> String {
        render(e, name: name)
            + priority(
                row, bridgeBonus: bridgeBonus, underrepresentedBonus: underrepresentedBonus, snoozedUntil: snoozedUntil)
    }

    static func priority(
        _ row: Recommendation?, bridgeBonus: Double, underrepresentedBonus: Double, snoozedUntil: Day? = nil
    ) -> String {
        let f = Table.format
        if let snoozedUntil {
            return "\nPriority in `ties next`: not on the list: snoozed until \(snoozedUntil) (`ties snooze list`).\n"
        }
        guard let row else {
            return "\nPriority in `ties next`: not on the list (in rhythm, or no history, and nothing waiting).\n"
        }
        let p = row.factors
        return """

            Priority in `ties next` (0–100)
              strength / 100                                                  = \(f(p.strength, 3))
              overdue          1 − S(s)                                       × \(f(p.overdue, 3))
              bridge           (1 + \(f(bridgeBonus, 1)) if a bridge) / (1 + \(f(bridgeBonus, 1)))            × \(f(p.bridge, 3))
              few like them    (1 + \(f(underrepresentedBonus, 1)) if under-represented) / (1 + \(f(underrepresentedBonus, 1)))  × \(f(p.underrepresented, 3))
              priority         100 × the product                              = \(f(row.priority, 1))\(row.isHard ? "  [must: listed first whatever its priority]" : "")

            """
    }

    public static func render(_ e: Explanation, name: String) -> String {
        let f = Table.format
        var out = "How \(TextTable.sanitised(name))'s scores are computed, as of \(e.asOf)\n\n"
        if e.episodes.isEmpty { return out + "No interactions up to \(e.asOf), so every score is 0.\n" }
        if let since = e.knownSince {
            out +=
                "Known since \(since) (\(e.knownSinceStated ? "as you said: `ties person edit --known-since`" : "the first recorded contact")).\n\n"
        }
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
              normalised       100·(1 − exp(−raw / \(f(e.normaliser, 3))))                  = \(f(e.strength, 1))\(e.layer.map { ", layer \($0)" } ?? "")
                               \(Self.normaliserNote(e))

            Activity
              Σ w·2^(−age/\(f(e.activityHalfLife, 0)) d)                                  = \(f(e.activity, 3))

            """
        if e.status == .dormant {
            out += """
                Dormant: connected, never in touch — a connection or an invitation is not a relationship, so
                no rhythm is learned and the person is never active until a real contact is logged.

                """
        } else if let c = e.cadence, let silence = e.silence, let survival = e.survival {
            out += """
                Cadence (Gamma–exponential, prior mean gap \(f(e.priorMeanGap, 0)) d for this layer)
                  \(e.contactDays - 1) gaps over \(e.contactSpanDays) days of real contact → a' = \(f(c.shape, 0)), b' = \(f(c.scale, 0)) d
                  typical gap (median)                                          = \(f(c.typicalGap, 1)) days
                  silence \(silence) days → S(s) = (b'/(b' + s))^a'                      = \(f(survival, 3))  → \(e.status.rawValue)
                  (cooling below 0.10, cold below 0.02)

                """
        }
        return out
    }
}
