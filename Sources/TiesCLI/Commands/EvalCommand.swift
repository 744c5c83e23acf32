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
