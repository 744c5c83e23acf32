extension Person {
    /// How to address the person by first name: ``firstName(of:)`` of ``name``.
    public var firstName: String { Self.firstName(of: name) }

    /// The first name in a display name, as written: without a leading honorific (`Dr.`, `Prof`, `Ms.`, …)
    /// or what follows a comma (`Dana Reyes, MD`, `Todd Vallie, PMP`), turned around when written surname
    /// first (`Reyes, Dana`: ``PersonName/wordsInReadingOrder(_:)``), and without leading words that hold no
    /// letter: LinkedIn members decorate their names (`🚀 Luis`, `⚫️ Matthew`, `~ Antonella`), and
    /// "Hello 🚀" greets no one. A name that is only an honorific, or has no letter at all, is returned whole.
    ///
    /// ```swift
    /// Person.firstName(of: "Dr. Priya Natarajan, MD")  // "Priya"
    /// Person.firstName(of: "Reyes, Dana")              // "Dana"
    /// ```
    public static func firstName(of name: String) -> String {
        func folded(_ word: Substring) -> String {
            MatchKey.fold(String(word)).replacingOccurrences(of: " ", with: "")
        }
        // "Reyes, Dana": the given name follows the comma; "Todd Vallie, PMP": the name ends there.
        var words = PersonName.wordsInReadingOrder(name)
        while words.count > 1,
            PersonName.honorifics.contains(folded(words[0])) || !words[0].contains(where: \.isLetter)
        {
            words.removeFirst()
        }
        return words.first.map(String.init) ?? name
    }
}
