/// A job title or organisation name folded for matching (``MatchKey/fold(_:)``: lower case, no accents or
/// apostrophes, punctuation as single spaces), padded with a space on each side so `" word "` finds whole words.
struct TitleText: Sendable, Equatable {
    /// The folded text, e.g. `" senior physician recruiter emergency medicine "`.
    let padded: String
    /// The folded text without the padding.
    let folded: String

    /// ``padded`` as UTF-8.
    private let bytes: [UInt8]

    init(_ raw: String) {
        folded = MatchKey.fold(raw)
        padded = " \(folded) "
        bytes = Array(padded.utf8)
    }

    /// True when `phrase` (folded words separated by single spaces) occurs as whole words.
    ///
    /// Compared as UTF-8 bytes (folded text has no combining marks, so this is the same as comparing
    /// characters): Foundation's `String.contains` cost 40 µs a title, a quarter of a 10,000-connection
    /// LinkedIn import (measured with `perf`).
    func contains(_ phrase: String) -> Bool {
        var phrase = phrase
        return phrase.withUTF8 { p in
            let n = p.count
            let m = bytes.count
            var i = 1  // the phrase at i..<i+n, a space before it and after it
            while i + n < m {
                if bytes[i - 1] == 0x20 && bytes[i + n] == 0x20 {
                    var k = 0
                    while k < n && bytes[i + k] == p[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The first of `phrases` that occurs as whole words.
    func first(of phrases: [String]) -> String? { phrases.first { contains($0) } }

    /// The words, in order.
    var words: [Substring] { folded.split(separator: " ") }

    var isEmpty: Bool { folded.isEmpty }
}
