import Foundation

extension TiesBinary {
    /// Runs a bash script in which `$TIES` is the built executable, for what a `Process` cannot set up
    /// itself: a closed standard output (`>&-`), `> /dev/full`, a pipe closed early (`| head -1`).
    /// The environment is the one ``run(_:environment:input:)`` gives (with this process's `PATH`, for
    /// `python3`), plus `environment`.
    public static func runShell(_ script: String, environment: [String: String] = [:]) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TZ": "UTC",
            "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1",
            "TIES": url.path,
        ]
        env.merge(environment) { $1 }
        process.environment = env
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
