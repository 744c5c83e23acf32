import Foundation
import GRDB
import TiesCore

extension StoreImporter {
    /// The states of everyone touched, computed from memory on a thread of their own while ``finish()`` builds
    /// the indexes (a million messages: 0.10 s that came alone after the index on person and time): from the
    /// new interactions alone when they are the only ones; for many people, when the new interactions all
    /// come after the old ones, from the new interactions and the touched people's earlier ones (read by id,
    /// not every interaction back: a million messages into a store of 10,000 connections read 1.05 million
    /// rows, most of them from the write-ahead log); `all` when they are everyone's. Nil otherwise:
    /// ``rebuildStates(_:)`` then reads the store.
    mutating func computingStates() throws -> (states: Computing<[(Int64, RelationshipState)]>, all: Bool)? {
        let from: InteractionColumns
        let all = firstImport && columns.count > 0
        if all {
            from = columns
        } else if touched.count > 200, newRowsAfterOld, try StateCache.isCurrent(for: context, db) {
            from = try StateCache.gather(touched, upTo: lastOldID, adding: columns, context: context, db)
        } else {
            return nil
        }
        columns = InteractionColumns()  // handed over, not copied: a million rows are 22 MB
        let roles = try StateCache.roles(db)
        let context = context
        return (Computing { StateCache.states(of: from, roles: roles, context: context) }, all)
    }

    /// Stores the states of everyone touched: those `computing` gives; else, for many people, all rebuilt
    /// from the store; else a few one by one.
    mutating func rebuildStates(_ computing: (states: Computing<[(Int64, RelationshipState)]>, all: Bool)?) throws {
        if let computing {
            if computing.all {
                try db.execute(sql: "DELETE FROM relationship_state")
                try StateCache.saveAll(computing.states.result(), context: context, db)
            } else {
                try StateCache.save(computing.states.result(), replacing: touched, db)
            }
        } else if touched.count > 200 {
            try StateCache.rebuildAll(context: context, db)
        } else {
            try StateCache.refresh(context, db)
            for id in touched.sorted() { try StateCache.rebuild(id, context: context, db) }
        }
    }
}

/// A value computed on a thread of its own, started when this is made; ``result()`` waits for it.
final class Computing<Value: Sendable>: @unchecked Sendable {
    // `value` is written by the thread before it signals `done`, and read after waiting for it.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread {
            self.value = work()
            self.done.signal()
        }.start()
    }

    /// The value, once computed (waiting until then).
    func result() -> Value {
        done.wait()
        done.signal()  // for a later call
        return value!
    }
}
