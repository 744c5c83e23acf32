import Testing

@testable import TiesCore

/// True when `a` and `b` agree within `tolerance`, or are both NaN.
private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance
}

/// An ego (node 0) tied with weight 1 to alters `1...alters`, plus unit-weight ties among the alters.
private func egoNetwork(alters: Int, ties: [(Int, Int)]) throws -> WeightedGraph {
    let egoEdges = (1...alters).map { (0, $0, 1.0) }
    return try WeightedGraph(nodeCount: alters + 1, edges: egoEdges + ties.map { ($0.0, $0.1, 1.0) })
}

private func randomEgoGraph() throws -> WeightedGraph {
    try WeightedGraph(nodeCount: 60, edges: StructureFixtures.randomEgoEdges)
}

// MARK: - Graph

@Suite("Structure: weighted graph")
struct StructureGraphTests {
    @Test("rows are sorted and carry their weights, whatever the input order and orientation")
    func rowsSorted() throws {
        let graph = try WeightedGraph(nodeCount: 5, edges: [(3, 1, 0.5), (0, 3, 0.25), (1, 0, 1), (3, 2, 0.75)])
        #expect(graph.edgeCount == 4)
        #expect(Array(graph.neighbours(of: 3)) == [0, 1, 2])
        #expect(Array(graph.neighbourWeights(of: 3)) == [0.25, 0.5, 0.75])
        #expect(Array(graph.neighbours(of: 1)) == [0, 3])
        #expect(graph.degree(of: 4) == 0)
        #expect(graph.strength(of: 3) == 1.5)
        #expect(graph.weight(between: 2, and: 3) == 0.75)
        #expect(graph.weight(between: 3, and: 2) == 0.75)
        #expect(graph.weight(between: 0, and: 2) == nil)
        #expect(graph.edges.map { [$0.u, $0.v] } == [[0, 1], [0, 3], [1, 3], [2, 3]])
        let reordered = try WeightedGraph(nodeCount: 5, edges: [(2, 3, 0.75), (0, 1, 1), (1, 3, 0.5), (3, 0, 0.25)])
        #expect(reordered == graph)
    }

    @Test("reverse slots point at the same edge seen from the other end")
    func reverseSlots() throws {
        let graph = try randomEgoGraph()
        for i in 0..<graph.nodeCount {
            for slot in graph.offsets[i]..<graph.offsets[i + 1] {
                let back = graph.reverse[slot]
                #expect(graph.targets[back] == i)
                #expect(graph.weights[back] == graph.weights[slot])
                #expect(graph.reverse[back] == slot)
            }
        }
    }

    @Test("invalid edges are rejected with the offending edge named")
    func rejectsInvalidEdges() {
        #expect(throws: GraphError.negativeNodeCount(-1)) { try WeightedGraph(nodeCount: -1, edges: []) }
        #expect(throws: GraphError.nodeOutOfRange(edge: 1, node: 3, nodeCount: 3)) {
            try WeightedGraph(nodeCount: 3, edges: [(0, 1, 1), (1, 3, 1)])
        }
        #expect(throws: GraphError.selfLoop(edge: 0, node: 2)) { try WeightedGraph(nodeCount: 3, edges: [(2, 2, 1)]) }
        #expect(throws: GraphError.invalidWeight(edge: 0, weight: 0)) {
            try WeightedGraph(nodeCount: 3, edges: [(0, 1, 0)])
        }
        #expect(throws: GraphError.invalidWeight(edge: 1, weight: -0.5)) {
            try WeightedGraph(nodeCount: 3, edges: [(0, 1, 1), (1, 2, -0.5)])
        }
        #expect(throws: GraphError.self) { try WeightedGraph(nodeCount: 3, edges: [(0, 1, .nan)]) }
        #expect(throws: GraphError.self) { try WeightedGraph(nodeCount: 3, edges: [(0, 1, .infinity)]) }
        #expect(throws: GraphError.duplicateEdge(u: 0, v: 2)) {
            try WeightedGraph(nodeCount: 3, edges: [(0, 2, 1), (1, 2, 1), (2, 0, 0.5)])
        }
    }

    @Test("isolating a node removes its edges and keeps every id")
    func isolating() throws {
        let graph = try egoNetwork(alters: 4, ties: [(1, 2), (3, 4)])
        let alters = graph.isolating(0)
        #expect(alters.nodeCount == 5)
        #expect(alters.degree(of: 0) == 0)
        #expect(alters.edges.map { [$0.u, $0.v] } == [[1, 2], [3, 4]])
    }
}

