/// Communities by Louvain modularity optimisation (Blondel, Guillaume, Lambiotte, Lefebvre 2008), made
/// deterministic.
///
/// **Modularity** of a partition of a weighted graph with total edge weight `m` is
///
///     Q = Σ_c [ L_c / m − γ (S_c / 2m)² ]
///
/// where `L_c` is the weight of the edges inside community `c`, `S_c` the summed strength of its members and
/// `γ` the resolution (1 by default). This is networkx's `nx.community.modularity`.
///
/// **Louvain.** Each level starts with every node alone. Nodes are visited in ascending id order; a node is
/// taken out of its community and put into the neighbouring community with the largest gain
///
///     ΔQ·m = w(i, C) − w(i, own) − γ k_i (S_C − S_own∖i) / 2m,
///
/// (`w(i, C)` the weight from `i` into `C`, `k_i` its strength), moving only when the gain is positive; ties
/// between communities go to the smallest community id. Passes repeat until a pass moves nobody. The
/// communities then become the nodes of a new graph (internal weight as a self-loop, weights between
/// communities summed) and the next level runs on it. The process stops when a level moves nobody or
/// raises modularity by no more than `threshold` (networkx's rule: that last level is still kept).
///
/// Gains and ties are compared with a tolerance of `1e-12·k_i`, so rounding noise can neither decide a tie
/// nor make two nodes swap back and forth. No randomness and no hash-table order is involved: the same graph
/// always yields the same labels.
public enum Louvain {
    /// A partition of the nodes and its quality.
    public struct Result: Sendable, Equatable {
        /// Community label per node id, numbered `0..<communityCount` in order of each community's smallest
        /// member: node 0 is always in community 0, and a node with no edges is a community of its own.
        public let labels: [Int]
        /// The number of communities.
        public let communityCount: Int
        /// The modularity of `labels` on the input graph (0 for a graph without edges).
        public let modularity: Double
        /// How many aggregation levels ran.
        public let levels: Int
    }

    /// Runs deterministic Louvain on `graph`.
    ///
    /// - Parameters:
    ///   - resolution: γ; values above 1 favour smaller communities.
    ///   - threshold: the least modularity gain for which another level is tried (networkx's default).
    /// - Complexity: about O(m) per pass and a handful of passes and levels in practice (each pass visits
    ///   every arc once); O(n + m) memory.
    public static func communities(
        in graph: WeightedGraph, resolution: Double = 1, threshold: Double = 1e-7
    ) -> Result {
        let n = graph.nodeCount
        var labels = Array(0..<n)
        let totalWeight = graph.weights.reduce(0, +) / 2
        guard totalWeight > 0 else {
            return Result(labels: labels, communityCount: n, modularity: 0, levels: 0)
        }
        var level = Level(graph: graph)
        var modularity = level.modularity(resolution: resolution, totalWeight: totalWeight)
        var levels = 0
        while true {
            let (community, moved) = level.localMoves(resolution: resolution, totalWeight: totalWeight)
            if !moved { break }
            levels += 1
            let (aggregated, count) = level.aggregate(community)
            labels = labels.map { community[$0] }
            let newModularity = aggregated.modularity(resolution: resolution, totalWeight: totalWeight)
            level = aggregated
            if count == 1 || newModularity - modularity <= threshold { break }
            modularity = newModularity
        }
        let finalCount = (labels.max() ?? -1) + 1
        return Result(
            labels: labels, communityCount: finalCount,
            modularity: Self.modularity(of: graph, labels: labels, resolution: resolution), levels: levels)
    }

