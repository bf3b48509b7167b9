import DataFiles
import Foundation
import GRDB
import Store
import Vietnamese
import Yams

/// Plan templates (`campaigns/templates/*.yaml`): a campaign described relative to its observance day, with units by
/// kind, so that "Lifelong Learning Week 2027" is one click away. Also: cloning last year's campaign into a new year.
package struct PlanTemplate: Sendable {
    package let file: String
    package let name: String
    /// The kind of unit that leads it (`womens_union`: the Women's Union's own week) and the observance it follows.
    package let lead: String
    package let observance: String
    let yaml: String

    package static func load(directory: String) throws -> [PlanTemplate] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        return try files.map { file in
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
                throw DataFileError(file: file, line: 0, field: "", message: "không đọc được tệp")
            }
            let yaml = String(decoding: data, as: UTF8.self)
            let reader = YAMLReader(file: file)
            let root = try reader.root(yaml)
            let top = try reader.mapping(root, field: "template")
            guard let head = top["template"] else { throw DataFileError(file: file, line: 1, field: "template", message: "thiếu phần template") }
            let fields = try reader.mapping(head, field: "template")
            return PlanTemplate(file: file, name: try reader.string(fields, "name", in: head)!, lead: try reader.string(fields, "lead", in: head)!,
                                observance: try reader.string(fields, "observance", in: head)!, yaml: yaml)
        }
    }

    /// Creates the campaign for a year, dated from the observance's day that year (entered dates for a yearly one).
    package func instantiate(_ db: Database, year: Int, catalogue: ObservanceCatalogue, by principal: Principal) throws -> Campaign {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, field: "template")
        let headNode = top["template"]!
        let head = try reader.mapping(headNode, field: "template")
        let key = try reader.string(head, "observance", in: headNode)!
        guard let anchor = try ObservanceStore.occurrences(db, catalogue: catalogue, year: year).first(where: { $0.source == .observance(key) })?.start else {
            throw DataFileError(file: file, line: reader.line(head["observance"]), field: "observance", message: "không có ngày lễ \"\(key)\" trong năm \(year)")
        }
        let units = try OrgUnit.filter(Column("isActive") == true).order(OrgUnit.Columns.sortKey).fetchAll(db)
        func unit(_ kind: String, node: Node?, field: String, orElse fallback: Int64? = nil) throws -> Int64 {
            guard let match = units.first(where: { $0.kind.rawValue == kind }) else {
                // A commune without, say, a Youth Union record still gets the plan: the lead unit takes the task.
                if let fallback { return fallback }
                throw DataFileError(file: file, line: reader.line(node), field: field, message: "xã chưa có đơn vị loại \"\(kind)\"")
            }
            return match.id!
        }
        func day(_ mapping: Node.Mapping, _ field: String, node: Node) throws -> CivilDate {
            guard let value = mapping[field]?.int else { throw DataFileError(file: file, line: reader.line(node), field: field, message: "số ngày so với ngày lễ") }
            return anchor.adding(days: value)
        }
        func at<T>(_ node: Node, _ work: () throws -> T) throws -> T {
            do { return try work() } catch let error as DomainError {
                let field = error.fieldErrors.keys.sorted().first ?? ""
                throw DataFileError(file: file, line: reader.line(node), field: field, message: error.fieldErrors[field] ?? error.message)
            }
        }
        let title = try reader.string(head, "title", in: headNode)!.replacingOccurrences(of: "{year}", with: String(year))
        let input = CampaignInput(title: title, theme: try reader.string(head, "theme", in: headNode, required: false), observanceKey: key, year: year,
                                  startDate: try day(head, "from", node: headNode).display, endDate: try day(head, "to", node: headNode).display,
                                  goals: try reader.string(head, "goals", in: headNode, required: false),
                                  leadUnitId: try unit(try reader.string(head, "lead", in: headNode)!, node: head["lead"], field: "lead"),
                                  coordinatingUnitIds: try reader.strings(head, "coordinating").compactMap { kind in units.first { $0.kind.rawValue == kind }?.id })
        let campaign = try at(headNode) { try CampaignStore.create(db, input, catalogue: catalogue, by: principal) }
        for node in try reader.sequence(top["activities"] ?? .sequence([]), field: "activities", parent: root) {
            let entry = try reader.mapping(node, field: "activities")
            let date = try day(entry, "day", node: node).display
            let times = (try reader.string(entry, "time", in: node, required: false) ?? "08:00-11:00").split(separator: "-").map(String.init)
            let activity = ActivityInput(kind: try reader.string(entry, "kind", in: node)!, title: try reader.string(entry, "title", in: node)!,
                                         startsAt: date + " " + (times.first ?? "08:00"), endsAt: times.count > 1 ? date + " " + times[1] : "",
                                         place: try reader.string(entry, "place", in: node, required: false),
                                         unitId: try unit(try reader.string(entry, "unit", in: node)!, node: entry["unit"], field: "unit", orElse: campaign.leadUnitId),
                                         channels: try reader.strings(entry, "channels"), expectedParticipants: entry["expected"]?.int)
            _ = try at(node) { try CampaignStore.saveActivity(db, campaignId: campaign.id!, activity, by: principal) }
        }
        for node in try reader.sequence(top["budget"] ?? .sequence([]), field: "budget", parent: root) {
            let entry = try reader.mapping(node, field: "budget")
            try at(node) {
                try CampaignStore.saveBudgetLine(db, campaignId: campaign.id!, item: try reader.string(entry, "item", in: node)!,
                                                 source: try reader.string(entry, "source", in: node)!, planned: String(entry["planned"]?.int ?? 0),
                                                 spent: "0", by: principal)
            }
        }
        for node in try reader.sequence(top["assignments"] ?? .sequence([]), field: "assignments", parent: root) {
            let entry = try reader.mapping(node, field: "assignments")
            let unitId = try unit(try reader.string(entry, "unit", in: node)!, node: entry["unit"], field: "unit", orElse: campaign.leadUnitId)
            let due = entry["day"] == nil ? nil : try day(entry, "day", node: node).display
            let task = try reader.string(entry, "task", in: node)!
            // `branches: true`: the same task for the organisation's branch in every village (chi hội, chi đoàn).
            let branches: [Int64?] = entry["branches"]?.bool == true ? units.filter { $0.kind == .village }.map(\.id) : [nil]
            for branch in branches {
                try at(node) { try CampaignStore.addAssignment(db, campaignId: campaign.id!, unitId: unitId, task: task, dueDate: due, branchId: branch, by: principal) }
            }
        }
        return campaign
    }
}