// MARK: - Constraint and effective size

@Suite("Structure: constraint and effective size")
struct StructureHolesTests {
    // Known answers for the ego (node 0), unweighted; the values are Burt's textbook cases and agree with
    // networkx 3.6.1 nx.constraint(G)[0] / nx.effective_size(G)[0]:
    //   star5 0.20000000000000004 / 5.0; clique 0.6480000000000001 / 0.9999999999999998;
    //   two triangles 0.462962962962963 / 4.000000000000001; bowtie 0.5625 / 3.0.

    @Test("ego with five alters who do not know each other: constraint 0.2, effective size 5")
    func star() throws {
        let holes = StructuralHoles.analyse(try egoNetwork(alters: 5, ties: []))
        #expect(close(holes.constraint[0], 0.2))
        #expect(close(holes.effectiveSize[0], 5))
        // A leaf depends entirely on its one contact.
        #expect(close(holes.constraint[1], 1))
        #expect(close(holes.effectiveSize[1], 1))
    }

    @Test("ego in a six-node clique: constraint 0.648, effective size 1")
    func clique() throws {
        var ties: [(Int, Int)] = []
        for a in 1...5 { for b in (a + 1)..<6 { ties.append((a, b)) } }
        let holes = StructuralHoles.analyse(try egoNetwork(alters: 5, ties: ties))
        for node in 0..<6 {
            #expect(close(holes.constraint[node], 0.648))
            #expect(close(holes.effectiveSize[node], 1))
        }
    }

    @Test("ego tied to two separate triangles of alters: constraint 0.463, effective size 4")
    func twoTriangles() throws {
        let holes = StructuralHoles.analyse(
            try egoNetwork(alters: 6, ties: [(1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6)]))
        #expect(close(holes.constraint[0], 0.462962962962963))
        #expect(close(holes.constraint[0], 0.463, 5e-4))
        #expect(close(holes.effectiveSize[0], 4))
        #expect(close(holes.constraint[1], 0.808641975308642))  // networkx, same graph
        #expect(close(holes.effectiveSize[1], 1))
    }

    @Test("ego tied to two linked pairs (bowtie): constraint 0.5625, effective size 3")
    func bowtie() throws {
        let holes = StructuralHoles.analyse(try egoNetwork(alters: 4, ties: [(1, 2), (3, 4)]))
        #expect(close(holes.constraint[0], 0.5625))
        #expect(close(holes.effectiveSize[0], 3))
        #expect(close(holes.constraint[1], 0.953125))  // networkx, same graph
        #expect(close(holes.effectiveSize[1], 1))
    }

