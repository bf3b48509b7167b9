import GRDB

/// The units pages offer in menus and name beside other records.
extension UnitStore {
    /// A unit by id, or nil (no scope check: for naming a record's unit the reader may already see).
    package static func find(_ db: Database, id: Int64?) throws -> OrgUnit? {
        try id.flatMap { try OrgUnit.fetchOne(db, key: $0) }
    }

    /// The unit's name, or "" when there is none.
    package static func name(_ db: Database, id: Int64?) throws -> String { try find(db, id: id)?.name ?? "" }

    /// Names of some units by id (the villages of a list of people), in one query.
    package static func names(_ db: Database, ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try OrgUnit.filter(keys: Set(ids)).fetchAll(db).map { ($0.id!, $0.name) })
    }

    /// Active units in tree order.
    package static func active(_ db: Database) throws -> [OrgUnit] {
        try OrgUnit.filter(OrgUnit.Columns.isActive == true).order(OrgUnit.Columns.sortKey).fetchAll(db)
    }

    /// Units of some kinds in tree order, active or not.
    package static func all(_ db: Database, kinds: [UnitKind]) throws -> [OrgUnit] {
        try OrgUnit.filter(kinds.map(\.rawValue).contains(OrgUnit.Columns.kind)).order(OrgUnit.Columns.sortKey).fetchAll(db)
    }
}
