/// Why a list of edges could not be turned into a ``WeightedGraph``.
///
/// Each case names the offending edge by its position in the input list, so a caller can point at the
/// record that produced it.
public enum GraphError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The node count was negative.
    case negativeNodeCount(Int)
    /// Edge number `edge` names a node outside `0..<nodeCount`.
    case nodeOutOfRange(edge: Int, node: Int, nodeCount: Int)
    /// Edge number `edge` joins a node to itself; the graph is simple.
    case selfLoop(edge: Int, node: Int)
    /// Edge number `edge` has a weight that is not a finite number greater than zero.
    case invalidWeight(edge: Int, weight: Double)
    /// The pair `u < v` appears more than once; duplicates are rejected, never merged.
    case duplicateEdge(u: Int, v: Int)

    /// A one-line explanation naming the edge and the rule it breaks.
    public var description: String {
        switch self {
        case .negativeNodeCount(let count):
            return "node count \(count) is negative"
        case .nodeOutOfRange(let edge, let node, let nodeCount):
            return "edge \(edge): node \(node) is outside 0..<\(nodeCount)"
        case .selfLoop(let edge, let node):
            return "edge \(edge): node \(node) is joined to itself; self-loops are not allowed"
        case .invalidWeight(let edge, let weight):
            return "edge \(edge): weight \(weight) is not a finite number greater than 0"
        case .duplicateEdge(let u, let v):
            return "edge \(u)–\(v) is listed more than once; merge duplicates before building the graph"
        }
    }
}

/// An undirected, simple graph with positive edge weights, stored as compressed sparse rows.
///
/// Nodes are the integers `0..<nodeCount`. In Ties node 0 is the user (the ego) and nodes `1...n` are the
/// people they know; ego–alter edges carry the relationship strength scaled into (0, 1] and alter–alter
/// edges ("ties") carry a weight in (0, 1]. The type itself only requires weights to be finite and positive.
///
/// Storage: every undirected edge `{u, v}` is kept twice, once in each endpoint's row. Row `i` occupies the
/// slots `offsets[i] ..< offsets[i + 1]` of `targets` and `weights`, and its neighbours are sorted ascending,
/// so the whole structure (and everything computed from it) is independent of the order of the input list.
/// Alongside the rows the graph keeps, per node, the strength `s_i = Σ_j w_ij` and the largest incident
/// weight `max_j w_ij`, and per slot the slot of the reverse arc, because the structural measures need them.
///
/// Duplicate edges are **rejected** (``GraphError/duplicateEdge(u:v:)``), not summed: two records for the
/// same pair usually mean the caller forgot to merge evidence, and silently adding weights would hide that.
///
/// - Complexity: memory O(n + m) for n nodes and m edges.
public struct WeightedGraph: Sendable, Equatable {
    /// The number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Row starts: the neighbours of node `i` are `targets[offsets[i] ..< offsets[i + 1]]`.
    let offsets: [Int]
    /// Neighbour ids, row by row, ascending within each row.
    let targets: [Int]
    /// The weight of the edge in the same slot of `targets`.
    let weights: [Double]
    /// `reverse[e]` is the slot of the same edge seen from the other endpoint.
    let reverse: [Int]
    /// Sum of incident weights per node.
    let strengths: [Double]
    /// Largest incident weight per node (0 for an isolated node).
    let maxWeights: [Double]

    /// Builds a graph on `nodeCount` nodes from undirected edges `(u, v, weight)`.
    ///
    /// The order of `edges` and the orientation of each pair do not matter: `(u, v, w)` and `(v, u, w)` are
    /// the same edge. The rows are filled by two stable counting passes (first by neighbour, then by
    /// owner), which leaves every row sorted without a comparison sort.
    ///
    /// - Throws: ``GraphError`` for a negative node count, a node outside `0..<nodeCount`, a self-loop, a
    ///   weight that is not finite and positive, or a pair listed twice.
    /// - Complexity: O(n + m).
    public init(nodeCount: Int, edges: [(Int, Int, Double)]) throws(GraphError) {
        try Self.check(nodeCount: nodeCount, edges: edges)
        let arcCount = 2 * edges.count

        // Pass 1: bucket the arcs (owner, neighbour, weight) by neighbour.
        var byTargetStart = [Int](repeating: 0, count: nodeCount + 1)
        for (u, v, _) in edges {
            byTargetStart[u + 1] += 1
            byTargetStart[v + 1] += 1
        }
        for i in 0..<nodeCount { byTargetStart[i + 1] += byTargetStart[i] }
        var cursor = byTargetStart
        var arcOwner = [Int](repeating: 0, count: arcCount)
        var arcTarget = [Int](repeating: 0, count: arcCount)
        var arcWeight = [Double](repeating: 0, count: arcCount)
        for (u, v, w) in edges {
            var slot = cursor[v]
            arcOwner[slot] = u
            arcTarget[slot] = v
            arcWeight[slot] = w
            cursor[v] += 1
            slot = cursor[u]
            arcOwner[slot] = v
            arcTarget[slot] = u
            arcWeight[slot] = w
            cursor[u] += 1
        }

        // Pass 2: scatter by owner, visiting arcs in ascending neighbour order, so rows come out sorted.
        // The degree of a node equals the number of arcs pointing at it, so the row starts are the same.
        let offsets = byTargetStart
        cursor = offsets
        var targets = [Int](repeating: 0, count: arcCount)
        var weights = [Double](repeating: 0, count: arcCount)
        for arc in 0..<arcCount {
            let owner = arcOwner[arc]
            let slot = cursor[owner]
            targets[slot] = arcTarget[arc]
            weights[slot] = arcWeight[arc]
            cursor[owner] += 1
        }

        var strengths = [Double](repeating: 0, count: nodeCount)
        var maxWeights = [Double](repeating: 0, count: nodeCount)
        for i in 0..<nodeCount {
            var sum = 0.0
            var largest = 0.0
            var previous = -1
            for slot in offsets[i]..<offsets[i + 1] {
                let j = targets[slot]
                if j == previous { throw .duplicateEdge(u: min(i, j), v: max(i, j)) }
                previous = j
                sum += weights[slot]
                largest = max(largest, weights[slot])
            }
            strengths[i] = sum
            maxWeights[i] = largest
        }

        // Reverse slots: visiting owners in ascending order, each neighbour j meets its owners in the same
        // ascending order in which they sit in j's own row.
        var reverse = [Int](repeating: 0, count: arcCount)
        cursor = offsets
        for i in 0..<nodeCount {
            for slot in offsets[i]..<offsets[i + 1] {
                let j = targets[slot]
                reverse[slot] = cursor[j]
                cursor[j] += 1
            }
        }

        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.reverse = reverse
        self.strengths = strengths
        self.maxWeights = maxWeights
    }

