import ArgumentParser
import Foundation
import TiesStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a file, consistently, even while other ties commands write.",
        discussion: """
            The copy is taken with SQLite's online backup API: it is the store as of one moment, in one file \
            (mode 0600). With --encrypt it is sealed with AES-256-GCM under a key derived from a passphrase \
            with scrypt (N=2^15, r=8, p=1); the passphrase is read from TIES_PASSPHRASE, else asked for on the \
            terminal (without echo), else read as one line from standard input. Keep it: without it the backup \
            cannot be read. The format is described in the README.

            Restore with `ties restore FILE`.

            Examples:
              ties backup ~/Backups/ties-2026-11-29.sqlite
              ties backup --encrypt ~/Dropbox/ties.tiesbak
            """)

    @Argument(help: ArgumentHelp("Where to write the backup.", valueName: "file")) var file: String
    @Flag(help: "Encrypt the backup with a passphrase.") var encrypt = false
    @Flag(help: "Replace the file if it exists.") var force = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let destination = URL(fileURLWithPath: file)
        if !force && FileManager.default.fileExists(atPath: destination.path) {
            throw CLIError(.cantCreate, "\(file) exists already; give --force to replace it")
        }
        // Said here: SQLite would report a missing folder as one it cannot write to.
        let folder = destination.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError(.cantCreate, "\(folder): no such folder; create it, or give a file in a folder that exists")
        }
        let source = try store.open(readOnly: true)
        let passphrase = try encrypt ? Passphrase.read(confirm: true) : nil
        try source.backup(to: destination, passphrase: passphrase)
        write("Backed up \(source.url.path) to \(destination.path)\(encrypt ? " (encrypted)" : "").\n")
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the store with a backup, after checking the backup.",
        discussion: """
            The backup is decrypted (an encrypted one asks for its passphrase, or reads TIES_PASSPHRASE) and \
            checked before anything is replaced: SQLite's integrity and foreign-key checks, that it is a Ties \
            store, and that its schema is one this version knows. The store it replaces is kept beside it, \
            as NAME.replaced-DATE. Stop other ties commands first.

            Example:
              ties restore ~/Backups/ties-2026-11-29.sqlite
            """)

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file")) var file: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let backup = URL(fileURLWithPath: file)
        let head = (try? FileHandle(forReadingFrom: backup).read(upToCount: 8)) ?? Data()
        let passphrase = try BackupFile.isEncrypted(head) ? Passphrase.read(confirm: false) : nil
        let summary = try Store.restore(from: backup, to: store.url, passphrase: passphrase, at: Date())
        let kept = summary.keptAt.map { " The store it replaced is kept at \($0.path)." } ?? ""
        write(
            "Restored \(store.url.path) from \(file): \(summary.people) people, \(summary.interactions) interactions.\(kept)\n"
        )
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store: integrity, references, and every relationship state against its history.",
        discussion: """
            Runs SQLite's integrity check and foreign-key check, checks that every interaction's source key \
            (the integer that stands for its source and source id) is the one they give, then recomputes \
            every person's relationship state from the whole interaction history and compares it with the \
            stored one. Prints what differs and exits 65, or says the store is sound and exits 0. Reads only.

            Example:
              ties check
            """)

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open(readOnly: true)
        let result = try opened.check(context: scoringContext(opened))
        guard result.ok else {
            let lines = result.problems.prefix(20).map { "  \($0)\n" }.joined()
            let more = result.problems.count > 20 ? "  … and \(result.problems.count - 20) more\n" : ""
            FileHandle.standardError.write(
                Data("\(opened.url.path) has \(result.problems.count) problem(s):\n\(lines)\(more)".utf8))
            throw CLIError(.data, "\(opened.url.path) failed its check")
        }
        let states =
            result.statesCompared.map { "\($0) relationship states match their history" }
            ?? "relationship states not compared (built for another configuration or time zone; the next write rebuilds them)"
        write("\(opened.url.path) is sound: integrity ok, no broken references, \(states).\n")
    }
}
