import Foundation

/// The width, in columns, that terminal output is wrapped to.
///
/// The terminal's own width when standard output is one (`TIOCGWINSZ`), else `COLUMNS` when it holds a
/// positive number, else 100. Renderers take the width as a parameter; only the CLI asks the terminal.
enum TerminalWidth {
    /// The width when nothing says otherwise (output to a file or a pipe, no `COLUMNS`).
    static let fallback = 100

    /// The width standard output should be wrapped to now.
    static var current: Int {
        resolve(reported: reported(), environment: ProcessInfo.processInfo.environment)
    }

    /// The width from what the terminal reported (nil when standard output is no terminal) and the environment.
    static func resolve(reported: Int?, environment: [String: String]) -> Int {
        if let reported, reported > 0 { return reported }
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)),
            columns > 0
        {
            return columns
        }
        return fallback
    }

    /// The column count standard output's terminal reports, or nil when it is not a terminal.
    static func reported() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
