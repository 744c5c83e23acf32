/// Why a correction of a record was refused: what it would leave wrong.
public enum RecordProblem: Equatable, Sendable, CustomStringConvertible {
    /// The contact (id) would be dated after now (the stamp it would have).
    case contactInFuture(Int64, at: String)
    /// A contact's group size below 1 (the size given).
    case groupSize(Int)
    /// Only a contact the other person started can be unanswered; this one has the direction given.
    case unansweredNotInbound(direction: String)
    /// A record of this kind needs a text.
    case emptyText(RecordKind)
    /// An alias needs a text.
    case emptyAlias
    /// The alias is another person's name (that person's name and id).
    case aliasIsAName(String, name: String, id: Int64)
    /// The person (id) has no such tag.
    case noTag(Int64, String)
    /// The person (id) has no such alias.
    case noAlias(Int64, String)
    /// The two people (ids) are not tied.
    case notTied(Int64, Int64)

    public var description: String {
        switch self {
        case .contactInFuture(let id, let at): "contact #\(id) would be in the future (\(at))"
        case .groupSize(let size): "a group size must be 1 or more (given \(size))"
        case .unansweredNotInbound(let direction):
            "only a contact they started (direction in) can be unanswered; this one is \(direction)"
        case .emptyText(.note): "a note needs some text"
        case .emptyText(let kind): "a \(kind.noun) needs a text"
        case .emptyAlias: "an alias cannot be empty"
        case .aliasIsAName(let alias, let name, let id):
            "'\(alias)' is the name of \(name) (#\(id)); an alias cannot be someone else's name"
        case .noTag(let id, let tag): "#\(id) has no tag '\(tag)'"
        case .noAlias(let id, let alias): "#\(id) has no alias '\(alias)'"
        case .notTied(let a, let b): "#\(a) and #\(b) are not tied"
        }
    }
}

/// A later change of the change log that stands in the way of an undo.
public struct LaterChange: Equatable, Sendable {
    public var id: Int64
    /// The command line that made it.
    public var command: String

    public init(id: Int64, command: String) {
        self.id = id
        self.command = command
    }

    var clause: String { "the later change #\(id) (\(command))" }
}

/// Why an undo was refused; nothing was written.
public enum UndoRefusal: Equatable, Sendable, CustomStringConvertible {
    /// The store predates the change log.
    case noChangeLog
    /// Nothing has been recorded that can be undone.
    case nothingToUndo
    /// No change with that id.
    case unknownChange(Int64)
    /// The change (first id) was undone already by the second.
    case alreadyUndone(Int64, by: Int64)
    /// A later change touched the same records.
    case laterChange(Int64, LaterChange)
    /// Putting the records back conflicts (SQLite's words), with the later change in the way if known.
    case conflict(Int64, reason: String, later: LaterChange?)
    /// The change removed imported rows without copying them.
    case importedRowsNotCopied
    /// Undoing would also remove this many records, added by the later change if known.
    case wouldRemove(Int64, count: Int, addedBy: LaterChange?)
    /// What the undo restores refers to a record (its noun) that is gone, removed by the later change if known.
    case refersToRemoved(Int64, noun: String, removedBy: LaterChange?)

    public var description: String {
        switch self {
        case .noChangeLog: "this store has no change log; open it with this version of ties first"
        case .nothingToUndo: "there is nothing to undo"
        case .unknownChange(let id): "there is no change #\(id)"
        case .alreadyUndone(let id, let by):
            "change #\(id) was already undone by change #\(by); undo #\(by) to do it again"
        case .laterChange(let id, let later):
            "change #\(id) cannot be undone: \(later.clause) touched the same records; undo #\(later.id) first"
        case .conflict(let id, let reason, let later):
            "change #\(id) cannot be undone: \(reason)"
                + (later.map { "; \($0.clause) is in the way: undo it first" } ?? "")
        case .importedRowsNotCopied:
            "this undo removed imported rows without copying them, so it cannot be undone; import the file again instead (imports never duplicate)"
        case .wouldRemove(let id, let count, let later):
            "change #\(id) cannot be undone: it would also remove \(count) record(s) "
                + (later.map { "that \($0.clause) added; undo #\($0.id) first" } ?? "recorded outside the change log")
        case .refersToRemoved(let id, let noun, let later):
            "change #\(id) cannot be undone: what it restores refers to a \(noun) "
                + (later.map { "that \($0.clause) removed; undo #\($0.id) first" } ?? "that no longer exists")
        }
    }
}
