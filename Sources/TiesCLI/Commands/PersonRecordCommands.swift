import ArgumentParser
import Foundation
import TiesCore
import TiesStore

// `ties person note | tag | untag | alias | unalias`: what a user knows about someone besides the contacts.

extension PersonCommand {
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a dated note to a person (`ties person show` lists them; `ties search` finds them).",
            discussion: """
                Examples:
                  ties person note Dana "Moving to Chicago in the spring"
                  ties person note Dana "Met her manager, Lee" --at 2026-11-02
                  ties person note --remove 12
                """)

        @Argument(help: "Who: an id, a name, an alias, or the start of one.") var person: String?
        @Argument(help: "The note.") var text: String?
        @Option(
            help: ArgumentHelp("The note's date: \(DateInput.accepted). Default: today.", valueName: "date"),
            transform: { try DateInput.parse($0, field: "--at", timeZone: .current) })
        var at: DateInput?
        @Option(help: ArgumentHelp("Remove the note with this id instead.", valueName: "id")) var remove: Int64?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if remove != nil {
                guard person == nil && text == nil else {
                    throw ValidationError("--remove takes only the note's id: ties person note --remove 12")
                }
                return
            }
            guard person != nil, let text else { throw ValidationError("give a person and the note's text") }
            _ = try CareerCLI.text(text, field: "TEXT", example: "\"Moving to Chicago in the spring\"", multiline: true)
        }

        func run() throws {
            let store = try store.open()
            if let remove {
                try store.removeNote(remove)
                write("Removed note #\(remove).\n")
                return
            }
            guard let reference = person, let text else { return }
            let now = Date()
            let day = at.map(CareerCLI.day) ?? CareerCLI.today(now)
            try CareerCLI.requirePast(day, field: "--at", now: now, what: "date notes on or before today")
            let target = try store.person(reference)
            let id = target.id
            let note = try store.addNote(text, to: id, on: day)
            write("Noted on \(target.name), \(day) (#\(note.id)).\n")
        }
    }

    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag a person (`--tag` on listings then selects them).",
            discussion: """
                Example:
                  ties person tag Dana chicago healthcare
                """)
        @Argument(help: "Who: an id, a name, an alias, or the start of one.") var person: String
        @Argument(help: "One or more tags.") var tags: [String]
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard !tags.isEmpty else { throw ValidationError("give at least one tag") }
            for tag in tags { _ = try CareerCLI.text(tag, field: "TAG", example: "chicago") }
        }

        func run() throws {
            let store = try store.open()
            let target = try store.person(person)
            let id = target.id
            try store.tag(id, with: tags)
            write("Tagged \(target.name): \(tags.joined(separator: ", ")).\n")
        }
    }

    struct Untag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove tags from a person.")
        @Argument(help: "Who: an id, a name, an alias, or the start of one.") var person: String
        @Argument(help: "One or more tags.") var tags: [String]
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard !tags.isEmpty else { throw ValidationError("give at least one tag") }
        }

        func run() throws {
            let store = try store.open()
            let target = try store.person(person)
            let id = target.id
            try store.untag(id, removing: tags)
            write("Untagged \(target.name): \(tags.joined(separator: ", ")).\n")
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Another name a person is known by: a nickname, a maiden name.",
            discussion: """
                Aliases resolve references like the name does: after `ties person alias "Michael Chen" Mike`, \
                `ties log Mike call` is Michael. A reference that matches several people is an error that \
                lists them.

                Examples:
                  ties person alias "Michael Chen" Mike
                  ties person alias "Michael Chen" Mickey --remove
                """)
        @Argument(help: "Who: an id, a name, an alias, or the start of one.") var person: String
        @Argument(help: "The other name.") var alias: String
        @Flag(help: "Remove the alias instead.") var remove = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try validatedName(alias)
        }

        func run() throws {
            let store = try store.open()
            let target = try store.person(person)
            let id = target.id
            let name = try validatedName(alias)
            if remove {
                try store.removeAlias(name, from: id)
                write("\(target.name) is no longer known as \(name).\n")
            } else {
                try store.addAlias(name, to: id)
                write("\(target.name) is also known as \(name).\n")
            }
        }
    }
}
