/// Profile URLs (LinkedIn and others) in one form, so that one profile written several ways is one identity.
///
/// ```swift
/// ProfileURL.normalised("www.LinkedIn.com/in/zoë-ärlig/")            // "https://www.linkedin.com/in/zoë-ärlig"
/// ProfileURL.normalised("https://www.linkedin.com/in/zo%C3%AB-%C3%A4rlig") // the same
/// ProfileURL.key("http://linkedin.com/in/Zoe-Arlig?trk=x")           // "linkedin.com/in/zoe-arlig"
/// ```
///
/// Pure: the same answer on every machine. Importers (TiesInterchange) normalise what they read with
/// ``normalised(_:)``; the store compares with ``key(_:)``. There is no other URL normaliser.
public enum ProfileURL {
    /// A URL in one form: trimmed; query and fragment dropped; `https://` added when there is no scheme,
    /// and `http` read as `https`; scheme and host lowercased; percent-encoded bytes decoded where they
    /// spell UTF-8 text other than a delimiter (`%C3%AB` is `ë`; `%2F`, `%3F`, `%23`, `%25` and control
    /// characters stay encoded, with upper-case hex); trailing slashes dropped.
    ///
    /// One query is kept: the member of LinkedIn's older profile address, `linkedin.com/profile/view?id=52220364`
    /// (the form of the 2010s, still on many vCards and web pages), becomes
    /// `https://www.linkedin.com/profile/view?id=52220364` — without it, every such address was one URL, and
    /// the import merged everyone who gave one into one person.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func normalised(_ text: String) -> String {
        var bytes = Array(trimmed(text).utf8)
        var query: [UInt8] = []
        if let cut = bytes.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) {  // ? #
            if bytes[cut] == 0x3F { query = Array(bytes[(cut + 1)...].prefix { $0 != 0x23 }) }
            bytes.removeSubrange(cut...)
        }
        while bytes.last == 0x2F { bytes.removeLast() }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var rest = bytes[...]
        if let colon = bytes.firstIndex(of: 0x3A), colon > 0, colon + 2 < bytes.count,
            bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F,
            bytes[..<colon].allSatisfy({ isLetter($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || isDigit($0) })
        {
            let scheme = bytes[..<colon].map(lowercased)
            out += scheme == Array("http".utf8) ? Array("https".utf8) : scheme
            rest = bytes[(colon + 3)...]
        } else {
            out += Array("https".utf8)
        }
        out += Array("://".utf8)
        let slash = rest.firstIndex(of: 0x2F) ?? rest.endIndex
        let host = percentDecoded(rest[..<slash])
        if host.allSatisfy({ $0 < 0x80 }) {
            out += host.map(lowercased)
        } else {
            out += Array(String(decoding: host, as: UTF8.self).lowercased().utf8)
        }
        let path = percentDecoded(rest[slash...])
        out += path
        if let member = linkedInMember(host: host, path: path, query: query) { out += Array("?id=".utf8) + member }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `id` parameter of `query` when the host is LinkedIn's and the path `/profile/view`: the member an
    /// older LinkedIn profile address names.
    static func linkedInMember(host: [UInt8], path: [UInt8], query: [UInt8]) -> [UInt8]? {
        let host = host.map(lowercased)
        guard host.elementsEqual("linkedin.com".utf8) || host.reversed().starts(with: ".linkedin.com".utf8.reversed()),
            path.map(lowercased).elementsEqual("/profile/view".utf8)
        else { return nil }
        for parameter in query.split(separator: 0x26) where parameter.starts(with: "id=".utf8) {  // &
            let value = parameter.dropFirst(3)
            return value.isEmpty ? nil : Array(value)
        }
        return nil
    }

    /// The form two URLs are compared in: ``normalised(_:)`` without its scheme and a leading `www.`,
    /// lowercased (LinkedIn profile paths are not case-sensitive).
    public static func key(_ text: String) -> String {
        key(ofNormalised: normalised(text))
    }

    /// ``key(_:)`` of a URL already ``normalised(_:)``: cheaper, for hot loops.
    public static func key(ofNormalised url: String) -> String {
        var u = Substring(url)
        if let scheme = u.range(of: "://") { u = u[scheme.upperBound...] }
        if u.hasPrefix("www.") { u = u.dropFirst(4) }
        return u.lowercased()
    }

    /// `bytes` with every `%XX` that starts a valid UTF-8 sequence of non-delimiters decoded, and the hex
    /// digits of the others upper-cased.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(0x25) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == 0x25, let first = hexByte(bytes, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            // The length of the UTF-8 sequence this byte starts; the rest must follow as %XX continuation bytes.
            let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 ? 2 : 0
            var sequence: [UInt8] = length > 0 ? [first] : []
            var j = i + 3
            while sequence.count < length, let next = hexByte(bytes, at: j), next & 0xC0 == 0x80 {
                sequence.append(next)
                j += 3
            }
            let keep = length == 1 ? !(first < 0x20 || first == 0x7F || "/?#%".utf8.contains(first)) : true
            if length > 0, sequence.count == length, keep, String(validating: sequence, as: UTF8.self) != nil {
                out += sequence
                i = j
            } else {
                out += [0x25] + Array(hexDigits(first).utf8)
                i += 3
            }
        }
        return out
    }

    static func hexByte(_ bytes: ArraySlice<UInt8>, at i: Int) -> UInt8? {
        guard i >= bytes.startIndex, i + 2 < bytes.endIndex, bytes[i] == 0x25, let high = hexValue(bytes[i + 1]),
            let low = hexValue(bytes[i + 2])
        else { return nil }
        return high << 4 | low
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        if isDigit(b) { return b - 0x30 }
        if b >= 0x41 && b <= 0x46 { return b - 0x41 + 10 }
        if b >= 0x61 && b <= 0x66 { return b - 0x61 + 10 }
        return nil
    }

    static func hexDigits(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(b >> 4)], digits[Int(b & 0xF)]], as: UTF8.self)
    }

    /// `text` without leading and trailing white space; ASCII ends are told without the Unicode property
    /// lookup, which costs more than the rest of the normalisation on a million-row import (measured).
    static func trimmed(_ text: String) -> Substring {
        func isSpace(_ c: Character) -> Bool {
            if let ascii = c.asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
            return c.isWhitespace
        }
        var s = Substring(text)
        while let c = s.first, isSpace(c) { s = s.dropFirst() }
        while let c = s.last, isSpace(c) { s = s.dropLast() }
        return s
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}
