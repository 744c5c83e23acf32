import Foundation

/// A store file in a fresh folder, and the built `ties` binary run against it: what every end-to-end
/// suite sets up.
public struct StoreUnderTest: Sendable {
    /// The folder, removed when the value goes away.
    public let dir = TemporaryDirectory()

    public init() {}

    /// The store's path, `ties.sqlite` in ``dir``.
    public var db: String { dir.file("ties.sqlite").path }

    /// Runs `ties ARGUMENTS --db DB`.
    @discardableResult
    public func ties(_ arguments: String...) throws -> RunResult { try ties(arguments) }

    /// Runs `ties ARGUMENTS --db DB`.
    @discardableResult
    public func ties(_ arguments: [String]) throws -> RunResult { try TiesBinary.run(arguments + ["--db", db]) }

    /// Runs a command that must succeed and returns its output; throws, failing the test, when it does not.
    @discardableResult
    public func ok(_ arguments: String...) throws -> String {
        let result = try ties(arguments)
        guard result.status == 0 else { throw CommandFailed(arguments: arguments, result: result) }
        return result.stdout
    }

    /// The store's bytes (main file and a non-empty write-ahead log), to check that a command changed nothing.
    public func snapshot() -> [Data?] { TiesBinary.snapshot(ofStore: db) }
}

/// A command that had to succeed and did not.
public struct CommandFailed: Error, CustomStringConvertible {
    public var arguments: [String]
    public var result: RunResult
    public var description: String {
        "ties \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)"
    }
}
