import Campaigns
import Foundation
import GRDB
import Messaging
import Organisations
import Store
import Vietnamese

/// One campaign week per mass organisation for the demo commune, made from the organisation's own plan template
/// (`campaigns/templates/*.yaml` led by its kind) in the last year it has already taken place: approved by the
/// commune, run and done, each branch's task ticked, and the organisation's activities attended by name by some of
/// its members, so the campaign report and the yearly report's section 9 have something to say.
enum DemoOrganisationWeeks {
    @discardableResult
    static func seed(_ db: Database, templates: [PlanTemplate], catalogue: ObservanceCatalogue, today: CivilDate = .today()) throws -> Int {
        // The four mass organisations with members in the demo (the Study Promotion Association has its own weeks).
        let kinds = Set([UnitKind.womensUnion, .youthUnion, .farmersAssociation, .veteransAssociation].map(\.rawValue))
        var made = 0
        for template in templates where kinds.contains(template.lead) {
            guard let org = try OrgUnit.filter(Column("kind") == template.lead).order(Column("id")).fetchOne(db), let orgId = org.id else { continue }
            // The latest year whose week is over (a week after its observance day), so outcomes can be recorded.
            func anchor(_ year: Int) throws -> CivilDate? {
                try ObservanceStore.occurrences(db, catalogue: catalogue, year: year).first { $0.source == .observance(template.observance) }?.start
            }
            guard let day = try anchor(today.year) else { continue }
            let year = day.adding(days: 7) < today ? today.year : today.year - 1
            let campaign = try template.instantiate(db, year: year, catalogue: catalogue, by: .system)
            for status in [CampaignStatus.approved, .running, .done] {
                try CampaignStore.setStatus(db, id: campaign.id!, to: status, note: status == .approved ? "UBND xã duyệt kế hoạch của \(org.name)" : nil, by: .system)
            }
            for (index, task) in try CampaignStore.assignments(db, campaignId: campaign.id!).enumerated() {
                try CampaignStore.setAssignmentStatus(db, id: task.id!, index % 5 == 4 ? .doing : .done, by: .system)
            }
            let members = try MembershipStore.members(db, orgId: orgId, for: .system).map(\.member.personId)
            for (index, activity) in try CampaignStore.activities(db, campaignId: campaign.id!).enumerated() where activity.unitId == orgId {
                // A different third of the members at each activity, a few coming twice.
                let present = members.enumerated().filter { ($0.offset + index) % 3 == 0 }.map(\.element)
                try ActivityAttendance.set(db, activityId: activity.id!, shown: present, present: Set(present), by: .system)
                var outcomes = ActivityOutcomes()
                let guests = 5 + index * 3
                if org.kind == .womensUnion {
                    outcomes.participantsFemale = present.count + guests; outcomes.participantsMale = 0
                    outcomes.participantsChildren = present.count / 2
                } else {
                    outcomes.participantsMale = (present.count + guests) * 2 / 3; outcomes.participantsFemale = (present.count + guests) - (present.count + guests) * 2 / 3
                }
                outcomes.participantsAdults = present.count + guests - (outcomes.participantsChildren ?? 0)
                try CampaignStore.recordOutcomes(db, activityId: activity.id!, outcomes, notes: "Điểm danh theo danh sách hội viên, thêm khách mời.", by: .system)
            }
            made += 1
        }
        return made
    }

    /// Each organisation's invitation to its week, exported as SMS to its members by the real exporter (consent and
    /// the weekly cap apply; nothing is sent, the text stays in memory), so the log knows whom messages reached.
    static func sendInvitations(_ database: AppDatabase, templates: MessageTemplates) throws {
        let invitations = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT u.id AS orgId, min(a.id) AS activityId FROM activity a JOIN campaign c ON c.id = a.campaignId JOIN unit u ON u.id = c.leadUnitId
                WHERE a.unitId = u.id AND u.kind IN ('womens_union', 'youth_union', 'farmers_association', 'veterans_association') GROUP BY u.id
                """).map { (orgId: $0["orgId"] as Int64, activityId: $0["activityId"] as Int64) }
        }
        let exporter = MessageExporter(database: database, templates: templates)
        for invitation in invitations {
            var options = ExportOptions(template: "sms-invitation", audience: "members:unit=\(invitation.orgId)", channel: .sms)
            options.activityId = invitation.activityId
            _ = try exporter.export(options, by: .system, actor: "demo", to: StringOutput())
        }
    }
}
