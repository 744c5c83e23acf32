import ArgumentParser
import Foundation
import TiesCore
import TiesReports
import TiesStore

enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case terminal, markdown, html, json
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The weekly network-health report: how your network is doing and what to do this week.",
        discussion: """
            Shows a health index (0–100) with its change since last week and a 12-week trend, this week's top \
            actions, the gaps (most severe first), and how many people of each role and layer are active, \
            cooling or cold. Every week's health is computed from your records as they are now: logging, \
            importing, editing or undoing a past contact changes the past weeks too. A report keeps the weeks \
            it computed, to reuse until the records change. There is no health before the first recorded \
            contact.

            The same store and --as-of (or --week) give byte-identical output. The terminal form uses colour \
            only on a terminal, and never with NO_COLOR set.

            Examples:
              ties report
              ties report --week 2026-W48 --format html --out week48.html
              ties report --format markdown --template my-weekly.md
              ties report --as-of 2026-06-30 --format json
              ties report --format html --archive ~/reports --mail-to me@example.org
              ties report --tag chicago

            With --archive DIR, each week's report is kept in DIR (2026-W48.html) with an index.html \
            linking them; with --mail-to, the report is sent, attached to a plain-text summary, through \
            the machine's sendmail ($SENDMAIL, else /usr/sbin/sendmail). `ties schedule install` runs \
            this every week.

            With --tag (repeat for any of several), the actions, the gaps and who is snoozed are limited to \
            people carrying the tag, and the gaps about the whole network (recruiter coverage, role gaps, \
            concentration, the journal) are left out; the health, the trend and the counts stay those of \
            the whole network, and the report says so.
            """)

    @Option(help: "The ISO week to report on, e.g. 2026-W48 (its Sunday is the as-of day).") var week: String?
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "terminal, markdown, html or json.") var format: ReportFormat = .terminal
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "With --out: replace the file if it exists.") var force = false
    @Option(
        help: ArgumentHelp(
            "A Markdown or HTML template with {{placeholders}} (see Reports/templates/); needs --format markdown or html.",
            valueName: "file"))
    var template: String?
    @Option(help: "How many actions to list.") var actions: Int = 5
    @Option(help: ArgumentHelp("Keep this week's report in this folder, with an index page.", valueName: "dir"))
    var archive: String?
    @Option(help: ArgumentHelp("Send the report to this address through sendmail.", valueName: "address"))
    var mailTo: String?
    @OptionGroup var tag: TagOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try validateOutput(out, force: force, example: "week48.html")
        if week != nil && asOf.asOf != nil { throw ValidationError("give --week or --as-of, not both") }
        if let week, WeeklyReport.lastDay(ofWeek: week) == nil {
            throw ValidationError(
                "--week: '\(week)' is not an ISO week; expected YYYY-Www, e.g. 2026-W48 (weeks 01 to 52 or 53)")
        }
        guard actions >= 1 else { throw ValidationError("--actions must be 1 or more; got \(actions)") }
        if let mailTo { _ = try validatedEmail(mailTo) }
        if template != nil && format != .markdown && format != .html {
            throw ValidationError("--template needs --format markdown or --format html")
        }
    }

    func run() throws {
        // Before any work: a report that cannot be written must not store this week's health.
        if let out { try OutputFile(path: out).check(force: force) }
        let day = week.flatMap(WeeklyReport.lastDay(ofWeek:)) ?? asOf.day
        let templateText = try template.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError(.noInput, "\(path): no such file, or not readable")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let store = try self.store.open()
        var loader = try NetworkLoader(store: store)
        loader.focus = try tag.selection(store)
        var snapshots = HealthWeeks()
        var report = try Self.build(loader, day: day, actions: actions, snapshots: &snapshots)
        report.focusTags = tag.tags
        let text: String
        switch format {
        case .terminal:
            let colour =
                out == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                && ProcessInfo.processInfo.environment["TERM"] != "dumb"
            text = report.terminal(
                colour: colour && archive == nil,
                width: out == nil && archive == nil ? TerminalWidth.current : TerminalWidth.fallback)
        case .markdown, .html:
            let kind: WeeklyReport.TemplateFormat = format == .markdown ? .markdown : .html
            do {
                text = try report.render(
                    template: templateText
                        ?? (kind == .markdown
                            ? WeeklyReport.defaultMarkdownTemplate : WeeklyReport.defaultHTMLTemplate),
                    format: kind)
            } catch {
                throw CLIError(.data, "\(template ?? "template"): \(error)")
            }
        case .json: text = report.json()
        }
        if let archive { try Self.archive(text, week: report.week, format: format, in: archive) }
        if let mailTo { try Self.mail(text, report: report, format: format, to: mailTo) }
        if archive == nil && mailTo == nil || out != nil { try emitOutput(text, to: out, force: force) }
        // Only once the report is out: a report that fails (a bad template, an unwritable --out, a full
        // disk) leaves the store as it was.
        try store.saveHealthSnapshots(snapshots.computed, basis: snapshots.basis, context: loader.context)
    }

    /// The weeks a report computed, and the basis they were computed under (see `HealthCache` in TiesStore).
    struct HealthWeeks {
        var basis = ""
        var computed: [Day: HealthIndex] = [:]
    }

    /// Builds the report for `day`. Each past week's health comes from the records: the stored week when it
    /// is current, else computed here, in memory. The weeks computed (and this one) are added to `snapshots`,
    /// for the caller to store once the report is written. No week before the first recorded contact has a
    /// value.
    static func build(
        _ loader: NetworkLoader, day: Day, actions: Int, snapshots: inout HealthWeeks
    ) throws -> WeeklyReport {
        let store = loader.store
        let states = try store.states(asOf: day, context: loader.context)
        let (analysis, facts) = try loader.analyse(day, states: states)
        let configuration = loader.context.configuration
        let gaps = GapFinder.find(
            in: analysis, facts: facts, configuration: configuration, timeZone: loader.context.timeZone)
        let recommendations = WhoNext.rank(analysis, facts: facts, configuration: configuration).prefix(actions)
        let firstContact = analysis.people.keys.compactMap { states[$0]?.firstContactDay }.min()
        let trendDays = (1...11).reversed().map { day - 7 * $0 }
        let measured = trendDays.filter { past in firstContact.map { past >= $0 } ?? false }
        let stored = try store.healthSnapshots(measured + [day], context: loader.context)
        snapshots.basis = stored.basis
        var health = stored.health
        let missing = measured.filter { health[$0] == nil }
        if !missing.isEmpty {
            let pastStates = try store.states(asOf: missing, context: loader.context)
            for past in missing {
                let (pastAnalysis, pastFacts) = try loader.analyse(past, states: pastStates[past] ?? [:])
                let index = HealthIndex.compute(pastAnalysis, facts: pastFacts)
                health[past] = index.value
                snapshots.computed[past] = index
            }
        }
        let report = WeeklyReport.build(
            analysis: analysis, facts: facts, gaps: gaps, recommendations: Array(recommendations),
            trend: trendDays.map { WeeklyReport.TrendPoint(day: $0, health: health[$0]) }, firstContact: firstContact,
            configuration: configuration)
        if report.hasHealth && health[day] == nil { snapshots.computed[day] = report.health }
        return report
    }
}

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "What is missing or slipping in your network, most severe first.",
        discussion: """
            Each gap has a stable code (for scripts), a severity, the people involved and an action. Codes:
            \(GapCode.allCases.map { "  \($0.rawValue)\n      \($0.meaning)" }.joined(separator: "\n"))

            Example:
              ties gaps
              ties gaps --format csv
              ties gaps --tag chicago

            With --tag (repeat for any of several), only the gaps about people carrying the tag, naming \
            only them; the gaps about the whole network (recruiter coverage, role gaps, concentration, the \
            journal) are left out.
            """)

    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var tag: TagOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        format.emit(
            try Self.table(store: store, asOf: asOf.day, focus: tag.selection(store)),
            empty:
                "No gaps as of \(asOf.day)\(tag.tags.isEmpty ? "" : " among the people tagged \(tag.tags.joined(separator: " or "))")."
        )
    }

    /// The gaps as rows, also what `ties export gaps` writes; with `focus`, only the gaps about those people.
    static func table(store: Store, asOf day: Day, focus: Set<Person.ID>? = nil) throws -> Table {
        var loader = try NetworkLoader(store: store)
        loader.focus = focus
        let (analysis, facts) = try loader.analyse(day)
        let gaps = GapFinder.find(
            in: analysis, facts: facts, configuration: loader.context.configuration, timeZone: loader.context.timeZone)
        let names = { (id: Person.ID) in analysis.people[id]?.name ?? "#\(id)" }
        return Table(
            columns: ["severity", "code", "title", "people", "action"],
            rows: gaps.map { g in
                [
                    .text(g.severity.description), .text(g.code.rawValue), .text(g.title),
                    .text(g.people.map(names).joined(separator: "; ")), .text(AdviceText.sentence(g.advice)),
                ]
            })
    }
}
