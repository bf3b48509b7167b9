import Foundation
import GRDB
import Store
import Vietnamese

/// Members for the demo commune's four mass organisations, in a branch per village, with a head in each branch and
/// membership numbers where the organisation issues cards. Deterministic, like the rest of the demo.
package enum DemoOrganisations {
    /// Who joins what: the kind, who may belong (gender, ages), one in how many of them, whether cards are numbered.
    static let plans: [(kind: UnitKind, gender: Gender?, ages: ClosedRange<Int>, every: Int, prefix: String?)] = [
        (.womensUnion, .female, 18...75, 3, "PN"),
        (.youthUnion, nil, 16...30, 3, "ĐV"),
        (.farmersAssociation, nil, 25...70, 5, nil),
        (.veteransAssociation, .male, 45...85, 4, "CCB"),
    ]

    @discardableResult
    package static func seed(_ db: Database, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try OrgMember.fetchCount(db) == 0 else { return 0 }
        var added = 0
        for plan in plans {
            guard let org = try OrgUnit.filter(Column("kind") == plan.kind.rawValue).order(Column("id")).fetchOne(db) else { continue }
            var arguments: StatementArguments = [today.year - plan.ages.upperBound, today.year - plan.ages.lowerBound]
            var gender = ""
            if let wanted = plan.gender { gender = " AND gender = ?"; arguments += [wanted.rawValue] }
            let people = try Row.fetchAll(db, sql: """
                SELECT id, villageId FROM person WHERE villageId IS NOT NULL AND birthYear BETWEEN ? AND ?\(gender) ORDER BY id
                """, arguments: arguments)
            var headed: Set<Int64> = []
            for (index, row) in people.enumerated() where index % plan.every == 0 {
                let personId: Int64 = row[0], village: Int64 = row[1]
                let role: OrgRole = headed.insert(village).inserted ? .head : .member
                let joined = min(CivilDate(year: today.year - index % 9, month: 1 + index % 12, day: 1 + index % 27) ?? today, today)
                var member = OrgMember(orgId: org.id!, personId: personId, branchId: village, role: role,
                                       number: plan.prefix.map { "\($0)-\(String(format: "%04d", added + 1))" }, joinedOn: joined,
                                       leftOn: nil, createdAt: now, createdBy: "demo")
                try member.insert(db)
                added += 1
            }
        }
        return added
    }
}
