/// A record with a row id: one of the types the store keeps (``Person``, ``Interaction``, ``Commitment``,
/// ``JournalEntry``, ``MyDetail``, ``Disclosure``), whose `id` is nil until it is stored.
public protocol StoredRecord: Sendable, Equatable {
    /// The store's row id; nil until stored.
    var id: Int64? { get set }
}

/// A record as the store returns it: its id is known by type, so no caller unwraps it.
///
/// Fields read through to the record (`stored.name`); ``record`` is the plain value for code that takes
/// one, and its own `id` is the same id.
///
/// ```swift
/// let dana = try store.addPerson(Person(name: "Dana Reyes"), at: now)
/// try store.archivePerson(dana.id)
/// ```
@dynamicMemberLookup
public struct Stored<Record: StoredRecord>: Sendable, Equatable {
    /// The store's row id.
    public let id: Int64
    /// The record, with ``id`` filled in.
    public let record: Record

    /// The record stored under `id`.
    public init(id: Int64, _ record: Record) {
        var record = record
        record.id = id
        self.id = id
        self.record = record
    }

    /// `record` if it has an id (it came from the store), nil otherwise.
    public init?(_ record: Record) {
        guard let id = record.id else { return nil }
        self.id = id
        self.record = record
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<Record, Value>) -> Value { record[keyPath: keyPath] }
}

extension Sequence {
    /// The plain records of stored values, in order.
    public func records<Record>() -> [Record] where Element == Stored<Record> { map(\.record) }
}

extension Person: StoredRecord {}
extension Interaction: StoredRecord {}
extension Commitment: StoredRecord {}
extension JournalEntry: StoredRecord {}
extension MyDetail: StoredRecord {}
extension Disclosure: StoredRecord {}
