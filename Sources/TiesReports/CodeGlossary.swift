import TiesCore

/// The lists of stable codes that the README and the JSON schema document, generated from the enums so
/// the documentation cannot drift from the code (a test compares the committed text with these).
public enum CodeGlossary {
    /// A Markdown table of every gap code and its meaning.
    public static func gapCodes() -> String {
        table(GapCode.allCases.map { ($0.rawValue, $0.meaning) })
    }

    /// A Markdown table of every `next` reason code and its meaning; the `few-` codes, one per role, are one
    /// row.
    public static func reasonCodes() -> String {
        var rows: [(code: String, meaning: String)] = []
        for code in ReasonCode.catalogue {
            guard case .fewInRole = code else {
                rows.append((code.rawValue, code.meaning))
                continue
            }
            if !rows.contains(where: { $0.code.hasPrefix("few-") }) {
                rows.append(("few-ROLEs", "fewer active people in a role than its target, e.g. `few-mentors`"))
            }
        }
        return table(rows)
    }

    /// The region of `document` between `<!-- begin NAME -->` and `<!-- end NAME -->` replaced by `body`,
    /// or nil when the markers are missing.
    public static func replacing(region name: String, in document: String, with body: String) -> String? {
        let begin = "<!-- begin \(name) -->\n"
        let end = "<!-- end \(name) -->"
        guard let start = document.range(of: begin),
            let stop = document.range(of: end, range: start.upperBound..<document.endIndex)
        else { return nil }
        return document.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: body)
    }

    static func table(_ rows: [(code: String, meaning: String)]) -> String {
        "| code | meaning |\n| --- | --- |\n" + rows.map { "| `\($0.code)` | \($0.meaning) |\n" }.joined()
    }
}
