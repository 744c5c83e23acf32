import TiesCore

/// Shared wording of the weekly report, so every format says the same thing.
enum ReportText {
    static func changeText(_ change: Double?) -> String {
        // Last week has a value whenever this week has one, except in the week of the first recorded contact.
        guard let change else { return "the first week with a recorded contact: nothing to compare with yet" }
        let rounded = (change * 10).rounded() / 10
        if rounded == 0 { return "unchanged since last week" }
        return "\(rounded > 0 ? "up" : "down") \(Table.format(abs(rounded), digits: 1)) since last week"
    }

    /// What the report says when it has no action: nothing pressing, or — with no contact recorded at all —
    /// how to start (commands in `pieces`, so each format can show them as code).
    static func noActions(withHistory: Int) -> [AdviceText.Piece] {
        guard withHistory == 0 else { return [.text("Nothing pressing: every relationship is in rhythm.")] }
        return [
            .text("Nothing to act on yet: no contact is recorded. Log your next conversation ("),
            .command("ties log --help"), .text(") or bring your history in ("), .command("ties import --help"),
            .text(")."),
        ]
    }

    /// The verdict on a week's health; before the first recorded contact, how to start.
    static func verdict(_ health: Double?) -> String {
        guard let health else { return notStarted }
        switch health {
        case 80...: return "Your network is in good shape."
        case 60..<80: return "Your network is holding, with a few things to tend."
        case 40..<60: return "Your network needs attention this week."
        default: return "Your network is going quiet: it needs work before you need it."
        }
    }

    static func gapPeople(_ gap: Gap, _ report: WeeklyReport, limit: Int = 6) -> String {
        let names = gap.people.prefix(limit).map { report.names[$0] ?? "#\($0)" }
        return names.joined(separator: ", ") + (gap.people.count > limit ? " and \(gap.people.count - limit) more" : "")
    }

    /// What the report says in place of a health value before the first recorded contact.
    static let notStarted =
        "Start by logging a conversation (`ties log --help`) or bringing your history in (`ties import --help`)."

    /// What the report says in place of the change since last week before the first recorded contact.
    static let noHealthYet = "no health yet: there is nothing to measure before the first recorded contact"

    /// The headline number, or "—" before the first recorded contact.
    static func healthText(_ health: Double?) -> String { health.map { Table.format($0, digits: 0) } ?? "—" }

    /// Eight-level block characters for a sparkline of values 0–100; a week with no value is a space.
    static func sparkline(_ values: [Double?]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { $0.map { blocks[min(7, max(0, Int($0 / 100 * 8)))] } ?? " " })
    }

    /// The trend's values in words: from the first week with a value to this week, or "none yet".
    static func trendRange(_ trend: [WeeklyReport.TrendPoint]) -> String {
        let valued = trend.compactMap { p in p.health.map { (p.day, $0) } }
        guard let first = valued.first, let last = valued.last else { return "no values yet" }
        let since = first.0 == trend.first?.day ? "" : "since \(first.0): "
        return since + Table.format(first.1, digits: 0) + " → " + Table.format(last.1, digits: 0)
    }
}