    @Test("random weighted 60-node ego network matches networkx to 1e-9 on every node")
    func randomWeighted() throws {
        let holes = StructuralHoles.analyse(try randomEgoGraph())
        #expect(holes.constraint.count == 60)
        for node in 0..<60 {
            #expect(close(holes.constraint[node], StructureFixtures.randomEgoConstraint[node]), "constraint of \(node)")
            #expect(
                close(holes.effectiveSize[node], StructureFixtures.randomEgoEffectiveSize[node]),
                "effective size of \(node)")
        }
        #expect(holes.constraint[59].isNaN && holes.effectiveSize[59].isNaN)
    }

    @Test("scaling every weight by the same factor changes nothing")
    func scaleInvariant() throws {
        let scaled = StructureFixtures.randomEgoEdges.map { ($0.0, $0.1, $0.2 * 7.5) }
        let holes = StructuralHoles.analyse(try WeightedGraph(nodeCount: 60, edges: scaled))
        for node in 0..<60 {
            #expect(close(holes.constraint[node], StructureFixtures.randomEgoConstraint[node]))
            #expect(close(holes.effectiveSize[node], StructureFixtures.randomEgoEffectiveSize[node]))
        }
    }

    @Test("results are bit-identical whatever the order of the input edges")
    func deterministic() throws {
        let forward = StructuralHoles.analyse(try randomEgoGraph())
        let backward = StructuralHoles.analyse(
            try WeightedGraph(
                nodeCount: 60, edges: StructureFixtures.randomEgoEdges.reversed().map { ($0.1, $0.0, $0.2) }))
        #expect(forward.constraint.map(\.bitPattern) == backward.constraint.map(\.bitPattern))
        #expect(forward.effectiveSize.map(\.bitPattern) == backward.effectiveSize.map(\.bitPattern))
    }

    @Test("an empty graph and a graph without edges give empty or NaN results")
    func degenerate() throws {
        #expect(StructuralHoles.analyse(try WeightedGraph(nodeCount: 0, edges: [])).constraint.isEmpty)
        let lonely = StructuralHoles.analyse(try WeightedGraph(nodeCount: 2, edges: []))
        #expect(lonely.constraint.allSatisfy { $0.isNaN })
        #expect(lonely.effectiveSize.allSatisfy { $0.isNaN })
    }
}

// MARK: - Local bridges

@Suite("Structure: local bridges")
struct StructureLocalBridgeTests {
    @Test("alter-only random graph: bridges and spans match networkx local_bridges(with_span=True)")
    func randomAlters() throws {
        let bridges = LocalBridges.find(in: try randomEgoGraph().isolating(0))
        let expected = StructureFixtures.randomAlterLocalBridges.map { LocalBridge(u: $0.0, v: $0.1, span: $0.2) }
        #expect(bridges.count == 96)
        #expect(bridges == expected)
    }

    @Test("with the ego tied to everyone, only edges to people known through one route are local bridges")
    func fullGraph() throws {
        // networkx: sorted(nx.local_bridges(G, with_span=True)) == [(0, 41, inf), (3, 58, inf)]
        let bridges = LocalBridges.find(in: try randomEgoGraph())
        #expect(bridges == [LocalBridge(u: 0, v: 41, span: nil), LocalBridge(u: 3, v: 58, span: nil)])
    }

    // networkx 3.6.1: sorted(nx.local_bridges(nx.cycle_graph(5))) gives all five edges with span 4.
    @Test("every edge of a 5-cycle is a local bridge of span 4; a triangle has none")
    func cycles() throws {
        let cycle = try WeightedGraph(nodeCount: 5, edges: (0..<5).map { ($0, ($0 + 1) % 5, 1.0) })
        #expect(
            LocalBridges.find(in: cycle) == [
                LocalBridge(u: 0, v: 1, span: 4), LocalBridge(u: 0, v: 4, span: 4), LocalBridge(u: 1, v: 2, span: 4),
                LocalBridge(u: 2, v: 3, span: 4), LocalBridge(u: 3, v: 4, span: 4),
            ])
        let triangle = try WeightedGraph(nodeCount: 3, edges: [(0, 1, 1), (1, 2, 1), (0, 2, 1)])
        #expect(LocalBridges.find(in: triangle).isEmpty)
    }

    @Test("the span is the shortest detour even when a longer one is found first")
    func shortestDetour() throws {
        // 0–1 directly; detours 0-2-3-1 (3 hops) and 0-4-5-6-7-1 (5 hops).
        let graph = try WeightedGraph(
            nodeCount: 8,
            edges: [
                (0, 1, 1), (0, 2, 1), (2, 3, 1), (3, 1, 1), (0, 4, 1), (4, 5, 1), (5, 6, 1), (6, 7, 1), (7, 1, 1),
            ])
        // networkx 3.6.1: sorted(nx.local_bridges(nx.Graph(edges), with_span=True)) ==
        // [(0,1,3), (0,2,3), (0,4,5), (1,3,3), (1,7,5), (2,3,3), (4,5,5), (5,6,5), (6,7,5)]
        let expected = [
            (0, 1, 3), (0, 2, 3), (0, 4, 5), (1, 3, 3), (1, 7, 5), (2, 3, 3), (4, 5, 5), (5, 6, 5), (6, 7, 5),
        ]
        #expect(LocalBridges.find(in: graph) == expected.map { LocalBridge(u: $0.0, v: $0.1, span: $0.2) })
    }
}

