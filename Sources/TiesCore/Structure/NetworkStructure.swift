/// The structural analysis of the user's ego network: brokerage, bridges and clusters in one value.
///
/// The graph follows the Ties convention: node 0 is the user (the ego), nodes `1...n` are the people they
/// know, ego–alter edges carry relationship strength scaled into (0, 1], alter–alter edges carry tie weights.
///
/// - **Constraint and effective size** (Burt) for every node, on the whole graph: see ``StructuralHoles``.
///   The user's own values, ``ego``, are the headline numbers: low constraint and a large effective size
///   mean a network of people who do not all know each other, rich in brokerage opportunities.
/// - **Local bridges** of the whole graph: see ``LocalBridges``. The ego–alter edge to an alter with no
///   ties to anyone else is a local bridge; ``NodeStructure/egoBridge`` flags those alters (Burt's bridges:
///   the user is their only route into the network, and such ties are the first to decay).
/// - **Clusters** among the alters only: the ego touches everyone, so it is left out and Louvain
///   (``Louvain``) runs on the alter–alter ties. Alters without ties are singleton clusters.
///   ``modularity`` is the modularity of that partition of the alter–alter graph.
public struct NetworkStructure: Sendable {
    /// What the analysis says about one node.
    public struct NodeStructure: Sendable, Equatable {
        /// Burt's constraint; `.nan` when the node has no edges.
        public let constraint: Double
        /// Burt's effective size (weighted); `.nan` when the node has no edges.
        public let effectiveSize: Double
        /// True when the edge between the ego and this node exists and is a local bridge. Always false for
        /// the ego itself.
        public let egoBridge: Bool
        /// The node's cluster among the alters, `0..<clusterCount`, numbered by each cluster's smallest
        /// node id; `nil` for the ego.
        public let cluster: Int?

        /// Equality that treats two `.nan` measures as equal, so that isolated nodes compare equal.
        /// - Complexity: O(1).
        public static func == (lhs: NodeStructure, rhs: NodeStructure) -> Bool {
            func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
            return same(lhs.constraint, rhs.constraint) && same(lhs.effectiveSize, rhs.effectiveSize)
                && lhs.egoBridge == rhs.egoBridge && lhs.cluster == rhs.cluster
        }
    }

    /// Per node, indexed by node id; `nodes[0]` is the ego.
    public let nodes: [NodeStructure]
    /// Every local bridge of the whole graph, sorted by `u` then `v`.
    public let localBridges: [LocalBridge]
    /// The number of clusters among the alters.
    public let clusterCount: Int
    /// Modularity of the alter clusters on the alter–alter graph (0 when the alters have no ties).
    public let modularity: Double

    /// The ego's own entry, `nodes[0]`.
    /// - Complexity: O(1).
    public var ego: NodeStructure { nodes[0] }

    /// Analyses `graph`, whose node 0 is the ego.
    ///
    /// - Precondition: `graph.nodeCount ≥ 1`.
    /// - Complexity: dominated by triangle listing, O(m·√m) at worst and near-linear on ego networks, plus
    ///   Louvain's passes, each O(n + m), plus the span searches of the local bridges.
    public static func analyse(graph: WeightedGraph) -> NetworkStructure {
        precondition(graph.nodeCount >= 1, "the graph needs the ego, node 0")
        let holes = StructuralHoles.analyse(graph)
        let bridges = LocalBridges.find(in: graph)
        var egoBridge = [Bool](repeating: false, count: graph.nodeCount)
        for bridge in bridges where bridge.u == 0 { egoBridge[bridge.v] = true }

        // With the ego's edges removed node 0 is isolated, so it forms community 0 on its own and the
        // alters' communities are numbered from 1 in order of smallest member: shift them down by one.
        let clusters = Louvain.communities(in: graph.isolating(0))
        let nodes = (0..<graph.nodeCount).map { i in
            NodeStructure(
                constraint: holes.constraint[i], effectiveSize: holes.effectiveSize[i],
                egoBridge: egoBridge[i], cluster: i == 0 ? nil : clusters.labels[i] - 1)
        }
        return NetworkStructure(
            nodes: nodes, localBridges: bridges, clusterCount: clusters.communityCount - 1,
            modularity: clusters.modularity)
    }
}
