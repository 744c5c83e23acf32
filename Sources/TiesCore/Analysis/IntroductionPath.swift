/// The best chain of introductions from the user to someone: the path that maximises its weakest link.
public struct IntroductionPath: Sendable, Equatable {
    /// One step: to this person, over a link of this strength (0–1).
    public struct Hop: Sendable, Equatable {
        public var personID: Person.ID
        public var strength: Double
    }
    /// The people on the path after the user, ending with the target.
    public var hops: [Hop]
    /// The weakest link's strength.
    public var bottleneck: Double { hops.map(\.strength).min() ?? 0 }

    /// The widest path from the user (node 0) to `target`, found with a Dijkstra-like search that keeps,
    /// for each node, the best bottleneck so far; among paths with the same bottleneck the one with fewer
    /// hops wins, then the one through smaller node ids.
    ///
    /// - Parameters:
    ///   - excludingDirect: leave out the user's own edge to `target`, to find who could introduce them.
    /// - Returns: nil when `target` cannot be reached.
    /// - Complexity: O((n + m) log n).
    public static func widest(in analysis: NetworkAnalysis, to target: Person.ID, excludingDirect: Bool)
        -> IntroductionPath?
    {
        let graph = analysis.graph
        guard let goal = analysis.nodeIDs.firstIndex(of: target), goal > 0 else { return nil }
        let n = graph.nodeCount
        var width = [Double](repeating: -1, count: n)
        var hops = [Int](repeating: Int.max, count: n)
        var previous = [Int](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        width[0] = .infinity
        hops[0] = 0
        // A simple binary heap keyed by (width desc, hops asc, node asc).
        var heap: [(Double, Int, Int)] = [(.infinity, 0, 0)]
        func better(_ a: (Double, Int, Int), _ b: (Double, Int, Int)) -> Bool {
            a.0 != b.0 ? a.0 > b.0 : (a.1 != b.1 ? a.1 < b.1 : a.2 < b.2)
        }
        func push(_ item: (Double, Int, Int)) {
            heap.append(item)
            var i = heap.count - 1
            while i > 0, better(heap[i], heap[(i - 1) / 2]) {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        }
        func pop() -> (Double, Int, Int) {
            let top = heap[0]
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < heap.count, better(heap[l], heap[m]) { m = l }
                if r < heap.count, better(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
            return top
        }
        while !heap.isEmpty {
            let (w, h, u) = pop()
            if done[u] { continue }
            done[u] = true
            if u == goal { break }
            for (v, weight) in zip(graph.neighbours(of: u), graph.neighbourWeights(of: u)) {
                if excludingDirect && u == 0 && v == goal { continue }
                if done[v] { continue }
                let candidate = (min(w, weight), h + 1, v)
                if candidate.0 > width[v] || (candidate.0 == width[v] && candidate.1 < hops[v]) {
                    width[v] = candidate.0
                    hops[v] = candidate.1
                    previous[v] = u
                    push(candidate)
                }
            }
        }
        guard done[goal], previous[goal] >= 0 else { return nil }
        var path: [Hop] = []
        var node = goal
        while node != 0 {
            let from = previous[node]
            path.append(Hop(personID: analysis.nodeIDs[node], strength: graph.weight(between: from, and: node) ?? 0))
            node = from
        }
        return IntroductionPath(hops: path.reversed())
    }
}
