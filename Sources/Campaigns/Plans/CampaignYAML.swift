import DataFiles
import Foundation
import GRDB
import Store
import Vietnamese
import Yams

/// The campaign file format of `densach campaigns export ID` and `import FILE.yaml`: the campaign, its budget lines,
/// activities (with outcomes) and assignments; units by name. An export imports back into the same values.
package enum CampaignYAML {
    // MARK: Export

    package static func export(_ db: Database, id: Int64) throws -> String {
        let campaign = try CampaignStore.get(db, id: id)
        let names = Dictionary(uniqueKeysWithValues: try OrgUnit.fetchAll(db).map { ($0.id!, $0.name) })
        var head: [String: Any] = [
            "title": campaign.title, "year": campaign.year, "start": campaign.startDate.display, "end": campaign.endDate.display,
            "lead": names[campaign.leadUnitId] ?? "", "status": campaign.status.rawValue,
            "coordinating": try CampaignStore.coordinatingUnits(db, campaignId: id).map(\.name),
        ]
        if let theme = campaign.theme { head["theme"] = theme }
        if let key = campaign.observanceKey { head["observance"] = key }
        if let goals = campaign.goals { head["goals"] = goals }
        let budget: [[String: Any]] = try CampaignStore.budget(db, campaignId: id).map {
            ["item": $0.item, "source": $0.source.rawValue, "planned": $0.planned, "spent": $0.spent]
        }
        let activities: [[String: Any]] = try CampaignStore.activities(db, campaignId: id).map { activity in
            var item: [String: Any] = ["kind": activity.kind.rawValue, "title": activity.title, "starts": DateTimeText.display(activity.startsAt),
                                       "ends": DateTimeText.display(activity.endsAt), "unit": names[activity.unitId] ?? "", "channels": activity.channelList]
            if let place = activity.place { item["place"] = place }
            if let notes = activity.notes { item["notes"] = notes }
            var expected: [String: Any] = [:]
            for (key, value) in [("participants", activity.expectedParticipants), ("booksLent", activity.expectedBooksLent),
                                 ("posts", activity.expectedPosts), ("reach", activity.expectedReach)] {
                if let value { expected[key] = value }
            }
            if !expected.isEmpty { item["expected"] = expected }
            var outcomes: [String: Any] = [:]
            for (key, path) in ActivityOutcomes.fields { if let value = activity.outcomes[keyPath: path] { outcomes[key] = value } }
            if !outcomes.isEmpty { item["outcomes"] = outcomes }
            return item
        }
        let assignments: [[String: Any]] = try CampaignStore.assignments(db, campaignId: id).map { task in
            var item: [String: Any] = ["unit": names[task.unitId] ?? "", "task": task.task, "status": task.status.rawValue]
            if let due = task.dueDate { item["due"] = due.display }
            return item
        }
        let document: [String: Any] = ["campaign": head, "budget": budget, "activities": activities, "assignments": assignments]
        return try Yams.dump(object: document, allowUnicode: true, sortKeys: true)
    }


    // MARK: Import

    /// Reads and writes a campaign in one savepoint: any mistake (reported with file, line and field) writes nothing;
    /// `dryRun` checks everything and rolls back.
    package static func importCampaign(_ db: Database, yaml: String, file: String, catalogue: ObservanceCatalogue?, dryRun: Bool,
                                      by principal: Principal) throws -> Campaign {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, field: "campaign")
        guard let headNode = top["campaign"] else { throw DataFileError(file: file, line: 1, field: "campaign", message: "thiếu phần campaign") }
        let head = try reader.mapping(headNode, field: "campaign")
        let units = try OrgUnit.fetchAll(db)
        func unit(_ name: String, node: Node?, field: String) throws -> Int64 {
            let key = VietnameseText.searchKey(name)
            let matches = units.filter { VietnameseText.searchKey($0.name) == key }
            guard matches.count == 1 else {
                throw DataFileError(file: file, line: reader.line(node), field: field,
                                    message: matches.isEmpty ? "không có đơn vị \"\(name)\"" : "có nhiều đơn vị tên \"\(name)\"")
            }
            return matches[0].id!
        }
        func int(_ mapping: Node.Mapping, _ key: String) throws -> Int? {
            guard let node = mapping[key] else { return nil }
            guard let value = node.int, value >= 0 else { throw DataFileError(file: file, line: reader.line(node), field: key, message: "phải là số nguyên không âm") }
            return value
        }
        /// Re-throws a store refusal as a file error at the entry's line.
        func at<T>(_ node: Node, _ work: () throws -> T) throws -> T {
            do { return try work() } catch let error as DomainError {
                let field = error.fieldErrors.keys.sorted().first ?? ""
                throw DataFileError(file: file, line: reader.line(node), field: field, message: error.fieldErrors[field] ?? error.message)
            }
        }
        var result: Campaign?
        try db.inSavepoint {
            let input = CampaignInput(
                title: try reader.string(head, "title", in: headNode)!, theme: try reader.string(head, "theme", in: headNode, required: false),
                observanceKey: try reader.string(head, "observance", in: headNode, required: false), year: try int(head, "year"),
                startDate: try reader.string(head, "start", in: headNode)!, endDate: try reader.string(head, "end", in: headNode)!,
                goals: try reader.string(head, "goals", in: headNode, required: false),
                leadUnitId: try unit(try reader.string(head, "lead", in: headNode)!, node: head["lead"], field: "lead"),
                coordinatingUnitIds: try reader.strings(head, "coordinating").map { try unit($0, node: head["coordinating"], field: "coordinating") })
            var campaign = try at(headNode) { try CampaignStore.create(db, input, catalogue: catalogue, by: principal) }
            for node in try reader.sequence(top["budget"] ?? Node.sequence([]), field: "budget", parent: root) {
                let line = try reader.mapping(node, field: "budget")
                try at(node) {
                    try CampaignStore.saveBudgetLine(db, campaignId: campaign.id!, item: try reader.string(line, "item", in: node)!,
                                                     source: try reader.string(line, "source", in: node)!, planned: String(try int(line, "planned") ?? 0),
                                                     spent: String(try int(line, "spent") ?? 0), by: principal)
                }
            }
            for node in try reader.sequence(top["activities"] ?? Node.sequence([]), field: "activities", parent: root) {
                let entry = try reader.mapping(node, field: "activities")
                let expected = try entry["expected"].map { try reader.mapping($0, field: "expected") }
                let input = ActivityInput(
                    kind: try reader.string(entry, "kind", in: node)!, title: try reader.string(entry, "title", in: node)!,
                    startsAt: try reader.string(entry, "starts", in: node)!, endsAt: try reader.string(entry, "ends", in: node, required: false) ?? "",
                    place: try reader.string(entry, "place", in: node, required: false),
                    unitId: try unit(try reader.string(entry, "unit", in: node)!, node: entry["unit"], field: "unit"),
                    channels: try reader.strings(entry, "channels"),
                    expectedParticipants: try expected.flatMap { try int($0, "participants") }, expectedBooksLent: try expected.flatMap { try int($0, "booksLent") },
                    expectedPosts: try expected.flatMap { try int($0, "posts") }, expectedReach: try expected.flatMap { try int($0, "reach") },
                    notes: try reader.string(entry, "notes", in: node, required: false))
                let activity = try at(node) { try CampaignStore.saveActivity(db, campaignId: campaign.id!, input, by: principal) }
                if let outcomesNode = entry["outcomes"] {
                    let mapping = try reader.mapping(outcomesNode, field: "outcomes")
                    var outcomes = ActivityOutcomes()
                    for (key, path) in ActivityOutcomes.fields { outcomes[keyPath: path] = try int(mapping, key) }
                    try at(outcomesNode) { try CampaignStore.recordOutcomes(db, activityId: activity.id!, outcomes, notes: nil, by: principal) }
                }
            }
            for node in try reader.sequence(top["assignments"] ?? Node.sequence([]), field: "assignments", parent: root) {
                let entry = try reader.mapping(node, field: "assignments")
                let unitId = try unit(try reader.string(entry, "unit", in: node)!, node: entry["unit"], field: "unit")
                try at(node) {
                    try CampaignStore.addAssignment(db, campaignId: campaign.id!, unitId: unitId, task: try reader.string(entry, "task", in: node)!,
                                                    dueDate: try reader.string(entry, "due", in: node, required: false), by: principal)
                }
                if let statusText = try reader.string(entry, "status", in: node, required: false) {
                    guard let status = AssignmentStatus(rawValue: statusText) else {
                        throw DataFileError(file: file, line: reader.line(entry["status"]), field: "status", message: "todo, doing hoặc done")
                    }
                    let id = try Int64.fetchOne(db, sql: "SELECT max(id) FROM assignment WHERE campaignId = ?", arguments: [campaign.id!])!
                    try db.execute(sql: "UPDATE assignment SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
                }
            }
            if let statusText = try reader.string(head, "status", in: headNode, required: false), statusText != CampaignStatus.draft.rawValue {
                guard let status = CampaignStatus(rawValue: statusText) else {
                    throw DataFileError(file: file, line: reader.line(head["status"]), field: "status", message: "draft, approved, running, done hoặc archived")
                }
                // Past the draft stage means approved by the commune: only a commune-wide account may bring that in.
                guard principal.canWriteCommuneWide else {
                    throw DataFileError(file: file, line: reader.line(head["status"]), field: "status", message: "chỉ cán bộ xã nhập được kế hoạch đã duyệt; để draft")
                }
                // The file records where the plan stands; the history says it came from a file.
                try db.execute(sql: "UPDATE campaign SET status = ? WHERE id = ?", arguments: [status.rawValue, campaign.id!])
                var change = CampaignStatusChange(campaignId: campaign.id!, status: status, at: Date(), actor: principal.login, note: "Nhập từ \(file)")
                try change.insert(db)
                campaign.status = status
            }
            result = campaign
            return dryRun ? .rollback : .commit
        }
        return result!
    }
}
