/// Measures text as a terminal shows it: the one width function every terminal renderer uses.
///
/// A terminal cell holds one narrow character. ANSI escape sequences take no cell, East Asian wide and
/// full-width characters (CJK ideographs, Hangul, kana, full-width forms, most emoji) take two, and combining
/// marks, variation selectors and zero-width characters take none. The width is a parameter of every renderer;
/// the CLI measures the terminal.
///
/// ```swift
/// TerminalText.width("張偉")                 // 4
/// TerminalText.width("\u{1B}[33mmust\u{1B}[0m") // 4
/// ```
public enum TerminalText {
    /// How many terminal columns `text` takes.
    /// - Complexity: O(n) in the length of `text`.
    public static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        forEachUnit(in: String(text)) { unit in total += unit.width }
        return total
    }

    /// How many columns one character (grapheme cluster) takes: 0, 1 or 2.
    public static func width(of character: Character) -> Int {
        var sum = 0
        for scalar in character.unicodeScalars { sum += width(of: scalar) }
        return min(2, sum)
    }

    /// How many columns one Unicode scalar takes on its own.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) {
            return 0  // Hangul medial vowels and final consonants join the syllable; variation selectors
        }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, and emoji presentation.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
            0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
            0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
            0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
            0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320,
            0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
            0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
            0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F,
            0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC,
            0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
            0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// One piece of text as a terminal draws it: an escape sequence (no width) or one character.
    struct Unit {
        var text: Substring
        var width: Int
        var isEscape: Bool { width == 0 && text.first == "\u{1B}" }
    }

    /// Calls `body` with each escape sequence and each character of `text`, in order.
    ///
    /// Recognised sequences: CSI (`ESC [` parameters, a final byte `@`…`~`), OSC (`ESC ]` … BEL or `ESC \`),
    /// and two-character escapes.
    static func forEachUnit(in text: String, _ body: (Unit) -> Void) {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "\u{1B}" else {
                let next = text.index(after: index)
                body(Unit(text: text[index..<next], width: width(of: character)))
                index = next
                continue
            }
            var end = text.index(after: index)
            if end < text.endIndex {
                let kind = text[end]
                end = text.index(after: end)
                if kind == "[" {
                    while end < text.endIndex {
                        let c = text[end]
                        end = text.index(after: end)
                        if let ascii = c.asciiValue, (0x40...0x7E).contains(ascii) { break }
                    }
                } else if kind == "]" {
                    while end < text.endIndex {
                        let c = text[end]
                        end = text.index(after: end)
                        if c == "\u{07}" { break }
                        if c == "\u{1B}", end < text.endIndex, text[end] == "\\" {
                            end = text.index(after: end)
                            break
                        }
                    }
                }
            }
            body(Unit(text: text[index..<end], width: 0))
            index = end
        }
    }

    /// `text` padded with spaces on the right to `width` columns (unchanged when already as wide).
    public static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - self.width(text)))
    }

    /// `text` padded with spaces on the left to `width` columns (unchanged when already as wide).
    public static func leftPadded(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - self.width(text))) + text
    }
}
