import Foundation

extension SpreadsheetText {
    /// `bytes` as comma-separated CSV when a spreadsheet saved them with semicolons between the fields, as
    /// Excel does where the comma is the decimal separator (most of Europe); nil when they are not such a
    /// file: their first line has no semicolon outside quotes, or has a comma outside quotes.
    ///
    /// A field that holds a comma or a quote, which such a file writes bare (`Kestrel, Ltd`), is put in quotes;
    /// a quoted field is kept as written, semicolons included. Line breaks are kept.
    public static func commaSeparated(_ bytes: [UInt8]) -> [UInt8]? {
        guard isSemicolonSeparated(bytes) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var field: [UInt8] = []
        var i = 0
        func flush() {
            if field.contains(comma) || field.contains(quote) {
                out.append(quote)
                for byte in field {
                    if byte == quote { out.append(quote) }
                    out.append(byte)
                }
                out.append(quote)
            } else {
                out += field
            }
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if field.isEmpty && byte == quote {
                // A quoted field, copied up to its closing quote (a doubled quote is one inside it).
                var j = i + 1
                while j < bytes.count {
                    if bytes[j] == quote {
                        if j + 1 < bytes.count && bytes[j + 1] == quote {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                out += bytes[i..<min(j + 1, bytes.count)]
                i = j + 1
                continue
            }
            switch byte {
            case semicolon:
                flush()
                out.append(comma)
            case 0x0A, 0x0D:
                flush()
                out.append(byte)
            default:
                field.append(byte)
            }
            i += 1
        }
        flush()
        return out
    }

    /// Whether the first line (after a byte order mark) has a semicolon and no comma outside quotes.
    public static func isSemicolonSeparated(_ bytes: [UInt8]) -> Bool {
        var quoted = false
        var semicolons = 0
        for byte in bytes.prefix(1 << 16) {
            if byte == quote {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A || byte == 0x0D { break }
                if byte == comma { return false }
                if byte == semicolon { semicolons += 1 }
            }
        }
        return semicolons > 0
    }

    private static let comma: UInt8 = 0x2C
    private static let semicolon: UInt8 = 0x3B
    private static let quote: UInt8 = 0x22
}
