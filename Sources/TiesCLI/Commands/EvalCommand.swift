import ArgumentParser
import Foundation
import TiesCore
import TiesStore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Check that the scores predict real behaviour.",
        subcommands: [Temporal.self])
}

/// The cutoffs and horizon of a temporal evaluation.
struct EvaluationWindow: ParsableArguments {
    @Option(help: "Days ahead in which a contact counts as predicted.") var horizon: Int = 30
    @Option(name: .customLong("from"), help: "First cutoff, in days after the first interaction.") var fromDay: Int?
    @Option(name: .customLong("to"), help: "Last cutoff, in days after the first interaction.") var toDay: Int?
    @Option(help: "Days between cutoffs.") var step: Int?
    @Option(help: "k of precision@k: how many people per person are predicted.") var k: Int = 5

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be 1 or more days; got \(horizon)") }
        if let step, step < 1 { throw ValidationError("--step must be 1 or more days; got \(step)") }
        if let fromDay, let toDay, fromDay > toDay {
            throw ValidationError("--from (\(fromDay)) must not be after --to (\(toDay))")
        }
        guard k >= 1 else { throw ValidationError("--k must be 1 or more; got \(k)") }
    }
}

/// The evaluation's rows as a table: one row per score.
func evaluationTable(_ result: TemporalEvaluationResult) -> Table {
    let cutoffColumns = result.cutoffs.map { "auc_day\($0.dayOffset)" }
    return Table(
        columns: ["score", "pooled_auc", "precision_at_\(result.precisionK)"] + cutoffColumns + ["pairs", "positives"],
        rows: result.rows.map { row in
            [
                .text(row.score.rawValue), row.pooledAUC.map { .number($0, digits: 4) } ?? .null,
                row.precisionAtK.map { .number($0, digits: 4) } ?? .null,
            ]
                + row.cutoffAUC.map { $0.map { .number($0, digits: 4) } ?? .null }
                + [.integer(row.candidatePairs), .integer(row.positivePairs)]
        })
}

