import Campaigns
import Clubs
import Foundation
import GRDB
import Honours
import Messaging
import Organisations
import Recognition
import Socialization
import SignUp
import Store
import Training

/// First start: the admin account, and for `--demo` the demo commune with one account per role.
package enum Bootstrap {
    package struct CreatedAccounts: Sendable {
        package let password: String
        package let logins: [String]
    }

    /// Creates `admin` on an empty account table, with the given password or a one-time random one.
    /// Returns what was created (nil when accounts already exist).
    package static func ensureAdmin(_ database: AppDatabase, passwords: Passwords, password: String?) async throws -> CreatedAccounts? {
        guard try await database.read({ try AccountStore.count($0) }) == 0 else { return nil }
        let secret = password ?? Secrets.newPassword()
        let hash = try await passwords.hash(secret)
        _ = try await database.write {
            // A password printed for the operator is a one-time one; one they chose (DENSACH_ADMIN_PASSWORD) is theirs.
            try AccountStore.create($0, login: "admin", displayName: "Quản trị hệ thống", passwordHash: hash, role: .admin,
                                    unitIds: [], oneTimePassword: password == nil, by: .system)
        }
        return CreatedAccounts(password: secret, logins: ["admin"])
    }

    /// Seeds the demo commune into an empty store, and demo accounts (officer, editor of Thôn 1, viewer) that share
    /// the admin's one-time password. Returns nil when the store already has units.
    package static func seedDemo(_ database: AppDatabase, passwords: Passwords, password: String,
                                campaignsDirectory: String = "campaigns", messageTemplatesDirectory: String? = nil) async throws -> (DemoCommune.Summary, [String])? {
        let honourForms = try HonourForms(path: campaignsDirectory + "/honours.yaml")
        let criteriaSets = try CriteriaSets(directory: campaignsDirectory + "/criteria")
        let programme = try Programme(path: campaignsDirectory + "/programme.yaml")
        let planTemplates = try PlanTemplate.load(directory: campaignsDirectory + "/templates")
        let catalogue = try ObservanceCatalogue(path: campaignsDirectory + "/observances.yaml")
        guard let (summary, invitations) = try await database.write({ db -> (DemoCommune.Summary, [DemoOrganisationWeeks.Invitation])? in
            guard let summary = try DemoCommune.seed(db) else { return nil }
            try DemoClubs.seed(db)
            try DemoCampaigns.seed(db)
            try DemoSocialization.seed(db)
            try DemoHonours.seed(db, forms: honourForms)
            try DemoTraining.seed(db)
            try DemoSignUps.seed(db)
            try DemoOrganisations.seed(db)
            let invitations = try DemoOrganisationWeeks.seed(db, templates: planTemplates, catalogue: catalogue)
            try DemoRecognition.seed(db, sets: criteriaSets, forms: honourForms)
            try DemoRecognition.seedDuties(db, programme: programme)
            return (summary, invitations)
        }) else { return nil }
        if let messageTemplatesDirectory {
            try DemoOrganisationWeeks.sendInvitations(invitations, database: database, templates: try MessageTemplates(directory: messageTemplatesDirectory))
        }
        let hash = try await passwords.hash(password)
        let logins = try await database.write { db -> [String] in
            var made: [String] = []
            var accounts: [(String, String, Role, [Int64])] = [
                ("canbo", "Công chức Văn hóa – Xã hội", .officer, []),
                ("thon1", "Trưởng thôn 1", .editor, [summary.villageIds[0]]),
                ("xem", "Lãnh đạo UBND xã (chỉ xem)", .viewer, []),
            ]
            // The Women's Union's officer: her organisation, and the villages where its branches are (to find members).
            if let women = try OrgUnit.filter(Column("kind") == UnitKind.womensUnion.rawValue).order(Column("id")).fetchOne(db)?.id {
                accounts.append(("phunu", "Hội Liên hiệp Phụ nữ xã", .editor, [women] + summary.villageIds))
            }
            for (login, name, role, units) in accounts where try AccountStore.find(db, login: login) == nil {
                _ = try AccountStore.create(db, login: login, displayName: name, passwordHash: hash, role: role, unitIds: units, by: .system)
                made.append(login)
            }
            return made
        }
        return (summary, logins)
    }
}
