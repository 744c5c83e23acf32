import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesReports
import TiesStore

extension Role: ExpressibleByArgument {}
extension RecruiterKind: ExpressibleByArgument {}
extension InteractionKind: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension Tie.Kind: ExpressibleByArgument {}
extension TiesCSVImport.Kind: ExpressibleByArgument {}

/// `--db PATH`, accepted by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store file.",
            discussion:
                "Default: $TIES_DB, else $XDG_DATA_HOME/ties/ties.sqlite, else ~/.local/share/ties/ties.sqlite.",
            valueName: "path"))
    var db: String?

    var url: URL { Store.location(flag: db, environment: ProcessInfo.processInfo.environment) }

    /// Opens the existing store (it must exist); what it writes is recorded under this command line.
    func open(readOnly: Bool = false) throws -> Store {
        let store = try Store.open(at: url, readOnly: readOnly)
        store.recordChanges(as: CommandLineText.current)
        return store
    }
}

/// `--as-of DATE`: the moment "now" stands for, so every result can be reproduced.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Compute as of this date (the whole day counts) or date-time. Default: now.", valueName: "date"),
        transform: DateInput.option("--as-of"))
    var asOf: DateInput?

    /// The instant "now" stands for.
    var instant: Date { asOf?.endInstant(timeZone: .current) ?? Date() }

    /// The day "now" falls on, in the user's time zone.
    var day: Day {
        var mapper = DayMapper(timeZone: .current)
        return mapper.day(for: instant)
    }
}

/// Output format of listings.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}

struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table (aligned text), csv (RFC 4180, for spreadsheets) or json.")
    var format: OutputFormat = .table

    /// Writes `table` to standard output in the chosen format.
    func emit(_ table: Table, empty: String = "(none)") {
        switch format {
        case .table: write(TextTable.render(table, empty: empty, width: TerminalWidth.current))
        case .csv: write(CSVWriter.write(table, forTerminal: isatty(1) == 1))
        case .json: write(JSONWriter.write(table))
        }
    }
}

/// Writes text to standard output without adding a newline; an output error ends the command (see
/// ``StandardStreams``).
func write(_ text: String) {
    StandardStreams.write(text)
}

/// The scoring context of a store in the user's time zone.
func scoringContext(_ store: Store) throws -> ScoringContext {
    ScoringContext(configuration: try store.configuration(), timeZone: .current)
}
