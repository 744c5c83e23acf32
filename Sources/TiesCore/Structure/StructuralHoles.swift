/// Burt's constraint and effective size for every node of a weighted graph.
///
/// Both measures ask how much a node's contacts are tied to one another. The reference definitions are
/// networkx 3.x `nx.constraint(G, weight=...)` and `nx.effective_size(G, weight=...)` on an undirected graph.
///
/// **Proportional tie strength.** `p_ij = (w_ij + w_ji) / Σ_k (w_ik + w_ki)`; on an undirected graph this is
/// `w_ij / s_i`, with `s_i` the strength of `i`. **Marginal strength.** `m_jq = w_jq / max_k w_jk`.
///
/// **Constraint.** The local constraint of `i` by neighbour `j` is
/// `c_ij = (p_ij + Σ_{q ≠ i, j} p_iq p_qj)²`, and `C_i = Σ_{j ∈ N(i)} c_ij`. It runs from about `1/deg` (many
/// contacts, none of whom know each other) up to 1 and above (one contact, or contacts who all know each
/// other): a high value means the node's network is closed and offers few brokerage opportunities.
///
/// **Effective size.** `E_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i), q ≠ j} p_iq m_jq)`: the number of contacts minus
/// their redundancy. Unweighted, it reduces to Borgatti's `n − 2t/n` (n contacts, t ties among them), which is
/// what networkx computes when no weight is given.
///
/// Known values (unweighted ego with five alters): no ties among them gives C = 0.2 and E = 5; all of them
/// tied to each other gives C = 0.648 and E = 1.
///
/// An isolated node has neither measure: both are `.nan`, as in networkx.
///
/// A caution for anyone checking these numbers: for weighted graphs, networkx 3.6.1's
/// `nx.effective_size(G, weight=...)` called *without* `nodes=` takes a scipy sparse-matrix shortcut that
/// divides by the wrong node's largest weight (networkx pull request #8906). The per-node path,
/// `nx.effective_size(G, nodes=list(G), weight=...)`, follows the documented definition above and is the
/// one this type agrees with. Unweighted graphs and constraint are not affected.
///
/// **Computation.** Every indirect term `p_iq p_qj` and every redundancy term `p_iq m_jq` needs `i`, `j` and
/// `q` to be mutually adjacent, so both sums are sums over triangles. The analysis lists each triangle once
/// (see the forward listing used internally) and adds its six ordered contributions into a per-arc array
/// (constraint) and a per-node array (redundancy). Nothing is scanned per pair of neighbours, so an ego tied
/// to 20,000 alters costs no more than its triangles.
public struct StructuralHoles: Sendable {
    /// Burt's constraint per node, indexed by node id; `.nan` for isolated nodes.
    public let constraint: [Double]
    /// Effective size per node (weighted definition), indexed by node id; `.nan` for isolated nodes.
    public let effectiveSize: [Double]

    /// Computes constraint and effective size for every node of `graph`.
    ///
    /// - Complexity: O(n + m + T) time after listing the T triangles, which costs O(m·√m) at worst and far
    ///   less on sparse graphs with hubs; O(n + m) memory.
    public static func analyse(_ graph: WeightedGraph) -> StructuralHoles {
        let n = graph.nodeCount
        let arcCount = graph.targets.count
        // p and m for every arc, seen from the row's owner.
        var p = [Double](repeating: 0, count: arcCount)
        var marginal = [Double](repeating: 0, count: arcCount)
        for i in 0..<n {
            let s = graph.strengths[i]
            let top = graph.maxWeights[i]
            for slot in graph.offsets[i]..<graph.offsets[i + 1] {
                p[slot] = graph.weights[slot] / s
                marginal[slot] = graph.weights[slot] / top
            }
        }

        // indirect[ij] = Σ_q p_iq p_qj; redundancy[i] = Σ_j Σ_q p_iq m_jq.
        var indirect = [Double](repeating: 0, count: arcCount)
        var redundancy = [Double](repeating: 0, count: n)
        p.withUnsafeBufferPointer { p in
            marginal.withUnsafeBufferPointer { m in
                indirect.withUnsafeMutableBufferPointer { ind in
                    redundancy.withUnsafeMutableBufferPointer { red in
                        graph.targets.withUnsafeBufferPointer { tgt in
                            graph.forEachTriangle { ab, ba, ac, ca, bc, cb in
                                ind[ab] += p[ac] * p[cb]
                                ind[ba] += p[bc] * p[ca]
                                ind[ac] += p[ab] * p[bc]
                                ind[ca] += p[cb] * p[ba]
                                ind[bc] += p[ba] * p[ac]
                                ind[cb] += p[ca] * p[ab]
                                let a = tgt[ba]
                                let b = tgt[ab]
                                let c = tgt[ac]
                                red[a] += p[ac] * m[bc] + p[ab] * m[cb]
                                red[b] += p[bc] * m[ac] + p[ba] * m[ca]
                                red[c] += p[ca] * m[ba] + p[cb] * m[ab]
                            }
                        }
                    }
                }
            }
        }

        var constraint = [Double](repeating: .nan, count: n)
        var effectiveSize = [Double](repeating: .nan, count: n)
        for i in 0..<n where graph.offsets[i + 1] > graph.offsets[i] {
            var total = 0.0
            for slot in graph.offsets[i]..<graph.offsets[i + 1] {
                let local = p[slot] + indirect[slot]
                total += local * local
            }
            constraint[i] = total
            effectiveSize[i] = Double(graph.offsets[i + 1] - graph.offsets[i]) - redundancy[i]
        }
        return StructuralHoles(constraint: constraint, effectiveSize: effectiveSize)
    }
}
