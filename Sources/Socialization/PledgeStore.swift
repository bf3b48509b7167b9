import Foundation
import GRDB
import Store
import Vietnamese

/// Pledges (cam kết ủng hộ): a promise of money or items by a due date, fulfilled by later donations, in part or
/// whole. A pledge past its due date and not fully given is overdue.
package enum PledgeStore {
    package struct Input: Sendable, Codable {
        package var sponsorId: Int64?
        package var date: String
        package var value: String
        package var items: String?
        package var dueOn: String
        package var purpose: String
        package var campaignId: Int64?
        package var recipientUnitId: Int64?
        package var notes: String?
        package init(sponsorId: Int64?, date: String, value: String, items: String? = nil, dueOn: String, purpose: String,
                    campaignId: Int64? = nil, recipientUnitId: Int64?, notes: String? = nil) {
            self.sponsorId = sponsorId; self.date = date; self.value = value; self.items = items; self.dueOn = dueOn
            self.purpose = purpose; self.campaignId = campaignId; self.recipientUnitId = recipientUnitId; self.notes = notes
        }
    }

    package enum Status: String, Sendable, Labelled {
        case open, fulfilled, overdue, cancelled
        package var label: String {
            switch self {
            case .open: return "Đang chờ"
            case .fulfilled: return "Đã thực hiện đủ"
            case .overdue: return "Quá hạn"
            case .cancelled: return "Đã hủy"
            }
        }

        package var englishLabel: String {
            switch self {
            case .open: return "Pending"
            case .fulfilled: return "Fulfilled"
            case .overdue: return "Overdue"
            case .cancelled: return "Cancelled"
            }
        }
    }

    package struct Item: Sendable {
        package let pledge: Pledge
        package let sponsorName: String
        package let recipientUnit: String
        package let fulfilled: Int64
        package var remaining: Int64 { max(0, pledge.value - fulfilled) }

        package func status(on today: CivilDate) -> Status {
            if pledge.cancelledOn != nil { return .cancelled }
            if fulfilled >= pledge.value { return .fulfilled }
            return pledge.dueOn < today ? .overdue : .open
        }
    }

    static let selectSQL = """
        SELECT g.*, coalesce(p.fullName, su.name) AS sponsorName, u.name AS recipientUnit,
          coalesce((SELECT sum(f.value) FROM pledgeFulfilment f WHERE f.pledgeId = g.id), 0) AS fulfilled
        FROM pledge g JOIN sponsor s ON s.id = g.sponsorId LEFT JOIN person p ON p.id = s.personId
        LEFT JOIN unit su ON su.id = s.unitId JOIN unit u ON u.id = g.recipientUnitId
        """

    static func item(_ row: Row) throws -> Item {
        Item(pledge: try Pledge(row: row), sponsorName: row["sponsorName"], recipientUnit: row["recipientUnit"], fulfilled: row["fulfilled"])
    }

    /// Pledges the principal may read, soonest due first; `overdueOnly` gives the list to chase.
    package static func list(_ db: Database, sponsorId: Int64? = nil, overdueOnly: Bool = false, on today: CivilDate = .today(),
                            for principal: Principal) throws -> [Item] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let sponsorId { conditions.append("g.sponsorId = ?"); arguments += [sponsorId] }
        if case .units(let ids) = principal.readScope { conditions.append("g.recipientUnitId IN (\(SQLList.ids(ids)))") }
        let sql = selectSQL + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY g.dueOn, g.id"
        let items = try Row.fetchAll(db, sql: sql, arguments: arguments).map(item)
        return overdueOnly ? items.filter { $0.status(on: today) == .overdue } : items
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Item {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE g.id = ?", arguments: [id]) else {
            throw DomainError.notFound("cam kết", english: "Pledge")
        }
        let item = try item(row)
        guard principal.canRead(unitId: item.pledge.recipientUnitId) else { throw DomainError.outsideScope }
        return item
    }

    /// The donations that fulfilled a pledge, with the value each counted.
    package static func fulfilments(_ db: Database, pledgeId: Int64) throws -> [(Donation, Int64)] {
        try Row.fetchAll(db, sql: """
            SELECT d.*, f.value AS counted FROM pledgeFulfilment f JOIN donation d ON d.id = f.donationId WHERE f.pledgeId = ? ORDER BY d.date
            """, arguments: [pledgeId]).map { (try Donation(row: $0), $0["counted"]) }
    }

    package static func create(_ db: Database, _ input: Input, by principal: Principal, now: Date = Date()) throws -> Pledge {
        var errors: [String: String] = [:]
        let date = CivilDate(parsing: input.date), due = CivilDate(parsing: input.dueOn)
        if input.sponsorId == nil { errors["sponsorId"] = "Chọn nhà tài trợ" }
        if date == nil { errors["date"] = "Ngày cam kết dạng dd/MM/yyyy" }
        if due == nil { errors["dueOn"] = "Hạn thực hiện dạng dd/MM/yyyy" }
        if let date, let due, due < date { errors["dueOn"] = "Hạn thực hiện không được trước ngày cam kết" }
        let value = VND.parse(input.value)
        if value == nil || value! <= 0 { errors["value"] = "Số tiền (hoặc giá trị ước tính của hiện vật) là số đồng nguyên dương" }
        if VietnameseText.clean(input.purpose).isEmpty { errors["purpose"] = "Nhập mục đích" }
        if let problem = TextRules.problem(in: input.purpose, limit: TextRules.lineLimit) { errors["purpose"] = problem }
        if input.recipientUnitId == nil { errors["recipientUnitId"] = "Chọn đơn vị nhận" }
        if let sponsorId = input.sponsorId, try Sponsor.fetchOne(db, key: sponsorId) == nil { errors["sponsorId"] = "Nhà tài trợ không tồn tại" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try principal.require(principal.canWrite(unitId: input.recipientUnitId))
        var pledge = Pledge(id: nil, sponsorId: input.sponsorId!, date: date!, value: value!, items: VietnameseText.cleanOrNil(input.items),
                            dueOn: due!, purpose: VietnameseText.clean(input.purpose), campaignId: input.campaignId,
                            recipientUnitId: input.recipientUnitId!, cancelledOn: nil, notes: VietnameseText.cleanOrNil(input.notes), createdAt: now)
        try pledge.insert(db)
        try Audit.record(db, by: principal, .create, entity: "pledge", id: pledge.id, after: pledge, at: now)
        return pledge
    }

    /// Counts a donation of the same sponsor towards a pledge, up to what is still owed.
    package static func fulfil(_ db: Database, pledgeId: Int64, with donation: Donation, by principal: Principal) throws {
        let item = try get(db, id: pledgeId, for: principal)
        try principal.require(principal.canWrite(unitId: item.pledge.recipientUnitId))
        guard item.pledge.cancelledOn == nil else { throw DomainError.invalid(["pledgeId": "Cam kết đã hủy"]) }
        guard donation.sponsorId == item.pledge.sponsorId else {
            throw DomainError.invalid(["pledgeId": "Khoản ủng hộ phải của chính nhà tài trợ đã cam kết"])
        }
        guard !donation.isVoided else { throw DomainError.invalid(["pledgeId": "Biên lai đã hủy"]) }
        let counted = min(item.remaining, donation.estimatedValue)
        guard counted > 0 else { throw DomainError.invalid(["pledgeId": "Cam kết đã thực hiện đủ (hoặc hiện vật chưa có giá trị ước tính)"]) }
        try PledgeFulfilment(pledgeId: pledgeId, donationId: donation.id!, value: counted).insert(db)
        try Audit.record(db, by: principal, .update, entity: "pledge", id: pledgeId,
                         after: ["fulfilledBy": donation.receiptNumber, "value": String(counted)])
    }

    package static func cancel(_ db: Database, id: Int64, on date: CivilDate, by principal: Principal) throws {
        let item = try get(db, id: id, for: principal)
        try principal.require(principal.canWrite(unitId: item.pledge.recipientUnitId))
        var pledge = item.pledge
        guard pledge.cancelledOn == nil else { return }
        pledge.cancelledOn = date
        try pledge.update(db)
        try Audit.record(db, by: principal, .update, entity: "pledge", id: id, before: item.pledge, after: pledge)
    }
}
