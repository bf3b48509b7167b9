import Campaigns
import GRDB
import Messaging
import Organisations
import Vietnamese

/// What each mass organisation's members did in a year, gathered from the modules that know it: memberships
/// (Organisations), attendance by name (Campaigns) and the export log (Messaging). The yearly report and the API use it.
package struct OrganisationYear: Sendable {
    package let members: Int
    package let joined: Int
    /// People who were members at some time in the year: what the shares are taken over.
    package let during: Int
    package let tookPart: Int
    package let reached: Int

    package static func figures(_ db: Database, year: Int) throws -> [Int64: OrganisationYear] {
        let first = CivilDate(year: year, month: 1, day: 1)!, last = CivilDate(year: year, month: 12, day: 31)!
        let memberships = try MemberParticipation.yearFigures(db, year: year)
        let tookPart = try MemberParticipation.membersAmong(db, people: ActivityAttendance.peopleSQL(year: year), from: first, to: last)
        let reached = try MemberParticipation.membersAmong(db, personIds: try ExportLog.peopleReached(db, year: year), from: first, to: last)
        return Dictionary(uniqueKeysWithValues: Set(memberships.keys).union(tookPart.keys).union(reached.keys).map { id in
            (id, OrganisationYear(members: memberships[id]?.members ?? 0, joined: memberships[id]?.joined ?? 0, during: memberships[id]?.during ?? 0,
                                  tookPart: tookPart[id] ?? 0, reached: reached[id] ?? 0))
        })
    }

    package static let none = OrganisationYear(members: 0, joined: 0, during: 0, tookPart: 0, reached: 0)
}