extension CampaignStore {
    /// Last year's plan for a new year: dates shift with the observance (21/4 stays 21/4; Tết and Trung thu follow the
    /// lunar calendar; Lifelong Learning Week follows the dates entered for that year), or by whole years without one.
    /// Activities, budget (planned only) and tasks (to do) are copied; outcomes are not.
    package static func clone(_ db: Database, id: Int64, toYear year: Int, catalogue: ObservanceCatalogue?, by principal: Principal) throws -> Campaign {
        let source = try get(db, id: id)
        var shift = source.startDate.days(to: CivilDate(year: year, month: source.startDate.month,
                                                        day: min(source.startDate.day, CivilDate.daysIn(month: source.startDate.month, year: year)))!)
        if let key = source.observanceKey, let catalogue {
            let old = try ObservanceStore.occurrences(db, catalogue: catalogue, year: source.year).first { $0.source == .observance(key) }?.start
            let new = try ObservanceStore.occurrences(db, catalogue: catalogue, year: year).first { $0.source == .observance(key) }?.start
            if let old, let new { shift = old.days(to: new) }
        }
        func moved(_ stored: String) -> String {
            guard let date = CivilDate(parsing: String(stored.prefix(10))) else { return stored }
            return date.adding(days: shift).display + (stored.count > 11 ? " " + stored.dropFirst(11) : "")
        }
        let title = source.title.replacingOccurrences(of: String(source.year), with: String(year))
        let copy = try create(db, CampaignInput(title: title == source.title ? "\(source.title) (\(year))" : title, theme: source.theme,
                                                observanceKey: source.observanceKey, year: year, startDate: source.startDate.adding(days: shift).display,
                                                endDate: source.endDate.adding(days: shift).display, goals: source.goals, leadUnitId: source.leadUnitId,
                                                coordinatingUnitIds: try coordinatingUnits(db, campaignId: id).map { $0.id! }),
                              catalogue: catalogue, by: principal)
        for activity in try activities(db, campaignId: id) {
            _ = try saveActivity(db, campaignId: copy.id!, ActivityInput(kind: activity.kind.rawValue, title: activity.title, startsAt: moved(activity.startsAt),
                                                                         endsAt: moved(activity.endsAt), place: activity.place, unitId: activity.unitId,
                                                                         channels: activity.channelList, expectedParticipants: activity.expectedParticipants,
                                                                         expectedBooksLent: activity.expectedBooksLent, expectedPosts: activity.expectedPosts,
                                                                         expectedReach: activity.expectedReach, notes: nil), by: principal)
        }
        for line in try budget(db, campaignId: id) {
            try saveBudgetLine(db, campaignId: copy.id!, item: line.item, source: line.source.rawValue, planned: String(line.planned), spent: "0", by: principal)
        }
        for task in try assignments(db, campaignId: id) {
            try addAssignment(db, campaignId: copy.id!, unitId: task.unitId, task: task.task, dueDate: task.dueDate?.adding(days: shift).display,
                              branchId: task.branchId, by: principal)
        }
        return copy
    }
}
