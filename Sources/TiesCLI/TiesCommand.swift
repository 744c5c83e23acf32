import ArgumentParser

/// The `ties` command.
public struct TiesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ties",
        abstract: "Keep your career network alive before you need it.",
        discussion: """
            Ties keeps a record of the people who matter to your career — recruiters, mentors, colleagues — and \
            of every contact with them, scores each relationship as it decays with time, and tells you who to \
            contact next and why. Everything stays in one SQLite file on your machine.

            Start with `ties init` (or `ties demo` to explore a made-up network), add people with \
            `ties person add` or `ties import`, log contacts with `ties log`. Every week, read `ties report`: \
            how your network is doing and what to do this week; any time, ask `ties next`. Keep promises with \
            `ties offer` and `ties done`, tell recruiters when your details change with `ties me` and \
            `ties notify`, and keep a career journal with `ties journal`.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self, ReportCommand.self, NextCommand.self, GapsCommand.self,
            PersonCommand.self, LogGroupCommand.self, TieCommand.self, ScoreCommand.self, ExplainCommand.self,
            GraphCommand.self,
            ImportCommand.self, ExportCommand.self, ConfigCommand.self, EvalCommand.self, CalibrateCommand.self,
            OfferGroupCommand.self, CommitmentsCommand.self, DoneCommand.self, MeCommand.self,
            DiscloseGroupCommand.self,
            NotifyCommand.self, JournalCommand.self, ScheduleCommand.self,
            HistoryCommand.self, UndoCommand.self, SearchCommand.self,
            SnoozeGroupCommand.self,
            BackupCommand.self, RestoreCommand.self, CheckCommand.self,
        ])

    public init() {}
}
