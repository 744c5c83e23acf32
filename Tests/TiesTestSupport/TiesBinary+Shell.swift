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
        return try collect(process)
    }
}
