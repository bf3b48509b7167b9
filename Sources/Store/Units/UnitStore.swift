import Foundation
import GRDB
import Vietnamese

/// A unit with what lists show beside it.
package struct UnitListItem: Sendable {
    package let unit: OrgUnit
    package let parentName: String?
    package let depth: Int
}

package enum UnitStore {
    /// Every unit the principal may read, as a tree: parents before their children, siblings by name.
    package static func tree(_ db: Database, for principal: Principal, includeInactive: Bool = true) throws -> [UnitListItem] {
        let rows = try Row.fetchAll(db, sql: """
            WITH RECURSIVE walk(id, depth, path) AS (
              SELECT id, 0, sortKey FROM unit WHERE parentId IS NULL
              UNION ALL
              SELECT u.id, w.depth + 1, w.path || char(2) || u.sortKey FROM unit u JOIN walk w ON u.parentId = w.id
            )
            SELECT unit.*, p.name AS parentName, walk.depth AS depth
            FROM walk JOIN unit ON unit.id = walk.id LEFT JOIN unit p ON p.id = unit.parentId
            ORDER BY walk.path
            """)
        return try rows.compactMap { row in
            let item = UnitListItem(unit: try OrgUnit(row: row), parentName: row["parentName"], depth: row["depth"])
            guard principal.canRead(unitId: item.unit.id), includeInactive || item.unit.isActive else { return nil }
            return item
        }
    }

    /// Units matching a search (full text on the folded name) and/or a kind, sorted by name.
    package static func list(_ db: Database, for principal: Principal, text: String = "", kind: UnitKind? = nil) throws -> [UnitListItem] {
        var sql = "SELECT unit.*, p.name AS parentName, 0 AS depth FROM unit LEFT JOIN unit p ON p.id = unit.parentId"
        var conditions: [String] = []
        var arguments: StatementArguments = []
        let query = FullTextQuery(text)
        if !query.isEmpty {
            conditions.append("unit.id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)")
            arguments += [query.matchExpression]
        }
        if let kind {
            conditions.append("unit.kind = ?")
            arguments += [kind.rawValue]
        }
        if case .units(let ids) = principal.readScope {
            conditions.append("unit.id IN (\(SQLList.ids(ids)))")
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY unit.sortKey"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            UnitListItem(unit: try OrgUnit(row: $0), parentName: $0["parentName"], depth: 0)
        }
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> OrgUnit {
        guard let unit = try OrgUnit.fetchOne(db, key: id) else { throw DomainError.notFound("đơn vị", english: "Unit") }
        guard principal.canRead(unitId: id) else { throw DomainError.outsideScope }
        return unit
    }

    package static func children(_ db: Database, of id: Int64) throws -> [OrgUnit] {
        try OrgUnit.filter(OrgUnit.Columns.parentId == id).order(OrgUnit.Columns.sortKey).fetchAll(db)
    }

    package static func villages(_ db: Database, for principal: Principal) throws -> [OrgUnit] {
        try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.village.rawValue).order(OrgUnit.Columns.sortKey).fetchAll(db)
            .filter { principal.canRead(unitId: $0.id) }
    }

    /// Id and name of the villages the principal may read, by name: the village filter on list pages.
    package static func villageNames(_ db: Database, for principal: Principal) throws -> [(id: Int64, name: String)] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM unit WHERE kind = ? ORDER BY sortKey"),
                         arguments: [UnitKind.village.rawValue])
            .map { (id: $0[0] as Int64, name: $0[1] as String) }
            .filter { principal.canRead(unitId: $0.id) }
    }

    /// The given units and every unit below them.
    package static func withDescendants(_ db: Database, of ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        return Set(try Int64.fetchAll(db, sql: """
            WITH RECURSIVE below(id) AS (SELECT id FROM unit WHERE id IN (\(list))
              UNION SELECT u.id FROM unit u JOIN below b ON u.parentId = b.id)
            SELECT id FROM below
            """))
    }

    /// Finds a unit by name, ignoring case and tones ("Thôn 1" = "thon 1"); current or former name.
    package static func find(_ db: Database, name: String, kind: UnitKind? = nil) throws -> OrgUnit? {
        let key = VietnameseText.searchKey(VietnameseText.clean(name))
        var request = OrgUnit.filter(Column("searchKey") == key)
        if let kind { request = request.filter(OrgUnit.Columns.kind == kind.rawValue) }
        if let unit = try request.fetchOne(db) { return unit }
        let former = try UnitFormerName.fetchAll(db).first { VietnameseText.searchKey($0.name) == key }
        return try former.flatMap { try OrgUnit.fetchOne(db, key: $0.unitId) }
    }

    package static func create(_ db: Database, _ input: UnitInput, by principal: Principal, now: Date = Date()) throws -> OrgUnit {
        try principal.require(principal.canManageUnits)
        try validate(db, input, unitId: nil)
        var unit = OrgUnit(name: input.name, kind: .other, now: now)
        input.apply(to: &unit)
        try unit.insert(db)
        try Audit.record(db, by: principal, .create, entity: "unit", id: unit.id, after: unit, at: now)
        return unit
    }

    /// Editors may update their own units' details; moving a unit in the tree or changing its kind is commune-wide.
    package static func update(_ db: Database, id: Int64, _ input: UnitInput, version: String? = nil, by principal: Principal,
                              now: Date = Date()) throws -> OrgUnit {
        var unit = try get(db, id: id, for: principal)
        try RecordVersion.check(unit, expected: version)
        try principal.require(principal.canWrite(unitId: id))
        let before = unit
        try validate(db, input, unitId: id)
        input.apply(to: &unit)
        if !principal.canManageUnits && (unit.parentId != before.parentId || unit.kind != before.kind) {
            throw DomainError.forbidden
        }
        unit.updatedAt = now
        try unit.update(db)
        if before.name != unit.name {
            var former = UnitFormerName(unitId: id, name: before.name, usedUntil: CivilDate.today(now: now), note: "Đổi tên")
            try former.insert(db)
        }
        try Audit.record(db, by: principal, .update, entity: "unit", id: id, before: before, after: unit, at: now)
        return unit
    }

    package static func formerNames(_ db: Database, unitId: Int64) throws -> [UnitFormerName] {
        try UnitFormerName.filter(Column("unitId") == unitId).order(Column("id")).fetchAll(db)
    }

    package static func addFormerName(_ db: Database, _ former: UnitFormerName, by principal: Principal) throws {
        try principal.require(principal.canWrite(unitId: former.unitId))
        var former = former
        try former.insert(db)
        try Audit.record(db, by: principal, .create, entity: "unitFormerName", id: former.id, after: former)
    }

    /// A commune's tree is three or four levels deep; a limit keeps a mistaken or hostile import (a chain of
    /// 20,000 units) from making every tree page walk forever.
    package static let maxDepth = 8

    /// Levels above a unit (0 for a root), walking at most `maxDepth + 1` steps.
    static func depth(_ db: Database, of id: Int64) throws -> Int {
        try Int.fetchOne(db, sql: """
            WITH RECURSIVE up(id, level) AS (SELECT parentId, 1 FROM unit WHERE id = ?
              UNION ALL SELECT u.parentId, up.level + 1 FROM unit u JOIN up ON u.id = up.id WHERE up.level <= ?)
            SELECT count(*) FROM up WHERE id IS NOT NULL
            """, arguments: [id, maxDepth + 1]) ?? 0
    }

    /// Levels below a unit (0 for a leaf), looking at most `maxDepth + 1` levels down.
    static func height(_ db: Database, of id: Int64) throws -> Int {
        try Int.fetchOne(db, sql: """
            WITH RECURSIVE down(id, level) AS (SELECT ?, 0
              UNION ALL SELECT u.id, down.level + 1 FROM unit u JOIN down ON u.parentId = down.id WHERE down.level <= ?)
            SELECT max(level) FROM down
            """, arguments: [id, maxDepth + 1]) ?? 0
    }

    private static func validate(_ db: Database, _ input: UnitInput, unitId: Int64?) throws {
        var errors = input.problems()
        if let parentId = input.parentId {
            if parentId == unitId {
                errors["parentId"] = "Một đơn vị không thể là cấp trên của chính nó"
            } else if try !OrgUnit.exists(db, key: parentId) {
                errors["parentId"] = "Đơn vị cấp trên không tồn tại"
            } else if let unitId, try withDescendants(db, of: [unitId]).contains(parentId) {
                errors["parentId"] = "Không thể chọn một đơn vị cấp dưới làm cấp trên (tạo vòng lặp)"
            } else if try depth(db, of: parentId) + 1 + (try unitId.map { try height(db, of: $0) } ?? 0) > maxDepth {
                errors["parentId"] = "Cây đơn vị sâu tối đa \(maxDepth) cấp (xã › thôn › nhà văn hóa › câu lạc bộ… còn xa mới tới)"
            }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }
}
