import Testing
import TiesStore

@testable import TiesCLI

/// The store's refusals in the user's words: the store's sentence (which names no command) and the command
/// the CLI adds, with exit 65. Each case a record command can meet.
@Suite("Store refusals: the store's words and the CLI's hint")
struct StoreErrorWordsTests {
    static let cases: [(StoreError, String, String?)] = [
        (.unknownRecord(.commitment, 5), "there is no promise #5; nothing changed", "`ties commitments`"),
        (.unknownRecord(.contact, 43), "there is no contact #43; nothing changed", "`ties log list`"),
        (.unknownRecord(.note, 2), "there is no note #2; nothing changed", "`ties person show PERSON`"),
        (.detailDisclosed(1, disclosures: 2), "2 disclosures record that someone holds detail #1", "`ties me set`"),
        (.detailDisclosed(1, disclosures: 1), "1 disclosure records that someone holds detail #1", nil),
        (.invalidRecord(.notTied(3, 9)), "#3 and #9 are not tied; nothing changed", "`ties tie list`"),
        (.invalidRecord(.groupSize(0)), "a group size must be 1 or more (given 0); nothing changed", nil),
        (.invalidRecord(.emptyText(.note)), "a note needs some text; nothing changed", nil),
        (.invalidRecord(.emptyText(.commitment)), "a promise needs a text; nothing changed", nil),
        (.invalidRecord(.noAlias(4, "Mike")), "#4 has no alias 'Mike'; nothing changed", nil),
        (
            .invalidRecord(.aliasIsAName("Sam", name: "Sam Okafor", id: 2)),
            "'Sam' is the name of Sam Okafor (#2); an alias cannot be someone else's name", nil
        ),
        (.undoRefused(.nothingToUndo), "there is nothing to undo", "`ties history` lists the changes"),
        (.undoRefused(.unknownChange(7)), "there is no change #7", "`ties history` lists the changes with their ids"),
        (.undoRefused(.alreadyUndone(7, by: 9)), "change #7 was already undone by change #9; undo #9", nil),
        (
            .undoRefused(.laterChange(7, LaterChange(id: 9, command: "ties log Dana call"))),
            "the later change #9 (ties log Dana call) touched the same records; undo #9 first", nil
        ),
        (.nothingToSearch("--"), "nothing to search for in '--'", "e.g. `ties search mercy`"),
    ]

    @Test("each refusal says what is wrong, names no command in the store, and the CLI adds the one that helps")
    func words() {
        for (error, sentence, hint) in Self.cases {
            #expect(error.description.contains(sentence), "\(error.description)")
            #expect(!error.description.contains("`ties "), "the store named a command: \(error.description)")
            let cli = CLIError(store: error)
            #expect(cli.code == .data)
            #expect(cli.message.hasPrefix(error.description))
            if let hint { #expect(cli.message.contains(hint), "\(cli.message)") }
        }
    }
}
