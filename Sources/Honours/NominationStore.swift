import Foundation
import GRDB
import Store
import Vietnamese

/// Nominations (đề nghị khen thưởng) and their path: a unit proposes (draft, submitted), the emulation council
/// reviews them at a meeting (votes), the commune approves or rejects with a reason. Illegal steps are refused, and
/// a person under discipline or investigation cannot be approved.
package enum NominationStore {
    package struct Input: Sendable, Codable {
        package var year: Int?
        package var recipientKind: String
        package var recipientId: Int64?
        package var achievement: String
        package var formKey: String
        /// Regular (year-end) when not given.
        package var commendationType: String?
        package var proposingUnitId: Int64?
        package init(year: Int?, recipientKind: String, recipientId: Int64?, achievement: String, formKey: String,
                    commendationType: String? = CommendationType.regular.rawValue, proposingUnitId: Int64?) {
            self.year = year; self.recipientKind = recipientKind; self.recipientId = recipientId; self.achievement = achievement
            self.formKey = formKey; self.commendationType = commendationType; self.proposingUnitId = proposingUnitId
        }
    }

    package struct Item: Sendable {
        package let nomination: Nomination
        package let recipient: String
        /// The village or unit the recipient belongs to (shown on the honour roll).
        package let place: String
        package let formName: String
        package let proposingUnit: String
        package let decisionNumber: String?
    }

    /// Name, place and the unit whose accounts may act on the recipient.
    package struct Recipient: Sendable { package let name: String; package let place: String; package let scopeUnitId: Int64?; package let gender: Gender? }

    package static func recipient(_ db: Database, kind: RecipientKind, id: Int64) throws -> Recipient? {
        func unitName(_ id: Int64?) throws -> String { try id.flatMap { try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [$0]) } ?? "" }
        switch kind {
        case .individual:
            guard let person = try Person.fetchOne(db, key: id) else { return nil }
            return Recipient(name: person.fullName, place: try unitName(person.villageId), scopeUnitId: person.villageId, gender: person.gender)
        case .household:
            guard let household = try Household.fetchOne(db, key: id) else { return nil }
            return Recipient(name: household.name, place: try unitName(household.villageId), scopeUnitId: household.villageId, gender: nil)
        case .clan:
            guard let clan = try Clan.fetchOne(db, key: id) else { return nil }
            return Recipient(name: clan.name, place: try unitName(clan.villageId), scopeUnitId: clan.villageId, gender: nil)
        case .club:
            guard let row = try Row.fetchOne(db, sql: "SELECT name, unitId FROM club WHERE id = ?", arguments: [id]) else { return nil }
            return Recipient(name: row[0], place: try unitName(row[1]), scopeUnitId: row[1], gender: nil)
        case .unit:
            guard let unit = try OrgUnit.fetchOne(db, key: id) else { return nil }
            return Recipient(name: unit.name, place: try unitName(unit.parentId), scopeUnitId: id, gender: nil)
        }
    }

    static func recipientId(_ nomination: Nomination) -> Int64 {
        switch nomination.recipientKind {
        case .individual: return nomination.personId!
        case .household: return nomination.householdId!
        case .clan: return nomination.clanId!
        case .club: return nomination.clubId!
        case .unit: return nomination.unitId!
        }
    }

    package struct Filter: Sendable {
        package var year: Int?
        package var status: NominationStatus?
        package var formKey: String?
        package var decisionId: Int64?
        package var personId: Int64?
        package init(year: Int? = nil, status: NominationStatus? = nil, formKey: String? = nil, decisionId: Int64? = nil, personId: Int64? = nil) {
            self.year = year; self.status = status; self.formKey = formKey; self.decisionId = decisionId; self.personId = personId
        }
    }

    /// Nominations the principal may read (editors: those their units proposed or whose recipient is theirs).
    package static func list(_ db: Database, _ filter: Filter = Filter(), forms: HonourForms, for principal: Principal) throws -> [Item] {
        var request = Nomination.all()
        if let year = filter.year { request = request.filter(Column("year") == year) }
        if let status = filter.status { request = request.filter(Column("status") == status.rawValue) }
        if let formKey = filter.formKey { request = request.filter(Column("formKey") == formKey) }
        if let decisionId = filter.decisionId { request = request.filter(Column("decisionId") == decisionId) }
        if let personId = filter.personId { request = request.filter(Column("personId") == personId) }
        return try request.order(Column("year").desc, Column("id")).fetchAll(db).compactMap { nomination in
            let item = try item(db, nomination, forms: forms)
            return canRead(principal, nomination, recipientUnit: item.1) ? item.0 : nil
        }
    }

    static func canRead(_ principal: Principal, _ nomination: Nomination, recipientUnit: Int64?) -> Bool {
        principal.canRead(unitId: nomination.proposingUnitId) || principal.canRead(unitId: recipientUnit)
    }

    static func item(_ db: Database, _ nomination: Nomination, forms: HonourForms) throws -> (Item, Int64?) {
        let recipient = try recipient(db, kind: nomination.recipientKind, id: recipientId(nomination))
        let decision = try nomination.decisionId.flatMap { try String.fetchOne(db, sql: "SELECT number FROM decision WHERE id = ?", arguments: [$0]) }
        return (Item(nomination: nomination, recipient: recipient?.name ?? "", place: recipient?.place ?? "",
                     formName: forms.form(nomination.formKey)?.name ?? nomination.formKey,
                     proposingUnit: try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [nomination.proposingUnitId]) ?? "",
                     decisionNumber: decision), recipient?.scopeUnitId)
    }

    package static func get(_ db: Database, id: Int64, forms: HonourForms, for principal: Principal) throws -> Item {
        guard let nomination = try Nomination.fetchOne(db, key: id) else { throw DomainError.notFound("đề nghị khen thưởng", english: "Nomination") }
        let (item, unit) = try item(db, nomination, forms: forms)
        guard canRead(principal, nomination, recipientUnit: unit) else { throw DomainError.outsideScope }
        return item
    }

    static func check(_ db: Database, _ input: Input, forms: HonourForms) throws -> (RecipientKind, HonourForm, CommendationType, Int) {
        var errors: [String: String] = [:]
        let kind = RecipientKind(rawValue: input.recipientKind)
        if kind == nil { errors["recipientKind"] = "Chọn loại người được khen" }
        let form = forms.form(input.formKey)
        if form == nil { errors["formKey"] = "Chọn hình thức khen thưởng" }
        if let kind, let form, !form.recipients.contains(kind) {
            errors["formKey"] = "\(form.name) không dành cho \(kind.label.lowercased())"
        }
        let type = CommendationType(rawValue: input.commendationType ?? CommendationType.regular.rawValue)
        if type == nil { errors["commendationType"] = "Chọn loại khen thưởng" }
        let year = input.year ?? 0
        if !(2000...2100).contains(year) { errors["year"] = "Năm từ 2000 đến 2100" }
        if VietnameseText.clean(input.achievement).count < 10 { errors["achievement"] = "Ghi thành tích (ít nhất một câu)" }
        if let problem = TextRules.problem(in: input.achievement) { errors["achievement"] = problem }
        if input.proposingUnitId == nil { errors["proposingUnitId"] = "Chọn đơn vị đề nghị" }
        if let kind {
            if let id = input.recipientId {
                if try recipient(db, kind: kind, id: id) == nil { errors["recipientId"] = "Không tìm thấy người (tập thể) được khen" }
            } else {
                errors["recipientId"] = "Chọn người (tập thể) được khen"
            }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return (kind!, form!, type!, year)
    }

    package static func create(_ db: Database, _ input: Input, forms: HonourForms, by principal: Principal, now: Date = Date()) throws -> Nomination {
        let (kind, form, type, year) = try check(db, input, forms: forms)
        try principal.require(principal.canWrite(unitId: input.proposingUnitId))
        // A resident or a household the account may not see cannot be proposed: the nomination page would show
        // their name and village. Collectives (clubs, units, clans) are public names and may come from anywhere.
        if kind == .individual || kind == .household, let id = input.recipientId,
           let recipient = try recipient(db, kind: kind, id: id), !principal.canRead(unitId: recipient.scopeUnitId) {
            throw DomainError.outsideScope
        }
        var nomination = Nomination(
            id: nil, year: year, recipientKind: kind, personId: kind == .individual ? input.recipientId : nil,
            householdId: kind == .household ? input.recipientId : nil, clanId: kind == .clan ? input.recipientId : nil,
            clubId: kind == .club ? input.recipientId : nil, unitId: kind == .unit ? input.recipientId : nil,
            achievement: VietnameseText.clean(input.achievement), formKey: form.key, commendationType: type, proposingUnitId: input.proposingUnitId!,
            status: .draft, meetingId: nil, votesFor: nil, votesAgainst: nil, rejectReason: nil, award: 0, decisionId: nil,
            createdBy: principal.login, createdAt: now, updatedAt: now)
        try nomination.insert(db)
        try Audit.record(db, by: principal, .create, entity: "nomination", id: nomination.id, after: nomination, at: now)
        return nomination
    }

    static func transitionError(_ from: NominationStatus, _ to: NominationStatus) -> DomainError {
        DomainError(.conflict, "Không thể chuyển đề nghị từ \"\(from.label)\" sang \"\(to.label)\".",
                    english: "A nomination cannot go from \(from.rawValue) to \(to.rawValue).")
    }

    /// The proposing unit sends its draft to the commune.
    package static func submit(_ db: Database, id: Int64, by principal: Principal, now: Date = Date()) throws {
        guard var nomination = try Nomination.fetchOne(db, key: id) else { throw DomainError.notFound("đề nghị khen thưởng", english: "Nomination") }
        try principal.require(principal.canWrite(unitId: nomination.proposingUnitId))
        guard nomination.status == .draft else { throw transitionError(nomination.status, .submitted) }
        let before = nomination
        nomination.status = .submitted
        nomination.updatedAt = now
        try nomination.update(db)
        try Audit.record(db, by: principal, .update, entity: "nomination", id: id, before: before, after: nomination, at: now)
    }

    /// The council's meeting: date, minutes reference, members present.
    package static func recordMeeting(_ db: Database, date: String, minutesRef: String, members: Int, notes: String?, by principal: Principal,
                                     now: Date = Date()) throws -> CouncilMeeting {
        try principal.require(principal.canWriteCommuneWide)
        var errors: [String: String] = [:]
        let day = CivilDate(parsing: date)
        if day == nil { errors["date"] = "Ngày họp dạng dd/MM/yyyy" }
        if VietnameseText.clean(minutesRef).isEmpty { errors["minutesRef"] = "Ghi số biên bản họp" }
        if members <= 0 || members > 100 { errors["members"] = "Số thành viên dự họp từ 1 đến 100" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var meeting = CouncilMeeting(id: nil, date: day!, minutesRef: VietnameseText.clean(minutesRef), members: members,
                                     notes: VietnameseText.cleanOrNil(notes), createdAt: now)
        try meeting.insert(db)
        try Audit.record(db, by: principal, .create, entity: "councilMeeting", id: meeting.id, after: meeting, at: now)
        return meeting
    }

    package static func meetings(_ db: Database) throws -> [CouncilMeeting] {
        try CouncilMeeting.order(Column("date").desc).fetchAll(db)
    }

    /// The council's votes on a submitted nomination.
    package static func review(_ db: Database, id: Int64, meetingId: Int64, votesFor: Int, votesAgainst: Int, by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard var nomination = try Nomination.fetchOne(db, key: id) else { throw DomainError.notFound("đề nghị khen thưởng", english: "Nomination") }
        guard nomination.status == .submitted else { throw transitionError(nomination.status, .reviewed) }
        guard let meeting = try CouncilMeeting.fetchOne(db, key: meetingId) else { throw DomainError.invalid(["meetingId": "Chọn cuộc họp hội đồng"]) }
        guard votesFor >= 0, votesAgainst >= 0, votesFor + votesAgainst <= meeting.members else {
            throw DomainError.invalid(["votes": "Số phiếu (đồng ý + không đồng ý) không vượt số thành viên dự họp (\(meeting.members))"])
        }
        let before = nomination
        nomination.status = .reviewed
        nomination.meetingId = meetingId
        nomination.votesFor = votesFor
        nomination.votesAgainst = votesAgainst
        nomination.updatedAt = now
        try nomination.update(db)
        try Audit.record(db, by: principal, .update, entity: "nomination", id: id, before: before, after: nomination, at: now)
    }

    /// Approves (with the form's cash award in force) or rejects with a reason, after the council's review.
    package static func decide(_ db: Database, id: Int64, approve: Bool, reason: String? = nil, forms: HonourForms, by principal: Principal,
                              today: CivilDate = .today(), now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard var nomination = try Nomination.fetchOne(db, key: id) else { throw DomainError.notFound("đề nghị khen thưởng", english: "Nomination") }
        guard nomination.status == .reviewed else { throw transitionError(nomination.status, approve ? .approved : .rejected) }
        let before = nomination
        if approve {
            if let personId = nomination.personId, let flag = try Discipline.activeFlag(db, personId: personId, on: today) {
                throw DomainError(.conflict, "Không thể duyệt: người này đang \(flag.kind == "discipline" ? "bị kỷ luật" : "bị điều tra, xem xét") (từ \(flag.since.display)).",
                                  english: "Cannot approve: this person is under \(flag.kind) since \(flag.since.display).")
            }
            nomination.status = .approved
            nomination.award = try forms.form(nomination.formKey).map { try forms.award(db, for: $0) } ?? 0
        } else {
            guard let reason = VietnameseText.cleanOrNil(reason) else { throw DomainError.invalid(["reason": "Ghi lý do không duyệt"]) }
            nomination.status = .rejected
            nomination.rejectReason = reason
        }
        nomination.updatedAt = now
        try nomination.update(db)
        try Audit.record(db, by: principal, .update, entity: "nomination", id: id, before: before, after: nomination, at: now)
    }

    package static func evidence(_ db: Database, nominationId: Int64) throws -> [NominationEvidence] {
        try NominationEvidence.filter(Column("nominationId") == nominationId).order(Column("id")).fetchAll(db)
    }

    /// A link to what shows the achievement: a campaign, a donation, a club, a volunteer, an assessment, or an address.
    package static func addEvidence(_ db: Database, nominationId: Int64, kind: String, refId: Int64?, link: String?, note: String?,
                                   by principal: Principal) throws {
        guard let nomination = try Nomination.fetchOne(db, key: nominationId) else { throw DomainError.notFound("đề nghị khen thưởng", english: "Nomination") }
        try principal.require(principal.canWrite(unitId: nomination.proposingUnitId) || principal.canWriteCommuneWide)
        let tables = ["campaign": "campaign", "donation": "donation", "club": "club", "volunteer": "volunteer"]
        guard tables[kind] != nil || kind == "assessment" || kind == "link" else { throw DomainError.invalid(["kind": "Chọn loại minh chứng"]) }
        if let table = tables[kind] {
            guard let refId, try Row.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [refId]) != nil else {
                throw DomainError.invalid(["refId": "Không có bản ghi số \(refId.map(String.init) ?? "") để làm minh chứng"])
            }
        }
        if kind == "link" && VietnameseText.cleanOrNil(link) == nil { throw DomainError.invalid(["link": "Ghi địa chỉ minh chứng"]) }
        if let link = VietnameseText.cleanOrNil(link), !SafeLink.isWebAddress(link) {
            throw DomainError.invalid(["link": "Địa chỉ minh chứng phải bắt đầu bằng http:// hoặc https://"])
        }
        var evidence = NominationEvidence(id: nil, nominationId: nominationId, kind: kind, refId: refId, link: VietnameseText.cleanOrNil(link),
                                          note: VietnameseText.cleanOrNil(note))
        try evidence.insert(db)
        try Audit.record(db, by: principal, .create, entity: "nominationEvidence", id: evidence.id, after: evidence)
    }
}

