import ArgumentParser

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
