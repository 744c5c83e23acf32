import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns bytes in a named charset into text: UTF-8 and ASCII directly, everything else through the C
/// library's `iconv` (glibc reads GB2312/GBK/GB18030, Big5, EUC-KR, ISO-2022-JP, Shift_JIS, EUC-JP, KOI8-R,
/// every ISO-8859-* and Windows-125*).
///
/// Mail labels charsets loosely, so a few labels are widened to the superset senders really use:
/// GB2312 is read as GB18030, Shift_JIS as CP932, EUC-KR and `ks_c_5601-1987` as CP949, ISO-8859-1 and
/// US-ASCII as Windows-1252 (what browsers do too).
///
/// Keeps one open converter per charset; use one per reader (it is not shared between threads).
public final class MailCharsets {
    private var converters: [String: iconv_t?] = [:]

    public init() {}

    deinit {
        for case let converter? in converters.values where converter != iconv_t(bitPattern: -1) {
            iconv_close(converter)
        }
    }

    /// `bytes` decoded as `charset`, or nil when the charset is unknown or the bytes are not valid in it.
    public func decode(_ bytes: some Collection<UInt8>, charset: String) -> String? {
        let name = Self.canonicalName(charset)
        if name == "UTF-8" { return String(validating: Array(bytes), as: UTF8.self) }
        if bytes.allSatisfy({ $0 < 0x80 }) && !name.hasPrefix("UTF-16") && !name.hasPrefix("UTF-32")
            && name != "UTF-7" && !name.hasPrefix("ISO-2022")
        {
            return String(decoding: Array(bytes), as: UTF8.self)
        }
        guard let converter = converter(for: name) else { return nil }
        return convert(Array(bytes), with: converter)
    }

    /// Raw 8-bit header text: UTF-8 when it is valid UTF-8, else Windows-1252 (the `transcoded` flag says
    /// so, for a note).
    public func decodeRaw(_ bytes: some Collection<UInt8>) -> (text: String, transcoded: Bool) {
        let array = Array(bytes)
        if let text = String(validating: array, as: UTF8.self) { return (text, false) }
        return (Self.windows1252(array), true)
    }

    /// The name `iconv` knows a mail charset label by, upper-cased, with the widenings above.
    static func canonicalName(_ label: String) -> String {
        var name = label.trimmingCharacters(in: .whitespaces).uppercased()
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 language
        switch name {
        case "UTF8", "UTF-8", "UNICODE-1-1-UTF-8": return "UTF-8"
        case "GB2312", "GBK", "CP936", "EUC-CN", "X-GBK", "GB_2312-80": return "GB18030"
        case "SHIFT_JIS", "SHIFT-JIS", "SJIS", "X-SJIS", "MS_KANJI", "WINDOWS-31J": return "CP932"
        case "EUC-KR", "KS_C_5601-1987", "KS_C_5601", "KSC5601", "UHC": return "CP949"
        case "ISO-8859-1", "LATIN1", "US-ASCII", "ASCII", "ISO8859-1", "ISO_8859-1", "ANSI_X3.4-1968":
            return "WINDOWS-1252"
        case "ISO-8859-8-I": return "ISO-8859-8"
        case "BIG5", "BIG-5", "X-X-BIG5": return "BIG5-HKSCS"
        default:
            if name.hasPrefix("CP125") { return "WINDOWS-125" + name.dropFirst(5) }
            if name.hasPrefix("X-MAC-") { return "MAC" }
            return name
        }
    }

    private func converter(for name: String) -> iconv_t? {
        if let known = converters[name] { return known }
        let opened = iconv_open("UTF-8", name)
        let converter: iconv_t? = opened == iconv_t(bitPattern: -1) ? nil : opened
        converters[name] = converter
        return converter
    }

    private func convert(_ input: [UInt8], with converter: iconv_t) -> String? {
        iconv(converter, nil, nil, nil, nil)  // reset the shift state (ISO-2022-JP)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inCopy = input
        let produced: Int? = inCopy.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 || inLeft == 0 else {
                    return nil
                }
                _ = iconv(converter, nil, nil, &outPointer, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)
    }

    /// Windows-1252 to text; the five undefined bytes become U+FFFD.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                let mapped = windows1252High[Int(byte - 0x80)]
                scalars.append(Unicode.Scalar(mapped) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
