import ArgumentParser
import Foundation
import TiesStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store.",
        discussion: """
            Creates the store file (mode 0600: it holds other people's details) and its tables. Running it on \
            an existing store only brings its schema up to date.

            Example:
              ties init
              ties init --db ~/career/ties.sqlite
            """)

    @OptionGroup var store: StoreOptions

    func run() throws {
        let url = store.url
        let existed = FileManager.default.fileExists(atPath: url.path)
        _ = try Store.create(at: url)
        write(
            existed
                ? "Store at \(url.path) is ready (it existed already).\n" : "Created an empty store at \(url.path).\n")
    }
}
