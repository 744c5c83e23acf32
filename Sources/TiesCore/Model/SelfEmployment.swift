/// What members write in place of an employer when they work for themselves: "Self-employed", "Freelance",
/// "Independent", "Autônomo". In a real 2025 LinkedIn export of 4,215 connections, 39 gave "Self-employed" and
/// 17 "Freelance": taken as organisations, they were one firm of 56 colleagues — namesakes there became
/// likely duplicates ("same organisation"), a freelance recruiter was "in-house", and `ties next` spoke of
/// "your only active contact at Freelance" and of "your searches at Self-employed".
public enum SelfEmployment {
    /// Whole organisation names, folded (``MatchKey/fold(_:)``), that say "works for themselves" in English,
    /// Spanish, Portuguese, French, German, Italian and Dutch. Only whole names: "Independent Consultant
    /// (IQ Talent Partners)" or "The Independent" name more than that.
    public static let names: Set<String> = [
        "self employed", "selfemployed", "self employment", "self", "freelance", "freelancer", "freelancing",
        "freelance consultant", "independent", "independent consultant", "independent contractor",
        "independent professional", "independent recruiter", "autonomo", "autonoma", "independiente",
        "independiente freelance", "freelance independiente", "trabajador independiente", "profesional independiente",
        "trabalhador autonomo", "profissional autonomo", "autonomo freelancer", "freelancer autonomo",
        "auto entrepreneur", "autoentrepreneur", "independant", "travailleur independant", "freiberuflich",
        "freiberufler", "freiberuflerin", "selbststandig", "selbstandig", "selbststaendig", "libero professionista",
        "zzp", "zzper", "zelfstandige", "zelfstandig ondernemer",
    ]

    /// Whether `organisation` is one of ``names`` once folded.
    ///
    /// Asked for every person each time the analysis counts firms (twelve weeks of a report): ASCII names
    /// are folded here, byte by byte, and only the others by ``MatchKey/fold(_:)``, whose Unicode
    /// decomposition made the first report of a 10,000-person store 0.9 s slower (`perf`).
    public static func isSelfEmployment(_ organisation: String) -> Bool {
        folded(organisation).map(names.contains) ?? false
    }

    /// Whether `organisation` names no firm: work for oneself (``names``) or a firm not disclosed
    /// (``RecruiterRules/undisclosedOrganisations``: "Confidential", "Stealth Startup", which 188 and 63
    /// connections of 56 real exports gave, taken as one firm each: "you have no active contact at
    /// Confidential").
    public static func namesNoFirm(_ organisation: String) -> Bool {
        guard let key = folded(organisation) else { return false }
        return names.contains(key) || RecruiterRules.undisclosedOrganisations.contains(key)
    }

    /// `organisation` folded as ``MatchKey/fold(_:)`` folds it, nil when it is longer than any name above.
    static func folded(_ organisation: String) -> String? {
        // Every name above is short: a long one is read as an employer without folding it.
        guard organisation.utf8.count <= 40 else { return nil }
        return MatchKey.fold(organisation)
    }
}

extension Person {
    /// ``organisation`` unless it names no firm: the person works for themselves, or does not say where
    /// (``SelfEmployment/namesNoFirm(_:)``). What the analysis counts as a firm — colleagues, "your only
    /// active contact at", recruiters' firms, breadth.
    public var employer: String? {
        guard let organisation, !SelfEmployment.namesNoFirm(organisation) else { return nil }
        return organisation
    }

    /// The firm the person recruits or works for, to count how many firms a set of people spans: the
    /// employer (any case), or, for someone working for themselves or at a firm not disclosed, a firm of their
    /// own; nil when unknown.
    public var firm: String? {
        guard organisation != nil else { return nil }
        return employer?.lowercased() ?? "self-employed #\(id.map(String.init) ?? name)"
    }
}
