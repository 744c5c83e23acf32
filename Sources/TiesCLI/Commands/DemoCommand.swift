import ArgumentParser
import Foundation
import TiesCore
import TiesStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a new store with a realistic, made-up network to explore.",
        discussion: """
            The demo network belongs to an early-career healthcare executive: recruiters at several search firms \
            and in-house, mentors, managers, colleagues across hospitals, a health system and a professional \
            association, with years of bursty contact ending on the --as-of day (default today), some \
            unanswered recruiter calls and some ties gone cold; and the user's own records: a recent change of \
            email that some recruiters have not been told about, a few promises, a career journal. Every name \
            is invented.

            The same --seed, --people, --years, --as-of and time zone (TZ) give identical data on every machine. \
            The store must be new or empty.

            Examples:
              ties demo --db demo.sqlite
              ties demo --seed 7 --people 20000 --db big.sqlite
            """)

    @Option(help: "Seed for the random generator.") var seed: UInt64 = 1
    @Option(help: "How many people.") var people: Int = 150
    @Option(help: "Years of history.") var years: Int = 5
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...1_000_000).contains(people) else {
            throw ValidationError("--people must be 1 to 1000000; got \(people)")
        }
        guard (1...50).contains(years) else { throw ValidationError("--years must be 1 to 50; got \(years)") }
    }

    func run() throws {
        let url = store.url
        let existed = FileManager.default.fileExists(atPath: url.path)
        let existing = existed ? try Store.open(at: url) : nil
        if let existing, try existing.counts().people > 0 {
            throw StoreError.notEmpty(path: url.path, what: "people")
        }
        let options = DemoOptions(seed: seed, people: people, years: years, endDay: asOf.day, timeZone: .current)
        let network = DemoGenerator.generate(options)
        // Built in a file of its own beside the store, then moved in whole: a demo that fails leaves neither
        // a half-made store nor -wal/-shm files behind, and an existing empty store as it was.
        let building = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).demo-\(ProcessInfo.processInfo.processIdentifier)")
        Store.discard(at: building)
        do {
            try existing?.backup(to: building)
            let target = try Store.create(at: building)
            target.recordChanges(as: CommandLineText.current)
            try fill(target, network: network, options: options)
            if let existing {
                try target.copy(into: existing)
                try target.close()
                Store.discard(at: building)
            } else {
                try target.close()
                guard rename(building.path, url.path) == 0 else {
                    throw CLIError(.cantCreate, "cannot move the demo store into place at \(url.path)")
                }
            }
        } catch {
            Store.discard(at: building)
            try? existing?.close()
            if case StoreError.diskFull = error { throw StoreError.diskFull(path: url.path) }
            throw error
        }
        write(
            """
            Created a demo network in \(url.path): \(network.people.count) people, \(network.organisations.count) organisations, \
            \(network.ties.count) ties between people, \(network.interactions.count) interactions up to \(options.endDay) (seed \(seed)).
            Try: ties next --db \(url.path)

            """)
    }

    /// Loads the demo network and the user's own records into `target`.
    private func fill(_ target: Store, network: DemoNetwork, options: DemoOptions) throws {
        try target.load(
            organisations: network.organisations, people: network.people, ties: network.ties,
            interactions: network.interactions,
            context: ScoringContext(configuration: try target.configuration(), timeZone: .current),
            createdAt: asOf.instant)
        let career = DemoGenerator.career(for: network, options: options)
        for detail in career.details { try target.addMyDetail(detail) }
        for d in career.disclosures {
            try target.addDisclosure(personID: d.personID, kind: d.kind, version: d.version, on: d.day)
        }
        for commitment in career.commitments { try target.addCommitment(commitment) }
        for entry in career.journal { try target.addJournalEntry(entry) }
    }
}