extension WeeklyReport {
    /// The report for a terminal, no line wider than `width` columns (visible width: colour codes count 0,
    /// wide characters 2); continuation lines are indented under their text. ANSI colour only when `colour` is
    /// true (the CLI passes true on a terminal without NO_COLOR). User text is sanitised.
    public func terminal(colour: Bool, width: Int = 100) -> String {
        func c(_ code: String, _ text: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let s = TextTable.sanitised
        func wrap(_ text: String, prefix: String) -> String { TerminalText.wrapped(text, width: width, prefix: prefix) }
        var out = wrap(c("1", "Network health — week \(week) (as of \(asOf))"), prefix: "") + "\n"
        guard hasHealth else {
            out += wrap("No health yet: there is nothing to measure before the first recorded contact.", prefix: "  ")
            // With no action, "This week" says how to start; with one (a promise due), it is said here.
            if !actions.isEmpty { out += wrap(ReportText.notStarted, prefix: "  ") }
            return out + remainder(colour: colour, width: width)
        }
        out += wrap(
            "\(ReportText.changeText(change)). \(ReportText.verdict(headline))",
            prefix: "  " + c("1", "\(ReportText.healthText(headline))/100") + "  ")
        out +=
            wrap(
                "\(ReportText.sparkline(trend.map(\.health)))  (\(ReportText.trendRange(trend)))",
                prefix: "  12-week trend: ") + "\n"
        for component in health.components {
            let filled = Int((component.value * 10).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 10 - filled)
            let score = TerminalText.leftPadded(Table.format(component.value * 100, digits: 0), to: 3)
            out += wrap(
                s(component.detail), prefix: "  \(TerminalText.padded(component.name, to: 14)) \(bar) \(score)  ")
        }
        return out + remainder(colour: colour, width: width)
    }

    /// The terminal report after the headline: the note on `--tag`, actions, gaps and counts.
    private func remainder(colour: Bool, width: Int) -> String {
        func c(_ code: String, _ text: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let s = TextTable.sanitised
        func wrap(_ text: String, prefix: String) -> String { TerminalText.wrapped(text, width: width, prefix: prefix) }
        var out = ""
        if !focusTags.isEmpty { out += "\n" + wrap(s(focusNote), prefix: "") }
        out += "\n" + c("1", "This week") + "\n"
        if actions.isEmpty {
            out += wrap(AdviceText.line(noActionsPieces), prefix: "  ")
        }
        for (i, action) in actions.enumerated() {
            out += wrap(
                "\(s(action.name))\(action.must ? c("33", " [must]") : "") — \(s(AdviceText.sentence(action.advice, name: action.name)))",
                prefix: "  \(i + 1). ")
            for reason in action.reasons { out += wrap(s(reason), prefix: "     · ") }
        }
        out += "\n" + c("1", "Gaps") + "\n"
        if gaps.isEmpty { out += "  None found.\n" }
        for gap in gaps {
            let tag = gap.severity == .high ? c("31", "HIGH  ") : gap.severity == .medium ? c("33", "MEDIUM") : "low   "
            out += wrap("\(s(gap.title)) [\(gap.code.rawValue)]", prefix: "  \(tag) ")
            out += wrap(s(AdviceText.sentence(gap.advice)), prefix: "         → ")
        }
        out += snoozedTerminal(heading: { c("1", $0) }, wrap: { wrap($0, prefix: $1) })
        out += "\n" + wrap(c("1", "Who is where") + " (people with a history: active / cooling / cold)", prefix: "")
        out +=
            TextTable.render(countsTable(byRole, first: "role"), empty: Self.noRoles, width: width - 2).split(
                separator: "\n"
            ).map {
                "  " + $0
            }.joined(
                separator: "\n") + "\n\n"
        out +=
            TextTable.render(countsTable(byLayer, first: "layer"), width: width - 2).split(separator: "\n").map {
                "  " + $0
            }.joined(
                separator: "\n") + "\n"
        out +=
            "\n"
            + wrap(
                "\(people) people, \(withHistory) with a history\(dormantNote). `ties next` for the full list, `ties gaps` for every gap.",
                prefix: "")
        return out
    }

    /// In place of the table by role when no one with a history has a role (a LinkedIn-only store's
    /// recruiters are dormant): "(none)" there read as if no one had a history.
    static let noRoles = "No one with a history has a role yet (`ties person edit --help` shows how to add one)."

    func countsTable(_ rows: [StatusCounts], first: String) -> Table {
        Table(
            columns: [first, "active", "cooling", "cold", "total"],
            rows: rows.map {
                [.text($0.label), .integer($0.active), .integer($0.cooling), .integer($0.cold), .integer($0.total)]
            })
    }
}
