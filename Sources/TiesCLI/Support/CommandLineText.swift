import Foundation

/// The command line as `ties history` shows it: `ties` and the arguments, quoted where needed, without
/// `--db PATH` (the store is the same in every line of its own history).
enum CommandLineText {
    static var current: String { text(of: Array(CommandLine.arguments.dropFirst())) }

    static func text(of arguments: [String]) -> String {
        var words = ["ties"]
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if argument == "--db" {
                skipNext = true
                continue
            }
            if argument.hasPrefix("--db=") { continue }
            words.append(quoted(argument))
        }
        return words.joined(separator: " ")
    }

    /// `argument` as a shell would need it: as is when it is plain, else in single quotes.
    static func quoted(_ argument: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.,:/@#=+%"))
        if !argument.isEmpty, argument.unicodeScalars.allSatisfy(plain.contains) { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
