import Foundation
import TiesCore

/// What ``LinkedInMessages/read(_:me:)`` found: the messages, and who it took the user to be.
public struct LinkedInMessageImport: Sendable {
    /// The messages in file order, with problems and skipped rows.
    public var result: ImportResult<LinkedInMessage>
    /// The identity used to decide directions.
    public var me: LinkedInIdentity
    /// True when ``me`` was not given but inferred (the participant in the most rows).
    public var meWasInferred: Bool
    /// How many messages were read (whether collected or handed to a caller one by one).
    public var count = 0

    /// Counts a built message and hands it to `body` (whose answer is returned), or keeps why the row gave
    /// none.
    mutating func take(
        _ outcome: MessageBuilder.Outcome, of row: CSVRecord, _ body: (LinkedInMessage) -> Bool
    ) -> Bool {
        switch outcome {
        case .message(let message):
            count += 1
            return body(message)
        case .skipped(let reason): result.skipped.append(SkippedRecord(line: row.line, reason: reason))
        case .problem(let problem): result.problems.append(problem)
        }
        return true
    }
}
