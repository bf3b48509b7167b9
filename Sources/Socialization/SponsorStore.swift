import Foundation
import GRDB
import Store
import Vietnamese

/// Sponsors: a person or a unit with the sponsor's kind and tags. Names and contacts are read from the person or the
/// unit, so a phone corrected on the person's page is corrected here too.
package enum SponsorStore {
    package struct Input: Sendable, Codable {
        package var kind: String
        /// An existing person or unit; when both are empty a new one is made from `name`, `phone`, `villageId`.
        package var personId: Int64?
        package var unitId: Int64?
        package var name: String?
        package var phone: String?
        package var villageId: Int64?
        package var address: String?
        package var tags: String?
        package var notes: String?

        package init(kind: String, personId: Int64? = nil, unitId: Int64? = nil, name: String? = nil, phone: String? = nil,
                    villageId: Int64? = nil, address: String? = nil, tags: String? = nil, notes: String? = nil) {
            self.kind = kind; self.personId = personId; self.unitId = unitId; self.name = name; self.phone = phone
            self.villageId = villageId; self.address = address; self.tags = tags; self.notes = notes
        }
    }

    package struct Item: Sendable {
        package let sponsor: Sponsor
        package let name: String
        package let sortKey: String
        /// Shown only to accounts that may read the person (or for units, always: an organisation's contact is public).
        package let phone: String?
        package let village: String?
        package let donations: Int
        package let total: Int64
        package let lastDonation: CivilDate?
    }

    static let selectSQL = """
        SELECT s.*, coalesce(p.fullName, u.name) AS name, coalesce(p.sortKey, u.sortKey) AS sortKey,
          coalesce(p.phone, u.phone) AS phone, p.villageId AS personVillage, v.name AS village,
          (SELECT count(*) FROM donation d WHERE d.sponsorId = s.id AND d.voidedAt IS NULL) AS donations,
          (SELECT coalesce(sum(d.estimatedValue), 0) FROM donation d WHERE d.sponsorId = s.id AND d.voidedAt IS NULL) AS total,
          (SELECT max(d.date) FROM donation d WHERE d.sponsorId = s.id AND d.voidedAt IS NULL) AS lastDonation
        FROM sponsor s LEFT JOIN person p ON p.id = s.personId LEFT JOIN unit u ON u.id = s.unitId LEFT JOIN unit v ON v.id = p.villageId
        """

    static func item(_ row: Row, for principal: Principal) throws -> Item {
        let sponsor = try Sponsor(row: row)
        let personVillage: Int64? = row["personVillage"]
        let phoneVisible = sponsor.unitId != nil || principal.canRead(unitId: personVillage)
        return Item(sponsor: sponsor, name: row["name"], sortKey: row["sortKey"], phone: phoneVisible ? row["phone"] : nil,
                    village: row["village"], donations: row["donations"], total: row["total"],
                    lastDonation: (row["lastDonation"] as String?).flatMap { CivilDate(parsing: $0) })
    }

    /// Every sponsor by name (given name first for people), filtered by words typed without tones, kind or tag.
    package static func list(_ db: Database, text: String = "", kind: SponsorKind? = nil, tag: String? = nil, for principal: Principal) throws -> [Item] {
        let words = VietnameseText.searchWords(text)
        let tagKey = tag.map(VietnameseText.searchKey)
        return try Row.fetchAll(db, sql: selectSQL + " ORDER BY sortKey").compactMap { row in
            let item = try item(row, for: principal)
            if let kind, item.sponsor.kind != kind { return nil }
            if let tagKey, !tagKey.isEmpty, !item.sponsor.tagList.contains(where: { VietnameseText.searchKey($0) == tagKey }) { return nil }
            if !words.isEmpty {
                let key = VietnameseText.searchKey(item.name + " " + item.sponsor.tags)
                guard words.allSatisfy(key.contains) else { return nil }
            }
            return item
        }
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Item {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE s.id = ?", arguments: [id]) else {
            throw DomainError.notFound("nhà tài trợ", english: "Sponsor")
        }
        return try item(row, for: principal)
    }

    package static func tags(_ db: Database) throws -> [String] {
        let all = try String.fetchAll(db, sql: "SELECT tags FROM sponsor WHERE tags <> ''")
        return Array(Set(all.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }))
            .sorted { NameSortKey.label($0) < NameSortKey.label($1) }
    }

    /// Records a sponsor; a new person or unit is made first when none is chosen (one transaction with the caller's).
    package static func create(_ db: Database, _ input: Input, by principal: Principal, now: Date = Date()) throws -> Sponsor {
        guard let kind = SponsorKind(rawValue: input.kind) else { throw DomainError.invalid(["kind": "Chọn loại nhà tài trợ"]) }
        var personId = input.personId, unitId = input.unitId
        if personId != nil && unitId != nil { throw DomainError.invalid(["personId": "Nhà tài trợ là một người hoặc một đơn vị, không phải cả hai"]) }
        if let personId {
            let person = try PersonStore.get(db, id: personId, for: principal)
            try principal.require(principal.canWriteCommuneWide || principal.canWrite(unitId: person.villageId))
        } else if let unitId {
            _ = try UnitStore.get(db, id: unitId, for: principal)
            try principal.require(principal.canWriteCommuneWide || principal.canWrite(unitId: unitId))
        } else {
            let name = VietnameseText.clean(input.name ?? "")
            if name.isEmpty { throw DomainError.invalid(["name": "Nhập tên nhà tài trợ (hoặc chọn người, đơn vị có sẵn)"]) }
            if kind == .individual || kind == .overseas {
                personId = try PersonStore.create(db, PersonInput(fullName: name, villageId: input.villageId, phone: input.phone, notes: input.address),
                                                  by: principal, now: now).id
            } else {
                unitId = try UnitStore.create(db, UnitInput(name: name, kind: kind == .business ? "business" : "other", address: input.address,
                                                            phone: input.phone), by: principal, now: now).id
            }
        }
        let taken = try Sponsor.filter(personId.map { Column("personId") == $0 } ?? (Column("unitId") == unitId!)).fetchOne(db)
        if taken != nil { throw DomainError.invalid([personId != nil ? "personId" : "unitId": "Người hoặc đơn vị này đã là nhà tài trợ"]) }
        var sponsor = Sponsor(id: nil, kind: kind, personId: personId, unitId: unitId, tags: cleanTags(input.tags),
                              notes: VietnameseText.cleanOrNil(input.notes), createdAt: now, updatedAt: now)
        try sponsor.insert(db)
        try Audit.record(db, by: principal, .create, entity: "sponsor", id: sponsor.id, after: sponsor, at: now)
        return sponsor
    }

    /// The sponsor record of a resident, if they have one.
    package static func id(ofPerson personId: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM sponsor WHERE personId = ?", arguments: [personId])
    }

    /// Kind, tags and notes; the name and contacts are edited on the person's or unit's own page.
    package static func update(_ db: Database, id: Int64, kind: String, tags: String?, notes: String?, version: String? = nil, by principal: Principal,
                              now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard var sponsor = try Sponsor.fetchOne(db, key: id) else { throw DomainError.notFound("nhà tài trợ", english: "Sponsor") }
        try RecordVersion.check(sponsor, expected: version)
        guard let kind = SponsorKind(rawValue: kind) else { throw DomainError.invalid(["kind": "Chọn loại nhà tài trợ"]) }
        let before = sponsor
        sponsor.kind = kind
        sponsor.tags = cleanTags(tags)
        sponsor.notes = VietnameseText.cleanOrNil(notes)
        sponsor.updatedAt = now
        try sponsor.update(db)
        try Audit.record(db, by: principal, .update, entity: "sponsor", id: id, before: before, after: sponsor, at: now)
    }

    static func cleanTags(_ text: String?) -> String {
        var seen: [String] = []
        for tag in (text ?? "").split(separator: ",").map({ VietnameseText.clean(String($0)) }) where !tag.isEmpty && !seen.contains(tag) {
            seen.append(tag)
        }
        return seen.joined(separator: ", ")
    }

    /// The name a sponsor is known by (person's full name or unit's name).
    package static func name(_ db: Database, sponsorId: Int64) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT coalesce(p.fullName, u.name) FROM sponsor s LEFT JOIN person p ON p.id = s.personId
            LEFT JOIN unit u ON u.id = s.unitId WHERE s.id = ?
            """, arguments: [sponsorId])
    }
}
