import Campaigns
import Composition
import DataFiles
import Foundation
import Hummingbird
import Organisations
import Store
import Vietnamese

/// What the pages of `CampaignsController` show: one view model each, its fields one a line.
extension CampaignsController {
    struct LabelledValue {
        let label: String
        let value: String
    }

    struct KindRow {
        let label: String
        let activities: Int
        let participants: String
        let booksLent: String
    }

    struct MoneyRow {
        let label: String
        let planned: String
        let spent: String
    }

    struct UnitRow {
        let unit: String
        let activities: String
        let tasks: String
    }

    struct ReportPage {
        let id: Int64
        let commune: String
        let title: String
        let period: String
        let paragraph: String
        let byKind: [KindRow]
        let people: [LabelledValue]
        let budget: [MoneyRow]
        let units: [UnitRow]
        let today: String
        /// Members of each organisation present by name at the campaign's activities.
        let members: [LabelledValue]
        let hasMembers: Bool
    }

    struct Row {
        let id: Int64
        let title: String
        let period: String
        let lead: String
        let status: String
        let activities: Int
        let observance: String
    }

    struct ListPage {
        let year: String
        let nextYear: String
        let templates: [Option]
        let statuses: [Option]
        let observances: [Option]
        let units: [Option]
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
        let hasTasks: Bool
        let csrf: String
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let title: String
        let theme: String
        let observances: [Option]
        let startDate: String
        let endDate: String
        let goals: String
        let leads: [Option]
        let coordinating: [Option]
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The record's version when the form was opened (a save over a newer one is refused).
        var version = ""
    }

    struct ActivityRow {
        let id: Int64
        let when: String
        let kind: String
        let title: String
        let place: String
        let unit: String
        let expected: String
        let participants: String
        let booksLent: String
        let reach: String
        let canRecord: Bool
        let canEdit: Bool
        /// How many were marked present by name ("" when no list was taken).
        let byName: String
    }

    struct AssignmentRow {
        let id: Int64
        let unit: String
        let task: String
        let due: String
        let status: String
        let statuses: [Option]
        let canUpdate: Bool
        let units: [Option]
    }

    struct BudgetRow {
        let action: String
        let item: String
        let source: String
        let planned: String
        let spent: String
        let sources: [Option]
        let plannedValue: Int64
        let spentValue: Int64
    }

    struct HistoryRow {
        let status: String
        let at: String
        let actor: String
        let note: String
    }

    struct NextStatus {
        let value: String
        let label: String
    }

    struct DetailPage {
        let id: Int64
        let title: String
        let theme: String
        let observance: String
        let period: String
        let goals: String
        let lead: String
        let coordinating: String
        let status: String
        let activities: [ActivityRow]
        let hasActivities: Bool
        let assignments: [AssignmentRow]
        let hasAssignments: Bool
        let budget: [BudgetRow]
        let hasBudget: Bool
        let plannedTotal: String
        let spentTotal: String
        let participants: String
        let booksLent: String
        let newCards: String
        let posts: String
        let reach: String
        let history: [HistoryRow]
        let next: [NextStatus]
        let hasNext: Bool
        let canEdit: Bool
        let canClone: Bool
        let cloneYear: Int
        let units: [Option]
        let sources: [Option]
        let csrf: String
    }
}

// MARK: Built from the store's values

extension CampaignsController.KindRow {
    /// A kind of activity in the report: how many were held, the people who came, the books lent.
    init(_ line: CampaignReport.KindLine, english: Bool) {
        label = line.kind.label(english: english)
        activities = line.activities
        participants = VND.grouped(Int64(line.participants))
        booksLent = VND.grouped(Int64(line.booksLent))
    }
}

extension CampaignsController.MoneyRow {
    /// A source of money in the report, planned and spent.
    init(_ line: CampaignReport.SourceLine, english: Bool) {
        label = line.source.label(english: english)
        planned = VND.format(line.planned)
        spent = VND.format(line.spent)
    }
}

extension CampaignsController.UnitRow {
    /// A unit's share of the work in the report: activities recorded and tasks done, each out of all.
    init(_ line: CampaignReport.UnitLine) {
        unit = line.unit
        activities = "\(line.activitiesRecorded)/\(line.activities)"
        tasks = "\(line.tasksDone)/\(line.tasks)"
    }
}

