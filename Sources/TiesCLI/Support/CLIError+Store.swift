import TiesStore

extension CLIError {
    /// A store failure in the CLI's words: the library's sentence, plus the command or option that helps
    /// (the library names none), with its sysexits code.
    ///
    /// Busy is 75 (try again later); a read-only store or folder, a full disk and other I/O failures are 74;
    /// a missing or unreadable store is 66; everything about the data (not a Ties store, a newer Ties, an
    /// unknown person, a refused change) is 65.
    init(store error: StoreError) {
        let text = error.description
        switch error {
        case .missing:
            self.init(
                .noInput,
                "\(text); create one with `ties init` (or `ties demo` for a demo network), or point --db or TIES_DB at an existing store"
            )
        case .unreadable: self.init(.noInput, text)
        case .busy: self.init(.tempFail, text)
        case .readOnly, .diskFull, .database: self.init(.ioError, text)
        case .notAStore: self.init(.data, "\(text); pass --db with a store made by `ties init`")
        case .newerSchema: self.init(.data, text)
        default: self.init(.data, text + Self.hint(for: error))
        }
    }

    /// The command that shows or fixes what a record-level failure is about, as a clause to append.
    private static func hint(for error: StoreError) -> String {
        switch error {
        case .unknownPerson: return "; `ties person list` shows everyone"
        case .unknownCommitment: return "; `ties commitments` lists them with their ids"
        case .unknownRecord(let kind, _): return "; `\(listing(of: kind))` shows them with their ids"
        case .detailDisclosed:
            return "; remove them first (`ties disclose list`) or record a newer value with `ties me set`"
        case .noInferredRole: return "; `ties person roles` lists the inferred roles"
        case .invalidRecord(.notTied): return "; `ties tie list` shows the ties"
        case .undoRefused(.nothingToUndo): return "; `ties history` lists the changes"
        case .undoRefused(.unknownChange): return "; `ties history` lists the changes with their ids"
        case .nothingToSearch: return "; give a word, e.g. `ties search mercy`"
        case .missingDetail(let kind, _): return "; add it first with `ties me set \(kind) VALUE --since DATE`"
        case .unknownMerge: return "; `ties person unmerge --list` lists the merges"
        case .unmergeBlocked(_, _, let hint): return hint.isEmpty ? "" : " (`ties person unmerge ID`)"
        case .unreadableConfiguration: return "; reset it with `ties config reset`"
        case .unreadableMergeRecord(_, _, let format): return format == nil ? "" : "; upgrade ties to undo it"
        case .notEmpty: return "; use a new --db path (or remove the file) to load a demo network"
        default: return ""
        }
    }

    /// The command that lists the records of `kind` with their ids.
    private static func listing(of kind: RecordKind) -> String {
        switch kind {
        case .commitment: "ties commitments"
        case .journalEntry: "ties journal list"
        case .myDetail: "ties me show"
        case .disclosure: "ties disclose list"
        case .contact: "ties log list"
        case .note: "ties person show PERSON"
        }
    }
}
