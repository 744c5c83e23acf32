import Foundation

/// Another program the CLI runs (sendmail, systemctl, crontab), found on PATH or at a given path.
struct ExternalCommand {
    /// What one run did.
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    var path: String

    /// The first of `candidates` that is an executable file: absolute paths as given, bare names on PATH.
    static func find(_ candidates: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ExternalCommand?
    {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for candidate in candidates where !candidate.isEmpty {
            let paths = candidate.contains("/") ? [candidate] : directories.map { $0 + "/" + candidate }
            if let path = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return ExternalCommand(path: path)
            }
        }
        return nil
    }

    /// Runs the program with `arguments`, `input` on its standard input, and waits for it.
    /// - Throws: when it cannot be started.
    func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input {
            // A program that exits without reading all its input must not kill ties with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        // Read both pipes to the end before waiting, so a large output cannot fill a pipe and block.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }
}
