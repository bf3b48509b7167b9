import GRDB
import Store

/// What the message exporter asks of memberships (audience `members:unit=ID` or `members:kind=womens_union`, with
/// `village=` and `role=`): the query stays beside its table.
package enum MembershipAudience {
    /// Ids of the current members of one organisation or of every organisation of a kind; `villageId` is the
    /// branch's village (the member's own village when no branch is recorded).
    package static func membersSQL(orgId: Int64?, kind: UnitKind?, villageId: Int64?, role: OrgRole?) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["m.leftOn IS NULL"]
        var arguments: StatementArguments = []
        if let orgId { conditions.append("m.orgId = ?"); arguments += [orgId] }
        if let kind { conditions.append("o.kind = ?"); arguments += [kind.rawValue] }
        if let villageId { conditions.append("coalesce(m.branchId, mp.villageId) = ?"); arguments += [villageId] }
        if let role { conditions.append("m.role = ?"); arguments += [role.rawValue] }
        return ("""
            SELECT m.personId FROM orgMember m JOIN unit o ON o.id = m.orgId JOIN person mp ON mp.id = m.personId
            WHERE \(conditions.joined(separator: " AND "))
            """, arguments)
    }
}
