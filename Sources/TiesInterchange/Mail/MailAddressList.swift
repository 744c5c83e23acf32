import Foundation

/// Reads RFC 5322 address lists (`From`, `To`, `Cc`, `Bcc`, `Sender`) as mail really writes them.
///
/// Besides the grammar — `name <addr>`, bare `addr`, groups (`Team: a@x, b@y;`, `undisclosed-recipients:;`),
/// quoted names holding commas or `@`, comments (`addr (Name)`, nested), quoted-pairs, obsolete routes
/// (`<@relay:addr>`) — it reads what senders get wrong: unquoted names with commas (`Doe, Jane <j@x>`),
/// names that are themselves addresses (`a@x <b@y>`), no space before `<`, empty elements and trailing
/// commas, 8-bit names. Display names are decoded after the structure is read, so an encoded comma
/// (`=2C`) never splits a name.
public enum MailAddressList {
    /// The mailboxes of `bytes` in order, and whether raw 8-bit text was read as Windows-1252. Elements
    /// without a readable address (a group's name alone, junk) are dropped.
    public static func parse(_ bytes: [UInt8], charsets: MailCharsets) -> (addresses: [MailAddress], transcoded: Bool) {
        var addresses: [MailAddress] = []
        var transcoded = false
        var carriedName: [UInt8] = []  // an element without an address: the start of the next one's name
        for element in elements(of: bytes) {
            guard let (addressBytes, nameBytes) = split(element) else {
                if !element.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { carriedName = element + [0x2C, 0x20] }
                continue
            }
            guard let address = addressBytes.withUnsafeBytes({ MailAddress.normalised(bytes: $0) }) else {
                carriedName = []
                continue
            }
            var name: String?
            let fullName = carriedName + nameBytes
            carriedName = []
            let words = unquoted(fullName)
            if !words.isEmpty {
                let decoded = EncodedWords.decode(words, charsets: charsets)
                transcoded = transcoded || decoded.transcoded
                let text = Substring(decoded.text).trimmedWhitespace()
                var bare = Substring(text)
                if bare.count >= 2, let first = bare.first, first == bare.last, first == "'" || first == "\"" {
                    bare = bare.dropFirst().dropLast()  // 'Name' or a quote left inside an encoded word
                }
                if !bare.isEmpty && bare.lowercased() != address { name = String(bare) }
            }
            addresses.append(MailAddress(address: address, name: name))
        }
        return (addresses, transcoded)
    }

    /// The list split at top-level commas and semicolons, with group names (`name:`) dropped.
    static func elements(of bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var current: [UInt8] = []
        var inQuote = false
        var commentDepth = 0
        var inAngle = false
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x5C, i + 1 < bytes.count, inQuote || commentDepth > 0 {  // quoted-pair
                current += [c, bytes[i + 1]]
                i += 2
                continue
            }
            if inQuote {
                if c == 0x22 { inQuote = false }
                current.append(c)
            } else if commentDepth > 0 {
                if c == 0x28 { commentDepth += 1 }
                if c == 0x29 { commentDepth -= 1 }
                current.append(c)
            } else {
                switch c {
                case 0x22:
                    inQuote = true
                    current.append(c)
                case 0x28:
                    commentDepth = 1
                    current.append(c)
                case 0x3C:
                    inAngle = true
                    current.append(c)
                case 0x3E:
                    inAngle = false
                    current.append(c)
                case 0x2C where !inAngle, 0x3B where !inAngle:
                    out.append(current)
                    current = []
                case 0x3A where !inAngle && !current.contains(0x40):
                    current = []  // a group's display name
                default: current.append(c)
                }
            }
            i += 1
        }
        out.append(current)
        return out
    }

    /// An element's address and its name bytes (comments included, for `addr (Name)`), or nil without `@`.
    static func split(_ element: [UInt8]) -> (address: [UInt8], name: [UInt8])? {
        if let open = lastTopLevel(0x3C, in: element) {
            var close = open + 1
            while close < element.count, element[close] != 0x3E { close += 1 }
            var address = Array(element[(open + 1)..<min(close, element.count)])
            if address.first == 0x40, let colon = address.firstIndex(of: 0x3A) {  // obsolete route
                address = Array(address[(colon + 1)...])
            }
            guard address.contains(0x40) else { return nil }
            let after = close + 1 < element.count ? Array(element[(close + 1)...]) : []
            return (address, Array(element[..<open]) + after)
        }
        // A bare address; a comment after it holds the name.
        var address: [UInt8] = []
        var name: [UInt8] = []
        var depth = 0
        var inQuote = false
        for c in element {
            if depth > 0 {
                if c == 0x28 { depth += 1 }
                if c == 0x29 {
                    depth -= 1
                    if depth == 0 { continue }
                }
                name.append(c)
            } else if c == 0x28 && !inQuote {
                depth = 1
                if !name.isEmpty { name.append(0x20) }
            } else {
                if c == 0x22 { inQuote.toggle() }
                if c != 0x20 && c != 0x09 || inQuote { address.append(c) }
            }
        }
        guard address.contains(0x40) else { return nil }
        return (address, name)
    }

    /// The index of the last `byte` outside quotes and comments.
    static func lastTopLevel(_ byte: UInt8, in element: [UInt8]) -> Int? {
        var inQuote = false
        var depth = 0
        var found: Int?
        var i = 0
        while i < element.count {
            let c = element[i]
            if c == 0x5C && (inQuote || depth > 0) {
                i += 2
                continue
            }
            if inQuote {
                if c == 0x22 { inQuote = false }
            } else if depth > 0 {
                if c == 0x28 { depth += 1 }
                if c == 0x29 { depth -= 1 }
            } else if c == 0x22 {
                inQuote = true
            } else if c == 0x28 {
                depth = 1
            } else if c == byte {
                found = i
            }
            i += 1
        }
        return found
    }

    /// Name bytes with quotes and quoted-pairs undone and comments kept as text only when nothing else is
    /// there; runs of white space become one space.
    static func unquoted(_ bytes: [UInt8]) -> [UInt8] {
        var plain: [UInt8] = []
        var comment: [UInt8] = []
        var inQuote = false
        var depth = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x5C, i + 1 < bytes.count, inQuote || depth > 0 {
                if depth > 0 { comment.append(bytes[i + 1]) } else { plain.append(bytes[i + 1]) }
                i += 2
                continue
            }
            if depth > 0 {
                if c == 0x28 { depth += 1 }
                if c == 0x29 { depth -= 1 }
                if depth > 0 { comment.append(c) }
            } else if c == 0x22 {
                inQuote.toggle()
            } else if c == 0x28 && !inQuote {
                depth = 1
            } else {
                plain.append(c == 0x09 || c == 0x0D || c == 0x0A ? 0x20 : c)
            }
            i += 1
        }
        let chosen = plain.allSatisfy { $0 == 0x20 } ? comment : plain
        var out: [UInt8] = []
        for c in chosen where !(c == 0x20 && (out.last == 0x20 || out.isEmpty)) { out.append(c) }
        while out.last == 0x20 { out.removeLast() }
        return out
    }
}
