import GRDB
import Store
import Vietnamese

/// What a campaign achieved, for its printable report and the commune's yearly report.
package struct CampaignReport: Sendable {
    package struct KindLine: Sendable { package let kind: ActivityKind; package let activities: Int; package let participants: Int; package let booksLent: Int }
    package struct SourceLine: Sendable { package let source: BudgetSource; package let planned: Int64; package let spent: Int64 }
    package struct UnitLine: Sendable {
        package let unit: String
        package let activities: Int
        package let activitiesRecorded: Int
        package let tasks: Int
        package let tasksDone: Int
    }

    package let campaign: Campaign
    package let byKind: [KindLine]
    package let male: Int, female: Int, children: Int, youth: Int, adults: Int, elderly: Int
    package let booksLent: Int, newLibraryCards: Int, postsPublished: Int, reach: Int
    package let budget: [SourceLine]
    package let units: [UnitLine]

    package var participants: Int { male + female }

    package static func make(_ db: Database, campaignId: Int64) throws -> CampaignReport {
        let campaign = try CampaignStore.get(db, id: campaignId)
        let activities = try CampaignStore.activities(db, campaignId: campaignId)
        let tasks = try CampaignStore.assignments(db, campaignId: campaignId)
        let lines = try CampaignStore.budget(db, campaignId: campaignId)
        let names = Dictionary(uniqueKeysWithValues: try OrgUnit.fetchAll(db).map { ($0.id!, $0.name) })
        func total(_ path: KeyPath<Activity, Int?>, _ items: [Activity] = activities) -> Int { items.compactMap { $0[keyPath: path] }.reduce(0, +) }
        let kinds = ActivityKind.allCases.compactMap { kind -> KindLine? in
            let items = activities.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            return KindLine(kind: kind, activities: items.count, participants: items.compactMap { $0.outcomes.participants }.reduce(0, +),
                            booksLent: total(\.booksLent, items))
        }
        let unitIds = Array(Set(activities.map(\.unitId) + tasks.map(\.unitId))).sorted { (names[$0] ?? "") < (names[$1] ?? "") }
        return CampaignReport(
            campaign: campaign, byKind: kinds,
            male: total(\.participantsMale), female: total(\.participantsFemale), children: total(\.participantsChildren), youth: total(\.participantsYouth),
            adults: total(\.participantsAdults), elderly: total(\.participantsElderly), booksLent: total(\.booksLent),
            newLibraryCards: total(\.newLibraryCards), postsPublished: total(\.postsPublished), reach: total(\.reach),
            budget: BudgetSource.allCases.map { source in
                let matching = lines.filter { $0.source == source }
                return SourceLine(source: source, planned: matching.map(\.planned).reduce(0, +), spent: matching.map(\.spent).reduce(0, +))
            },
            units: unitIds.map { id in
                let own = activities.filter { $0.unitId == id }
                let work = tasks.filter { $0.unitId == id }
                return UnitLine(unit: names[id] ?? "", activities: own.count,
                                activitiesRecorded: own.filter { $0.outcomes.participants != nil || $0.reach != nil || $0.booksLent != nil }.count,
                                tasks: work.count, tasksDone: work.filter { $0.status == .done }.count)
            })
    }

    /// The paragraph a commune pastes into its yearly report.
    package var paragraph: String {
        let spent = budget.map(\.spent).reduce(0, +)
        let state = budget.first { $0.source == .stateBudget }?.spent ?? 0
        return "Từ ngày \(campaign.startDate.display) đến ngày \(campaign.endDate.display), xã tổ chức \(campaign.title) với "
            + "\(byKind.map(\.activities).reduce(0, +)) hoạt động, thu hút \(VND.grouped(Int64(participants))) lượt người tham gia "
            + "(\(VND.grouped(Int64(female))) nữ; \(VND.grouped(Int64(children))) thiếu nhi, \(VND.grouped(Int64(elderly))) người cao tuổi); "
            + "\(VND.grouped(Int64(booksLent))) lượt sách được mượn, \(VND.grouped(Int64(newLibraryCards))) thẻ thư viện mới, "
            + "\(VND.grouped(Int64(postsPublished))) tin bài với \(VND.grouped(Int64(reach))) lượt tiếp cận. "
            + "Kinh phí đã chi \(VND.format(spent)), trong đó ngân sách nhà nước \(VND.format(state)), xã hội hóa \(VND.format(spent - state))."
    }
}
