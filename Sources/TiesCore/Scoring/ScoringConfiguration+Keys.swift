import Foundation

extension ScoringConfiguration {
    /// Where one stored key's value lives and what form it takes: a number, a whole number, a list of either,
    /// one of either per role, or the weights. Derived from the type: see ``form(of:)``.
    enum SettingForm {
        case number(WritableKeyPath<ScoringConfiguration, Double>)
        case wholeNumber(WritableKeyPath<ScoringConfiguration, Int>)
        case numbers(WritableKeyPath<ScoringConfiguration, [Double]>)
        case wholeNumbers(WritableKeyPath<ScoringConfiguration, [Int]>)
        case numberByRole(WritableKeyPath<ScoringConfiguration, [Role: Double]>)
        case wholeNumberByRole(WritableKeyPath<ScoringConfiguration, [Role: Int]>)
        case weights
    }

    /// The form of each stored key. The switch is exhaustive, so a new setting (a new case of ``CodingKeys``)
    /// does not compile until it says its form, and `ties config show` and `set` know it from then on.
    static func form(of key: CodingKeys) -> SettingForm {
        switch key {
        case .weights: return .weights
        case .strengthHalfLifeDays: return .numberByRole(\.strengthHalfLifeDays)
        case .defaultStrengthHalfLifeDays: return .number(\.defaultStrengthHalfLifeDays)
        case .activityHalfLifeDays: return .number(\.activityHalfLifeDays)
        case .tenureCoefficient: return .number(\.tenureCoefficient)
        case .reciprocityFloor: return .number(\.reciprocityFloor)
        case .closenessMultipliers: return .numbers(\.closenessMultipliers)
        case .normalisationPercentile: return .number(\.normalisationPercentile)
        case .layerSizes: return .wholeNumbers(\.layerSizes)
        case .cadencePriorShape: return .number(\.cadencePriorShape)
        case .cadencePriorMeanGapDays: return .numbers(\.cadencePriorMeanGapDays)
        case .overdueSurvival: return .number(\.overdueSurvival)
        case .coldSurvival: return .number(\.coldSurvival)
        case .bridgeBonus: return .number(\.bridgeBonus)
        case .underrepresentedBonus: return .number(\.underrepresentedBonus)
        case .roleTargets: return .wholeNumberByRole(\.roleTargets)
        case .waitingWindowDays: return .wholeNumber(\.waitingWindowDays)
        case .yearlyDateLeadDays: return .wholeNumber(\.yearlyDateLeadDays)
        }
    }

    /// The weights by their stored key (a key path is not `Sendable`, so the table is built on each use; a test
    /// checks that it covers every key the weights are stored under).
    static var weightPaths: [(key: String, path: WritableKeyPath<Weights, Double>)] {
        [
            ("meeting", \.meeting), ("introReferralFavour", \.introReferralFavour), ("callVideo", \.callVideo),
            ("twoWay", \.twoWay), ("oneWayOutbound", \.oneWayOutbound), ("unansweredInbound", \.unansweredInbound),
            ("event", \.event), ("reaction", \.reaction), ("connected", \.connected),
        ]
    }

    /// One setting as `ties config` names it: the dotted key and, for a weight or a per-role value, the
    /// part after the dot.
    private struct Setting {
        var key: String
        var form: SettingForm
        var weight: WritableKeyPath<Weights, Double>?
        var role: Role?
    }

    /// Every setting of this configuration, sorted by key. A per-role setting has a key for each role it
    /// holds a value for.
    private var allSettings: [Setting] {
        var out: [Setting] = []
        for key in CodingKeys.allCases {
            let form = Self.form(of: key)
            switch form {
            case .weights:
                for (name, path) in Self.weightPaths {
                    out.append(Setting(key: key.stringValue + "." + name, form: form, weight: path))
                }
            case .numberByRole(let path):
                for role in self[keyPath: path].keys {
                    out.append(Setting(key: key.stringValue + "." + role.rawValue, form: form, role: role))
                }
            case .wholeNumberByRole(let path):
                for role in self[keyPath: path].keys {
                    out.append(Setting(key: key.stringValue + "." + role.rawValue, form: form, role: role))
                }
            default:
                out.append(Setting(key: key.stringValue, form: form))
            }
        }
        return out.sorted { $0.key < $1.key }
    }

    /// Every setting as `dotted.key = value` pairs, sorted by key: what `ties config show` prints. Lists are
    /// comma-separated; a number is written as the stored JSON writes it (`90`, `0.5`).
    public var settings: [(key: String, value: String)] {
        allSettings.map { ($0.key, value(of: $0)) }
    }

    private func value(of setting: Setting) -> String {
        switch setting.form {
        case .weights: return setting.weight.map { Self.text(weights[keyPath: $0]) } ?? ""
        case .number(let path): return Self.text(self[keyPath: path])
        case .wholeNumber(let path): return String(self[keyPath: path])
        case .numbers(let path): return self[keyPath: path].map(Self.text).joined(separator: ",")
        case .wholeNumbers(let path): return self[keyPath: path].map(String.init).joined(separator: ",")
        case .numberByRole(let path): return setting.role.flatMap { self[keyPath: path][$0] }.map(Self.text) ?? ""
        case .wholeNumberByRole(let path):
            return setting.role.flatMap { self[keyPath: path][$0] }.map(String.init) ?? ""
        }
    }

    /// A number as the stored JSON writes it: `90` for a whole number, else Swift's shortest form (`0.5`).
    private static func text(_ x: Double) -> String {
        let text = "\(x)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A copy with one setting changed. Numbers are plain decimals; list settings take comma-separated numbers.
    ///
    /// ```swift
    /// let c = try ScoringConfiguration().setting("activityHalfLifeDays", to: "14")
    /// ```
    /// - Throws: ``InputError`` for an unknown key, a value that is not a number, or a result out of range.
    public func setting(_ key: String, to text: String) throws(InputError) -> ScoringConfiguration {
        let all = allSettings
        guard let setting = all.first(where: { $0.key == key }) else {
            throw InputError(field: "key", value: key, expected: "one of " + all.map(\.key).joined(separator: ", "))
        }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap(Double.init)
        guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy(\.isFinite) else {
            throw InputError(field: key, value: text, expected: "a number, or comma-separated numbers for a list")
        }
        var updated = self
        switch setting.form {
        case .numbers(let path): updated[keyPath: path] = numbers
        case .wholeNumbers(let path): updated[keyPath: path] = numbers.map { Int($0) }
        default:
            guard numbers.count == 1 else { throw InputError(field: key, value: text, expected: "one number") }
            updated.set(setting, to: numbers[0])
        }
        try updated.validate()
        return updated
    }

    /// Sets a setting that holds one number (a whole number is the number's integer part).
    private mutating func set(_ setting: Setting, to number: Double) {
        switch setting.form {
        case .weights: if let path = setting.weight { weights[keyPath: path] = number }
        case .number(let path): self[keyPath: path] = number
        case .wholeNumber(let path): self[keyPath: path] = Int(number)
        case .numberByRole(let path): if let role = setting.role { self[keyPath: path][role] = number }
        case .wholeNumberByRole(let path): if let role = setting.role { self[keyPath: path][role] = Int(number) }
        case .numbers, .wholeNumbers: break
        }
    }
}
