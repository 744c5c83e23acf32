/// The 64-bit integer that stands for an interaction's source and source id in the store's unique index
/// (`interaction.source_key`, index `interaction_source`).
///
/// Why an integer: a unique index on the two text columns, kept up to date while a million LinkedIn messages
/// are inserted, cost 2.4–2.9 s in the sqlite3 shell (1,039,823 rows); one on an integer, 1.5 s (the table
/// alone, 0.5 s). The texts stay in their columns — they are the record — and the key is derived from them:
/// the 128-bit FNV-1a digest of `source`, U+001F and `sourceID` (the digest ``FNV1a128`` the importer keeps
/// of the rows it inserts), its two halves folded into one word by exclusive or.
///
/// Two different pairs share a key with a chance of about 3 × 10^-8 among a million rows: rare, but not
/// never. The store keeps such a second pair with no key and finds it by its texts (TiesStore's
/// `SourceKeys`). FNV-1a is a published function: the same key for the same texts forever, on every machine.
public enum SourceKey {
    /// The key of `source` and `sourceID`; nil when there is no source id (a contact logged by hand), whose
    /// rows are never matched by source.
    public static func of(source: String, sourceID: String?) -> Int64? {
        guard let sourceID else { return nil }
        return folded(digest(source: source, sourceID: sourceID))
    }

    /// The 128-bit digest the key is folded from: FNV-1a of `source`, U+001F, `sourceID`.
    package static func digest(source: String, sourceID: String) -> FNV1a128 {
        var digest = FNV1a128()
        digest.combine(source)
        digest.combine("\u{1F}")
        digest.combine(sourceID)
        return digest
    }

    /// The key of a ``digest(source:sourceID:)``: its two halves folded by exclusive or.
    package static func folded(_ digest: FNV1a128) -> Int64 {
        Int64(bitPattern: digest.high ^ digest.low)
    }
}
