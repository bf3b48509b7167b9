import Campaigns
import Clubs
import GRDB
import Socialization
import Store

/// Public sign-up pages and the sign-ups they collect (issue #21). The forms point at activities (Campaigns) and
/// clubs (Clubs); approval writes people and consents (Store), club members (Clubs) and volunteers (Socialization).
package enum SignUpSchema: SchemaModule {
    package static var dependsOn: [any SchemaModule.Type] { [CampaignsSchema.self, ClubsSchema.self, SocializationSchema.self] }

    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("signup.v1") { db in
            try db.create(table: "signUpForm") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("kind", .text).notNull().check(sql: "kind IN ('activity','club','volunteer')")
                t.belongsTo("activity", inTable: "activity", onDelete: .restrict)
                t.belongsTo("club", inTable: "club", onDelete: .restrict)
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.column("askBirthYear", .boolean).notNull()
                t.column("askVillage", .boolean).notNull()
                t.column("askPhone", .boolean).notNull()
                t.column("channels", .text).notNull().defaults(to: "")
                t.column("purpose", .text).notNull()
                t.column("role", .text)
                t.column("capacity", .integer).check(sql: "capacity IS NULL OR capacity > 0")
                t.column("closesOn", .text)
                t.column("closedAt", .datetime)
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
                t.check(sql: "(kind = 'club') = (clubId IS NOT NULL) AND (kind = 'club') <> (activityId IS NOT NULL)")
            }
            try db.create(table: "signUp") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("form", inTable: "signUpForm", onDelete: .restrict).notNull()
                t.column("fullName", .text).notNull().check { length($0) > 0 }
                t.column("birthYear", .integer)
                t.belongsTo("village", inTable: "unit", onDelete: .restrict)
                t.column("phone", .text)
                t.column("guardianName", .text)
                t.column("consentChannels", .text).notNull().defaults(to: "")
                t.column("consentText", .text).notNull().defaults(to: "")
                t.column("status", .text).notNull().check(sql: "status IN ('pending','waitlisted','approved','rejected')")
                t.belongsTo("person", inTable: "person", onDelete: .restrict)
                t.column("source", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("reviewedAt", .datetime)
                t.column("reviewedBy", .text)
                t.column("rejectReason", .text)
                t.column("confirmedAt", .datetime)
            }
            // The abuse limits count recent sign-ups per source and per phone.
            try db.create(index: "signUp_source", on: "signUp", columns: ["source", "createdAt"])
            try db.create(index: "signUp_phone", on: "signUp", columns: ["phone", "createdAt"])
            try db.create(index: "signUp_form", on: "signUp", columns: ["formId", "status"])
        }
    }
}
