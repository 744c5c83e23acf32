import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

extension ImportCommand {
    struct LinkedIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "linkedin",
            abstract: "Import a LinkedIn data export: the .zip, its folder, or some of its files.",
            discussion: """
                Each file is recognised by its header, whatever its name: Connections (every generation since \
                2012), messages (and the older Messages), Invitations, Recommendations and Endorsements \
                (received and given), your own Profile, Email Addresses and PhoneNumbers (into `ties me`, \
                dated by the export), and your Positions (into your career journal, as employment from the \
                first day of the first month to the last day of the last; a later export gives a job that has \
                ended since its end). Other files of the export are \
                listed as not read, as are LinkedIn Learning's coach files (conversations with an AI, not \
                with people).

                Connections become people (name, company, position, profile URL, email when shared) with a \
                dated `connected` interaction; an invitation is a `connected` contact in its direction; \
                recommendations and endorsements are favours; messages are message interactions, one per \
                person in a group. People are found by profile URL, then email, then a name only one person \
                bears; each row of Connections is its own person, even when rows share a name and have no \
                profile URL (older exports). You are recognised in messages by --me (your name or profile \
                URL), else `ties me`, else the export's Profile, else as the participant in the most messages.

                A messages file over 16 MiB is read from disk in blocks; inside a zip it is first unpacked \
                into a private folder under TMPDIR, removed when the import ends.

                Example:
                  ties import linkedin Basic_LinkedInDataExport_07-11-2023.zip --dry-run
                  ties import linkedin ~/Downloads/LinkedInDataExport/ --create-people
                """)
        @Argument(help: "The export's .zip, its folder, or its CSV files.") var files: [String]
        @Option(help: "Your name or profile URL as LinkedIn shows it (repeatable).") var me: [String] = []
        @Flag(help: "Add people who appear only in messages, invitations or endorsements.") var createPeople = false
        @OptionGroup var options: ImportOptions

        func run() throws {
            var export = try LinkedInExportRead(paths: files)
            guard !export.recognised.isEmpty else { throw export.refusal() }
            let store = try options.store.open()
            let stored = try store.myDetails().filter { $0.kind == .name || $0.kind == .linkedin }.map(\.value)
            let mine = !me.isEmpty ? me : !stored.isEmpty ? stored : export.profileNames
            let identity =
                mine.isEmpty
                ? nil
                : LinkedInIdentity(
                    names: mine.filter { !$0.contains("/") }, profileURLs: mine.filter { $0.contains("/") })
            // A large messages file starts being read now, while the store gets ready for the import.
            var started = export.startReading(identity: identity)
            try export.readSmallFiles()
            var unreadable: CLIError?
            let summary = try store.importing(
                createPeople: createPeople, dryRun: options.dryRun, context: scoringContext(store), now: Date(),
                cacheMiB: 64, large: export.messageFiles.contains { $0.path != nil }
            ) { (importer: inout StoreImporter) throws(StoreError) in
                for detail in export.details where try importer.addMyDetail(detail) { export.detailsAdded += 1 }
                for entry in export.positions { export.positionOutcomes.append(try importer.addJournalEntry(entry)) }
                for record in export.people { try importer.add(record) }
                try importer.add(export.interactions)
                for file in export.messageFiles {
                    defer { started = nil }  // the first file's reading, if started
                    if let error = try export.streamMessages(
                        file, identity: identity, into: &importer, started: started)
                    {
                        unreadable = error
                        return false
                    }
                }
                return export.problems.isEmpty || options.skipInvalid
            }
            if let unreadable { throw unreadable }
            if !export.problems.isEmpty && !options.skipInvalid { throw options.refusal(export.problems) }
            var notes = export.notes
            if summary.unmatchedCount > 0, !export.recognised.contains(where: { $0.kind == .connections }),
                try !store.hasInteractions(from: LinkedInConnections.source)
            {
                notes.append(Self.connectionsFirst(files))
            }
            write(export.listing())
            options.report(summary, problems: export.problems, leftOut: export.leftOut, notes: notes)
        }

        /// The note for files of an export imported without the connections their people are found among (a
        /// new user's `ties import linkedin messages.csv`: every message "their person unknown"), with the
        /// command that imports the export's folder when its Connections file is beside the files given.
        static func connectionsFirst(_ paths: [String]) -> String {
            let text = "no LinkedIn connection is in Ties yet, and the people of messages are found among them"
            let folders = Set(paths.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
            guard folders.count == 1, let folder = folders.first,
                let name = try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                    .first(where: { $0.lowercased() == "connections.csv" })
            else { return text + ": import the export's Connections.csv (or its folder, or its .zip) with them" }
            return text
                + ": `ties import linkedin \(Schedule.shellQuoted(folder))` imports the export's \(name) with them"
        }
    }
}
