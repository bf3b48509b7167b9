import Foundation
import GRDB
import Store
import Vietnamese

/// Donations and their receipts. A donation belongs to the unit that received it: that unit's editors and the
/// commune-wide roles record it; a wrong one is voided, never deleted, and its receipt number is never reused.
package enum DonationStore {
    package struct Filter: Sendable {
        package var year: Int?
        package var campaignId: Int64?
        package var sponsorId: Int64?
        package var kind: DonationKind?
        package var recipientUnitId: Int64?
        package var includeVoided: Bool
        package init(year: Int? = nil, campaignId: Int64? = nil, sponsorId: Int64? = nil, kind: DonationKind? = nil,
                    recipientUnitId: Int64? = nil, includeVoided: Bool = true) {
            self.year = year; self.campaignId = campaignId; self.sponsorId = sponsorId; self.kind = kind
            self.recipientUnitId = recipientUnitId; self.includeVoided = includeVoided
        }
    }

    package struct Item: Sendable {
        package let donation: Donation
        /// The sponsor's name, or nil for an anonymous benefactor.
        package let sponsorName: String?
        package let sponsorKind: SponsorKind?
        package let recipientUnit: String
        package let campaignTitle: String?
        /// In kind: "50 cuốn sách, 2 tủ sách".
        package let itemsSummary: String
    }

    static let selectSQL = """
        SELECT d.*, coalesce(p.fullName, su.name) AS sponsorName, s.kind AS sponsorKind, u.name AS recipientUnit, c.title AS campaignTitle,
          (SELECT group_concat(i.quantity || ' ' || i.unitOfMeasure || ' ' || i.description, '; ') FROM donationItem i WHERE i.donationId = d.id) AS itemsSummary
        FROM donation d LEFT JOIN sponsor s ON s.id = d.sponsorId LEFT JOIN person p ON p.id = s.personId
        LEFT JOIN unit su ON su.id = s.unitId JOIN unit u ON u.id = d.recipientUnitId LEFT JOIN campaign c ON c.id = d.campaignId
        """

    static func item(_ row: Row) throws -> Item {
        Item(donation: try Donation(row: row), sponsorName: row["sponsorName"],
             sponsorKind: (row["sponsorKind"] as String?).flatMap(SponsorKind.init(rawValue:)), recipientUnit: row["recipientUnit"],
             campaignTitle: row["campaignTitle"], itemsSummary: row["itemsSummary"] ?? "")
    }

    /// Newest receipt first; only donations to units the principal may read.
    package static func list(_ db: Database, _ filter: Filter = Filter(), for principal: Principal) throws -> [Item] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let year = filter.year { conditions.append("d.receiptYear = ?"); arguments += [year] }
        if let campaignId = filter.campaignId { conditions.append("d.campaignId = ?"); arguments += [campaignId] }
        if let sponsorId = filter.sponsorId { conditions.append("d.sponsorId = ?"); arguments += [sponsorId] }
        if let kind = filter.kind { conditions.append("d.kind = ?"); arguments += [kind.rawValue] }
        if let unitId = filter.recipientUnitId { conditions.append("d.recipientUnitId = ?"); arguments += [unitId] }
        if !filter.includeVoided { conditions.append("d.voidedAt IS NULL") }
        if case .units(let ids) = principal.readScope {
            conditions.append("d.recipientUnitId IN (\(SQLList.ids(ids)))")
        }
        let sql = selectSQL + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY d.receiptYear DESC, d.receiptSeq DESC"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(item)
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Item {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE d.id = ?", arguments: [id]) else {
            throw DomainError.notFound("khoản ủng hộ", english: "Donation")
        }
        let item = try item(row)
        guard principal.canRead(unitId: item.donation.recipientUnitId) else { throw DomainError.outsideScope }
        return item
    }

    package static func find(_ db: Database, receipt: String, for principal: Principal) throws -> Item? {
        guard let (year, sequence) = ReceiptNumber.parse(receipt),
              let id = try Int64.fetchOne(db, sql: "SELECT id FROM donation WHERE receiptYear = ? AND receiptSeq = ?", arguments: [year, sequence])
        else { return nil }
        return try get(db, id: id, for: principal)
    }

    package static func items(_ db: Database, donationId: Int64) throws -> [DonationItem] {
        try DonationItem.filter(Column("donationId") == donationId).order(Column("id")).fetchAll(db)
    }

    /// Units a principal may record donations for: every active unit for commune-wide roles, their own for editors.
    package static func recipientUnits(_ db: Database, for principal: Principal) throws -> [OrgUnit] {
        try OrgUnit.filter(OrgUnit.Columns.isActive == true).filter(OrgUnit.Columns.kind != UnitKind.business.rawValue)
            .order(OrgUnit.Columns.sortKey).fetchAll(db).filter { principal.canWrite(unitId: $0.id) }
    }

    /// Records a donation and gives it the next receipt number of its year, in the caller's transaction: SQLite
    /// writes one transaction at a time, so two clerks saving together still get consecutive numbers.
    package static func create(_ db: Database, _ input: DonationInput, by principal: Principal, now: Date = Date()) throws -> Donation {
        let valid: DonationInput.Valid
        switch input.check(today: CivilDate.today(now: now)) {
        case .success(let checked): valid = checked
        case .failure(let error): throw error
        }
        guard let unitId = input.recipientUnitId, let unit = try OrgUnit.fetchOne(db, key: unitId) else {
            throw DomainError.invalid(["recipientUnitId": "Đơn vị nhận không tồn tại"])
        }
        try principal.require(principal.canWrite(unitId: unit.id))
        if let sponsorId = input.sponsorId, try Sponsor.fetchOne(db, key: sponsorId) == nil {
            throw DomainError.invalid(["sponsorId": "Nhà tài trợ không tồn tại"])
        }
        if let campaignId = input.campaignId, try Row.fetchOne(db, sql: "SELECT 1 FROM campaign WHERE id = ?", arguments: [campaignId]) == nil {
            throw DomainError.invalid(["campaignId": "Chiến dịch không tồn tại"])
        }
        let year = valid.date.year
        let sequence = try Int.fetchOne(db, sql: "SELECT coalesce(max(receiptSeq), 0) + 1 FROM donation WHERE receiptYear = ?", arguments: [year])!
        var donation = input.donation(valid, recipientUnitId: unitId, receiptSequence: sequence, by: principal, at: now)
        try donation.insert(db)
        for var item in valid.items {
            item.donationId = donation.id!
            try item.insert(db)
        }
        if let pledgeId = input.pledgeId {
            try PledgeStore.fulfil(db, pledgeId: pledgeId, with: donation, by: principal)
        }
        try Audit.record(db, by: principal, .create, entity: "donation", id: donation.id,
                         after: ["receipt": donation.receiptNumber, "value": String(donation.estimatedValue), "purpose": donation.purpose], at: now)
        return donation
    }

    /// Voids a receipt: it stays in every list, struck through, with the reason, who and when; totals leave it out.
    package static func void(_ db: Database, id: Int64, reason: String, by principal: Principal, now: Date = Date()) throws {
        guard var donation = try Donation.fetchOne(db, key: id) else { throw DomainError.notFound("khoản ủng hộ", english: "Donation") }
        guard principal.canRead(unitId: donation.recipientUnitId) else { throw DomainError.outsideScope }
        try principal.require(principal.canWrite(unitId: donation.recipientUnitId))
        let reason = VietnameseText.clean(reason)
        guard reason.count >= 5 else { throw DomainError.invalid(["reason": "Ghi rõ lý do hủy biên lai (ít nhất 5 ký tự)"]) }
        guard !donation.isVoided else { throw DomainError(.conflict, "Biên lai \(donation.receiptNumber) đã hủy trước đó.", english: "Receipt already voided.") }
        donation.voidedAt = now
        donation.voidedBy = principal.displayName
        donation.voidReason = reason
        try donation.update(db)
        // A voided gift no longer fulfils a pledge.
        try PledgeFulfilment.filter(Column("donationId") == id).deleteAll(db)
        try Audit.record(db, by: principal, .void, entity: "donation", id: id, after: ["receipt": donation.receiptNumber, "reason": reason], at: now)
    }

    /// Marks the thank-you letter as sent (printed or exported) on a day; the first date is kept.
    /// Marks letters as sent and answers how many changed. One id the account may not write refuses the whole
    /// batch (nothing marked, nothing logged), instead of skipping it quietly.
    @discardableResult
    package static func markLetterSent(_ db: Database, ids: [Int64], on date: CivilDate, by principal: Principal) throws -> Int {
        try principal.require(principal.role != .viewer)
        var marked = 0
        for id in ids {
            guard var donation = try Donation.fetchOne(db, key: id) else { continue }
            try principal.require(principal.canWrite(unitId: donation.recipientUnitId))
            guard donation.letterSentOn == nil else { continue }
            donation.letterSentOn = date
            try donation.update(db)
            try Audit.record(db, by: principal, .update, entity: "donation", id: id, after: ["letterSentOn": date.display])
            marked += 1
        }
        return marked
    }

    // MARK: Handovers

    package struct HandoverLine: Sendable { package let item: DonationItem; package let quantity: Int }

    package static func handovers(_ db: Database, donationId: Int64) throws -> [(Handover, String, [HandoverLine])] {
        try Handover.filter(Column("donationId") == donationId).order(Column("date"), Column("id")).fetchAll(db).map { handover in
            (handover, try OrgUnit.fetchOne(db, key: handover.toUnitId)?.name ?? "", try handoverLines(db, handoverId: handover.id!))
        }
    }

    package static func handoverLines(_ db: Database, handoverId: Int64) throws -> [HandoverLine] {
        try Row.fetchAll(db, sql: """
            SELECT i.*, h.quantity AS handed FROM handoverItem h JOIN donationItem i ON i.id = h.donationItemId
            WHERE h.handoverId = ? ORDER BY i.id
            """, arguments: [handoverId]).map { HandoverLine(item: try DonationItem(row: $0), quantity: $0["handed"]) }
    }

    /// Quantity of each item not yet handed over.
    package static func remaining(_ db: Database, donationId: Int64) throws -> [Int64: Int] {
        var left: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT i.id, i.quantity - coalesce((SELECT sum(h.quantity) FROM handoverItem h WHERE h.donationItemId = i.id), 0)
            FROM donationItem i WHERE i.donationId = ?
            """, arguments: [donationId]) {
            left[row[0]] = row[1]
        }
        return left
    }

    /// A handover record (biên bản bàn giao) of donated items to a unit, typically books to a library.
    package static func recordHandover(_ db: Database, donationId: Int64, toUnitId: Int64?, date: String, deliveredBy: String, receivedBy: String,
                                      quantities: [Int64: Int], notes: String?, by principal: Principal, now: Date = Date()) throws -> Handover {
        let donation = try get(db, id: donationId, for: principal).donation
        try principal.require(principal.canWrite(unitId: donation.recipientUnitId))
        var errors: [String: String] = [:]
        guard !donation.isVoided else { throw DomainError.invalid(["donation": "Biên lai đã hủy, không bàn giao được"]) }
        let day = CivilDate(parsing: date)
        if day == nil { errors["date"] = "Ngày bàn giao dạng dd/MM/yyyy" }
        if let day, day < donation.date { errors["date"] = "Ngày bàn giao không được trước ngày nhận (\(donation.date.display))" }
        let toUnit = try toUnitId.flatMap { try OrgUnit.fetchOne(db, key: $0) }
        if toUnit == nil { errors["toUnitId"] = "Chọn đơn vị nhận bàn giao" }
        if VietnameseText.clean(deliveredBy).isEmpty { errors["deliveredBy"] = "Nhập người giao" }
        if VietnameseText.clean(receivedBy).isEmpty { errors["receivedBy"] = "Nhập người nhận" }
        let left = try remaining(db, donationId: donationId)
        let lines = quantities.filter { $0.value > 0 }
        if lines.isEmpty { errors["items"] = "Ghi số lượng bàn giao của ít nhất một hiện vật" }
        for (itemId, quantity) in lines {
            guard let available = left[itemId] else { errors["items"] = "Hiện vật không thuộc khoản ủng hộ này"; continue }
            if quantity > available { errors["items.\(itemId)"] = "Chỉ còn \(available) chưa bàn giao" }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var handover = Handover(id: nil, donationId: donationId, toUnitId: toUnitId!, date: day!, deliveredBy: VietnameseText.clean(deliveredBy),
                                receivedBy: VietnameseText.clean(receivedBy), notes: VietnameseText.cleanOrNil(notes), createdAt: now)
        try handover.insert(db)
        for (itemId, quantity) in lines.sorted(by: { $0.key < $1.key }) {
            try HandoverItem(handoverId: handover.id!, donationItemId: itemId, quantity: quantity).insert(db)
        }
        try Audit.record(db, by: principal, .create, entity: "handover", id: handover.id, after: handover, at: now)
        return handover
    }
}
