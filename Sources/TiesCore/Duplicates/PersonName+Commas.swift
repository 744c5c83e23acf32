extension PersonName {
    /// The words of `name` that are the person's name, in reading order, as written (not folded).
    ///
    /// A comma either turns a name around or ends it. `Reyes, Dana` is read `Dana Reyes` when it reads as a
    /// name written surname first: one word before the comma (or a surname after its particles, `van Dyke,
    /// Anna`), and after it one or two words that read as names. Anything else after a comma is not the name:
    /// credentials and headlines, which real LinkedIn exports write there (`Todd Vallie, PMP`, `Shital
    /// Chiddarwar, Ph.D.`, `Anshul Pardhi Sr. Software Engineer, Systems Infrastructure`). Of 3,370 distinct
    /// names with a comma in 79 connections files of real exports published in other projects, 7 read surname
    /// first; turning every name of two parts around greeted 1,613 others by a credential or a firm ("Hello
    /// PMP", "Hello CFA", "Hello Inc."), and kept `Todd Vallie, PMP` from matching `Todd Vallie` as a
    /// possible duplicate.
    static func wordsInReadingOrder(_ name: String) -> [Substring] {
        var parts = name.split(separator: ",").map { $0.split(separator: " ") }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return parts.first ?? [] }
        // `Reyes, Dana, MD`: credentials after the given name are dropped first.
        while parts.count > 2, let last = parts.last, last.allSatisfy(isSuffix) { parts.removeLast() }
        let head = parts[0]
        let tail = parts[1]
        let upper = !head.contains { $0.contains(where: \.isLowercase) }
        let surnameFirst =
            head.dropLast().allSatisfy { particles.contains($0.lowercased()) } && tail.count <= 2
            && tail.allSatisfy { readsAsName($0, upper: upper) }
        return surnameFirst ? tail + head : head
    }

    /// Lower-case words that come before a surname (`van Dyke`, `de la Cruz`).
    static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "dos", "das", "do", "st", "st.",
    ]

    /// One written word as the lists of honorifics, suffixes and titles hold it: folded (``MatchKey/fold(_:)``),
    /// its punctuation gone (`Ph.D.` is `phd`).
    static func wordKey(_ word: Substring) -> String {
        MatchKey.fold(String(word)).replacingOccurrences(of: " ", with: "")
    }

    /// Whether `word` is a suffix or an honorific of ``suffixes`` and ``honorifics`` (folded).
    static func isSuffix(_ word: Substring) -> Bool {
        let key = wordKey(word)
        return suffixes.contains(key) || honorifics.contains(key)
    }

    /// Whether `word` reads as a given name: letters (with `-`, `'` or `.`), at least two, a capital first
    /// and a small letter after it — or all capitals when the surname is (`REYES, DANA`); not a suffix.
    static func readsAsName(_ word: Substring, upper: Bool) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, word.allSatisfy({ $0.isLetter || "-'.".contains($0) }),
            letters.first?.isUppercase == true, !isSuffix(word)
        else { return false }
        return upper || letters.dropFirst().contains(where: \.isLowercase)
    }
}
