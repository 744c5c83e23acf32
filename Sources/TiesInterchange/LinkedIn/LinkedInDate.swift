import Foundation
import TiesCore

/// The dates LinkedIn exports have written, 2012 to 2026, read as UTC instants.
///
/// | Form | Where |
/// |---|---|
/// | `12 Mar 2024` | Connections `Connected On` (2019–) |
/// | `12-Mar-24`, `12-Mar-2024` | the same after a spreadsheet re-saved the file (`d-mmm-yy`) |
/// | `27-juil-25`, `14-févr-24`, `3-Okt-23`, `9-ago-22` | the same by a spreadsheet set to another language (``month(named:)``) |
/// | `2024-03-12` | a spreadsheet's ISO re-save |
/// | `12.03.2024`, `12.03.24` | a re-save by a spreadsheet set to a European language (day first) |
/// | `2/12/18, 5:55 AM`, `2/12/18` | 2018 exports; Invitations `Sent At`, Recommendations, Email Addresses (month/day/two-digit year) |
/// | `2023-06-11 15:33:58 UTC`, `2024/12/15 08:53:43 UTC` | messages `DATE`, Endorsements |
/// | `Mar 25 2023 10:15 AM`, `Feb 17, 1998` | Profile `Birth Date`, some Invitations |
///
/// A two-digit year is 20yy (LinkedIn began in 2003), and only after a dash or a slash (`12 Mar 24` is
/// refused). A date with a slash is month first, as LinkedIn
/// writes it in every export; a date without a time is noon UTC, so that its day is the same in every time
/// zone within ±11 hours. Connections and Invitations read their dates of numbers only (`27-09-2021`) in the
/// order the file tells (``LinkedInDateColumn``).
public enum LinkedInDate {
    /// What the readers accept, for error messages.
    public static let accepted =
        "a date such as 12 Mar 2024, 12-Mar-24, 2024-03-12, 12.03.2024, 2/12/18, 5:55 AM, or 2023-06-11 15:33:58 UTC"

    /// The instant `text` names, or nil when it is none of the forms above (or an impossible date).
    public static func instant(_ text: String) -> Date? {
        guard let parsed = parse(text) else { return nil }
        let seconds = parsed.seconds ?? 12 * 3600
        return Date(timeIntervalSince1970: TimeInterval(parsed.day.ordinal * 86_400 + seconds))
    }

    /// The calendar day `text` names (its UTC day), or nil.
    public static func day(_ text: String) -> Day? { parse(text)?.day }

    /// The day and, when written, the seconds since midnight.
    static func parse(_ text: String) -> (day: Day, seconds: Int?)? {
        let tokens = Tokens(text)
        guard !tokens.items.isEmpty else { return nil }
        let items = tokens.items
        var date: Day?
        var rest = items[...]
        // The date part: the first one to three tokens.
        if items.count >= 3, let d = number(items[0]), let m = month(named: Substring(items[1])),
            let y = year(items[2]), tokens.separators.first == "-" || items[2].count == 4
        {
            date = Day(year: y, month: m, day: d)  // 12 Mar 2024, 12-Mar-24
            rest = items.dropFirst(3)
        } else if items.count >= 3, let m = month(named: Substring(items[0])), let d = number(items[1]),
            let y = year(items[2])
        {
            date = Day(year: y, month: m, day: d)  // Mar 25 2023, Feb 17, 1998
            rest = items.dropFirst(3)
        } else if items.count >= 3, items[0].count == 4, let y = number(items[0]), let m = number(items[1]),
            let d = number(items[2]), tokens.separators.first == "-" || tokens.separators.first == "/"
        {
            date = Day(year: y, month: m, day: d)  // 2024-03-12, 2024/12/15
            rest = items.dropFirst(3)
        } else if items.count >= 3, tokens.separators.first == "/", let m = number(items[0]), let d = number(items[1]),
            let y = year(items[2])
        {
            date = Day(year: y, month: m, day: d)  // 2/12/18
            rest = items.dropFirst(3)
        } else if items.count >= 3, tokens.separators.first == ".", let a = number(items[0]), let m = number(items[1]),
            let c = number(items[2])
        {
            // 16.09.2021, 16.09.21 (day first, as Europe writes it), 2021.09.16
            if items[0].count == 4 {
                date = Day(year: a, month: m, day: c)
            } else if let y = year(items[2]) {
                date = Day(year: y, month: m, day: a)
            }
            rest = items.dropFirst(3)
        }
        guard let date else { return nil }
        let time = time(Array(rest))
        guard time.valid else { return nil }
        return (date, time.seconds)
    }

