import Campaigns
import Clubs
import Foundation
import GRDB
import Store

/// What the message exporter asks of sign-ups (audience `signups:form=ID`): the people approved on a page whose
/// confirmation has not left yet, the values a confirmation template uses, and the mark once it has left.
package enum SignUpAudience {
    /// Approved sign-ups not yet confirmed: a person confirmed by an SMS export is not in the next one.
    package static func unconfirmedPeopleSQL(formId: Int64) -> (sql: String, arguments: StatementArguments) {
        ("SELECT personId FROM signUp WHERE formId = ? AND status = 'approved' AND confirmedAt IS NULL AND personId IS NOT NULL", [formId])
    }

    /// The page, when the principal may read it (the audience is refused otherwise).
    package static func form(_ db: Database, id: Int64, for principal: Principal) throws -> SignUpForm? {
        guard let form = try SignUpForm.fetchOne(db, key: id), principal.canRead(unitId: form.unitId) else { return nil }
        return form
    }

    /// `signup.title`, and for a club `club.name`; an activity's own values come with the export's activity.
    package static func sharedValues(_ db: Database, form: SignUpForm) throws -> [String: String] {
        var values = ["signup.title": form.title, "signup.code": form.code]
        if let clubId = form.clubId, let club = try Club.fetchOne(db, key: clubId) {
            values["club.name"] = club.name
            values["club.schedule"] = club.schedule ?? ""
        }
        if let activityId = form.activityId {
            values.merge(try CampaignStore.activity(db, id: activityId).messageValues) { _, new in new }
        }
        return values
    }

    /// After an export (not a preview): the sign-ups of these people on the page are confirmed.
    package static func markConfirmed(_ db: Database, formId: Int64, personIds: [Int64], at now: Date = Date()) throws {
        guard !personIds.isEmpty else { return }
        for chunk in stride(from: 0, to: personIds.count, by: 500).map({ Array(personIds[$0..<min($0 + 500, personIds.count)]) }) {
            try db.execute(sql: """
                UPDATE signUp SET confirmedAt = ? WHERE formId = ? AND status = 'approved' AND confirmedAt IS NULL
                AND personId IN (\(chunk.map(String.init).joined(separator: ",")))
                """, arguments: [now, formId])
        }
    }
}
