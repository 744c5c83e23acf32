import Foundation

/// The names a store gives homonyms. Names are unique in a store and people need not be, so a second person
/// named like a first is stored as `Name (Organisation)`, else `Name (profile-slug)`, else `Name (2)`,
/// `Name (3)`, … (the importer's choice; `ties import mail` names one by its address, `Name (a@b.example)`).
/// These tell such a name from one whose brackets are its own (`Olawale Abiodun (MBA, ACA)`: 363 names of a
/// real export of 5,351 connections end in brackets), so that the plain name stays a shared one and
/// `ties person duplicates` sees two people of one name.
public enum HomonymName {
    /// What may stand in brackets after `name`, the name of a person with this organisation, these URLs and
    /// these email addresses, lowercased: the organisation, each URL's last path component and each address;
    /// none when the name ends in no bracket (most names: the URLs and addresses are then not read).
    public static func suffixes(
        of name: String, organisation: String?, urls: @autoclosure () -> [String],
        emails: @autoclosure () -> [String] = []
    ) -> [String] {
        suffixes(of: name, organisation: organisation, urlKeys: urls().map { ProfileURL.key($0) }, emails: emails())
    }

    /// ``suffixes(of:organisation:urls:emails:)`` of a person whose URLs' ``ProfileURL/key(_:)`` are `urlKeys`:
    /// for a caller that has them already (an import indexing every person of a store).
    public static func suffixes(
        of name: String, organisation: String?, urlKeys: @autoclosure () -> [String],
        emails: @autoclosure () -> [String] = []
    ) -> [String] {
        guard endsInBracket(name) else { return [] }
        return (organisation.map { [$0.lowercased()] } ?? [])
            + urlKeys().compactMap { $0.split(separator: "/").last.map { $0.lowercased() } }
            + emails().map { $0.lowercased() }
    }

    /// `name` without the ` (…)` that told it from a namesake's — its organisation or profile slug, as its
    /// own `suffixes` (``suffixes(of:organisation:urls:)``) say, or a number from 2 — in the case it is
    /// written in; nil when it has none.
    public static func base(_ name: String, suffixes: [String]) -> String? {
        guard endsInBracket(name) else { return nil }
        for suffix in suffixes where !suffix.isEmpty && name.count > suffix.count + 3 {
            if name.suffix(suffix.count + 3).lowercased() == " (\(suffix))" {
                return String(name.dropLast(suffix.count + 3))
            }
        }
        guard let open = name.range(of: " (", options: .backwards), open.lowerBound > name.startIndex,
            let n = Int(name[open.upperBound..<name.index(before: name.endIndex)]), n >= 2
        else { return nil }
        return String(name[..<open.lowerBound])
    }

    /// Whether `name` ends in `)`, by its last byte.
    private static func endsInBracket(_ name: String) -> Bool { name.utf8.last == UInt8(ascii: ")") }
}
