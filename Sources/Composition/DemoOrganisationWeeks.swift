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
    /// Each organisation's first activity of its week: what `sendInvitations` invites its members to.
    struct Invitation: Sendable { let organisationId: Int64; let activityId: Int64 }

    @discardableResult
    static func seed(_ db: Database, templates: [PlanTemplate], catalogue: ObservanceCatalogue, today: CivilDate = .today()) throws -> [Invitation] {
        // The four mass organisations with members in the demo (the Study Promotion Association has its own weeks).
        let kinds = Set([UnitKind.womensUnion, .youthUnion, .farmersAssociation, .veteransAssociation].map(\.rawValue))
        var invitations: [Invitation] = []
        for template in templates where kinds.contains(template.lead) {
            guard let org = try OrgUnit.filter(Column("kind") == template.lead).order(Column("id")).fetchOne(db), let orgId = org.id else { continue }
            // The latest year whose week is over (a week after its observance day), so outcomes can be recorded.
            guard let day = try ObservanceStore.occurrences(db, catalogue: catalogue, year: today.year)
                .first(where: { $0.source == .observance(template.observance) })?.start else { continue }
            let year = day.adding(days: 7) < today ? today.year : today.year - 1
            let campaign = try template.instantiate(db, year: year, catalogue: catalogue, by: .system)
            for status in [CampaignStatus.approved, .running, .done] {
                try CampaignStore.setStatus(db, id: campaign.id!, to: status, note: status == .approved ? "UBND xã duyệt kế hoạch của \(org.name)" : nil, by: .system)
            }
            for (index, task) in try CampaignStore.assignments(db, campaignId: campaign.id!).enumerated() {
                try CampaignStore.setAssignmentStatus(db, id: task.id!, index % 5 == 4 ? .doing : .done, by: .system)
            }
            let members = try MembershipStore.members(db, orgId: orgId, for: .system).map(\.member.personId)
            let own = try CampaignStore.activities(db, campaignId: campaign.id!).filter { $0.unitId == orgId }
            if let first = own.first { invitations.append(Invitation(organisationId: orgId, activityId: first.id!)) }
            for (index, activity) in own.enumerated() {
                // A different third of the members at each activity, a few coming twice.
                let present = members.enumerated().filter { ($0.offset + index) % 3 == 0 }.map(\.element)
                try ActivityAttendance.set(db, activityId: activity.id!, shown: present, present: Set(present), by: .system)
                // The counts: those on the list and a few guests; the Women's Union's evenings bring children.
                var outcomes = ActivityOutcomes()
                let total = present.count + 5 + index * 3
                let children = org.kind == .womensUnion ? present.count / 2 : 0
                outcomes.participantsFemale = org.kind == .womensUnion ? total : total - total * 2 / 3
                outcomes.participantsMale = total - (outcomes.participantsFemale ?? 0)
                outcomes.participantsChildren = children > 0 ? children : nil
                outcomes.participantsAdults = total - children
                try CampaignStore.recordOutcomes(db, activityId: activity.id!, outcomes, notes: "Điểm danh theo danh sách hội viên, thêm khách mời.", by: .system)
            }
        }
        return invitations
    }

    /// Each organisation's invitation to its week, exported as SMS to its members by the real exporter (consent and
    /// the weekly cap apply; nothing is sent, the text stays in memory), so the log knows whom messages reached.
    static func sendInvitations(_ invitations: [Invitation], database: AppDatabase, templates: MessageTemplates) throws {
        let exporter = MessageExporter(database: database, templates: templates)
        for invitation in invitations {
            var options = ExportOptions(template: "sms-invitation", audience: "members:unit=\(invitation.organisationId)", channel: .sms)
            options.activityId = invitation.activityId
            _ = try exporter.export(options, by: .system, actor: "demo", to: StringOutput())
        }
    }
}
