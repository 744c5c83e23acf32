import GRDB
internal import GRDBSQLite

extension Statement {
    /// Steps through the rows of this statement (with the arguments set on it), calling `body` with the raw
    /// SQLite statement positioned on each row — the one loop over SQLite rows that every raw scan in the
    /// store uses, as GRDB's own `Statement.forEachStep`.
    ///
    /// For the hot paths where decoding GRDB `Row`s cost more than the query (measured in each caller):
    /// `body` reads the columns with `sqlite3_column_*`.
    /// - Throws: ``StoreError/database(_:)`` with SQLite's message when a step fails; whatever `body` throws.
    func forEachStep(_ db: Database, _ body: (OpaquePointer) throws -> Void) throws {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw StoreError.database(String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(handle)
        }
    }
}
