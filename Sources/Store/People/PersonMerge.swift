import Foundation
import GRDB
import Vietnamese

/// A column that holds a person's id without a foreign key (a household's head, a registration's subject when it is
/// a person): a merge moves it as it moves the foreign keys it finds in the schema.
package struct PersonReference: Sendable, Equatable {
    package let table: String
    package let column: String
    /// A condition the row must meet ("subjectKind = 'person'"), or nil.
    package let condition: String?
    package init(table: String, column: String, condition: String? = nil) {
        self.table = table; self.column = column; self.condition = condition
    }
}

/// Two records of one resident made one: everything of the removed record — consents, household, club memberships
/// and attendance, donations and sponsor records, volunteer hours, nominations and honours, assessments, training —
/// moves to the kept one; the strictest consent wins (a withdrawal on either record withdraws both, and stays
/// recorded); the removed record is deleted. Every step is written to `personMerge`, so the merge can be undone from
/// the audit log: moved rows go back, rows that could not move (the same club twice) come back as they were, the
/// removed person returns with their id.
package enum PersonMerge {
    struct Moved: Codable, Equatable { let table: String; let column: String; let rowids: [Int64] }
    struct Parked: Codable, Equatable { let table: String; let row: [String: DatabaseValueJSON] }
    struct Log: Codable, Equatable {
        let person: [String: DatabaseValueJSON]
        let moved: [Moved]
        let parked: [Parked]
        /// Consents of the kept record withdrawn because the removed one had withdrawn them.
        let withdrawn: [Int64]
        /// The household the kept record joined, having none, because the removed one lived in it.
        let joinedHousehold: Int64?
    }

    /// Where a person's id is held: every foreign key to `person` in the schema, and the references modules declare.
    static func references(_ db: Database, declared: [PersonReference]) throws -> [PersonReference] {
        var found: [PersonReference] = []
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'
              AND name NOT IN ('person', 'personMerge') AND sql NOT LIKE 'CREATE VIRTUAL%'
            """)
        for table in tables {
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))") where (row["table"] as String) == "person" {
                found.append(PersonReference(table: table, column: row["from"]))
            }
        }
        return found + declared.filter { reference in tables.contains(reference.table) && !found.contains(reference) }
    }

    /// Merges `removed` into `kept` in one transaction (the caller's) and returns the merge's id.
    package static func merge(_ db: Database, keep kept: Int64, remove removed: Int64, declared: [PersonReference], by principal: Principal,
                             now: Date = Date()) throws -> Int64 {
        guard kept != removed else { throw DomainError.invalid(["removeId": "Chọn hai hồ sơ khác nhau"]) }
        let keep = try PersonStore.get(db, id: kept, for: principal)
        let gone = try PersonStore.get(db, id: removed, for: principal)
        try principal.require(principal.canWrite(unitId: keep.villageId) && principal.canWrite(unitId: gone.villageId))
        guard let goneRow = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [removed]) else {
            throw DomainError.notFound("người", english: "Person")
        }
        // The strictest consent wins: a channel whose latest consent either record withdrew ends withdrawn.
        var strict: Set<String> = []
        for id in [kept, removed] {
            let rows = try Row.fetchAll(db, sql: "SELECT channel, withdrawnOn FROM consent WHERE personId = ? ORDER BY givenOn, id", arguments: [id])
            var latest: [String: Bool] = [:]
            for row in rows { latest[row["channel"]] = (row["withdrawnOn"] as String?) != nil }
            strict.formUnion(latest.filter(\.value).keys)
        }
        var moved: [Moved] = []
        var parked: [Parked] = []
        for reference in try references(db, declared: declared) {
            let condition = reference.condition.map { " AND \($0)" } ?? ""
            let column = reference.column.quotedDatabaseIdentifier, table = reference.table.quotedDatabaseIdentifier
            let rowids = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table) WHERE \(column) = ?\(condition)", arguments: [removed])
            var done: [Int64] = []
            for rowid in rowids {
                do {
                    try db.inSavepoint {
                        try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [kept, rowid])
                        return .commit
                    }
                    done.append(rowid)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    // Already there for the kept record (the same club, the same course): the removed one's row is
                    // set aside in the log, to come back if the merge is undone.
                    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE rowid = ?", arguments: [rowid]) else { continue }
                    parked.append(Parked(table: reference.table, row: DatabaseValueJSON.encode(row)))
                    try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [rowid])
                }
            }
            if !done.isEmpty { moved.append(Moved(table: reference.table, column: reference.column, rowids: done)) }
        }
        var withdrawn: [Int64] = []
        let today = CivilDate.today(now: now).iso
        for channel in strict.sorted() {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM consent WHERE personId = ? AND channel = ? AND withdrawnOn IS NULL", arguments: [kept, channel])
            for id in ids { try db.execute(sql: "UPDATE consent SET withdrawnOn = ? WHERE id = ?", arguments: [today, id]) }
            withdrawn += ids
        }
        // The kept record joins the removed one's household when it had none (the household's head moved above).
        var joined: Int64?
        if keep.householdId == nil, let household = gone.householdId {
            try db.execute(sql: "UPDATE person SET householdId = ?, relationToHead = ? WHERE id = ?", arguments: [household, gone.relationToHead, kept])
            joined = household
        }
        try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [removed])
        let log = Log(person: DatabaseValueJSON.encode(goneRow), moved: moved, parked: parked, withdrawn: withdrawn, joinedHousehold: joined)
        try db.execute(sql: "INSERT INTO personMerge(keptId, removedId, removedName, log, mergedBy, mergedAt) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [kept, removed, gone.fullName, String(decoding: try JSONEncoder().encode(log), as: UTF8.self), principal.login, now])
        let mergeId = db.lastInsertedRowID
        try Audit.record(db, by: principal, .update, entity: "personMerge", id: mergeId,
                         before: ["kept": keep.fullName, "removed": gone.fullName],
                         after: ["keptId": String(kept), "removedId": String(removed), "moved": String(moved.reduce(0) { $0 + $1.rowids.count }),
                                 "setAside": String(parked.count)], at: now)
        return mergeId
    }

    /// Undoes a merge: the removed person comes back with their id, their rows go back, set-aside rows return and
    /// the consents withdrawn by the merge are given again. Refused twice, and refused when the kept record is gone.
    package static func undo(_ db: Database, mergeId: Int64, by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM personMerge WHERE id = ?", arguments: [mergeId]) else {
            throw DomainError.notFound("lần gộp hồ sơ", english: "Merge")
        }
        guard (row["undoneAt"] as Date?) == nil else {
            throw DomainError(.conflict, "Lần gộp này đã được hoàn tác.", english: "This merge was already undone.")
        }
        let log = try JSONDecoder().decode(Log.self, from: Data((row["log"] as String).utf8))
        let removed: Int64 = row["removedId"]
        try insert(db, table: "person", log.person)
        for move in log.moved {
            let table = move.table.quotedDatabaseIdentifier, column = move.column.quotedDatabaseIdentifier
            for chunk in stride(from: 0, to: move.rowids.count, by: 500).map({ Array(move.rowids[$0..<min($0 + 500, move.rowids.count)]) }) {
                try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid IN (\(chunk.map(String.init).joined(separator: ",")))", arguments: [removed])
            }
        }
        for parked in log.parked { try insert(db, table: parked.table, parked.row) }
        for id in log.withdrawn { try db.execute(sql: "UPDATE consent SET withdrawnOn = NULL WHERE id = ?", arguments: [id]) }
        if log.joinedHousehold != nil {
            try db.execute(sql: "UPDATE person SET householdId = NULL, relationToHead = NULL WHERE id = ?", arguments: [row["keptId"] as Int64])
        }
        try db.execute(sql: "UPDATE personMerge SET undoneAt = ?, undoneBy = ? WHERE id = ?", arguments: [now, principal.login, mergeId])
        try Audit.record(db, by: principal, .update, entity: "personMerge", id: mergeId, after: ["undone": "yes", "restoredId": String(removed)], at: now)
    }

    static func insert(_ db: Database, table: String, _ values: [String: DatabaseValueJSON]) throws {
        let columns = values.keys.sorted()
        try db.execute(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ",")))"
                           + " VALUES (\(columns.map { _ in "?" }.joined(separator: ",")))",
                       arguments: StatementArguments(columns.map { values[$0]!.databaseValue }))
    }

    /// Which of these merges were undone already (the audit log offers an undo only for the others).
    package static func undone(_ db: Database, ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db, sql: "SELECT id FROM personMerge WHERE undoneAt IS NOT NULL AND id IN (\(SQLList.ids(Set(ids))))"))
    }

    package struct Entry: Sendable {
        package let id: Int64
        package let keptId: Int64
        package let removedName: String
        package let mergedBy: String
        package let mergedAt: Date
        package let undone: Bool
    }

    package static func recent(_ db: Database, limit: Int = 50) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM personMerge ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
            Entry(id: $0["id"], keptId: $0["keptId"], removedName: $0["removedName"], mergedBy: $0["mergedBy"], mergedAt: $0["mergedAt"],
                  undone: ($0["undoneAt"] as Date?) != nil)
        }
    }
}

/// A column's value as JSON, exactly: integers, reals, text and blobs (base64) keep their storage class.
struct DatabaseValueJSON: Codable, Equatable {
    let kind: String
    let text: String?

    static func encode(_ row: Row) -> [String: DatabaseValueJSON] {
        var values: [String: DatabaseValueJSON] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: values[column] = .init(kind: "null", text: nil)
            case .int64(let v): values[column] = .init(kind: "int", text: String(v))
            case .double(let v): values[column] = .init(kind: "real", text: String(v))
            case .string(let v): values[column] = .init(kind: "text", text: v)
            case .blob(let v): values[column] = .init(kind: "blob", text: v.base64EncodedString())
            }
        }
        return values
    }

    var databaseValue: DatabaseValue {
        switch kind {
        case "int": return Int64(text ?? "").map { $0.databaseValue } ?? .null
        case "real": return Double(text ?? "").map { $0.databaseValue } ?? .null
        case "text": return (text ?? "").databaseValue
        case "blob": return Data(base64Encoded: text ?? "").map { $0.databaseValue } ?? .null
        default: return .null
        }
    }
}
