import Foundation

/// Turns the `TZID` values calendar programs write into time zones.
///
/// Calendars name zones several ways: IANA names (`America/New_York`, Google, Apple), Windows names
/// (`Eastern Standard Time`, Outlook and Exchange), Outlook display names
/// (`(UTC-05:00) Eastern Time (US & Canada)`), and IANA names behind a vendor prefix
/// (`/mozilla.org/20050126_1/America/New_York`). ``resolve(_:hints:)`` tries them in that order.
public enum TimeZoneNames {
    /// Windows time-zone ids and the IANA zone that stands for each (the "001" territory of the Unicode
    /// CLDR `windowsZones` table, with current IANA spellings), plus a few retired Windows names.
    public static let windowsToIANA: [String: String] = [
        "Dateline Standard Time": "Etc/GMT+12",
        "UTC-11": "Etc/GMT+11",
        "Aleutian Standard Time": "America/Adak",
        "Hawaiian Standard Time": "Pacific/Honolulu",
        "Marquesas Standard Time": "Pacific/Marquesas",
        "Alaskan Standard Time": "America/Anchorage",
        "UTC-09": "Etc/GMT+9",
        "Pacific Standard Time (Mexico)": "America/Tijuana",
        "UTC-08": "Etc/GMT+8",
        "Pacific Standard Time": "America/Los_Angeles",
        "US Mountain Standard Time": "America/Phoenix",
        "Mountain Standard Time (Mexico)": "America/Mazatlan",
        "Mountain Standard Time": "America/Denver",
        "Yukon Standard Time": "America/Whitehorse",
        "Central America Standard Time": "America/Guatemala",
        "Central Standard Time": "America/Chicago",
        "Easter Island Standard Time": "Pacific/Easter",
        "Central Standard Time (Mexico)": "America/Mexico_City",
        "Canada Central Standard Time": "America/Regina",
        "SA Pacific Standard Time": "America/Bogota",
        "Eastern Standard Time (Mexico)": "America/Cancun",
        "Eastern Standard Time": "America/New_York",
        "Haiti Standard Time": "America/Port-au-Prince",
        "Cuba Standard Time": "America/Havana",
        "US Eastern Standard Time": "America/Indiana/Indianapolis",
        "Turks And Caicos Standard Time": "America/Grand_Turk",
        "Paraguay Standard Time": "America/Asuncion",
        "Atlantic Standard Time": "America/Halifax",
        "Venezuela Standard Time": "America/Caracas",
        "Central Brazilian Standard Time": "America/Cuiaba",
        "SA Western Standard Time": "America/La_Paz",
        "Pacific SA Standard Time": "America/Santiago",
        "Newfoundland Standard Time": "America/St_Johns",
        "Tocantins Standard Time": "America/Araguaina",
        "E. South America Standard Time": "America/Sao_Paulo",
        "SA Eastern Standard Time": "America/Cayenne",
        "Argentina Standard Time": "America/Argentina/Buenos_Aires",
        "Greenland Standard Time": "America/Nuuk",
        "Montevideo Standard Time": "America/Montevideo",
        "Magallanes Standard Time": "America/Punta_Arenas",
        "Saint Pierre Standard Time": "America/Miquelon",
        "Bahia Standard Time": "America/Bahia",
        "UTC-02": "Etc/GMT+2",
        "Mid-Atlantic Standard Time": "Etc/GMT+2",
        "Azores Standard Time": "Atlantic/Azores",
        "Cape Verde Standard Time": "Atlantic/Cape_Verde",
        "UTC": "Etc/UTC",
        "Coordinated Universal Time": "Etc/UTC",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "Sao Tome Standard Time": "Africa/Sao_Tome",
        "Morocco Standard Time": "Africa/Casablanca",
        "W. Europe Standard Time": "Europe/Berlin",
        "Central Europe Standard Time": "Europe/Budapest",
        "Romance Standard Time": "Europe/Paris",
        "Central European Standard Time": "Europe/Warsaw",
        "W. Central Africa Standard Time": "Africa/Lagos",
        "Jordan Standard Time": "Asia/Amman",
        "GTB Standard Time": "Europe/Bucharest",
        "Middle East Standard Time": "Asia/Beirut",
        "Egypt Standard Time": "Africa/Cairo",
        "E. Europe Standard Time": "Europe/Chisinau",
        "Syria Standard Time": "Asia/Damascus",
        "West Bank Standard Time": "Asia/Hebron",
        "South Africa Standard Time": "Africa/Johannesburg",
        "FLE Standard Time": "Europe/Kiev",
        "Israel Standard Time": "Asia/Jerusalem",
        "South Sudan Standard Time": "Africa/Juba",
        "Kaliningrad Standard Time": "Europe/Kaliningrad",
        "Sudan Standard Time": "Africa/Khartoum",
        "Libya Standard Time": "Africa/Tripoli",
        "Namibia Standard Time": "Africa/Windhoek",
        "Arabic Standard Time": "Asia/Baghdad",
        "Turkey Standard Time": "Europe/Istanbul",
        "Arab Standard Time": "Asia/Riyadh",
        "Belarus Standard Time": "Europe/Minsk",
        "Russian Standard Time": "Europe/Moscow",
        "E. Africa Standard Time": "Africa/Nairobi",
        "Volgograd Standard Time": "Europe/Volgograd",
        "Iran Standard Time": "Asia/Tehran",
        "Arabian Standard Time": "Asia/Dubai",
        "Astrakhan Standard Time": "Europe/Astrakhan",
        "Azerbaijan Standard Time": "Asia/Baku",
        "Russia Time Zone 3": "Europe/Samara",
        "Mauritius Standard Time": "Indian/Mauritius",
        "Saratov Standard Time": "Europe/Saratov",
        "Georgian Standard Time": "Asia/Tbilisi",
        "Caucasus Standard Time": "Asia/Yerevan",
        "Armenian Standard Time": "Asia/Yerevan",
        "Afghanistan Standard Time": "Asia/Kabul",
        "West Asia Standard Time": "Asia/Tashkent",
        "Ekaterinburg Standard Time": "Asia/Yekaterinburg",
        "Pakistan Standard Time": "Asia/Karachi",
        "Qyzylorda Standard Time": "Asia/Qyzylorda",
        "India Standard Time": "Asia/Kolkata",
        "Sri Lanka Standard Time": "Asia/Colombo",
        "Nepal Standard Time": "Asia/Kathmandu",
        "Central Asia Standard Time": "Asia/Bishkek",
        "Bangladesh Standard Time": "Asia/Dhaka",
        "Omsk Standard Time": "Asia/Omsk",
        "Myanmar Standard Time": "Asia/Yangon",
        "SE Asia Standard Time": "Asia/Bangkok",
        "Altai Standard Time": "Asia/Barnaul",
        "W. Mongolia Standard Time": "Asia/Hovd",
        "North Asia Standard Time": "Asia/Krasnoyarsk",
        "N. Central Asia Standard Time": "Asia/Novosibirsk",
        "Tomsk Standard Time": "Asia/Tomsk",
        "China Standard Time": "Asia/Shanghai",
        "North Asia East Standard Time": "Asia/Irkutsk",
        "Singapore Standard Time": "Asia/Singapore",
        "W. Australia Standard Time": "Australia/Perth",
        "Taipei Standard Time": "Asia/Taipei",
        "Ulaanbaatar Standard Time": "Asia/Ulaanbaatar",
        "Aus Central W. Standard Time": "Australia/Eucla",
        "Transbaikal Standard Time": "Asia/Chita",
        "Tokyo Standard Time": "Asia/Tokyo",
        "North Korea Standard Time": "Asia/Pyongyang",
        "Korea Standard Time": "Asia/Seoul",
        "Yakutsk Standard Time": "Asia/Yakutsk",
        "Cen. Australia Standard Time": "Australia/Adelaide",
        "AUS Central Standard Time": "Australia/Darwin",
        "E. Australia Standard Time": "Australia/Brisbane",
        "AUS Eastern Standard Time": "Australia/Sydney",
        "West Pacific Standard Time": "Pacific/Port_Moresby",
        "Tasmania Standard Time": "Australia/Hobart",
        "Vladivostok Standard Time": "Asia/Vladivostok",
        "Lord Howe Standard Time": "Australia/Lord_Howe",
        "Bougainville Standard Time": "Pacific/Bougainville",
        "Russia Time Zone 10": "Asia/Srednekolymsk",
        "Magadan Standard Time": "Asia/Magadan",
        "Norfolk Standard Time": "Pacific/Norfolk",
        "Sakhalin Standard Time": "Asia/Sakhalin",
        "Central Pacific Standard Time": "Pacific/Guadalcanal",
        "Russia Time Zone 11": "Asia/Kamchatka",
        "Kamchatka Standard Time": "Asia/Kamchatka",
        "New Zealand Standard Time": "Pacific/Auckland",
        "UTC+12": "Etc/GMT-12",
        "Fiji Standard Time": "Pacific/Fiji",
        "Chatham Islands Standard Time": "Pacific/Chatham",
        "UTC+13": "Etc/GMT-13",
        "Tonga Standard Time": "Pacific/Tongatapu",
        "Samoa Standard Time": "Pacific/Apia",
        "Line Islands Standard Time": "Pacific/Kiritimati",
        "Mexico Standard Time": "America/Mexico_City",
        "Mexico Standard Time 2": "America/Chihuahua",
    ]

