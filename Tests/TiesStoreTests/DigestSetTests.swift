import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: the digest set of a first import")
struct DigestSetTests {
    @Test("it agrees with Swift's Set on 200,000 digests, repeats, near neighbours and the all-zero digest")
    func agreesWithSet() {
        var digests = SplitMix64(seed: 7)
        var mine = DigestSet()
        var reference = Set<FNV1a128>()
        func check(_ digest: FNV1a128) {
            #expect(mine.contains(digest) == reference.contains(digest))
            #expect(mine.insert(digest) == reference.insert(digest).inserted)
        }
        check(FNV1a128(high: 0, low: 0))
        check(FNV1a128(high: 0, low: 0))
        for i in 0..<200_000 {
            // Random digests, and digests that differ from another only in one half or one bit.
            let high = digests.next()
            let low = i % 3 == 0 ? UInt64(i) : digests.next()
            check(FNV1a128(high: high, low: low))
            if i % 5 == 0 { check(FNV1a128(high: high ^ 1, low: low)) }
            if i % 7 == 0 { check(FNV1a128(high: high, low: low)) }
            if i % 11 == 0 { check(FNV1a128(high: 0, low: low)) }
        }
        #expect(mine.count == reference.count)
        // Removals, one in three of what is there (the zero digest, which sorts first, among them), then
        // every look-up again: what is left is found, what was removed is not.
        let present = reference.sorted { ($0.high, $0.low) < ($1.high, $1.low) }
        var gone: [FNV1a128] = []
        for (i, digest) in present.enumerated() where i % 3 == 0 {
            mine.remove(digest)
            reference.remove(digest)
            gone.append(digest)
        }
        mine.remove(FNV1a128(high: 1, low: 2))  // absent: nothing happens
        #expect(mine.count == reference.count && !mine.contains(FNV1a128(high: 0, low: 0)))
        var mismatches = 0
        for digest in reference where !mine.contains(digest) { mismatches += 1 }
        for digest in gone where mine.contains(digest) { mismatches += 1 }
        #expect(mismatches == 0)
        for text in ["a", "b", "csv\u{1F}r-1"] {
            #expect(!mine.contains(hashing(text)))
            mine.insert(hashing(text))
            #expect(mine.contains(hashing(text)))
        }
    }

    func hashing(_ text: String) -> FNV1a128 {
        var digest = FNV1a128()
        digest.combine(text)
        return digest
    }
}
