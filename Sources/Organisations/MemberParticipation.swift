import GRDB
import Store
import Vietnamese

/// How far each organisation's members were reached and took part: counts over memberships held in a period,
/// for the yearly report, a campaign's report and an activity's list.
package enum MemberParticipation {
    package struct YearFigures: Sendable, Equatable {
        /// Members on 31 December.
        package let members: Int
        /// Memberships begun in the year.
        package let joined: Int
        /// People who were members at some time in the year: what the shares of reach are taken over.
        package let during: Int
    }

    package static func yearFigures(_ db: Database, year: Int) throws -> [Int64: YearFigures] {
        let end = "\(year)-12-31", start = "\(year)-01-01"
        return Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT orgId, sum(joinedOn <= ? AND (leftOn IS NULL OR leftOn > ?)), sum(joinedOn BETWEEN ? AND ?),
                   count(DISTINCT CASE WHEN joinedOn <= ? AND (leftOn IS NULL OR leftOn >= ?) THEN personId END)
            FROM orgMember GROUP BY orgId
            """, arguments: [end, end, start, end, end, start]).map {
            ($0[0], YearFigures(members: $0[1] ?? 0, joined: $0[2] ?? 0, during: $0[3] ?? 0))
        })
    }

    /// How many distinct members of each organisation are among `people` (a query of person ids another module
    /// exports), counting memberships held at some time between `from` and `to`.
    package static func membersAmong(_ db: Database, people: (sql: String, arguments: StatementArguments), from: CivilDate, to: CivilDate) throws -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT m.orgId, count(DISTINCT m.personId) FROM orgMember m
            WHERE m.personId IN (\(people.sql)) AND m.joinedOn <= ? AND (m.leftOn IS NULL OR m.leftOn >= ?) GROUP BY m.orgId
            """, arguments: people.arguments + [to.iso, from.iso]).map { ($0[0], $0[1]) })
    }

    /// The same over a set of ids already in memory (the people the year's messages reached, read from the log).
    package static func membersAmong(_ db: Database, personIds: Set<Int64>, from: CivilDate, to: CivilDate) throws -> [Int64: Int] {
        var found: [Int64: Set<Int64>] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT orgId, personId FROM orgMember WHERE joinedOn <= ? AND (leftOn IS NULL OR leftOn >= ?)",
                                       arguments: [to.iso, from.iso])
        while let row = try rows.next() {
            let personId: Int64 = row[1]
            if personIds.contains(personId) { found[row[0], default: []].insert(personId) }
        }
        return found.mapValues(\.count)
    }

    /// The organisations with members among `people`, by name, with their counts (an activity's or a campaign's page).
    package static func byOrganisation(_ db: Database, people: (sql: String, arguments: StatementArguments), from: CivilDate,
                                      to: CivilDate) throws -> [(organisationId: Int64, organisation: String, members: Int)] {
        let counts = try membersAmong(db, people: people, from: from, to: to)
        return try UnitStore.all(db, kinds: MembershipStore.organisationKinds).compactMap { unit in
            counts[unit.id!].map { (unit.id!, unit.name, $0) }
        }
    }
}
