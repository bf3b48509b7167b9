import Foundation
import GRDB
import Vietnamese

/// A row of the people list.
package struct PersonListItem: Sendable {
    package let id: Int64
    package let fullName: String
    package let gender: Gender
    package let birthYear: Int?
    package let villageId: Int64?
    package let villageName: String?
    package let phone: String?
}

package struct PersonQuery: Sendable {
    package var text: String
    package var villageId: Int64?
    package var page: Int
    package var perPage: Int

    package init(text: String = "", villageId: Int64? = nil, page: Int = 1, perPage: Int = 50) {
        self.text = text; self.villageId = villageId; self.page = min(max(1, page), 1_000_000); self.perPage = min(max(1, perPage), 500)
    }

    var offset: Int { (page - 1) * perPage }
}

package enum PersonStore {
    /// A broad search ("nguyen" in a big commune) stops here and says "more than, type more": ranking and paging
    /// through more matches than this costs more than it helps anyone.
    package static let countCap = 1000

    /// Lists people the principal may read: by search text (ranked: exact name, then given name, then the rest,
    /// each by given name) or, without text, by given name. Paged.
    package static func search(_ db: Database, _ query: PersonQuery, for principal: Principal) throws -> Page<PersonListItem> {
        var filter = SQLFilter()
        if let villageId = query.villageId { filter.add("p.villageId = ?", [villageId]) }
        if case .units(let ids) = principal.readScope { filter.add("p.villageId IN (\(SQLList.ids(ids)))") }
        let text = PersonSearchText(query.text)
        if text.isEmpty {
            let select = "SELECT p.id, p.fullName, p.gender, p.birthYear, p.villageId, u.name AS villageName, p.phone FROM person p LEFT JOIN unit u ON u.id = p.villageId"
            let items = try Row.fetchAll(db.cachedStatement(sql: "\(select)\(filter.whereClause) ORDER BY p.sortKey LIMIT ? OFFSET ?"),
                                         arguments: filter.arguments + [query.perPage, query.offset]).map { listItem($0, from: 0) }
            let total = try countWithoutText(db, villageId: query.villageId, scope: principal.readScope)
            return Page(items: items, total: total, page: query.page, perPage: query.perPage)
        }
        return try find(db, text, within: filter, query)
    }

    /// People matching typed text: names through the full-text index, a phone start through the phone index.
    /// The match runs once, materialized: it gives both the count and the rows to rank.
    private static func find(_ db: Database, _ text: PersonSearchText, within filter: SQLFilter, _ query: PersonQuery) throws -> Page<PersonListItem> {
        var match = SQLFilter()
        var rank = "p.sortKey"
        var rankArguments: StatementArguments = []
        let name = text.name
        if !name.isEmpty {
            match.add("person_fts MATCH ?", [name.matchExpression])
            rank = "CASE WHEN p.searchKey = ? THEN 0 WHEN (' ' || p.searchKey) LIKE ? THEN 1 ELSE 2 END, p.sortKey"
            rankArguments = [name.folded, "% " + (name.words.last ?? "")]
        }
        match.add(filter)
        for word in name.checkedWords { match.add("(' ' || p.searchKey || ' ') LIKE ?", ["% \(word) %"]) }
        if let start = text.phoneStart { match.add("p.phone >= ? AND p.phone < ?", [start, PersonSearchText.phoneEnd(after: start)]) }
        // A name alone needs no person row to match: the index's own row ids save a lookup a hit.
        let source = name.isEmpty ? "p.id FROM person p"
            : match.conditions.count == 1 ? "f.rowid AS id FROM person_fts f" : "p.id FROM person_fts f JOIN person p ON p.id = f.rowid"
        let hits = "WITH hits AS MATERIALIZED (SELECT \(source)\(match.whereClause) LIMIT \(countCap + 1))"
        // Cached: the SQL text takes only a few shapes, and compiling this one costs as much as running it.
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            \(hits)
            SELECT (SELECT count(*) FROM hits) AS total, p.id, p.fullName, p.gender, p.birthYear, p.villageId, u.name AS villageName, p.phone
            FROM hits JOIN person p ON p.id = hits.id LEFT JOIN unit u ON u.id = p.villageId
            ORDER BY \(rank) LIMIT ? OFFSET ?
            """), arguments: match.arguments + rankArguments + [query.perPage, query.offset])
        var counted = rows.first.map { $0["total"] as Int } ?? 0
        if rows.isEmpty && query.offset > 0 {
            counted = try Int.fetchOne(db, sql: "\(hits) SELECT count(*) FROM hits", arguments: match.arguments) ?? 0
        }
        return Page(items: rows.map { listItem($0, from: 1) }, total: min(counted, countCap), page: query.page, perPage: query.perPage,
                    totalIsLowerBound: counted > countCap)
    }

    /// Columns by position (id, fullName, gender, birthYear, villageId, villageName, phone from `first`): looking
    /// them up by name lower-cases every name, for every row of every list page.
    private static func listItem(_ row: Row, from first: Int) -> PersonListItem {
        PersonListItem(id: row[first], fullName: row[first + 1], gender: Gender(rawValue: row[first + 2]) ?? .unknown,
                       birthYear: row[first + 3], villageId: row[first + 4], villageName: row[first + 5], phone: row[first + 6])
    }

    /// Totals kept by triggers in `personCount`, so list pages never count a million rows.
    static func countWithoutText(_ db: Database, villageId: Int64?, scope: Principal.Scope) throws -> Int {
        if let villageId {
            guard scope.allows(villageId) else { return 0 }
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT count FROM personCount WHERE villageId = ?"), arguments: [villageId]) ?? 0
        }
        switch scope {
        case .all:
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(sum(count), 0) FROM personCount")) ?? 0
        case .units(let ids):
            return try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM personCount WHERE villageId IN (\(SQLList.ids(ids)))") ?? 0
        }
    }

    package static func totalCount(_ db: Database) throws -> Int {
        try countWithoutText(db, villageId: nil, scope: .all)
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Person {
        guard let person = try Person.fetchOne(db, key: id) else { throw DomainError.notFound("người này", english: "Person") }
        guard principal.canRead(unitId: person.villageId) else { throw DomainError.outsideScope }
        return person
    }

    /// Residents a new record may duplicate: nothing is written while there are some and the caller did not
    /// confirm that this is someone else (`confirmedNew`).
    package struct PossibleDuplicates: Error, Sendable, Equatable {
        package let candidates: [DuplicateFinder.Candidate]
    }

    /// `checkDuplicates`: the form and the API pass true, so a likely duplicate is shown (or answered 409) before
    /// anything is saved; the person confirms with `confirmedNew`.
    package static func create(_ db: Database, _ input: PersonInput, by principal: Principal, now: Date = Date(),
                              checkDuplicates: Bool = false, confirmedNew: Bool = false) throws -> Person {
        try principal.require(principal.canWrite(unitId: input.villageId))
        let valid = try check(db, input, now: now)
        var person = input.makePerson(valid, now: now)
        if checkDuplicates && !confirmedNew {
            let probe = DuplicateFinder.Probe(fullName: person.fullName, birthYear: person.birthYear, villageId: person.villageId, phone: person.phone)
            let candidates = try DuplicateFinder.candidates(db, for: probe, rules: try DedupeRules.fromSettings(db))
                .filter { principal.canRead(unitId: $0.villageId) }
            if !candidates.isEmpty { throw PossibleDuplicates(candidates: candidates) }
        }
        try person.insert(db)
        try Audit.record(db, by: principal, .create, entity: "person", id: person.id, after: person, at: now)
        return person
    }

    /// `version` is what the editor read (`RecordVersion`); a stale one refuses the write instead of overwriting.
    package static func update(_ db: Database, id: Int64, _ input: PersonInput, version: String? = nil, by principal: Principal,
                              now: Date = Date()) throws -> Person {
        var person = try get(db, id: id, for: principal)
        try RecordVersion.check(person, expected: version)
        // Both the village the person is in and the one they move to must be the editor's.
        try principal.require(principal.canWrite(unitId: person.villageId) && principal.canWrite(unitId: input.villageId))
        let before = person
        let valid = try check(db, input, now: now)
        input.apply(valid, to: &person)
        person.updatedAt = now
        try person.update(db)
        try Audit.record(db, by: principal, .update, entity: "person", id: id, before: before, after: person, at: now)
        return person
    }

    private static func check(_ db: Database, _ input: PersonInput, now: Date) throws -> PersonInput.Validated {
        let thisYear = CivilDate.today(now: now).year
        var errors: [String: String] = [:]
        var validated: PersonInput.Validated?
        switch input.validate(thisYear: thisYear) {
        case .success(let valid): validated = valid
        case .failure(let error): errors = error.fieldErrors
        }
        if let villageId = input.villageId {
            let kind = try String.fetchOne(db, sql: "SELECT kind FROM unit WHERE id = ?", arguments: [villageId])
            if kind == nil { errors["villageId"] = "Thôn không tồn tại" }
            else if kind != UnitKind.village.rawValue { errors["villageId"] = "Đơn vị được chọn không phải là thôn, làng" }
        }
        if let householdId = input.householdId, try !Household.exists(db, key: householdId) {
            errors["householdId"] = "Hộ gia đình không tồn tại"
        }
        guard errors.isEmpty, let validated else { throw DomainError.invalid(errors) }
        return validated
    }

    package static func household(_ db: Database, of person: Person) throws -> Household? {
        try person.householdId.flatMap { try Household.fetchOne(db, key: $0) }
    }
}

extension PersonStore {
    /// A person by id, or nil (no scope check: for naming someone already shown, a club's leader say).
    package static func find(_ db: Database, id: Int64?) throws -> Person? {
        try id.flatMap { try Person.fetchOne(db, key: $0) }
    }

    /// Birth years by person (nil where unknown), for printed member lists.
    package static func birthYears(_ db: Database, ids: [Int64]) throws -> [Int64: Int?] {
        try Dictionary(uniqueKeysWithValues: Person.filter(keys: ids).fetchAll(db).map { ($0.id!, $0.birthYear) })
    }
}
