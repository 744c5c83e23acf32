import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// Inferred roles and "different people" records in the store.
@Suite("Store: inferred roles and distinct people")
struct StoreRolesTests {
    let dir = TemporaryDirectory()

    func person(_ store: Store, _ name: String, title: String?, org: String? = nil, roles: Set<Role> = [])
        throws -> Person.ID
    {
        try store.addPerson(Person(name: name, roles: roles, organisation: org, title: title), at: Fixtures.now).id
    }

    @Test(
        "classify infers recruiters with evidence, keeps what the user said, and withdraws what a title no longer says")
    func classify() throws {
        let store = try Fixtures.store(in: dir)
        let priya = try person(store, "Priya Natarajan", title: "Senior Physician Recruiter", org: "CompHealth")
        let given = try person(store, "Kim Tran", title: "Recruiter", roles: [.recruiter])
        let marketing = try person(store, "Omar Haddad", title: "Recruitment Marketing Manager")
        let lee = try person(store, "Lee Park", title: "Talent Acquisition Partner", org: "Mayo Clinic")
        let first = try store.classifyRoles(context: Fixtures.context, at: Fixtures.now)
        #expect(first.added == [.agency: 1, .inHouse: 1] && first.keptUserRoles == 1 && first.awaitingReview == 2)
        let inferred = try store.roleInferences(.inferred)
        #expect(inferred.map(\.personID) == [lee, priya])
        #expect(inferred.last?.inference.evidence == ["recruiter", "organisation: staffing agency (comphealth)"])
        #expect(try store.person("#\(priya)").recruiterKind == .agency)
        #expect(try store.person("#\(given)").recruiterKind == nil)  // the user's role, untouched
        #expect(try !store.person("#\(marketing)").roles.contains(.recruiter))
        // Running again changes nothing.
        let second = try store.classifyRoles(context: Fixtures.context, at: Fixtures.now)
        #expect(second.addedCount == 0 && second.updated == 0 && second.withdrawn == 0)
        // A rejection sticks; a title that changes withdraws an unreviewed inference.
        try store.reviewRole(priya, as: .rejected, context: Fixtures.context, at: Fixtures.now)
        #expect(try !store.person("#\(priya)").roles.contains(.recruiter))
        var leeRecord = try store.person("#\(lee)").record
        leeRecord.title = "Director of Nursing"
        try store.updatePerson(leeRecord, context: Fixtures.context)
        let third = try store.classifyRoles(context: Fixtures.context, at: Fixtures.now)
        #expect(third.withdrawn == 1 && third.keptRejections == 1 && third.addedCount == 0)
        #expect(try !store.person("#\(lee)").roles.contains(.recruiter))
        #expect(try !store.person("#\(priya)").roles.contains(.recruiter))
        // Undo puts the rejected role back as inferred.
        try store.reviewRole(priya, as: .inferred, context: Fixtures.context, at: Fixtures.now)
        #expect(try store.person("#\(priya)").roles.contains(.recruiter))
        #expect(try store.roleInferences(.inferred).map(\.personID) == [priya])
        #expect(throws: StoreError.self) {
            try store.reviewRole(marketing, as: .confirmed, context: Fixtures.context, at: Fixtures.now)
        }
    }

    @Test("a role removed by hand counts as rejected")
    func removedByHand() throws {
        let store = try Fixtures.store(in: dir)
        let id = try person(store, "Grace Lin", title: "Nurse Recruiter", org: "Aya Healthcare")
        try store.classifyRoles(context: Fixtures.context, at: Fixtures.now)
        var grace = try store.person("#\(id)").record
        grace.roles = []
        try store.updatePerson(grace, context: Fixtures.context)
        let summary = try store.classifyRoles(context: Fixtures.context, at: Fixtures.now)
        #expect(summary.keptRejections == 1 && summary.addedCount == 0)
        #expect(try store.roleInferences().map(\.review) == [.rejected])
    }

    @Test("distinct pairs are recorded once, in either order, and forgotten on undo")
    func distinct() throws {
        let store = try Fixtures.store(in: dir)
        let a = try person(store, "Dana Reyes", title: nil)
        let b = try person(store, "Dana M. Reyes", title: nil)
        #expect(try store.recordDistinct(b, a, at: Fixtures.now))
        #expect(try !store.recordDistinct(a, b, at: Fixtures.now))
        #expect(try store.distinctPairs() == [PersonPair(a, b)])
        #expect(try store.distinctRecords().map(\.firstName) == ["Dana Reyes"])
        #expect(throws: StoreError.self) { try store.recordDistinct(a, a, at: Fixtures.now) }
        #expect(try store.removeDistinct(a, b))
        #expect(try !store.removeDistinct(a, b))
        #expect(try store.distinctPairs().isEmpty)
    }

    @Test("merge takes the dropped person's inference and distinct records with them; unmerge restores them")
    func mergeAndUnmerge() throws {
        let store = try Fixtures.store(in: dir)
        let keep = try person(store, "Elena Petrova", title: "Executive Search Consultant", org: "WittKieffer")
        let drop = try person(store, "Elena M. Petrova", title: "Search Consultant", org: "WittKieffer")
        let other = try person(store, "Elena Petrov", title: nil)
        try store.classifyRoles(context: Fixtures.context, at: Fixtures.now)
        try store.recordDistinct(drop, other, at: Fixtures.now)
        let before = try StoreMergeTests.dump(store)
        try store.merge(keep: keep, drop: drop, context: Fixtures.context, at: Fixtures.now)
        #expect(try store.roleInferences().map(\.personID) == [keep])
        #expect(try store.distinctPairs().isEmpty)
        try store.unmerge(context: Fixtures.context)
        let after = try StoreMergeTests.dump(store)
        #expect(after == before, "\(StoreMergeTests.difference(before, after))")
    }
}
