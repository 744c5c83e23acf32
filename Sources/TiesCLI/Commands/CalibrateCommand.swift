import ArgumentParser
import Foundation
import TiesCore
import TiesStore

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
        let span = asOf.day - mapper.day(of: first)
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
