import Foundation

/// What one run of the built `ties` executable did.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the `ties` executable that `swift build` put beside the test bundle.
public enum TiesBinary {
    /// The executable's location: the products folder holding the test bundle.
    public static var url: URL {
        let products =
            Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
        return products.appendingPathComponent("ties")
    }

    /// Runs `ties arguments` with `environment` added to a minimal environment (HOME in a fresh folder,
    /// TZ=UTC unless given, no TIES_DB unless given), in `directory` when given, and waits for it.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], input: String? = nil, directory: URL? = nil
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = [
            "PATH": "/usr/bin:/bin", "TZ": "UTC", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1",
        ]
        env.merge(environment) { $1 }
        process.environment = env
        return try collect(process)
    }

    /// Runs a configured process with standard input empty, reads its output and errors to the end, and
    /// waits for it. Both pipes are read before waiting, so a large output cannot fill a pipe and block.
    static func collect(_ process: Process) throws -> RunResult {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension TiesBinary {
    /// The bytes of a store (main file and write-ahead log), to prove that a refused command changed
    /// nothing. An empty log, which opening a store read-only may leave, counts as absent.
    public static func snapshot(ofStore path: String) -> [Data?] {
        let wal = contents(of: URL(fileURLWithPath: path + "-wal"))
        return [contents(of: URL(fileURLWithPath: path)), wal?.isEmpty == true ? nil : wal]
    }

    /// Runs `ties arguments --db path` for a command that should be refused.
    /// - Returns: what it did, and whether the store is byte-identical afterwards.
    public static func runRefused(_ arguments: [String], store path: String) throws -> (
        result: RunResult, unchanged: Bool
    ) {
        let before = snapshot(ofStore: path)
        let result = try run(arguments + ["--db", path])
        return (result, snapshot(ofStore: path) == before)
    }
}
