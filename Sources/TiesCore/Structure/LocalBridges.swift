/// An edge whose two ends have no neighbour in common, with its span.
///
/// In Granovetter's and Burt's terms a local bridge is the shortest route between two parts of a network:
/// take it away and the ends are at least three steps apart. The ego–alter edge to an alter who has no ties
/// to anyone else in the user's network is a local bridge of infinite span — the user is that person's only
/// link into the network, and the relationship decays unless the user keeps it up.
public struct LocalBridge: Sendable, Hashable {
    /// The smaller endpoint.
    public let u: Int
    /// The larger endpoint.
    public let v: Int
    /// The number of edges on the shortest `u`–`v` path once this edge is removed (at least 3), or `nil`
    /// when removing the edge disconnects `u` from `v` (networkx reports `inf`).
    public let span: Int?

    /// A bridge between `u < v` with the given span.
    public init(u: Int, v: Int, span: Int?) {
        self.u = u
        self.v = v
        self.span = span
    }
}

/// Finding local bridges, as networkx `local_bridges(G, with_span=True)` (unweighted span) does.
public enum LocalBridges {
    /// Every local bridge of `graph`, sorted by `u` then `v` (`u < v`).
    ///
    /// An edge `{u, v}` is a local bridge when `N(u) ∩ N(v) = ∅`, that is when it lies on no triangle; its
    /// span is the hop distance from `u` to `v` in the graph without that edge. Triangles are counted per
    /// edge with the same forward listing as ``StructuralHoles``, so a hub tied to everyone costs no
    /// pairwise neighbour intersections. Spans come from a bidirectional breadth-first search that always
    /// grows the side with the smaller frontier, so a bridge to a leaf is settled in one step even when
    /// the other end is the ego. Edge weights play no part.
    ///
    /// - Complexity: O(m·√m) to find the bridges, plus O(n + m) per bridge for its span in the worst case.
    public static func find(in graph: WeightedGraph) -> [LocalBridge] {
        find(in: graph, withSpans: true)
    }

    /// Every local bridge of `graph`, with spans only when `withSpans` is true (`span` is nil otherwise):
    /// finding the bridges is cheap, measuring their spans is a breadth-first search each.
    public static func find(in graph: WeightedGraph, withSpans: Bool) -> [LocalBridge] {
        let arcCount = graph.targets.count
        var onTriangle = [Bool](repeating: false, count: arcCount)
        onTriangle.withUnsafeMutableBufferPointer { flag in
            graph.forEachTriangle { ab, ba, ac, ca, bc, cb in
                flag[ab] = true
                flag[ba] = true
                flag[ac] = true
                flag[ca] = true
                flag[bc] = true
                flag[cb] = true
            }
        }
        var search = SpanSearch(nodeCount: graph.nodeCount)
        var bridges: [LocalBridge] = []
        for u in 0..<graph.nodeCount {
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                let v = graph.targets[slot]
                guard v > u, !onTriangle[slot] else { continue }
                bridges.append(
                    LocalBridge(u: u, v: v, span: withSpans ? search.distance(in: graph, from: u, to: v) : nil))
            }
        }
        return bridges
    }
}

/// Reusable scratch space for bidirectional breadth-first searches that skip the direct edge.
private struct SpanSearch {
    /// Per node: the search number that last reached it from each side.
    var seenFromU: [Int]
    var seenFromV: [Int]
    /// Per node: its distance from the side that reached it in the current search.
    var distFromU: [Int]
    var distFromV: [Int]
    var round = 0

    init(nodeCount: Int) {
        seenFromU = [Int](repeating: 0, count: nodeCount)
        seenFromV = seenFromU
        distFromU = seenFromU
        distFromV = seenFromU
    }

    /// Hop distance from `u` to `v` not using the edge `{u, v}`, or nil when there is none.
    mutating func distance(in graph: WeightedGraph, from u: Int, to v: Int) -> Int? {
        round += 1
        let stamp = round
        seenFromU[u] = stamp
        distFromU[u] = 0
        seenFromV[v] = stamp
        distFromV[v] = 0
        var frontierU = [u]
        var frontierV = [v]
        while !frontierU.isEmpty && !frontierV.isEmpty {
            let growU = frontierU.count <= frontierV.count
            var next: [Int] = []
            for x in growU ? frontierU : frontierV {
                let dx = growU ? distFromU[x] : distFromV[x]
                for slot in graph.offsets[x]..<graph.offsets[x + 1] {
                    let y = graph.targets[slot]
                    if (x == u && y == v) || (x == v && y == u) { continue }
                    if growU {
                        // Reaching a node the other side has seen closes the shortest path: every node
                        // within the other side's explored depth is marked, so nothing shorter was missed.
                        if seenFromV[y] == stamp { return dx + 1 + distFromV[y] }
                        if seenFromU[y] != stamp {
                            seenFromU[y] = stamp
                            distFromU[y] = dx + 1
                            next.append(y)
                        }
                    } else {
                        if seenFromU[y] == stamp { return dx + 1 + distFromU[y] }
                        if seenFromV[y] != stamp {
                            seenFromV[y] = stamp
                            distFromV[y] = dx + 1
                            next.append(y)
                        }
                    }
                }
            }
            if growU { frontierU = next } else { frontierV = next }
        }
        return nil
    }
}
