import Foundation

/// Reads the passphrase of an encrypted backup.
enum Passphrase {
    /// From `TIES_PASSPHRASE`; else asked for on the terminal without echo (twice when `confirm`); else one line
    /// of standard input.
    /// - Throws: ``CLIError`` (64) when it is empty or the two entries differ.
    static func read(confirm: Bool) throws -> String {
        if let value = ProcessInfo.processInfo.environment["TIES_PASSPHRASE"] {
            guard !value.isEmpty else { throw CLIError(.usage, "TIES_PASSPHRASE is set but empty") }
            return value
        }
        if isatty(0) == 1 {
            let first = try prompt("Passphrase: ")
            if confirm, try prompt("Again: ") != first {
                throw CLIError(.usage, "the two passphrases differ; nothing was written")
            }
            return first
        }
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError(
                .usage, "a passphrase is needed: set TIES_PASSPHRASE, run on a terminal, or give it on standard input")
        }
        return line
    }

    /// Asks on the terminal with echo off, restoring the terminal's settings afterwards.
    ///
    /// Echo goes off before the prompt is shown, and the settings change with `TCSANOW`: `TCSAFLUSH` would
    /// discard a passphrase typed (or pasted) as soon as the prompt appeared, and the read would then wait
    /// forever.
    private static func prompt(_ text: String) throws -> String {
        var saved = termios()
        let hasTerminal = tcgetattr(0, &saved) == 0
        if hasTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSANOW, &silent)
        }
        FileHandle.standardError.write(Data(text.utf8))
        defer {
            if hasTerminal { tcsetattr(0, TCSANOW, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError(.usage, "no passphrase given")
        }
        return line
    }
}
