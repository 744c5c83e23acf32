/// A job title or organisation name folded for matching (``MatchKey/fold(_:)``: lower case, no accents or
/// apostrophes, punctuation as single spaces), padded with a space on each side so `" word "` finds whole words.
struct TitleText: Sendable, Equatable {
    /// The folded text, e.g. `" senior physician recruiter emergency medicine "`.
    let padded: String
    /// The folded text without the padding.
    let folded: String

    init(_ raw: String) {
        folded = MatchKey.fold(raw)
        padded = " \(folded) "
    }

    /// True when `phrase` (folded words separated by single spaces) occurs as whole words.
    func contains(_ phrase: String) -> Bool { padded.contains(" \(phrase) ") }

    /// The first of `phrases` that occurs as whole words.
    func first(of phrases: [String]) -> String? { phrases.first { contains($0) } }

    /// The words, in order.
    var words: [Substring] { folded.split(separator: " ") }

    var isEmpty: Bool { folded.isEmpty }
}
