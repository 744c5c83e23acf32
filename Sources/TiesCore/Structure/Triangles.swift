extension WeightedGraph {
    /// Calls `body` once for every triangle, with the six arc slots of its three edges.
    ///
    /// The arguments are the slots `ab, ba, ac, ca, bc, cb`, where `xy` is the slot of `y` in the row of
    /// `x`. This is the "forward" triangle listing: nodes are ranked by (degree, id), every edge is pointed
    /// from its lower-ranked to its higher-ranked end, and a triangle is found from its lowest-ranked corner
    /// `a` by marking `a`'s out-neighbours and scanning the out-neighbours of each of them. A hub such as
    /// the ego, tied to everyone, ranks last and has no out-edges, so it is never scanned: the cost is
    /// bounded by the arboricity of the graph, not by the square of the largest degree. The visiting order
    /// depends only on the graph, so sums accumulated in `body` are reproducible bit for bit.
    ///
    /// - Complexity: O(m·√m) in the worst case, far less on sparse graphs with a few hubs.
    @inline(__always)
    func forEachTriangle(_ body: (_ ab: Int, _ ba: Int, _ ac: Int, _ ca: Int, _ bc: Int, _ cb: Int) -> Void) {
        let n = nodeCount
        guard n > 2 else { return }
        // Out-arcs: for each node, the slots of its row whose neighbour ranks higher.
        var outStart = [Int](repeating: 0, count: n + 1)
        var outSlots = [Int]()
        outSlots.reserveCapacity(edgeCount)
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tgt in
                for u in 0..<n {
                    let du = off[u + 1] - off[u]
                    for slot in off[u]..<off[u + 1] {
                        let v = tgt[slot]
                        let dv = off[v + 1] - off[v]
                        if du < dv || (du == dv && u < v) { outSlots.append(slot) }
                    }
                    outStart[u + 1] = outSlots.count
                }
            }
        }
        // mark[w] holds the slot of w in a's row while a is being processed, -1 otherwise.
        var mark = [Int](repeating: -1, count: n)
        outStart.withUnsafeBufferPointer { start in
            outSlots.withUnsafeBufferPointer { out in
                targets.withUnsafeBufferPointer { tgt in
                    reverse.withUnsafeBufferPointer { rev in
                        mark.withUnsafeMutableBufferPointer { mark in
                            for a in 0..<n {
                                let first = start[a]
                                let last = start[a + 1]
                                if last - first < 2 { continue }
                                for k in first..<last { mark[tgt[out[k]]] = out[k] }
                                for k in first..<last {
                                    let ab = out[k]
                                    let b = tgt[ab]
                                    for k2 in start[b]..<start[b + 1] {
                                        let bc = out[k2]
                                        let ac = mark[tgt[bc]]
                                        if ac >= 0 {
                                            body(ab, rev[ab], ac, rev[ac], bc, rev[bc])
                                        }
                                    }
                                }
                                for k in first..<last { mark[tgt[out[k]]] = -1 }
                            }
                        }
                    }
                }
            }
        }
    }
}