    /// The modularity `Q` of the partition `labels` (one label per node, any integers ≥ 0) of `graph`.
    ///
    /// Sums run over communities in ascending label order, so the value is reproducible bit for bit.
    /// A graph without edges has modularity 0 by convention (the formula divides by `m`).
    ///
    /// - Precondition: `labels.count == graph.nodeCount` and every label is non-negative.
    /// - Complexity: O(n + m + L), L the largest label.
    public static func modularity(of graph: WeightedGraph, labels: [Int], resolution: Double = 1) -> Double {
        precondition(labels.count == graph.nodeCount, "one label per node is needed")
        precondition(labels.allSatisfy { $0 >= 0 }, "labels must be non-negative")
        let totalWeight = graph.weights.reduce(0, +) / 2
        guard totalWeight > 0 else { return 0 }
        let count = (labels.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var strength = [Double](repeating: 0, count: count)
        for i in 0..<graph.nodeCount {
            let c = labels[i]
            strength[c] += graph.strengths[i]
            for slot in graph.offsets[i]..<graph.offsets[i + 1] where labels[graph.targets[slot]] == c {
                inside[c] += graph.weights[slot]
            }
        }
        var q = 0.0
        for c in 0..<count {
            let share = strength[c] / (2 * totalWeight)
            q += inside[c] / 2 / totalWeight - resolution * share * share
        }
        return q
    }

    /// One level of the algorithm: a weighted graph whose nodes may carry self-loops.
    private struct Level {
        var offsets: [Int]
        var targets: [Int]
        var weights: [Double]
        /// Self-loop weight per node (the weight inside the community it stands for).
        var selfLoops: [Double]
        /// Strength per node, a self-loop counted twice (as networkx does).
        var strengths: [Double]

        var nodeCount: Int { selfLoops.count }

        init(graph: WeightedGraph) {
            offsets = graph.offsets
            targets = graph.targets
            weights = graph.weights
            selfLoops = [Double](repeating: 0, count: graph.nodeCount)
            strengths = graph.strengths
        }

        init(offsets: [Int], targets: [Int], weights: [Double], selfLoops: [Double]) {
            self.offsets = offsets
            self.targets = targets
            self.weights = weights
            self.selfLoops = selfLoops
            strengths = (0..<selfLoops.count).map { i in
                var s = 2 * selfLoops[i]
                for slot in offsets[i]..<offsets[i + 1] { s += weights[slot] }
                return s
            }
        }

        /// Modularity of the partition in which every node of this level is its own community.
        func modularity(resolution: Double, totalWeight: Double) -> Double {
            var q = 0.0
            for i in 0..<nodeCount {
                let share = strengths[i] / (2 * totalWeight)
                q += selfLoops[i] / totalWeight - resolution * share * share
            }
            return q
        }

        /// Phase one: local moves until a pass changes nothing. Returns each node's community, renumbered
        /// `0...` by smallest member, and whether any node moved.
        func localMoves(resolution: Double, totalWeight: Double) -> (community: [Int], moved: Bool) {
            let n = nodeCount
            var community = Array(0..<n)
            var communityStrength = strengths
            var weightTo = [Double](repeating: 0, count: n)
            var touched: [Int] = []
            let scale = resolution / (2 * totalWeight)
            var movedAny = false
            var movedInPass = true
            while movedInPass {
                movedInPass = false
                for i in 0..<n {
                    let own = community[i]
                    let k = strengths[i]
                    // Weights from i into each neighbouring community, in first-seen order.
                    for slot in offsets[i]..<offsets[i + 1] {
                        let c = community[targets[slot]]
                        if weightTo[c] == 0 { touched.append(c) }
                        weightTo[c] += weights[slot]
                    }
                    communityStrength[own] -= k
                    let stayValue = weightTo[own] - scale * k * communityStrength[own]
                    let tolerance = 1e-12 * max(k, .leastNormalMagnitude)
                    var best = own
                    var bestGain = 0.0
                    for c in touched where c != own {
                        let gain = weightTo[c] - scale * k * communityStrength[c] - stayValue
                        // Moving must beat staying outright; between candidates, near-equal gains are a tie.
                        guard gain > tolerance else { continue }
                        if best == own || gain > bestGain + tolerance || (gain >= bestGain - tolerance && c < best) {
                            best = c
                            bestGain = gain
                        }
                    }
                    communityStrength[best] += k
                    if best != own {
                        community[i] = best
                        movedInPass = true
                        movedAny = true
                    }
                    for c in touched { weightTo[c] = 0 }
                    touched.removeAll(keepingCapacity: true)
                }
            }
            // Renumber by smallest member: scanning ids upwards meets each community's smallest member first.
            var renumber = [Int](repeating: -1, count: n)
            var next = 0
            for i in 0..<n where renumber[community[i]] < 0 {
                renumber[community[i]] = next
                next += 1
            }
            return (community.map { renumber[$0] }, movedAny)
        }

        /// Phase two: one node per community, in community order, with summed weights.
        func aggregate(_ community: [Int]) -> (Level, Int) {
            let n = nodeCount
            let count = (community.max() ?? -1) + 1
            // Members of each community, ascending.
            var memberStart = [Int](repeating: 0, count: count + 1)
            for c in community { memberStart[c + 1] += 1 }
            for c in 0..<count { memberStart[c + 1] += memberStart[c] }
            var cursor = memberStart
            var members = [Int](repeating: 0, count: n)
            for i in 0..<n {
                members[cursor[community[i]]] = i
                cursor[community[i]] += 1
            }
            var newOffsets = [0]
            var newTargets: [Int] = []
            var newWeights: [Double] = []
            var newSelfLoops = [Double](repeating: 0, count: count)
            var weightTo = [Double](repeating: 0, count: count)
            var seen = [Bool](repeating: false, count: count)
            var touched: [Int] = []
            for c in 0..<count {
                for member in members[memberStart[c]..<memberStart[c + 1]] {
                    newSelfLoops[c] += selfLoops[member]
                    for slot in offsets[member]..<offsets[member + 1] {
                        let d = community[targets[slot]]
                        if d == c {
                            // Each inner edge is met from both ends.
                            newSelfLoops[c] += weights[slot] / 2
                        } else {
                            if !seen[d] {
                                seen[d] = true
                                touched.append(d)
                            }
                            weightTo[d] += weights[slot]
                        }
                    }
                }
                touched.sort()
                for d in touched {
                    newTargets.append(d)
                    newWeights.append(weightTo[d])
                    weightTo[d] = 0
                    seen[d] = false
                }
                touched.removeAll(keepingCapacity: true)
                newOffsets.append(newTargets.count)
            }
            let level = Level(offsets: newOffsets, targets: newTargets, weights: newWeights, selfLoops: newSelfLoops)
            return (level, count)
        }
    }
}
