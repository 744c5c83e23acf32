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
        // "Reyes, Dana": the given name follows the comma; "Todd Vallie, PMP": the name ends there.
        var words = PersonName.wordsInReadingOrder(name)
        while words.count > 1,
            PersonName.honorifics.contains(PersonName.wordKey(words[0])) || isProfessionalTitle(words[0])
                || !words[0].contains(where: \.isLetter)
        {
            words.removeFirst()
        }
        return words.first.map(String.init) ?? name
    }

    /// Titles of a profession that LinkedIn members write before their first name, so that "Hello Lic." or
    /// "Hello CA" greeted no one (real exports: `Lic.` 12 times, `Ing.` 11, `Er.` 10, `CA` 8, `Ar.` 6, `Eng.` 3,
    /// `CPA` 3, `COACH` 2, `Adv` 2, `Dra.`, `Engr.`, `CS`; agutierrez11/Radar-comercial-linkedin,
    /// rodolfopardo/linkedin-network, neelmehra/Linkedin_Analysis, simplysuvi/linkinsight and others). Those
    /// whose letters are also a given name (`Eng Hock`, `Ing Marie`, `Ca`) count only as written as titles are:
    /// with a dot (`Ing.`, `Er.`), or in capitals (`CA`, `CS`).
    static func isProfessionalTitle(_ word: Substring) -> Bool {
        let key = PersonName.wordKey(word)
        if ["lic", "licda", "licdo", "dra", "arq", "adv", "engr", "coach"].contains(key) { return true }
        if word.hasSuffix("."), ["ing", "eng", "er", "ar", "abg", "sr", "sra", "cpa"].contains(key) { return true }
        let capitals = word.allSatisfy { $0.isUppercase }
        return capitals && ["ca", "cs", "cpa", "cma", "cfa"].contains(key)
    }
}
