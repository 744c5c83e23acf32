import Foundation

/// One mailbox of an address list: the address, normalised, and the display name when there is one.
public struct MailAddress: Sendable, Hashable {
    /// The address in the one form people are matched by (see ``normalised(_:)``).
    public var address: String
    /// The display name, decoded (RFC 2047) and unquoted; nil when the list gave none.
    public var name: String?

    public init(address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// An email address in the form the mail import matches and stores it by: trimmed, angle brackets and a
    /// `mailto:` prefix dropped, lower-cased; nil unless it has one `@` with text on both sides and no
    /// white space.
    ///
    /// The one place the mail import normalises addresses, so that a shared validation can replace it.
    public static func normalised(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { normalised(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// ``normalised(_:)`` over bytes, without building intermediate strings (it runs for every address of
    /// every message).
    static func normalised(bytes: UnsafeRawBufferPointer) -> String? {
        var start = 0
        var end = bytes.count
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if end - start >= 2, bytes[start] == 0x3C, bytes[end - 1] == 0x3E {
            start += 1
            end -= 1
        }
        if end - start >= 7 {
            let prefix = Array("mailto:".utf8)
            if (0..<7).allSatisfy({ bytes[start + $0] | 0x20 == prefix[$0] }) { start += 7 }
        }
        while end > start, bytes[end - 1] == 0x2E { end -= 1 }  // a trailing dot of the domain
        var at = -1
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        for k in start..<end {
            let c = bytes[k]
            if c == 0x20 || c == 0x09 || c == 0x3C || c == 0x3E || c == 0x2C || c < 0x20 { return nil }
            if c == 0x40 { at = out.count }
            out.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
        }
        guard at > 0, at < out.count - 1 else { return nil }
        if out[0] != 0x22 && out[..<at].contains(0x40) { return nil }  // two @ outside a quoted local part
        if out.contains(where: { $0 >= 0x80 }) {
            return String(decoding: out, as: UTF8.self).lowercased()
        }
        return String(decoding: out, as: UTF8.self)
    }
}