    /// The month (1–12) a date's month word names: English (as LinkedIn writes it), or as a spreadsheet set to
    /// French, Spanish, Portuguese, German, Italian or Dutch writes `mmm` and `mmmm` when it re-saves the file
    /// (`juil`, `févr`, `déc`, `ene`, `dic`, `set`, `out`, `dez`, `Mär`, `Okt`, `gen`, `mag`, `mrt`, `mei`...;
    /// a trailing dot is a separator). No word names two months in these languages. Case-insensitive.
    static func month(named text: Substring) -> Int? {
        ImportSupport.month(named: text) ?? spreadsheetMonths[text.lowercased()]
    }

    /// Month words of French, Spanish, Portuguese, German, Italian and Dutch spreadsheets, full and
    /// abbreviated, lower-case (English ones are ``ImportSupport/monthsByName``).
    static let spreadsheetMonths: [String: Int] = {
        let words: [[String]] = [
            ["janvier", "janv", "enero", "ene", "janeiro", "januar", "jän", "jänner", "gennaio", "gen", "januari"],
            [
                "février", "févr", "fevrier", "fevr", "fév", "febrero", "fevereiro", "fev", "februar", "febbraio",
                "februari",
            ],
            ["mars", "marzo", "março", "marco", "märz", "mär", "maerz", "maart", "mrt"],
            ["avril", "avr", "abril", "abr", "aprile"],
            ["mai", "mayo", "maio", "maggio", "mag", "mei"],
            ["juin", "junio", "junho", "juni", "giugno", "giu"],
            ["juillet", "juil", "julio", "julho", "juli", "luglio", "lug"],
            ["août", "aout", "agosto", "ago", "augustus"],
            ["septembre", "septiembre", "setiembre", "setembro", "set", "settembre"],
            ["octobre", "octubre", "outubro", "out", "oktober", "okt", "ottobre", "ott"],
            ["novembre", "noviembre", "novembro"],
            ["décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "dez", "dezember", "dicembre"],
        ]
        var table: [String: Int] = [:]
        for (k, names) in words.enumerated() {
            for name in names { table[name] = k + 1 }
        }
        return table
    }()

    /// `5:55 AM`, `15:33:58 UTC`, `10:26 PM`, or nothing (valid, no seconds); invalid when the tokens are
    /// something else.
    static func time(_ items: [String]) -> (valid: Bool, seconds: Int?) {
        var items = items[...]
        if let zone = items.last?.uppercased(), zone == "UTC" || zone == "GMT" || zone == "Z" {
            items = items.dropLast()
        }
        guard !items.isEmpty else { return (true, nil) }
        var meridiem: String?
        if let last = items.last?.uppercased(), last == "AM" || last == "PM" {
            meridiem = last
            items = items.dropLast()
        }
        let parts = items.map { number($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return (false, nil) }
        var hour = parts[0] ?? 0
        let minute = parts[1] ?? 0
        let second = parts.count == 3 ? parts[2] ?? 0 : 0
        if let meridiem {
            guard (1...12).contains(hour) else { return (false, nil) }
            hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else {
            return (false, nil)
        }
        return (true, hour * 3600 + minute * 60 + second)
    }

    static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(text)
    }

    /// A four-digit year, or a two-digit one as 20yy.
    static func year(_ text: String) -> Int? {
        guard let n = number(text) else { return nil }
        switch text.utf8.count {
        case 4: return n
        case 2: return 2000 + n
        default: return nil
        }
    }

    /// The text cut at spaces, commas, dashes, slashes and colons, with the separator after the first token.
    struct Tokens {
        var items: [String] = []
        var separators: [Character] = []

        init(_ text: String) {
            var current = ""
            var pendingSeparator: Character?
            for c in text {
                if c == " " || c == "," || c == "-" || c == "/" || c == ":" || c == "." || c == "\t"
                    || c == "\u{00A0}" || c == "\u{202F}"
                {
                    if !current.isEmpty {
                        items.append(current)
                        current = ""
                        pendingSeparator = nil
                    }
                    // The most telling separator between two tokens: a dash, slash or dot over a space.
                    if pendingSeparator == nil || pendingSeparator == " " || pendingSeparator == "," {
                        pendingSeparator = c == "\t" || c == "\u{00A0}" || c == "\u{202F}" ? " " : c
                    }
                } else {
                    if current.isEmpty, let s = pendingSeparator, !items.isEmpty, separators.count < items.count {
                        separators.append(s)
                    }
                    current.append(c)
                }
            }
            if !current.isEmpty { items.append(current) }
        }
    }
}