    /// Outlook's display names (the text after `(UTC±hh:mm) `) for the zones most often seen, and their
    /// IANA zones.
    public static let outlookDisplayNames: [String: String] = [
        "Coordinated Universal Time": "Etc/UTC",
        "Hawaii": "Pacific/Honolulu",
        "Alaska": "America/Anchorage",
        "Pacific Time (US & Canada)": "America/Los_Angeles",
        "Arizona": "America/Phoenix",
        "Mountain Time (US & Canada)": "America/Denver",
        "Central Time (US & Canada)": "America/Chicago",
        "Saskatchewan": "America/Regina",
        "Guadalajara, Mexico City, Monterrey": "America/Mexico_City",
        "Eastern Time (US & Canada)": "America/New_York",
        "Indiana (East)": "America/Indiana/Indianapolis",
        "Bogota, Lima, Quito, Rio Branco": "America/Bogota",
        "Atlantic Time (Canada)": "America/Halifax",
        "Newfoundland": "America/St_Johns",
        "Brasilia": "America/Sao_Paulo",
        "City of Buenos Aires": "America/Argentina/Buenos_Aires",
        "Buenos Aires": "America/Argentina/Buenos_Aires",
        "Santiago": "America/Santiago",
        "Dublin, Edinburgh, Lisbon, London": "Europe/London",
        "Monrovia, Reykjavik": "Atlantic/Reykjavik",
        "Casablanca": "Africa/Casablanca",
        "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": "Europe/Berlin",
        "Belgrade, Bratislava, Budapest, Ljubljana, Prague": "Europe/Budapest",
        "Brussels, Copenhagen, Madrid, Paris": "Europe/Paris",
        "Sarajevo, Skopje, Warsaw, Zagreb": "Europe/Warsaw",
        "West Central Africa": "Africa/Lagos",
        "Athens, Bucharest": "Europe/Bucharest",
        "Cairo": "Africa/Cairo",
        "Harare, Pretoria": "Africa/Johannesburg",
        "Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius": "Europe/Kiev",
        "Jerusalem": "Asia/Jerusalem",
        "Istanbul": "Europe/Istanbul",
        "Moscow, St. Petersburg": "Europe/Moscow",
        "Nairobi": "Africa/Nairobi",
        "Tehran": "Asia/Tehran",
        "Abu Dhabi, Muscat": "Asia/Dubai",
        "Islamabad, Karachi": "Asia/Karachi",
        "Chennai, Kolkata, Mumbai, New Delhi": "Asia/Kolkata",
        "Kathmandu": "Asia/Kathmandu",
        "Dhaka": "Asia/Dhaka",
        "Bangkok, Hanoi, Jakarta": "Asia/Bangkok",
        "Beijing, Chongqing, Hong Kong, Urumqi": "Asia/Shanghai",
        "Kuala Lumpur, Singapore": "Asia/Singapore",
        "Perth": "Australia/Perth",
        "Taipei": "Asia/Taipei",
        "Osaka, Sapporo, Tokyo": "Asia/Tokyo",
        "Seoul": "Asia/Seoul",
        "Adelaide": "Australia/Adelaide",
        "Darwin": "Australia/Darwin",
        "Brisbane": "Australia/Brisbane",
        "Canberra, Melbourne, Sydney": "Australia/Sydney",
        "Hobart": "Australia/Hobart",
        "Auckland, Wellington": "Pacific/Auckland",
    ]

