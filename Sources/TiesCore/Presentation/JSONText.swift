/// JSON text pieces shared by every JSON the project writes (listings in TiesInterchange, the weekly report
/// in TiesReports), so both escape user text the same way.
public enum JSONText {
    /// A JSON string literal. Quotes, backslashes and every control character are escaped; so are the line
    /// and paragraph separators U+2028/U+2029, the bidirectional-formatting characters (so a name cannot
    /// reorder text where the JSON is shown) and `<` (so the JSON can be embedded in HTML).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || v == 0x2028 || v == 0x2029 || v == 0x200E || v == 0x200F
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || scalar == "<"
                {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
