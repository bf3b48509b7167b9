import Campaigns
import Clubs
import Foundation
import GRDB
import Store
import Vietnamese

/// Opening, listing and closing sign-up pages. An organiser opens one for an activity, a club or a call for
/// volunteers of their own unit; the page's short code goes into the public address and onto the QR poster.
package enum SignUpForms {
    /// What the organiser chooses when opening a page.
    package struct Input: Sendable {
        package var kind: SignUpKind
        package var targetId: Int64
        package var title: String?
        package var askBirthYear: Bool
        package var askVillage: Bool
        package var askPhone: Bool
        package var channels: [ConsentChannel]
        package var purpose: String?
        package var role: String?
        package var capacity: String?
        package var closesOn: String?

        package init(kind: SignUpKind, targetId: Int64, title: String? = nil, askBirthYear: Bool = true, askVillage: Bool = true,
                    askPhone: Bool = true, channels: [ConsentChannel] = [.sms], purpose: String? = nil, role: String? = nil,
                    capacity: String? = nil, closesOn: String? = nil) {
            self.kind = kind; self.targetId = targetId; self.title = title; self.askBirthYear = askBirthYear; self.askVillage = askVillage
            self.askPhone = askPhone; self.channels = channels; self.purpose = purpose; self.role = role; self.capacity = capacity
            self.closesOn = closesOn
        }
    }

    /// Channels a public page may ask consent for: the ones that reach a phone.
    package static let offeredChannels: [ConsentChannel] = [.sms, .zalo]

    /// The unit, default title and default purpose of what a page signs people up for.
    package static func target(_ db: Database, kind: SignUpKind, id: Int64) throws -> (unitId: Int64, title: String, purpose: String) {
        switch kind {
        case .club:
            guard let club = try Club.fetchOne(db, key: id) else { throw DomainError.notFound("câu lạc bộ", english: "Club") }
            return (club.unitId, "Đăng ký vào \(club.name)", "Nhận thông báo lịch sinh hoạt, hoạt động của \(club.name)")
        case .activity:
            let activity = try CampaignStore.activity(db, id: id)
            return (activity.unitId, "Đăng ký tham gia: \(activity.title)", "Nhận thông báo về hoạt động \(activity.title) và các hoạt động học tập của xã")
        case .volunteer:
            let activity = try CampaignStore.activity(db, id: id)
            return (activity.unitId, "Tình nguyện viên cho: \(activity.title)", "Nhận thông báo phân công tình nguyện cho hoạt động \(activity.title)")
        }
    }

    package static func open(_ db: Database, _ input: Input, by principal: Principal, now: Date = Date()) throws -> SignUpForm {
        let target = try target(db, kind: input.kind, id: input.targetId)
        try principal.require(principal.canWrite(unitId: target.unitId))
        var errors: [String: String] = [:]
        let capacity = VietnameseText.trimmed(input.capacity ?? "")
        var places: Int?
        if !capacity.isEmpty {
            if let number = Int(capacity), number > 0, number <= 100_000 {
                places = number
            } else {
                errors["capacity"] = "Số chỗ phải là số nguyên dương (để trống nếu không giới hạn)"
            }
        }
        var closes: CivilDate?
        if let text = input.closesOn.map(VietnameseText.trimmed), !text.isEmpty {
            if let date = CivilDate(parsing: text) { closes = date } else { errors["closesOn"] = CivilDate.problem(parsing: text, what: "Ngày đóng đăng ký") }
        }
        let channels = input.channels.filter(offeredChannels.contains)
        if !channels.isEmpty && !(input.askPhone && input.askBirthYear) {
            // Messages go to the phone; a child's consent needs a guardian, known only from the year of birth.
            errors["channels"] = "Để xin đồng ý nhận tin, trang phải hỏi số điện thoại và năm sinh (người dưới 16 tuổi cần cha, mẹ hoặc người giám hộ đồng ý)"
        }
        let role = VietnameseText.clean(input.role ?? "")
        if input.kind == .volunteer && role.isEmpty { errors["role"] = "Ghi việc tình nguyện viên sẽ làm (ví dụ: hướng dẫn đọc sách)" }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        let title = VietnameseText.clean(input.title ?? "")
        let purpose = VietnameseText.clean(input.purpose ?? "")
        var form = SignUpForm(
            code: try newCode(db), kind: input.kind,
            activityId: input.kind == .club ? nil : input.targetId, clubId: input.kind == .club ? input.targetId : nil,
            unitId: target.unitId, title: title.isEmpty ? target.title : title,
            askBirthYear: input.askBirthYear, askVillage: input.askVillage, askPhone: input.askPhone,
            channels: channels.map(\.rawValue).joined(separator: ","), purpose: purpose.isEmpty ? target.purpose : purpose,
            role: input.kind == .volunteer ? role : nil, capacity: places, closesOn: closes, closedAt: nil, createdAt: now, createdBy: principal.login)
        try form.insert(db)
        try Audit.record(db, by: principal, .create, entity: "signUpForm", id: form.id, after: form, at: now)
        return form
    }

    package static func close(_ db: Database, id: Int64, by principal: Principal, now: Date = Date()) throws {
        var form = try get(db, id: id, for: principal)
        try principal.require(principal.canWrite(unitId: form.unitId))
        guard form.closedAt == nil else { return }
        let before = form
        form.closedAt = now
        try form.update(db)
        try Audit.record(db, by: principal, .update, entity: "signUpForm", id: id, before: before, after: form, at: now)
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> SignUpForm {
        guard let form = try SignUpForm.fetchOne(db, key: id) else { throw DomainError.notFound("trang đăng ký", english: "Sign-up page") }
        guard principal.canRead(unitId: form.unitId) else { throw DomainError.outsideScope }
        return form
    }

    /// The page a public code opens (no account): nil when unknown.
    package static func byCode(_ db: Database, code: String) throws -> SignUpForm? {
        guard code.utf8.count <= 16 else { return nil }
        return try SignUpForm.filter(Column("code") == code.lowercased()).fetchOne(db)
    }

    /// A page with how many it holds in each state, for the organisers' list.
    package struct ListItem: Sendable {
        package let form: SignUpForm
        package let unit: String
        package let counts: [SignUpStatus: Int]
        package func count(_ status: SignUpStatus) -> Int { counts[status] ?? 0 }
    }

    /// The pages the principal may read, newest first.
    package static func list(_ db: Database, for principal: Principal) throws -> [ListItem] {
        let forms = try SignUpForm.order(Column("id").desc).fetchAll(db).filter { principal.canRead(unitId: $0.unitId) }
        var counts: [Int64: [SignUpStatus: Int]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT formId, status, count(*) FROM signUp GROUP BY formId, status") {
            if let status = SignUpStatus(rawValue: row[1]) { counts[row[0], default: [:]][status] = row[2] }
        }
        let units = try UnitStore.names(db, ids: Array(Set(forms.map(\.unitId))))
        return forms.map { ListItem(form: $0, unit: units[$0.unitId] ?? "", counts: counts[$0.id!] ?? [:]) }
    }

    /// The pages open for one activity or club (shown on its page).
    package static func forms(_ db: Database, activityId: Int64? = nil, clubId: Int64? = nil) throws -> [SignUpForm] {
        if let activityId { return try SignUpForm.filter(Column("activityId") == activityId).order(Column("id")).fetchAll(db) }
        if let clubId { return try SignUpForm.filter(Column("clubId") == clubId).order(Column("id")).fetchAll(db) }
        return []
    }

    /// The residents whose sign-up for an activity (to take part, or as a volunteer) was approved: the list the
    /// organiser ticks at the door.
    package static func approvedPeople(_ db: Database, activityId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT DISTINCT s.personId FROM signUp s JOIN signUpForm f ON f.id = s.formId
            WHERE f.activityId = ? AND s.status = 'approved' AND s.personId IS NOT NULL ORDER BY s.personId
            """, arguments: [activityId])
    }

    /// Eight letters and digits without look-alikes (no 0/o, 1/l/i), so a code copied from a poster is typed right.
    static let codeAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func newCode(_ db: Database) throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let code = String((0..<8).map { _ in codeAlphabet.randomElement(using: &generator)! })
            if try SignUpForm.filter(Column("code") == code).fetchCount(db) == 0 { return code }
        }
    }
}

extension SignUpForms {
    /// When and where, as the public page and the poster say it.
    package struct Occasion: Sendable { package let when: String; package let place: String }

    package static func occasion(_ db: Database, _ form: SignUpForm) throws -> Occasion {
        if let clubId = form.clubId, let club = try Club.fetchOne(db, key: clubId) {
            return Occasion(when: club.schedule ?? "", place: try UnitStore.name(db, id: club.unitId))
        }
        guard let activityId = form.activityId else { return Occasion(when: "", place: "") }
        let activity = try CampaignStore.activity(db, id: activityId)
        let time = activity.startTime
        let place = try activity.place ?? UnitStore.name(db, id: activity.unitId)
        return Occasion(when: [time, activity.startDate?.display ?? ""].filter { !$0.isEmpty }.joined(separator: ", "), place: place)
    }

    /// Places taken (waiting and approved) against the capacity: true when a new sign-up would wait.
    package static func isFull(_ db: Database, _ form: SignUpForm) throws -> Bool {
        guard let capacity = form.capacity else { return false }
        return try SignUpEntry.filter(Column("formId") == form.id! && ["pending", "approved"].contains(Column("status"))).fetchCount(db) >= capacity
    }

    /// Approved people whose confirmation has not left yet.
    package static func unconfirmed(_ db: Database, formId: Int64) throws -> Int {
        try SignUpEntry.filter(Column("formId") == formId && Column("status") == "approved" && Column("confirmedAt") == nil).fetchCount(db)
    }

    /// Open calls for volunteers of a unit (a volunteer's own page offers them).
    package static func openVolunteerCalls(_ db: Database, unitId: Int64, today: CivilDate) throws -> [SignUpForm] {
        try SignUpForm.filter(Column("kind") == SignUpKind.volunteer.rawValue && Column("unitId") == unitId && Column("closedAt") == nil)
            .order(Column("id").desc).fetchAll(db).filter { $0.isOpen(on: today) }
    }
}