    /// Throws for a negative node count, or the first edge with a node out of range, a self-loop or a weight
    /// that is not finite and positive (a pair listed twice is found while building).
    private static func check(nodeCount: Int, edges: [(Int, Int, Double)]) throws(GraphError) {
        guard nodeCount >= 0 else { throw .negativeNodeCount(nodeCount) }
        for (index, (u, v, w)) in edges.enumerated() {
            if u < 0 || u >= nodeCount { throw .nodeOutOfRange(edge: index, node: u, nodeCount: nodeCount) }
            if v < 0 || v >= nodeCount { throw .nodeOutOfRange(edge: index, node: v, nodeCount: nodeCount) }
            if u == v { throw .selfLoop(edge: index, node: u) }
            if !(w.isFinite && w > 0) { throw .invalidWeight(edge: index, weight: w) }
        }
    }

    /// The number of undirected edges.
    /// - Complexity: O(1).
    public var edgeCount: Int { targets.count / 2 }

    /// The number of neighbours of `node`.
    /// - Complexity: O(1).
    public func degree(of node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// The neighbours of `node`, ascending.
    /// - Complexity: O(1) to obtain; the slice shares the graph's storage.
    public func neighbours(of node: Int) -> ArraySlice<Int> { targets[offsets[node]..<offsets[node + 1]] }

    /// The weights of the edges to ``neighbours(of:)``, in the same order.
    /// - Complexity: O(1) to obtain.
    public func neighbourWeights(of node: Int) -> ArraySlice<Double> { weights[offsets[node]..<offsets[node + 1]] }

    /// The strength of `node`: the sum of its edge weights, `s_i = Σ_j w_ij` (its degree when unweighted).
    /// - Complexity: O(1).
    public func strength(of node: Int) -> Double { strengths[node] }

    /// The weight of the edge `{u, v}`, or `nil` when there is none.
    /// - Complexity: O(log d), d the smaller of the two degrees (binary search in a sorted row).
    public func weight(between u: Int, and v: Int) -> Double? {
        let (row, other) = degree(of: u) <= degree(of: v) ? (u, v) : (v, u)
        var low = offsets[row]
        var high = offsets[row + 1]
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < other { low = mid + 1 } else { high = mid }
        }
        return low < offsets[row + 1] && targets[low] == other ? weights[low] : nil
    }

    /// Every edge once, as `(u, v, weight)` with `u < v`, sorted by `u` then `v`.
    /// - Complexity: O(n + m).
    public var edges: [(u: Int, v: Int, weight: Double)] {
        var result: [(u: Int, v: Int, weight: Double)] = []
        result.reserveCapacity(edgeCount)
        for u in 0..<nodeCount {
            for slot in offsets[u]..<offsets[u + 1] where targets[slot] > u {
                result.append((u, targets[slot], weights[slot]))
            }
        }
        return result
    }

    /// The graph with every edge at `node` removed (the node stays, isolated), keeping all ids.
    ///
    /// Ties uses it to study the alters' own graph: the ego touches everyone, so it must be taken out
    /// before looking for clusters among the alters.
    /// - Complexity: O(n + m).
    public func isolating(_ node: Int) -> WeightedGraph {
        let kept = edges.filter { $0.u != node && $0.v != node }.map { ($0.u, $0.v, $0.weight) }
        // The edges came from a valid graph, so construction cannot fail.
        return try! WeightedGraph(nodeCount: nodeCount, edges: kept)
    }
}