/// Discipline and investigation flags on people.
package enum Discipline {
    package static func activeFlag(_ db: Database, personId: Int64, on date: CivilDate) throws -> DisciplineFlag? {
        try DisciplineFlag.filter(Column("personId") == personId).fetchAll(db).first { $0.isActive(on: date) }
    }

    package static func flags(_ db: Database, personId: Int64) throws -> [DisciplineFlag] {
        try DisciplineFlag.filter(Column("personId") == personId).order(Column("since").desc).fetchAll(db)
    }

    /// Commune roles only: this is sensitive personal data.
    package static func flag(_ db: Database, personId: Int64, kind: String, since: String, until: String?, note: String?, by principal: Principal) throws -> DisciplineFlag {
        try principal.require(principal.canWriteCommuneWide)
        var errors: [String: String] = [:]
        if !["discipline", "investigation"].contains(kind) { errors["kind"] = "Chọn kỷ luật hoặc đang điều tra, xem xét" }
        let from = CivilDate(parsing: since)
        if from == nil { errors["since"] = "Từ ngày dạng dd/MM/yyyy" }
        let to = until.flatMap { VietnameseText.cleanOrNil($0) }.map { CivilDate(parsing: $0) }
        if to == .some(nil) { errors["until"] = "Đến ngày dạng dd/MM/yyyy" }
        if let from, let to = to ?? nil, to < from { errors["until"] = "Đến ngày không được trước từ ngày" }
        if try Person.fetchOne(db, key: personId) == nil { errors["personId"] = "Không có người này" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var flag = DisciplineFlag(id: nil, personId: personId, kind: kind, since: from!, until: to ?? nil, note: VietnameseText.cleanOrNil(note),
                                  createdBy: principal.login)
        try flag.insert(db)
        try Audit.record(db, by: principal, .create, entity: "disciplineFlag", id: flag.id, after: flag)
        return flag
    }
}

extension NominationStore {
    /// A title recognised by assessment (Recognition) becomes an approved nomination, ready for the year's decision;
    /// the assessment is its evidence. The council's review happened on the assessment, so it starts approved.
    package static func createRecognised(_ db: Database, year: Int, kind: RecipientKind, recipientId: Int64, formKey: String, achievement: String,
                                        proposingUnitId: Int64, assessmentId: Int64, forms: HonourForms, by principal: Principal, now: Date = Date()) throws -> Nomination {
        try principal.require(principal.canWriteCommuneWide)
        let input = Input(year: year, recipientKind: kind.rawValue, recipientId: recipientId, achievement: achievement, formKey: formKey,
                          commendationType: CommendationType.movement.rawValue, proposingUnitId: proposingUnitId)
        var nomination = try create(db, input, forms: forms, by: principal, now: now)
        nomination.status = .approved
        nomination.award = try forms.form(formKey).map { try forms.award(db, for: $0) } ?? 0
        try nomination.update(db)
        var evidence = NominationEvidence(id: nil, nominationId: nomination.id!, kind: "assessment", refId: assessmentId, link: nil, note: achievement)
        try evidence.insert(db)
        return nomination
    }
}
