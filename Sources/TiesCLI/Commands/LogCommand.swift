import ArgumentParser
import Foundation
import TiesCore
import TiesStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a contact with someone (the default of `ties log`).",
        discussion: """
            Contacts on the same day collapse into one episode weighted by the strongest: a meeting (3) outweighs \
            a call (2), which outweighs a two-way email thread (1). The default direction is mutual; use \
            --direction in when they reached out, out when you did and have no reply yet.

            Examples:
              ties log "Dana Reyes" call --note "Talked about the COO search at Mercy"
              ties log Dana email --direction in --unanswered --at 2026-03-02
              ties log "Sam Okafor" meeting --at 2026-03-01T12:30
            """)

    @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
    @Argument(help: "What kind: \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind:
        InteractionKind
    @Option(
        help: ArgumentHelp(
            "When it happened: \(DateInput.accepted). A date alone stays that day wherever you later are. Default: now.",
            valueName: "date"),
        transform: DateInput.option("--at"))
    var at: DateInput?
    @Option(help: "in (they reached out), out (you did) or mutual.") var direction: Direction?
    @Flag(help: "They reached out and you have not answered yet (implies --direction in).") var unanswered = false
    @Option(help: "How many people took part, for group messages and events.") var groupSize: Int = 1
    @Option(help: "A note to remember it by.") var note: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if unanswered, let direction, direction != .inbound {
            throw ValidationError(
                "--unanswered is for contacts they started; it cannot go with --direction \(direction.rawValue)")
        }
        guard groupSize >= 1 else { throw ValidationError("--group-size must be 1 or more; got \(groupSize)") }
    }

    func run() throws {
        let now = Date()
        // A date alone stays a date (DateOnly): the same day wherever the user later is.
        let (when, dateOnly) = at?.recorded ?? (now, false)
        var mapper = DayMapper(timeZone: .current)
        var interaction = Interaction(
            personID: 0, occurredAt: when, kind: kind,
            direction: unanswered ? .inbound : (direction ?? .mutual), answered: !unanswered,
            groupSize: groupSize, note: note, dateOnly: dateOnly)
        let day = mapper.day(of: interaction)
        if interaction.isInFuture(now: now, timeZone: .current) {
            throw CLIError(.usage, "--at: \(day) is in the future; log contacts that have happened")
        }
        let store = try store.open()
        let person = try store.person(self.person)
        interaction.personID = person.id
        let stored = try store.log(interaction, context: scoringContext(store))
        write("Logged \(kind.rawValue) with \(person.name) on \(day) (#\(stored.id)).\n")
    }
}