extension CampaignsController.ReportPage {
    /// The printable campaign report: figures by kind of activity, people reached, budget, units' work and
    /// members of each organisation present by name. `text` gives a label's words in the page's language.
    init(_ report: CampaignReport, commune: String, members: [(organisationId: Int64, organisation: String, members: Int)],
         today: CivilDate, english: Bool, text: (String) -> String) {
        let figures: [(key: String, value: Int)] = [
            ("outcome_participantsMale", report.male), ("outcome_participantsFemale", report.female),
            ("outcome_participantsChildren", report.children), ("outcome_participantsYouth", report.youth),
            ("outcome_participantsAdults", report.adults), ("outcome_participantsElderly", report.elderly),
            ("outcome_booksLent", report.booksLent), ("outcome_newLibraryCards", report.newLibraryCards),
            ("outcome_postsPublished", report.postsPublished), ("outcome_reach", report.reach),
        ]
        id = report.campaign.id!
        self.commune = commune
        title = report.campaign.title
        period = "\(report.campaign.startDate.display) – \(report.campaign.endDate.display)"
        paragraph = report.paragraph
        byKind = report.byKind.map { CampaignsController.KindRow($0, english: english) }
        people = figures.map { CampaignsController.LabelledValue(label: text($0.key), value: VND.grouped(Int64($0.value))) }
        budget = report.budget.map { CampaignsController.MoneyRow($0, english: english) }
        units = report.units.map { CampaignsController.UnitRow($0) }
        self.today = today.documentForm(english: english)
        self.members = members.map { CampaignsController.LabelledValue(label: $0.organisation, value: VND.grouped(Int64($0.members))) }
        hasMembers = !members.isEmpty
    }
}

extension CampaignsController.Row {
    /// A campaign in the list: its dates, lead unit, status, number of activities and observance.
    init(_ item: CampaignStore.ListItem, catalogue: ObservanceCatalogue?, english: Bool) {
        id = item.campaign.id!
        title = item.campaign.title
        period = "\(item.campaign.startDate.display) – \(item.campaign.endDate.display)"
        lead = item.leadUnit
        status = item.campaign.status.label(english: english)
        activities = item.activities
        observance = item.campaign.observanceKey.flatMap { catalogue?.observance($0)?.name } ?? ""
    }
}

extension CampaignsController.ListPage {
    /// The campaign list with its filters, the plan templates and the year a plan from a template is for
    /// (next year from October).
    init(_ items: [CampaignStore.ListItem], filter: CampaignStore.Filter, templates: [PlanTemplate], catalogue: ObservanceCatalogue?,
         units: [UnitListItem], today: CivilDate, english: Bool, canCreate: Bool, hasTasks: Bool, csrf: String) {
        let rows = items.map { CampaignsController.Row($0, catalogue: catalogue, english: english) }
        year = filter.year.map(String.init) ?? ""
        nextYear = String(today.year + (today.month >= 10 ? 1 : 0))
        self.templates = templates.map { Option(value: $0.file, label: $0.name, selected: false) }
        statuses = CampaignStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == filter.status) }
        observances = (catalogue?.observances ?? []).map { Option(value: $0.key, label: $0.name, selected: $0.key == filter.observanceKey) }
        self.units = units.options(selected: filter.unitId)
        self.rows = rows
        empty = rows.isEmpty
        self.canCreate = canCreate
        self.hasTasks = hasTasks
        self.csrf = csrf
    }
}

extension CampaignsController.FormPage {
    /// The campaign form: what was typed (or the campaign as stored), the lead units this account may write
    /// and every unit to coordinate.
    init(id: Int64?, input: CampaignInput, catalogue: ObservanceCatalogue?, units: [UnitListItem], principal: Principal,
         errors: [String: String], csrf: String, version: String) {
        action = id.map { "/campaigns/\($0)" } ?? "/campaigns"
        isNew = id == nil
        title = input.title
        theme = input.theme ?? ""
        observances = (catalogue?.observances ?? []).map { Option(value: $0.key, label: $0.name, selected: $0.key == input.observanceKey) }
        startDate = input.startDate
        endDate = input.endDate
        goals = input.goals ?? ""
        leads = units.filter { principal.canWrite(unitId: $0.unit.id) }
            .map { Option(id: $0.unit.id, label: $0.unit.name, selected: $0.unit.id == input.leadUnitId) }
        coordinating = units.map {
            Option(id: $0.unit.id, label: $0.unit.name, selected: input.coordinatingUnitIds.contains($0.unit.id!))
        }
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.version = version
    }
}

extension CampaignsController.ActivityRow {
    /// An activity on the campaign's timeline: expected and recorded figures, who may record or edit it.
    init(_ activity: Activity, campaign: Campaign, unit: String, byName: Int?, canEdit: Bool, principal: Principal, english: Bool) {
        id = activity.id!
        when = DateTimeText.display(activity.startsAt)
        kind = activity.kind.label(english: english)
        title = activity.title
        place = activity.place ?? ""
        self.unit = unit
        expected = activity.expectedParticipants.map { VND.grouped(Int64($0)) } ?? ""
        participants = activity.outcomes.participants.map { VND.grouped(Int64($0)) } ?? ""
        booksLent = activity.booksLent.map { VND.grouped(Int64($0)) } ?? ""
        reach = activity.reach.map { VND.grouped(Int64($0)) } ?? ""
        canRecord = CampaignStore.canRecordOutcomes(activity, campaign: campaign, principal)
        self.canEdit = canEdit
        self.byName = byName.map(String.init) ?? ""
    }
}

