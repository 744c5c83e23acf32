import Foundation

/// The names a `TO` list looked up among the senders' (``MessageRecipients/split(_:known:lookups:)``): found, and
/// not found.
struct NameLookups {
    var found: [String] = []
    var missed: [String] = []
    /// Whether these are the lookups of one list the memo had, whose lookups its reader noted before
    /// (``ParticipantMemo/Recipients/seen``). A flag, not the list: holding the list here for every row was a
    /// retain and a release of it (`perf`).
    var seenBefore = false

    mutating func removeAll() {
        found.removeAll(keepingCapacity: true)
        missed.removeAll(keepingCapacity: true)
        seenBefore = false
    }
}

/// The people in a messages row's `TO` and `RECIPIENT PROFILE URLS` fields.
enum MessageRecipients {
    /// A name as compared with the names a file shows as senders: lowercased, one space after each comma,
    /// runs of spaces as one (a sender is known by their single-spaced name, a `TO` list is cut as written:
    /// `Ibukun Igbinosa  MMP, ACIPM` must still spell that sender), no trailing commas or spaces.
    static func nameKey(_ name: String) -> String {
        asciiNameKey(name) ?? characterNameKey(name)
    }

    /// ``nameKey(_:)`` by characters, for any name.
    static func characterNameKey(_ name: String) -> String {
        ImportSupport.singleSpaced(
            tidy(
                name.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmedWhitespace() }
                    .joined(separator: ", ")
            ).lowercased())
    }

    /// ``nameKey(_:)`` of an ASCII name, made from its bytes in one pass; nil for any other name. A `TO` list
    /// read for the first time looks up the keys of its pieces joined every way (`Ann Lee, Bob, Cy Dee`: six),
    /// and each key was made by splitting, trimming, joining, lowercasing and single-spacing strings: a million
    /// rows, 49,290 of them to groups, spent 3 % of the reading thread making keys (`perf`). A test holds it to
    /// ``nameKey(_:)``'s answer on every ASCII character and on lists of them.
    static func asciiNameKey(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var start = 0
            while true {  // the pieces between commas, each trimmed, joined by ", "
                var end = start
                while end < bytes.count && bytes[end] != 0x2C {
                    if bytes[end] >= 0x80 { return nil }
                    end += 1
                }
                var from = start
                var to = end
                while from < to && isASCIIWhitespace(bytes[from]) { from += 1 }
                while to > from && isASCIIWhitespace(bytes[to - 1]) { to -= 1 }
                if start > 0 { out.append(contentsOf: [0x2C, 0x20]) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
                if end == bytes.count { break }
                start = end + 1
            }
            // `tidy`: no commas or white space at the end, nor white space at the start.
            while let last = out.last, last == 0x2C || isASCIIWhitespace(last) { out.removeLast() }
            var first = 0
            while first < out.count && isASCIIWhitespace(out[first]) { first += 1 }
            // Lowercased, runs of spaces as one, none at either end.
            var key: [UInt8] = []
            key.reserveCapacity(out.count - first)
            for var byte in out[first...] {
                if byte == 0x20 && (key.isEmpty || key.last == 0x20) { continue }
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                key.append(byte)
            }
            if key.last == 0x20 { key.removeLast() }
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// `name` without the commas and spaces LinkedIn sometimes leaves at its end (`K M ADARSH ,`).
    static func tidy(_ name: String) -> String {
        var s = Substring(name)
        while let last = s.last, last == "," || last.isWhitespace { s = s.dropLast() }
        return s.trimmedWhitespace()
    }

    /// Pairs the names in `names` with the URLs in `urls`.
    ///
    /// One URL: the whole field is one name. Otherwise the names are cut at commas and pieces joined back
    /// (longest first) where together they spell a name in `known`; names and URLs are paired by position
    /// when the counts agree, else the names stand alone (or the URLs, when there are no names).
    ///
    /// `lookups` gets the keys looked up in `known`: the cut depends on those and no other.
    static func participants(
        names: String?, urls: String?, known: Set<String>, forms: URLForms = URLForms(), lookups: inout NameLookups
    ) -> [LinkedInParticipant] {
        let raw = urls ?? ""
        let urlList: [String]
        if !raw.utf8.contains(0x2C) {  // one URL or none, the common case: no list to cut
            let url = raw.trimmedWhitespace()
            urlList = url.isEmpty ? [] : [forms.normalised(url)]
        } else {
            urlList = commaPieces(raw).map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }.map(forms.normalised)
        }
        let field = tidy(names ?? "")
        if urlList.count == 1 { return [LinkedInParticipant(name: field, profileURL: urlList[0])] }
        var nameList = split(field, known: known, lookups: &lookups)
        if nameList.count > urlList.count && urlList.count > 1 { nameList = fitted(nameList, to: urlList.count) }
        if nameList.count == urlList.count {
            return zip(nameList, urlList).map { LinkedInParticipant(name: $0, profileURL: $1) }
        }
        if nameList.isEmpty { return urlList.map { LinkedInParticipant(name: "", profileURL: $0) } }
        return nameList.map { LinkedInParticipant(name: $0) }
    }

    /// `text` cut at its commas, empty pieces left out: as `split(separator: ",")` cuts it, by its bytes when it
    /// is ASCII (where each byte is a character), by characters otherwise.
    static func commaPieces(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: ",") }
        return text.utf8.split(separator: 0x2C).map { Substring($0) }
    }

    /// `names` with credential-like pieces (`PhD`, `MBA`, `CPHR`: one word, short or capitals) joined back to
    /// the name before them, last first, until there are `count` names or no such piece is left.
    static func fitted(_ names: [String], to count: Int) -> [String] {
        var names = names
        while names.count > count,
            let k = names.indices.dropFirst().last(where: { isCredential(names[$0]) })
        {
            names[k - 1] += ", " + names[k]
            names.remove(at: k)
        }
        return names
    }

    /// One word, and at most six letters or all capitals (dots allowed): `PhD`, `MBA`, `SPHRi`, `P.Eng.`.
    static func isCredential(_ piece: String) -> Bool {
        guard !piece.isEmpty, !piece.contains(where: \.isWhitespace) else { return false }
        return piece.count <= 6 || piece.allSatisfy { $0.isUppercase || $0 == "." }
    }

    /// `field` cut at commas, with pieces joined back where they spell a known name; `lookups` gets the keys
    /// looked up.
    static func split(_ field: String, known: Set<String>, lookups: inout NameLookups) -> [String] {
        guard !field.isEmpty else { return [] }
        if !field.utf8.contains(0x2C) { return [field] }
        func isKnown(_ key: String) -> Bool {
            if known.contains(key) {
                lookups.found.append(key)
                return true
            }
            lookups.missed.append(key)
            return false
        }
        if isKnown(nameKey(field)) { return [tidy(field)] }
        let parts = commaPieces(field).map { $0.trimmedWhitespace() }
        var out: [String] = []
        var i = 0
        while i < parts.count {
            var taken = 1
            var j = parts.count
            while j > i + 1 {
                if isKnown(nameKey(parts[i..<j].joined(separator: ", "))) {
                    taken = j - i
                    break
                }
                j -= 1
            }
            let name = tidy(parts[i..<(i + taken)].joined(separator: ", "))
            if !name.isEmpty { out.append(name) }
            i += taken
        }
        return out
    }
}
