import Testing

@testable import TiesCore

/// The store's unique index is on these keys: a change of the function would make every stored key wrong,
/// so its values are fixed here (computed once by a Python transcription of FNV-1a 128 from its definition,
/// which gives the published digest of "foobar" too).
@Suite("SourceKey: the integer that stands for a source and source id")
struct SourceKeyTests {
    @Test("stable values for given texts")
    func knownValues() {
        #expect(SourceKey.of(source: "csv", sourceID: "r-1") == 320_122_472_074_886_589)
        #expect(SourceKey.of(source: "csv", sourceID: "r-2") == 320_122_472_024_554_092)
        #expect(SourceKey.of(source: "mail", sourceID: "abc/dana@hale.example") == 978_242_301_636_072_011)
        #expect(SourceKey.of(source: "demo", sourceID: "demo-1") == -7_492_045_417_949_299_382)
        #expect(SourceKey.of(source: "csv", sourceID: "é") == 1_763_520_784_239_559_167)
        #expect(SourceKey.of(source: "", sourceID: "") == -6_144_633_817_059_518_967)
        #expect(
            SourceKey.of(source: "linkedin-messages", sourceID: "6c62272e07bb014262b821756295c58d")
                == 8_566_990_138_384_281_463)
    }

    @Test("no source id, no key")
    func noSourceID() {
        #expect(SourceKey.of(source: "manual", sourceID: nil) == nil)
    }

    @Test("the key folds the digest the importer keeps: FNV-1a 128 of source, U+001F, source id")
    func foldsTheDigest() {
        var digest = FNV1a128()
        digest.combine("csv\u{1F}r-1")
        #expect(SourceKey.digest(source: "csv", sourceID: "r-1") == digest)
        #expect(SourceKey.of(source: "csv", sourceID: "r-1") == Int64(bitPattern: digest.high ^ digest.low))
    }

    @Test("different texts give different keys: the separator keeps the source and the id apart")
    func differentTextsDiffer() {
        let pairs = [
            ("csv", "r-1"), ("csv", "r-2"), ("csv", "r-10"), ("csv ", "r-1"), ("cs", "vr-1"), ("csvr", "-1"),
            ("mail", "r-1"), ("", "csvr-1"), ("csv", ""), ("", ""),
        ]
        let keys = pairs.compactMap { SourceKey.of(source: $0.0, sourceID: $0.1) }
        #expect(keys.count == pairs.count)
        #expect(Set(keys).count == pairs.count)
        var many = Set<Int64>()
        for n in 0..<100_000 { many.insert(SourceKey.of(source: "linkedin-messages", sourceID: "m-\(n)") ?? 0) }
        #expect(many.count == 100_000)
    }
}