extension CampaignsController.AssignmentRow {
    /// A unit's task (and the village branch doing it), with its status menu and, for who edits the plan, the units
    /// it can be moved to.
    init(_ task: Assignment, names: [Int64: String], units: [UnitListItem], campaign: Campaign, canEdit: Bool, principal: Principal,
         english: Bool) {
        id = task.id!
        unit = (names[task.unitId] ?? "") + (task.branchId.flatMap { names[$0] }.map { " – " + $0 } ?? "")
        self.task = task.task
        due = task.dueDate?.display ?? ""
        status = task.status.label(english: english)
        statuses = AssignmentStatus.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == task.status) }
        canUpdate = campaign.status != .archived && (principal.canWrite(unitId: task.unitId) || canEdit)
        self.units = canEdit ? units.options(selected: task.unitId) : []
    }
}

extension CampaignsController.BudgetRow {
    /// A budget line, planned and spent, with the form that corrects it.
    init(_ line: BudgetLine, campaignId: Int64, english: Bool) {
        action = "/campaigns/\(campaignId)/budget/\(line.id!)"
        item = line.item
        source = line.source.label(english: english)
        planned = VND.format(line.planned)
        spent = VND.format(line.spent)
        sources = BudgetSource.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0 == line.source) }
        plannedValue = line.planned
        spentValue = line.spent
    }
}

extension CampaignsController.HistoryRow {
    /// A change of the campaign's status: when, by whom, why.
    init(_ change: CampaignStatusChange, english: Bool) {
        status = change.status.label(english: english)
        at = VietnamTime.display(change.at)
        actor = change.actor
        note = change.note ?? ""
    }
}

extension CampaignsController.NextStatus {
    /// A status the campaign may move to next.
    init(_ status: CampaignStatus, english: Bool) {
        value = status.rawValue
        label = status.label(english: english)
    }
}

extension CampaignsController.DetailPage {
    /// The campaign page: the plan, its timeline of activities, assignments, budget planned vs spent, outcomes so far
    /// and status history, with what this account may do.
    init(_ campaign: Campaign, catalogue: ObservanceCatalogue?, units: [UnitListItem], coordinating: [OrgUnit], activities: [Activity],
         assignments: [Assignment], budget: [BudgetLine], byName: [Int64: Int], history: [CampaignStatusChange], principal: Principal,
         english: Bool, csrf: String) {
        let campaignId = campaign.id!
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.unit.id!, $0.unit.name) })
        let canEdit = CampaignStore.canEdit(campaign, principal)
        func sum(_ path: KeyPath<Activity, Int?>) -> String { VND.grouped(Int64(activities.compactMap { $0[keyPath: path] }.reduce(0, +))) }
        id = campaignId
        title = campaign.title
        theme = campaign.theme ?? ""
        observance = campaign.observanceKey.flatMap { catalogue?.observance($0)?.name } ?? ""
        period = "\(campaign.startDate.display) – \(campaign.endDate.display)"
        goals = campaign.goals ?? ""
        lead = names[campaign.leadUnitId] ?? ""
        self.coordinating = coordinating.map(\.name).joined(separator: ", ")
        status = campaign.status.label(english: english)
        self.activities = activities.map {
            CampaignsController.ActivityRow($0, campaign: campaign, unit: names[$0.unitId] ?? "", byName: byName[$0.id!], canEdit: canEdit,
                                            principal: principal, english: english)
        }
        hasActivities = !activities.isEmpty
        self.assignments = assignments.map {
            CampaignsController.AssignmentRow($0, names: names, units: units, campaign: campaign, canEdit: canEdit, principal: principal,
                                              english: english)
        }
        hasAssignments = !assignments.isEmpty
        self.budget = budget.map { CampaignsController.BudgetRow($0, campaignId: campaignId, english: english) }
        hasBudget = !budget.isEmpty
        plannedTotal = VND.format(budget.map(\.planned).reduce(0, +))
        spentTotal = VND.format(budget.map(\.spent).reduce(0, +))
        participants = VND.grouped(Int64(activities.compactMap { $0.outcomes.participants }.reduce(0, +)))
        booksLent = sum(\.booksLent)
        newCards = sum(\.newLibraryCards)
        posts = sum(\.postsPublished)
        reach = sum(\.reach)
        self.history = history.map { CampaignsController.HistoryRow($0, english: english) }
        next = campaign.status.allowedNext.map { CampaignsController.NextStatus($0, english: english) }
        hasNext = !campaign.status.allowedNext.isEmpty && principal.role != .viewer
        self.canEdit = canEdit
        canClone = principal.canWrite(unitId: campaign.leadUnitId)
        cloneYear = campaign.year + 1
        self.units = units.options(selected: nil)
        sources = BudgetSource.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: false) }
        self.csrf = csrf
    }
}
