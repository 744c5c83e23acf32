import Foundation

extension ScoringConfiguration {
    /// Every setting as `dotted.key = value` pairs, sorted by key: what `ties config show` prints.
    public var settings: [(key: String, value: String)] {
        var out: [(String, String)] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for key in object.keys.sorted() { walk(object[key]!, path.isEmpty ? key : path + "." + key) }
            } else if let array = value as? [Any] {
                out.append((path, array.map { "\($0)" }.joined(separator: ",")))
            } else {
                out.append((path, "\(value)"))
            }
        }
        walk(Self.jsonObject(self), "")
        return out
    }

    /// A copy with one setting changed. Numbers are plain decimals; list settings take comma-separated numbers.
    ///
    /// ```swift
    /// let c = try ScoringConfiguration().setting("activityHalfLifeDays", to: "14")
    /// ```
    /// - Throws: ``InputError`` for an unknown key, a value that is not a number, or a result out of range.
    public func setting(_ key: String, to text: String) throws(InputError) -> ScoringConfiguration {
        let keys = settings.map(\.key)
        guard keys.contains(key) else {
            throw InputError(field: "key", value: key, expected: "one of " + keys.joined(separator: ", "))
        }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap(Double.init)
        guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy(\.isFinite) else {
            throw InputError(field: key, value: text, expected: "a number, or comma-separated numbers for a list")
        }
        var object = Self.jsonObject(self)
        let path = key.split(separator: ".").map(String.init)
        let current = settings.first { $0.key == key }!.value
        let isList =
            current.contains(",") || path.last == "closenessMultipliers" || path.last == "layerSizes"
            || path.last == "cadencePriorMeanGapDays"
        let isInteger = path.first == "layerSizes" || path.first == "roleTargets" || path.first == "waitingWindowDays"
        let newValue: Any =
            isList
            ? numbers.map { isInteger ? Int($0) as Any : $0 as Any } as Any
            : (isInteger ? Int(numbers[0]) as Any : numbers[0] as Any)
        if !isList && numbers.count != 1 {
            throw InputError(field: key, value: text, expected: "one number")
        }
        func set(_ node: inout [String: Any], _ rest: ArraySlice<String>) {
            guard let head = rest.first else { return }
            if rest.count == 1 {
                node[head] = newValue
                return
            }
            var child = node[head] as? [String: Any] ?? [:]
            set(&child, rest.dropFirst())
            node[head] = child
        }
        set(&object, path[...])
        guard let data = try? JSONSerialization.data(withJSONObject: object),
            let updated = try? JSONDecoder().decode(ScoringConfiguration.self, from: data)
        else {
            throw InputError(
                field: key, value: text, expected: "a value of the same form as the current one (\(current))")
        }
        try updated.validate()
        return updated
    }

    private static func jsonObject(_ configuration: ScoringConfiguration) -> [String: Any] {
        let data = (try? JSONEncoder().encode(configuration)) ?? Data("{}".utf8)
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
