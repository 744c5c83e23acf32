/// Where one person sits in the network's structure.
public struct PersonPosition: Sendable, Equatable {
    /// Burt's constraint on the graph of the user and their ties; nil without edges.
    public var constraint: Double?
    /// Burt's effective size; nil without edges.
    public var effectiveSize: Double?
    /// How many people in the network they are tied to.
    public var ties: Int
    /// Their cluster among the people (Louvain on the ties between people), 0-based.
    public var cluster: Int?
    /// True when one of their ties is a local bridge between people: the two ends share no acquaintance
    /// in the user's network, so this person links two parts of it that otherwise do not touch.
    public var isBridge: Bool
}

/// Headline structure numbers of the user's own network.
public struct NetworkShape: Sendable, Equatable {
    /// The user's constraint (0–1; high means everyone knows everyone: a closed network).
    public var constraint: Double?
    /// The user's effective size: how many non-redundant contacts they have.
    public var effectiveSize: Double?
    public var clusterCount: Int
    public var modularity: Double
    /// Blau diversity 1 - Σp² over the organisations of active people (nil with none).
    public var organisationDiversity: Double?
    /// Blau diversity over their roles.
    public var roleDiversity: Double?
    /// Share of total strength held by the five strongest relationships.
    public var topFiveShare: Double?
    /// The organisation with the most active people, and its share of them.
    public var largestOrganisation: (name: String, share: Double)?

    public static func == (a: NetworkShape, b: NetworkShape) -> Bool {
        a.constraint == b.constraint && a.effectiveSize == b.effectiveSize && a.clusterCount == b.clusterCount
            && a.modularity == b.modularity && a.organisationDiversity == b.organisationDiversity
            && a.roleDiversity == b.roleDiversity && a.topFiveShare == b.topFiveShare
            && a.largestOrganisation?.name == b.largestOrganisation?.name
            && a.largestOrganisation?.share == b.largestOrganisation?.share
    }
}

/// Scores plus structure of the whole network as of one day: what `score`, `next`, `graph` and the
/// report read from.
public struct NetworkAnalysis: Sendable {
    /// The costlier parts of the analysis, computed only when asked for.
    public struct Detail: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Louvain clusters among the people (otherwise every ``PersonPosition/cluster`` is nil).
        public static let clusters = Detail(rawValue: 1)
        /// The span of every local bridge (otherwise nil).
        public static let bridgeSpans = Detail(rawValue: 2)
        public static let all: Detail = [.clusters, .bridgeSpans]
    }

    public var score: NetworkScore
    /// The people analysed (not archived), by id.
    public var people: [Person.ID: Person]
    /// Per person.
    public var positions: [Person.ID: PersonPosition]
    public var shape: NetworkShape
    /// The graph: node 0 is the user, node `i` is `nodeIDs[i]`.
    public var graph: WeightedGraph
    public var nodeIDs: [Person.ID]
    /// Local bridges between people (not involving the user), as person ids with their span.
    public var bridges: [(a: Person.ID, b: Person.ID, span: Int?)]

    /// Analyses the network.
    ///
    /// The graph has the user as node 0, tied to each person with a history by their strength / 100, and the
    /// ties between people with their weights. Constraint and effective size are computed on it; clusters
    /// and local bridges on the ties between people alone (the user touches everyone, so would hide both).
    ///
    /// - Parameters:
    ///   - people: everyone not archived.
    ///   - states: relationship states as of `asOf`.
    ///   - ties: ties between people; ties to people not in `people` are ignored.
    ///   - detail: which of the costlier parts to compute.
    /// - Complexity: O(n log n + m√m) for n people and m ties, plus Louvain's passes and the spans of the
    ///   local bridges when asked for.
    public static func analyse(
        people: [Person], states: [Person.ID: RelationshipState], ties: [Tie], asOf: Day,
        configuration: ScoringConfiguration, detail: Detail = .all
    ) -> NetworkAnalysis {
        let score = NetworkScoring.score(people: people, states: states, asOf: asOf, configuration: configuration)
        // Nodes in id order, so the graph (and Louvain's visiting order) does not depend on the scores.
        let sortedPeople = people.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        let nodeIDs = [0] + sortedPeople.map { $0.id ?? 0 }
        var index: [Person.ID: Int] = [:]
        for (i, id) in nodeIDs.enumerated() where i > 0 { index[id] = i }
        var edges: [(Int, Int, Double)] = []
        // Only relationships in touch tie the user to a person: a connection alone is not an edge of the ego network.
        for s in score.scores where s.strength > 0 && s.status != .dormant {
            if let i = index[s.personID] { edges.append((0, i, max(s.strength / 100, 1e-6))) }
        }
        for tie in ties {
            if let i = index[tie.a], let j = index[tie.b] { edges.append((i, j, tie.weight)) }
        }
        // Ids are unique and ties are stored once per pair, so the graph is valid.
        let graph = try! WeightedGraph(nodeCount: nodeIDs.count, edges: edges)
        let holes = StructuralHoles.analyse(graph)
        let alterGraph = graph.isolating(0)
        let clusters = detail.contains(.clusters) ? Louvain.communities(in: alterGraph) : nil
        let localBridges = LocalBridges.find(in: alterGraph, withSpans: detail.contains(.bridgeSpans))
        var bridgeNodes = Set<Int>()
        for bridge in localBridges {
            bridgeNodes.insert(bridge.u)
            bridgeNodes.insert(bridge.v)
        }
        var positions: [Person.ID: PersonPosition] = [:]
        for i in 1..<max(1, nodeIDs.count) {
            let c = holes.constraint[i]
            let e = holes.effectiveSize[i]
            positions[nodeIDs[i]] = PersonPosition(
                constraint: c.isNaN ? nil : c, effectiveSize: e.isNaN ? nil : e, ties: alterGraph.degree(of: i),
                cluster: alterGraph.degree(of: i) > 0 ? clusters.map { $0.labels[i] - 1 } : nil,
                isBridge: bridgeNodes.contains(i))
        }
        let active = score.scores.filter { $0.status != .none && $0.status != .dormant }
        let byID = Dictionary(uniqueKeysWithValues: people.compactMap { p in p.id.map { ($0, p) } })
        let organisations = active.map { byID[$0.personID]?.employer }
        var organisationCounts: [String: Int] = [:]
        for case let name? in organisations { organisationCounts[name, default: 0] += 1 }
        let largest = organisationCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
        let shape = NetworkShape(
            constraint: holes.constraint.first.flatMap { $0.isNaN ? nil : $0 },
            effectiveSize: holes.effectiveSize.first.flatMap { $0.isNaN ? nil : $0 },
            clusterCount: Set(positions.values.compactMap(\.cluster)).count,
            modularity: clusters?.modularity ?? 0,
            organisationDiversity: Diversity.blauIndex(organisations),
            roleDiversity: Diversity.blauIndex(
                active.flatMap { s in (byID[s.personID]?.sortedRoles ?? []).map { $0.rawValue } }),
            topFiveShare: Diversity.topShare(active.map(\.strength), k: 5),
            largestOrganisation: largest.map { ($0.key, Double($0.value) / Double(max(1, active.count))) })
        return NetworkAnalysis(
            score: score, people: byID, positions: positions, shape: shape, graph: graph, nodeIDs: nodeIDs,
            bridges: localBridges.map { (nodeIDs[$0.u], nodeIDs[$0.v], $0.span) })
    }
}
