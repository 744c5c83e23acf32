import Foundation

/// Decodes RFC 2047 encoded words (`=?charset?B?...?=` and `=?charset?Q?...?=`) in header text.
///
/// White space between two encoded words is dropped (RFC 2047 §6.2); adjacent words in the same charset
/// are joined as bytes before they are decoded, because senders split a multi-byte character across two
/// words. A word whose charset is unknown, or whose bytes are invalid, is left as written. Text outside
/// encoded words is raw header bytes: UTF-8 when valid, else Windows-1252 (``Decoded/transcoded``).
///
/// Example: `=?ISO-8859-1?Q?Andr=E9?= =?ISO-8859-1?Q?_Pirard?=` → `André Pirard`.
public enum EncodedWords {
    /// Decoded text, and whether raw bytes had to be read as Windows-1252.
    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var transcoded: Bool
    }

    /// `bytes` with every encoded word decoded.
    /// - Complexity: O(n).
    public static func decode(_ bytes: some Collection<UInt8>, charsets: MailCharsets) -> Decoded {
        let input = Array(bytes)
        guard input.contains(0x3D) || input.contains(where: { $0 >= 0x80 }) else {
            return Decoded(text: String(decoding: input, as: UTF8.self), transcoded: false)
        }
        var out = ""
        var transcoded = false
        var raw: [UInt8] = []  // raw text waiting to be decoded
        var pending: (charset: String, bytes: [UInt8])?  // adjacent encoded words of one charset
        var whitespaceAfterWord: [UInt8] = []
        func flushPending() {
            guard let word = pending else { return }
            out += charsets.decode(word.bytes, charset: word.charset) ?? String(decoding: word.bytes, as: UTF8.self)
            pending = nil
        }
        func flushRaw() {
            guard !raw.isEmpty else { return }
            let decoded = charsets.decodeRaw(raw)
            transcoded = transcoded || decoded.transcoded
            out += decoded.text
            raw.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < input.count {
            if input[i] == 0x3D, i + 1 < input.count, input[i + 1] == 0x3F, let word = encodedWord(in: input, at: i) {
                if pending == nil || !raw.isEmpty {
                    flushPending()
                    flushRaw()
                } else if pending?.charset.uppercased() != word.charset.uppercased() {
                    flushPending()
                }
                whitespaceAfterWord = []
                if pending == nil {
                    pending = (word.charset, word.bytes)
                } else {
                    pending?.bytes += word.bytes
                }
                i = word.end
                continue
            }
            if pending != nil && raw.isEmpty
                && (input[i] == 0x20 || input[i] == 0x09 || input[i] == 0x0D
                    || input[i] == 0x0A)
            {
                whitespaceAfterWord.append(input[i])
                i += 1
                continue
            }
            if pending != nil && raw.isEmpty {
                flushPending()
                raw = whitespaceAfterWord
                whitespaceAfterWord = []
            }
            raw.append(input[i])
            i += 1
        }
        flushPending()
        raw = raw.isEmpty ? whitespaceAfterWord : raw
        flushRaw()
        return Decoded(text: out, transcoded: transcoded)
    }

    /// The encoded word starting at `start` (`=?`), its charset, decoded bytes and end, or nil.
    static func encodedWord(in input: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var i = start + 2
        let charsetStart = i
        while i < input.count, input[i] != 0x3F, input[i] > 0x20, input[i] < 0x7F, i - start < 80 { i += 1 }
        guard i + 2 < input.count, input[i] == 0x3F, i > charsetStart else { return nil }
        let charset = String(decoding: input[charsetStart..<i], as: UTF8.self)
        let encoding = input[i + 1] | 0x20
        guard encoding == 0x62 || encoding == 0x71, input[i + 2] == 0x3F else { return nil }
        let textStart = i + 3
        var j = textStart
        while j + 1 < input.count, !(input[j] == 0x3F && input[j + 1] == 0x3D) {
            if input[j] == 0x20 || input[j] == 0x09 || input[j] == 0x0A { return nil }
            j += 1
        }
        guard j + 1 < input.count else { return nil }
        let text = input[textStart..<j]
        let bytes = encoding == 0x62 ? base64(text) : quotedPrintable(text)
        guard let bytes else { return nil }
        return (charset, bytes, j + 2)
    }

    /// Base64, tolerant of missing padding; nil when a byte is not in the alphabet.
    static func base64(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in text {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B, 0x2D: v = 62
            case 0x2F, 0x5F: v = 63
            case 0x3D: continue
            default: return nil
            }
            accumulator = (accumulator << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// The Q encoding: `_` is a space, `=XX` a byte.
    static func quotedPrintable(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == 0x5F {
                out.append(0x20)
            } else if c == 0x3D, i + 2 < text.endIndex, let high = hex(text[i + 1]), let low = hex(text[i + 2]) {
                out.append(high << 4 | low)
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