// MARK: - The entry point

@Suite("Structure: network structure")
struct StructureNetworkTests {
    @Test("random ego network: measures, ego bridges and clusters fit together")
    func randomNetwork() throws {
        let graph = try randomEgoGraph()
        let structure = NetworkStructure.analyse(graph: graph)
        #expect(structure.nodes.count == 60)
        #expect(close(structure.ego.constraint, StructureFixtures.randomEgoConstraint[0]))
        #expect(close(structure.ego.effectiveSize, StructureFixtures.randomEgoEffectiveSize[0]))
        // Alter 41 has no ties: the ego is its only route. 58 is not tied to the ego at all.
        #expect((0..<60).filter { structure.nodes[$0].egoBridge } == [41])
        #expect(structure.localBridges.count == 2)
        #expect(structure.ego.cluster == nil)
        let labels = (1..<60).map { structure.nodes[$0].cluster! }
        #expect(Set(labels) == Set(0..<structure.clusterCount))
        // Numbered by smallest member: labels first appear in ascending order.
        var firstSeen: [Int] = []
        for label in labels where !firstSeen.contains(label) { firstSeen.append(label) }
        #expect(firstSeen == Array(0..<structure.clusterCount))
        // 58 knows only 3, so it sits with 3; 41 and 59 know nobody, so each is alone.
        #expect(structure.nodes[58].cluster == structure.nodes[3].cluster)
        #expect(labels.filter { $0 == structure.nodes[41].cluster }.count == 1)
        #expect(labels.filter { $0 == structure.nodes[59].cluster }.count == 1)
        let alterLabels = [0] + labels.map { $0 + 1 }
        #expect(close(structure.modularity, Louvain.modularity(of: graph.isolating(0), labels: alterLabels), 1e-12))
        #expect(structure.modularity > 0.3)
    }

    @Test("ego tied to two triangles: two clusters with modularity 0.5, no ego bridges")
    func twoTriangles() throws {
        let graph = try egoNetwork(alters: 7, ties: [(1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6)])
        let structure = NetworkStructure.analyse(graph: graph)
        #expect(structure.nodes.map(\.cluster) == [nil, 0, 0, 0, 1, 1, 1, 2])
        #expect(structure.clusterCount == 3)
        // networkx 3.6.1: nx.community.modularity(H, [{1,2,3},{4,5,6},{7}]) on the alter graph == 0.5
        #expect(close(structure.modularity, 0.5, 1e-12))
        #expect(structure.nodes.map(\.egoBridge) == [false, false, false, false, false, false, false, true])
        #expect(structure.localBridges == [LocalBridge(u: 0, v: 7, span: nil)])
        #expect(close(structure.nodes[7].constraint, 1))
    }

    @Test("an ego with no alters is analysed without trouble")
    func egoAlone() throws {
        let structure = NetworkStructure.analyse(graph: try WeightedGraph(nodeCount: 1, edges: []))
        #expect(structure.nodes.count == 1)
        #expect(structure.ego.constraint.isNaN)
        #expect(structure.clusterCount == 0)
        #expect(structure.modularity == 0)
        #expect(structure.localBridges.isEmpty)
    }
}
