import Foundation
import GRDB
import Store
import Vietnamese

/// Campaign plans: the campaign, its status history, coordinating units, budget lines, activities with outcomes and
/// assignments. Plans are public inside the commune (every account reads them); writing needs rights on the lead
/// unit; approving needs a commune-wide role; a unit's editor records the outcomes of its own activities and the
/// status of its own tasks.
package enum CampaignStore {
    package struct Filter: Sendable {
        package var year: Int?
        package var status: CampaignStatus?
        package var unitId: Int64?
        package var observanceKey: String?
        package init(year: Int? = nil, status: CampaignStatus? = nil, unitId: Int64? = nil, observanceKey: String? = nil) {
            self.year = year; self.status = status; self.unitId = unitId; self.observanceKey = observanceKey
        }
    }

    package struct ListItem: Sendable { package let campaign: Campaign; package let leadUnit: String; package let activities: Int }

    package static func list(_ db: Database, _ filter: Filter = Filter()) throws -> [ListItem] {
        var conditions: [String] = [], arguments: StatementArguments = []
        if let year = filter.year { conditions.append("c.year = ?"); arguments += [year] }
        if let status = filter.status { conditions.append("c.status = ?"); arguments += [status.rawValue] }
        if let key = filter.observanceKey { conditions.append("c.observanceKey = ?"); arguments += [key] }
        if let unit = filter.unitId {
            conditions.append("(c.leadUnitId = ? OR EXISTS (SELECT 1 FROM campaignUnit cu WHERE cu.campaignId = c.id AND cu.unitId = ?))")
            arguments += [unit, unit]
        }
        return try Row.fetchAll(db, sql: """
            SELECT c.*, u.name AS leadUnit, (SELECT count(*) FROM activity a WHERE a.campaignId = c.id) AS activities
            FROM campaign c JOIN unit u ON u.id = c.leadUnitId
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY c.startDate DESC, c.id DESC
            """, arguments: arguments).map { ListItem(campaign: try Campaign(row: $0), leadUnit: $0["leadUnit"], activities: $0["activities"]) }
    }

    package static func get(_ db: Database, id: Int64) throws -> Campaign {
        guard let campaign = try Campaign.fetchOne(db, key: id) else { throw DomainError.notFound("chiến dịch", english: "Campaign") }
        return campaign
    }

    package static func canEdit(_ campaign: Campaign, _ principal: Principal) -> Bool {
        principal.canWrite(unitId: campaign.leadUnitId) && campaign.status != .archived
    }

    package static func editable(_ db: Database, id: Int64, by principal: Principal) throws -> Campaign {
        let campaign = try get(db, id: id)
        try principal.require(canEdit(campaign, principal))
        return campaign
    }

    static func validate(_ db: Database, _ input: CampaignInput, catalogue: ObservanceCatalogue?) throws -> (CivilDate, CivilDate, Int) {
        var errors: [String: String] = [:]
        if VietnameseText.clean(input.title).isEmpty { errors["title"] = "Nhập tên chiến dịch" }
        if let problem = TextRules.problem(in: input.title, limit: TextRules.lineLimit) { errors["title"] = problem }
        if let problem = input.theme.flatMap({ TextRules.problem(in: $0, limit: TextRules.lineLimit) }) { errors["theme"] = problem }
        if let problem = input.goals.flatMap({ TextRules.problem(in: $0) }) { errors["goals"] = problem }
        let start = CivilDate(parsing: input.startDate), end = CivilDate(parsing: input.endDate)
        if start == nil { errors["startDate"] = CivilDate.problem(parsing: input.startDate, what: "Ngày bắt đầu") }
        if end == nil { errors["endDate"] = CivilDate.problem(parsing: input.endDate, what: "Ngày kết thúc") }
        if let start, let end, end < start { errors["endDate"] = "Ngày kết thúc trước ngày bắt đầu" }
        if let key = input.observanceKey, !key.isEmpty, let catalogue, catalogue.observance(key) == nil {
            errors["observanceKey"] = "Không có ngày lễ \"\(key)\" trong campaigns/observances.yaml"
        }
        if let lead = input.leadUnitId {
            if try OrgUnit.fetchOne(db, key: lead) == nil { errors["leadUnitId"] = "Đơn vị chủ trì không tồn tại" }
        } else {
            errors["leadUnitId"] = "Chọn đơn vị chủ trì"
        }
        for unit in input.coordinatingUnitIds where try OrgUnit.fetchOne(db, key: unit) == nil { errors["coordinatingUnitIds"] = "Đơn vị phối hợp không tồn tại" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let year = input.year ?? start!.year
        if !(1900...2100).contains(year) { throw DomainError.invalid(["year": "Năm từ 1900 đến 2100"]) }
        return (start!, end!, year)
    }

    package static func create(_ db: Database, _ input: CampaignInput, catalogue: ObservanceCatalogue?, by principal: Principal,
                              now: Date = Date()) throws -> Campaign {
        let (start, end, year) = try validate(db, input, catalogue: catalogue)
        try principal.require(principal.canWrite(unitId: input.leadUnitId))
        var campaign = Campaign(title: VietnameseText.clean(input.title), theme: VietnameseText.cleanOrNil(input.theme),
                                observanceKey: VietnameseText.cleanOrNil(input.observanceKey),
                                year: year, startDate: start, endDate: end, goals: VietnameseText.cleanOrNil(input.goals), leadUnitId: input.leadUnitId!,
                                status: .draft, createdAt: now, updatedAt: now)
        try campaign.insert(db)
        try setCoordinating(db, campaignId: campaign.id!, units: input.coordinatingUnitIds)
        var change = CampaignStatusChange(campaignId: campaign.id!, status: .draft, at: now, actor: principal.login, note: "Tạo mới")
        try change.insert(db)
        try Audit.record(db, by: principal, .create, entity: "campaign", id: campaign.id, after: campaign, at: now)
        return campaign
    }

    package static func update(_ db: Database, id: Int64, _ input: CampaignInput, catalogue: ObservanceCatalogue?, version: String? = nil,
                              by principal: Principal, now: Date = Date()) throws -> Campaign {
        let before = try editable(db, id: id, by: principal)
        try RecordVersion.check(before, expected: version)
        let (start, end, year) = try validate(db, input, catalogue: catalogue)
        try principal.require(principal.canWrite(unitId: input.leadUnitId))
        var campaign = before
        campaign.title = VietnameseText.clean(input.title); campaign.theme = VietnameseText.cleanOrNil(input.theme)
        campaign.observanceKey = VietnameseText.cleanOrNil(input.observanceKey); campaign.year = year; campaign.startDate = start; campaign.endDate = end
        campaign.goals = VietnameseText.cleanOrNil(input.goals); campaign.leadUnitId = input.leadUnitId!; campaign.updatedAt = now
        try campaign.update(db)
        try setCoordinating(db, campaignId: id, units: input.coordinatingUnitIds)
        try Audit.record(db, by: principal, .update, entity: "campaign", id: id, before: before, after: campaign, at: now)
        return campaign
    }

    static func setCoordinating(_ db: Database, campaignId: Int64, units: [Int64]) throws {
        try db.execute(sql: "DELETE FROM campaignUnit WHERE campaignId = ?", arguments: [campaignId])
        for unit in Set(units) { try db.execute(sql: "INSERT INTO campaignUnit(campaignId, unitId) VALUES (?, ?)", arguments: [campaignId, unit]) }
    }

    package static func coordinatingUnits(_ db: Database, campaignId: Int64) throws -> [OrgUnit] {
        try OrgUnit.fetchAll(db, sql: "SELECT u.* FROM unit u JOIN campaignUnit cu ON cu.unitId = u.id WHERE cu.campaignId = ? ORDER BY u.sortKey",
                             arguments: [campaignId])
    }

    /// Moves a campaign along draft → approved → running → done → archived; anything else is refused. Approving (and
    /// sending an approved plan back to draft) is for the commune (officer, admin).
    package static func setStatus(_ db: Database, id: Int64, to status: CampaignStatus, note: String?, by principal: Principal,
                                 now: Date = Date()) throws {
        var campaign = try get(db, id: id)
        guard campaign.status.allowedNext.contains(status) else {
            throw DomainError(.conflict, "Không chuyển được từ \"\(campaign.status.label)\" sang \"\(status.label)\".",
                              english: "Cannot move from \(campaign.status.rawValue) to \(status.rawValue).")
        }
        let communeDecision = status == .approved || (campaign.status == .approved && status == .draft)
        try principal.require(communeDecision ? principal.canWriteCommuneWide : principal.canWrite(unitId: campaign.leadUnitId))
        let before = campaign
        campaign.status = status
        campaign.updatedAt = now
        try campaign.update(db)
        var change = CampaignStatusChange(campaignId: id, status: status, at: now, actor: principal.login, note: VietnameseText.cleanOrNil(note))
        try change.insert(db)
        try Audit.record(db, by: principal, .update, entity: "campaign", id: id, before: ["status": before.status.rawValue],
                         after: ["status": status.rawValue], at: now)
    }

    package static func statusHistory(_ db: Database, campaignId: Int64) throws -> [CampaignStatusChange] {
        try CampaignStatusChange.filter(Column("campaignId") == campaignId).order(Column("id")).fetchAll(db)
    }

    // MARK: Budget

    package static func budget(_ db: Database, campaignId: Int64) throws -> [BudgetLine] {
        try BudgetLine.filter(Column("campaignId") == campaignId).order(Column("id")).fetchAll(db)
    }

    /// Adds a line, or updates it when `lineId` is given. Lines are not deleted: a line no longer planned is set to 0.
    package static func saveBudgetLine(_ db: Database, campaignId: Int64, lineId: Int64? = nil, item: String, source: String,
                                      planned: String, spent: String, by principal: Principal) throws {
        _ = try editable(db, id: campaignId, by: principal)
        var errors: [String: String] = [:]
        if VietnameseText.clean(item).isEmpty { errors["item"] = "Nhập khoản chi" }
        guard let source = BudgetSource(rawValue: source) else { throw DomainError.invalid(["source": "Chọn nguồn kinh phí"]) }
        let plannedAmount = planned.trimmingCharacters(in: .whitespaces).isEmpty ? 0 : VND.parse(planned)
        let spentAmount = spent.trimmingCharacters(in: .whitespaces).isEmpty ? 0 : VND.parse(spent)
        if plannedAmount == nil || plannedAmount! < 0 { errors["planned"] = "Số tiền là số đồng nguyên, ví dụ 1.500.000" }
        if spentAmount == nil || spentAmount! < 0 { errors["spent"] = "Số tiền là số đồng nguyên, ví dụ 1.500.000" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        if let lineId {
            guard var line = try BudgetLine.fetchOne(db, key: lineId), line.campaignId == campaignId else { throw DomainError.notFound("khoản chi", english: "Budget line") }
            let before = line
            line.item = VietnameseText.clean(item); line.source = source; line.planned = plannedAmount!; line.spent = spentAmount!
            try line.update(db)
            try Audit.record(db, by: principal, .update, entity: "budgetLine", id: lineId, before: before, after: line)
        } else {
            var line = BudgetLine(campaignId: campaignId, item: VietnameseText.clean(item), source: source, planned: plannedAmount!, spent: spentAmount!)
            try line.insert(db)
            try Audit.record(db, by: principal, .create, entity: "budgetLine", id: line.id, after: line)
        }
    }

    // MARK: Activities

    package static func activities(_ db: Database, campaignId: Int64) throws -> [Activity] {
        try Activity.filter(Column("campaignId") == campaignId).order(Column("startsAt"), Column("id")).fetchAll(db)
    }

    /// Every activity, by start (the calendar feed).
    package static func allActivities(_ db: Database) throws -> [Activity] {
        try Activity.order(Column("startsAt"), Column("id")).fetchAll(db)
    }

    /// Activities overlapping a period, any campaign (the calendar).
    package static func activities(_ db: Database, from: CivilDate, to: CivilDate) throws -> [Activity] {
        try Activity.filter(Column("startsAt") <= to.iso + "T23:59" && Column("endsAt") >= from.iso).order(Column("startsAt")).fetchAll(db)
    }

    package static func activity(_ db: Database, id: Int64) throws -> Activity {
        guard let activity = try Activity.fetchOne(db, key: id) else { throw DomainError.notFound("hoạt động", english: "Activity") }
        return activity
    }

    /// Creates an activity, or updates one when `activityId` is given (refused with `.stale` when `version` is given
    /// and someone saved it since).
    package static func saveActivity(_ db: Database, campaignId: Int64, activityId: Int64? = nil, _ input: ActivityInput,
                                    version: String? = nil, by principal: Principal, now: Date = Date()) throws -> Activity {
        _ = try editable(db, id: campaignId, by: principal)
        var errors: [String: String] = [:]
        let kind = ActivityKind(rawValue: input.kind)
        if kind == nil { errors["kind"] = "Chọn loại hoạt động" }
        if VietnameseText.clean(input.title).isEmpty { errors["title"] = "Nhập tên hoạt động" }
        if let problem = TextRules.problem(in: input.title, limit: TextRules.lineLimit) { errors["title"] = problem }
        let starts = DateTimeText.parse(input.startsAt)
        // No end given: the afternoon's end, or the start itself for an evening activity.
        let ends = input.endsAt.trimmingCharacters(in: .whitespaces).isEmpty
            ? starts.map { max($0, String($0.prefix(11)) + "17:00") } : DateTimeText.parse(input.endsAt, defaultTime: "17:00")
        if starts == nil { errors["startsAt"] = "Bắt đầu dạng dd/MM/yyyy HH:mm" }
        if ends == nil { errors["endsAt"] = "Kết thúc dạng dd/MM/yyyy HH:mm" }
        if let starts, let ends, ends < starts { errors["endsAt"] = "Kết thúc trước khi bắt đầu" }
        if let unit = input.unitId {
            if try OrgUnit.fetchOne(db, key: unit) == nil { errors["unitId"] = "Đơn vị không tồn tại" }
        } else {
            errors["unitId"] = "Chọn đơn vị phụ trách"
        }
        if let bad = input.channels.first(where: { !ObservanceCatalogue.channels.contains($0) }) { errors["channels"] = "Kênh \"\(bad)\" không có" }
        for (field, value) in [("expectedParticipants", input.expectedParticipants), ("expectedBooksLent", input.expectedBooksLent),
                               ("expectedPosts", input.expectedPosts), ("expectedReach", input.expectedReach)] where (value ?? 0) < 0 {
            errors[field] = "Không được âm"
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var activity: Activity
        if let activityId {
            activity = try Self.activity(db, id: activityId)
            guard activity.campaignId == campaignId else { throw DomainError.notFound("hoạt động", english: "Activity") }
            try RecordVersion.check(activity, expected: version)
        } else {
            activity = Activity(campaignId: campaignId, kind: kind!, title: "", startsAt: starts!, endsAt: ends!, unitId: input.unitId!, channels: "", updatedAt: now)
        }
        let before = activity
        activity.kind = kind!; activity.title = VietnameseText.clean(input.title); activity.startsAt = starts!; activity.endsAt = ends!
        activity.place = VietnameseText.cleanOrNil(input.place); activity.unitId = input.unitId!; activity.channels = input.channels.joined(separator: ",")
        activity.expectedParticipants = input.expectedParticipants; activity.expectedBooksLent = input.expectedBooksLent
        activity.expectedPosts = input.expectedPosts; activity.expectedReach = input.expectedReach; activity.notes = VietnameseText.cleanOrNil(input.notes)
        activity.updatedAt = now
        if activityId == nil { try activity.insert(db) } else { try activity.update(db) }
        try Audit.record(db, by: principal, activityId == nil ? .create : .update, entity: "activity", id: activity.id,
                         before: activityId == nil ? nil : before, after: activity, at: now)
        return activity
    }

    /// Who may record what happened: the responsible unit's editor, or whoever may edit the campaign.
    package static func canRecordOutcomes(_ activity: Activity, campaign: Campaign, _ principal: Principal) -> Bool {
        campaign.status != .archived && (principal.canWrite(unitId: activity.unitId) || canEdit(campaign, principal))
    }

    package static func recordOutcomes(_ db: Database, activityId: Int64, _ outcomes: ActivityOutcomes, notes: String?, by principal: Principal,
                                      now: Date = Date()) throws {
        var activity = try Self.activity(db, id: activityId)
        let campaign = try get(db, id: activity.campaignId)
        try principal.require(canRecordOutcomes(activity, campaign: campaign, principal))
        let values = [outcomes.participantsMale, outcomes.participantsFemale, outcomes.participantsChildren, outcomes.participantsYouth,
                      outcomes.participantsAdults, outcomes.participantsElderly, outcomes.booksLent, outcomes.newLibraryCards,
                      outcomes.postsPublished, outcomes.reach]
        if values.contains(where: { ($0 ?? 0) < 0 }) { throw DomainError.invalid(["outcomes": "Các số liệu không được âm"]) }
        let before = activity
        activity.outcomes = outcomes
        if let notes { activity.notes = VietnameseText.cleanOrNil(notes) }
        activity.updatedAt = now
        try activity.update(db)
        try Audit.record(db, by: principal, .update, entity: "activity", id: activityId, before: before.outcomes, after: outcomes, at: now)
    }

    // MARK: Assignments

    package static func assignments(_ db: Database, campaignId: Int64) throws -> [Assignment] {
        try Assignment.filter(Column("campaignId") == campaignId).order(Column("dueDate"), Column("id")).fetchAll(db)
    }

    /// A task for a unit, or for one village's branch of an organisation (`branchId`, a village).
    package static func addAssignment(_ db: Database, campaignId: Int64, unitId: Int64?, task: String, dueDate: String?, branchId: Int64? = nil,
                                     by principal: Principal) throws {
        _ = try editable(db, id: campaignId, by: principal)
        var errors: [String: String] = [:]
        if VietnameseText.clean(task).isEmpty { errors["task"] = "Nhập nhiệm vụ" }
        if unitId == nil { errors["unitId"] = "Chọn đơn vị" } else if try OrgUnit.fetchOne(db, key: unitId!) == nil { errors["unitId"] = "Đơn vị không tồn tại" }
        if let branchId, try OrgUnit.fetchOne(db, key: branchId)?.kind != .village { errors["branchId"] = "Chi hội là một thôn trong xã" }
        let due = VietnameseText.cleanOrNil(dueDate).map { CivilDate(parsing: $0) }
        if let due, due == nil { errors["dueDate"] = "Hạn dạng dd/MM/yyyy" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var assignment = Assignment(campaignId: campaignId, unitId: unitId!, task: VietnameseText.clean(task), dueDate: due ?? nil, status: .todo,
                                    branchId: branchId)
        try assignment.insert(db)
        try Audit.record(db, by: principal, .create, entity: "assignment", id: assignment.id, after: assignment)
    }

    /// Corrects a task's unit, text or due date (who may edit the campaign).
    package static func updateAssignment(_ db: Database, id: Int64, unitId: Int64?, task: String, dueDate: String?, by principal: Principal) throws {
        guard var assignment = try Assignment.fetchOne(db, key: id) else { throw DomainError.notFound("nhiệm vụ", english: "Task") }
        _ = try editable(db, id: assignment.campaignId, by: principal)
        var errors: [String: String] = [:]
        if VietnameseText.clean(task).isEmpty { errors["task"] = "Nhập nhiệm vụ" }
        if unitId == nil { errors["unitId"] = "Chọn đơn vị" } else if try OrgUnit.fetchOne(db, key: unitId!) == nil { errors["unitId"] = "Đơn vị không tồn tại" }
        let due = VietnameseText.cleanOrNil(dueDate).map { CivilDate(parsing: $0) }
        if let due, due == nil { errors["dueDate"] = "Hạn dạng dd/MM/yyyy" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let before = assignment
        assignment.unitId = unitId!; assignment.task = VietnameseText.clean(task); assignment.dueDate = due ?? nil
        try assignment.update(db)
        try Audit.record(db, by: principal, .update, entity: "assignment", id: id, before: before, after: assignment)
    }

    package static func setAssignmentStatus(_ db: Database, id: Int64, _ status: AssignmentStatus, by principal: Principal) throws {
        guard var assignment = try Assignment.fetchOne(db, key: id) else { throw DomainError.notFound("nhiệm vụ", english: "Task") }
        let campaign = try get(db, id: assignment.campaignId)
        try principal.require(campaign.status != .archived && (principal.canWrite(unitId: assignment.unitId) || canEdit(campaign, principal)))
        let before = assignment
        assignment.status = status
        try assignment.update(db)
        try Audit.record(db, by: principal, .update, entity: "assignment", id: id, before: before, after: assignment)
    }

    /// A unit editor's own work: activities their units run and tasks given to them, in campaigns not archived.
    package static func tasks(_ db: Database, for principal: Principal) throws -> (activities: [Activity], assignments: [Assignment]) {
        let activities = try Activity.fetchAll(db, sql: """
            SELECT a.* FROM activity a JOIN campaign c ON c.id = a.campaignId WHERE c.status <> 'archived' ORDER BY a.startsAt
            """).filter { principal.role == .editor && principal.unitIds.contains($0.unitId) }
        let assignments = try Assignment.fetchAll(db, sql: """
            SELECT s.* FROM assignment s JOIN campaign c ON c.id = s.campaignId WHERE c.status <> 'archived' ORDER BY s.dueDate
            """).filter { principal.role == .editor && principal.unitIds.contains($0.unitId) }
        return (activities, assignments)
    }
}

