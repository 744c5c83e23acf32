/// Ranking metrics for binary outcomes: the area under the ROC curve and precision at k.
public enum RankMetrics {
    /// The area under the ROC curve: the probability that a random positive scores above a random negative,
    /// ties counting one half (the Mann–Whitney U statistic divided by `P N`).
    ///
    /// `U = Σ over pairs (p, n) of [s_p > s_n] + ½ [s_p = s_n]`, the rank form `R - P(P+1)/2` with midranks
    /// for ties. The positives' and the negatives' scores are sorted separately and swept together once:
    /// for each positive, `below` negatives score lower and `notAbove` score lower or equal, so
    /// `2U = Σ over positives of (below + notAbove)`, summed as an exact integer; the result does not depend
    /// on the order of the input. NaN scores rank lowest, tied with each other.
    ///
    /// - Parameters:
    ///   - scores: one score per item; higher means "more likely positive".
    ///   - labels: one outcome per item (same count as `scores`).
    /// - Returns: the AUC in 0...1, or nil when there is no positive or no negative.
    /// - Complexity: O(n log n).
    public static func auc(scores: [Double], labels: [Bool]) -> Double? {
        precondition(scores.count == labels.count, "auc needs one label per score")
        var positives: [Double] = []
        var negatives: [Double] = []
        negatives.reserveCapacity(scores.count)
        for (score, label) in zip(scores, labels) {
            let key = score.isNaN ? -Double.infinity : score
            if label { positives.append(key) } else { negatives.append(key) }
        }
        guard !positives.isEmpty, !negatives.isEmpty else { return nil }
        positives.sort()
        negatives.sort()
        var twiceU = 0
        var below = 0
        var notAbove = 0
        for p in positives {
            while below < negatives.count && negatives[below] < p { below += 1 }
            notAbove = max(notAbove, below)
            while notAbove < negatives.count && negatives[notAbove] <= p { notAbove += 1 }
            twiceU += below + notAbove
        }
        return Double(twiceU) / (2 * Double(positives.count) * Double(negatives.count))
    }

    /// Precision at `k` of one ranked group: the share of positives among the `k` highest scores, over
    /// `min(k, n)` so that a group with fewer than `k` items can still reach 1.
    ///
    /// Items are ranked by score, highest first; equal scores by `ids` ascending, so the result never
    /// depends on input order. NaN scores rank last.
    ///
    /// - Parameters:
    ///   - scores: one score per item.
    ///   - labels: one outcome per item.
    ///   - ids: one distinct id per item, the tie-break.
    ///   - k: how many top items count (≥ 1).
    /// - Returns: the precision in 0...1, or nil for an empty group.
    /// - Complexity: O(n log n).
    public static func precision(atK k: Int, scores: [Double], labels: [Bool], ids: [Int64]) -> Double? {
        precondition(
            scores.count == labels.count && scores.count == ids.count, "precision needs one label and id per score")
        precondition(k >= 1, "precision@k needs k ≥ 1")
        guard !scores.isEmpty else { return nil }
        let order = scores.indices.sorted { a, b in
            let sa = scores[a].isNaN ? -Double.infinity : scores[a]
            let sb = scores[b].isNaN ? -Double.infinity : scores[b]
            if sa != sb { return sa > sb }
            return ids[a] < ids[b]
        }
        let top = min(k, scores.count)
        let hits = order.prefix(top).reduce(0) { $0 + (labels[$1] ? 1 : 0) }
        return Double(hits) / Double(top)
    }
}