extension EvalCommand {
    struct Temporal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a SNAP-style temporal network and measure how well each score predicts the next contacts.",
            discussion: """
                FILE holds one interaction per line, `SRC DST UNIXTS` (whitespace-separated integers, UTC \
                seconds); lines starting with # or % are comments. At each cutoff, every pair that has been in \
                touch before is scored with recency, frequency (active days), strength, activity and cadence, \
                and the scores are judged by whether the pair is in touch within the horizon: pooled AUC over \
                all cutoffs (ties count half), per-cutoff AUC, and mean precision@k — over each (cutoff, \
                person) with at least one contact in the horizon, the share of their k highest-scored \
                pairs (equal scores by id) that are in touch, out of k or of their number of pairs if fewer. \
                Default cutoffs: days 90 to 150 after the first interaction, every 20 days; horizon 30 days.

                Example (the SNAP CollegeMsg network):
                  ties eval temporal CollegeMsg.txt --horizon 30 --from 90 --to 150 --step 20
                  ties eval temporal CollegeMsg.txt --calibrate --format csv
                """)

        @Argument(help: "The edge list.") var file: String
        @OptionGroup var window: EvaluationWindow
        @Option(help: "Activity half-life in days (default: the configuration's, 30).") var halfLife: Double?
        @Flag(help: "First fit the activity half-life to these cutoffs (in-sample), then evaluate with it.")
        var calibrate = false
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if let halfLife, !(halfLife > 0 && halfLife.isFinite) {
                throw ValidationError("--half-life must be a positive number of days")
            }
        }

        func run() throws {
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw CLIError(.noInput, "\(file): no such file")
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CLIError(.noInput, "\(file): cannot read it")
            }
            let edges: TemporalEdgeList
            do { edges = try TemporalEdgeList(parsing: data) } catch { throw CLIError(.data, "\(file): \(error)") }
            var configuration = ScoringConfiguration()
            if let halfLife { configuration.activityHalfLifeDays = halfLife }
            let plan = EvaluationPlan(
                fromDay: window.fromDay ?? 90, toDay: window.toDay ?? 150, stepDays: window.step ?? 20,
                horizonDays: window.horizon, precisionK: window.k, configuration: configuration)
            let events = edges.contactEvents(weight: 1)
            let result: TemporalEvaluationResult
            var note = ""
            do {
                if calibrate {
                    let fit = try ActivityCalibration.calibrate(events, plan: plan)
                    result = fit.evaluation
                    note =
                        "Activity half-life fitted to these cutoffs: \(Table.format(fit.fittedHalfLifeDays, digits: 1)) days "
                        + "(pooled AUC \(Table.format(fit.objectiveBefore, digits: 4)) at \(Table.format(fit.initialHalfLifeDays, digits: 0)) days → \(Table.format(fit.objectiveAfter, digits: 4)))\n"
                } else {
                    result = try TemporalEvaluation.evaluate(events, plan: plan)
                }
            } catch {
                throw CLIError(.data, "\(file): \(error)")
            }
            if format.format == .table {
                write(
                    "\(edges.edges.count) interactions, \(result.pairCount) pairs; cutoffs at days \(result.cutoffs.map { String($0.dayOffset) }.joined(separator: ", ")) after the first; horizon \(result.horizonDays) days; activity half-life \(Table.format(result.activityHalfLifeDays, digits: 1)) days\n"
                )
                if edges.selfLoopsSkipped > 0 { write("(\(edges.selfLoopsSkipped) self-loops skipped)\n") }
                write(note + "\n")
            }
            format.emit(evaluationTable(result))
        }
    }
}

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the activity half-life to your own history.",
        discussion: """
            Looks back over your interactions: at cutoffs every --step days over the year before --as-of, it \
            asks how well activity ranks the people you were in touch with in the following --horizon days, and \
            finds the half-life that ranks them best (pooled AUC; GSL's Brent minimiser). The last three \
            cutoffs are held out: the fitted half-life is stored only if it does at least as well there as the \
            current one (or with --force). --dry-run only reports.

            Example:
              ties calibrate --dry-run
              ties calibrate --horizon 30
            """)

    @Option(help: "Days ahead in which a contact counts as predicted.") var horizon: Int = 30
    @Option(help: "Days between cutoffs.") var step: Int = 14
    @Flag(help: "Report the fit but change nothing.") var dryRun = false
    @Flag(help: "Store the fit even if it does worse on the held-out cutoffs.") var force = false
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard horizon >= 1, step >= 1 else { throw ValidationError("--horizon and --step must be 1 or more days") }
    }

    func run() throws {
        let store = try store.open()
        let configuration = try store.configuration()
        let interactions = try store.allInteractions()
        guard let first = interactions.first else {
            throw CLIError(.data, "no interactions to learn from; log some with `ties log`")
        }
        var mapper = DayMapper(timeZone: .current)
        let span = asOf.day - mapper.day(for: first.occurredAt)
        let last = span - horizon
        let start = max(step, last - 365)
        guard last - start >= 3 * step else {
            throw CLIError(
                .data,
                "too little history: calibration needs about \(horizon + 4 * step) days of interactions before --as-of (you have \(span))"
            )
        }
        let cutoffs = Array(stride(from: start, through: last, by: step))
        let fitCutoffs = cutoffs.dropLast(3)
        let heldOut = cutoffs.suffix(3)
        var settings: [Int64: AlterSettings] = [:]
        for person in try store.people(withContactDetails: false) {
            settings[person.id] = AlterSettings(person: person.record, configuration: configuration)
        }
        func plan(_ days: ArraySlice<Int>) -> EvaluationPlan {
            EvaluationPlan(
                fromDay: days.first!, toDay: days.last!, stepDays: step, horizonDays: horizon,
                timeZone: .current, configuration: configuration, alterSettings: settings)
        }
        let events = ContactEvent.events(
            from: interactions.filter { $0.occurredAt <= asOf.instant }, configuration: configuration)
        let fit: HalfLifeCalibration
        do {
            fit = try ActivityCalibration.calibrate(events, plan: plan(fitCutoffs), heldOut: plan(heldOut))
        } catch {
            throw CLIError(.data, "cannot calibrate: \(error)")
        }
        let f = { (x: Double?) in x.map { Table.format($0, digits: 4) } ?? "n/a" }
        write(
            """
            Activity half-life: \(Table.format(fit.initialHalfLifeDays, digits: 1)) → \(Table.format(fit.fittedHalfLifeDays, digits: 1)) days
              fitted on \(fitCutoffs.count) cutoffs: pooled AUC \(f(fit.objectiveBefore)) → \(f(fit.objectiveAfter))
              held out, the last \(heldOut.count) cutoffs: pooled AUC \(f(fit.heldOutBefore)) → \(f(fit.heldOutAfter))

            """)
        let better = (fit.heldOutAfter ?? 0) >= (fit.heldOutBefore ?? 0)
        if dryRun {
            write("Dry run: nothing changed.\n")
        } else if better || force {
            var updated = configuration
            updated.activityHalfLifeDays = (fit.fittedHalfLifeDays * 10).rounded() / 10
            try store.setConfiguration(updated)
            write("Stored activityHalfLifeDays = \(Table.format(updated.activityHalfLifeDays, digits: 1)).\n")
        } else {
            write("Not stored: the fit does worse on the held-out cutoffs (use --force to store it anyway).\n")
        }
    }
}
