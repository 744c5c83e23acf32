import ArgumentParser
import Foundation
import TiesCore
import TiesStore

/// A failure the CLI reports as one line on standard error, with a sysexits exit code.
struct CLIError: Error, CustomStringConvertible {
    /// sysexits.h codes.
    enum Code: Int32 {
        case usage = 64
        case data = 65
        case noInput = 66
        case unavailable = 69
        case cantCreate = 73
        case ioError = 74
        case tempFail = 75
    }
    var code: Code
    var message: String
    var description: String { message }

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Maps any error from the libraries to the message and exit code the user sees.
    static func from(_ error: any Error) -> CLIError? {
        switch error {
        case let error as CLIError:
            return error
        case let error as InputError:
            return CLIError(.usage, error.description)
        case let error as StoreError:
            return CLIError(store: error)
        default:
            return nil
        }
    }
}

/// The entry point of the `ties` executable.
public enum TiesMain {
    /// Parses the command line, runs the command, and exits with a sysexits code on failure.
    public static func main() async {
        StandardStreams.prepare()
        do {
            var command = try TiesCommand.parseAsRoot()
            try TimeZoneCheck.validate()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let failure = CLIError.from(error) {
                StandardStreams.writeError("Error: \(failure.message)\n")
                exit(failure.code.rawValue)
            }
            // Help, version and usage errors, written as ArgumentParser would, through the checked streams.
            let message = TiesCommand.fullMessage(for: error)
            let code = TiesCommand.exitCode(for: error)
            if code == .success {
                if !message.isEmpty { StandardStreams.write(message + "\n") }
            } else if !message.isEmpty {
                StandardStreams.writeError(message + "\n")
            }
            exit(code.rawValue)
        }
    }
}