    /// Windows names keyed case-insensitively.
    static let windowsLowercased: [String: String] = Dictionary(
        windowsToIANA.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    static let displayLowercased: [String: String] = Dictionary(
        outlookDisplayNames.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })

    /// The time zone a `TZID` names, or nil.
    ///
    /// Tried in order: an IANA name; a Windows name; an Outlook display name with or without its
    /// `(UTC±hh:mm)` prefix; the last two or three `/`-separated parts of a prefixed name
    /// (`/mozilla.org/20050126_1/America/New_York`, `/Europe/Stockholm`); finally `hints`, a map from `TZID` to an IANA name
    /// (the `X-LIC-LOCATION` of the file's own `VTIMEZONE`).
    public static func resolve(_ tzid: String, hints: [String: String] = [:]) -> TimeZone? {
        var name = tzid.trimmedWhitespace()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        if name.isEmpty { return nil }
        if let zone = iana(name) { return zone }
        let key = name.lowercased()
        if let mapped = windowsLowercased[key], let zone = iana(mapped) { return zone }
        var display = key
        if display.hasPrefix("(utc") || display.hasPrefix("(gmt"), let close = display.firstIndex(of: ")") {
            display = display[display.index(after: close)...].trimmedWhitespace()
        }
        if let mapped = displayLowercased[display], let zone = iana(mapped) { return zone }
        let parts = name.split(separator: "/")
        // `/Europe/Stockholm`, a global name (RFC 5545 §3.8.3.1) with nothing before its two parts, too.
        for count in [3, 2] where parts.count > count || parts.count == count && name.hasPrefix("/") {
            if let zone = iana(parts.suffix(count).joined(separator: "/")) { return zone }
        }
        if let hint = hints[tzid], hint != tzid, let zone = iana(hint) { return zone }
        return nil
    }

    /// A zone from an IANA name; only names with a `/` (or UTC/GMT), so that abbreviations such as `EST`
    /// or `CST` — which mean different things in different places — are not guessed at.
    static func iana(_ name: String) -> TimeZone? {
        let upper = name.uppercased()
        if upper == "UTC" || upper == "GMT" || upper == "Z" { return TimeZone(identifier: "UTC") }
        guard name.utf8.contains(0x2F) else { return nil }
        return TimeZone(identifier: name)
    }
}
