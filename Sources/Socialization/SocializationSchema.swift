import Campaigns
import Clubs
import GRDB
import Store

/// Tables of the Socialization module: sponsors, donations (cash or items) with gap-free receipts, handovers of
/// donated items, pledges and their fulfilment, volunteers, their roles and their hours.
package enum SocializationSchema: SchemaModule {
    package static var dependsOn: [any SchemaModule.Type] { [CampaignsSchema.self, ClubsSchema.self] }

    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("socialization.v1") { db in
            // A sponsor is a person or a unit: its contact details live there, never copied.
            try db.create(table: "sponsor") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                    .check(sql: "kind IN ('business','association','individual','overseas','other')")
                t.belongsTo("person", inTable: "person", onDelete: .restrict)
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict)
                t.column("tags", .text).notNull().defaults(to: "")
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.check(sql: "(personId IS NULL) <> (unitId IS NULL)")
            }
            try db.create(index: "sponsor_person_unique", on: "sponsor", columns: ["personId"], unique: true, condition: Column("personId") != nil)
            try db.create(index: "sponsor_unit_unique", on: "sponsor", columns: ["unitId"], unique: true, condition: Column("unitId") != nil)

            try db.create(table: "donation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("sponsor", inTable: "sponsor", onDelete: .restrict)  // NULL: an anonymous benefactor
                t.column("date", .text).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('cash','in_kind')")
                t.column("amount", .integer).check(sql: "amount IS NULL OR amount > 0")
                t.column("channel", .text).check(sql: "channel IS NULL OR channel IN ('cash','bank_transfer')")
                t.column("estimatedValue", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("purpose", .text).notNull().check { length($0) > 0 }
                t.belongsTo("campaign", inTable: "campaign", onDelete: .restrict)
                t.belongsTo("recipientUnit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("receivedBy", .text).notNull()
                t.column("publishAnonymous", .boolean).notNull().defaults(to: false)
                t.column("notes", .text)
                t.column("receiptYear", .integer).notNull()
                t.column("receiptSeq", .integer).notNull().check { $0 > 0 }
                t.column("voidedAt", .datetime)
                t.column("voidedBy", .text)
                t.column("voidReason", .text)
                t.column("letterSentOn", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
                t.uniqueKey(["receiptYear", "receiptSeq"])
                t.check(sql: "(kind = 'cash') = (amount IS NOT NULL AND channel IS NOT NULL)")
                t.check(sql: "(voidedAt IS NULL) = (voidReason IS NULL)")
            }
            try db.create(index: "donation_date", on: "donation", columns: ["date"])
            // A receipt is never deleted: the trigger stops even a hand-typed DELETE in the sqlite3 shell.
            try db.execute(sql: """
                CREATE TRIGGER donation_no_delete BEFORE DELETE ON donation BEGIN
                  SELECT RAISE(ABORT, 'Biên lai không bao giờ bị xóa: hãy hủy (void) với lý do');
                END;
                CREATE TRIGGER donation_no_renumber BEFORE UPDATE OF receiptYear, receiptSeq ON donation
                  WHEN new.receiptYear <> old.receiptYear OR new.receiptSeq <> old.receiptSeq BEGIN
                  SELECT RAISE(ABORT, 'Số biên lai không được đổi');
                END;
                """)
            try db.create(table: "donationItem") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("donation", inTable: "donation", onDelete: .cascade).notNull()
                t.column("description", .text).notNull().check { length($0) > 0 }
                t.column("quantity", .integer).notNull().check { $0 > 0 }
                t.column("unitOfMeasure", .text).notNull()
                t.column("estimatedValue", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("isBook", .boolean).notNull().defaults(to: false)
                t.column("author", .text)
                t.column("isbn", .text)
            }
            try db.create(table: "handover") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("donation", inTable: "donation", onDelete: .restrict).notNull()
                t.belongsTo("toUnit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("date", .text).notNull()
                t.column("deliveredBy", .text).notNull()
                t.column("receivedBy", .text).notNull()
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "handoverItem") { t in
                t.belongsTo("handover", inTable: "handover", onDelete: .cascade).notNull()
                t.belongsTo("donationItem", inTable: "donationItem", onDelete: .restrict).notNull()
                t.column("quantity", .integer).notNull().check { $0 > 0 }
                t.primaryKey(["handoverId", "donationItemId"])
            }

            try db.create(table: "pledge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("sponsor", inTable: "sponsor", onDelete: .restrict).notNull()
                t.column("date", .text).notNull()
                t.column("value", .integer).notNull().check { $0 > 0 }
                t.column("items", .text)  // what is promised when it is not money
                t.column("dueOn", .text).notNull()
                t.column("purpose", .text).notNull().check { length($0) > 0 }
                t.belongsTo("campaign", inTable: "campaign", onDelete: .restrict)
                t.belongsTo("recipientUnit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("cancelledOn", .text)
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "dueOn >= date")
            }
            try db.create(table: "pledgeFulfilment") { t in
                t.belongsTo("pledge", inTable: "pledge", onDelete: .cascade).notNull()
                t.belongsTo("donation", inTable: "donation", onDelete: .restrict).notNull()
                t.column("value", .integer).notNull().check { $0 > 0 }
                t.primaryKey(["pledgeId", "donationId"])
            }

            try db.create(table: "volunteer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", inTable: "person", onDelete: .restrict).notNull().unique()
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("skills", .text).notNull().defaults(to: "")
                t.column("availability", .text)
                t.column("since", .text).notNull()
                t.column("active", .boolean).notNull().defaults(to: true)
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "volunteerRole") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("volunteer", inTable: "volunteer", onDelete: .cascade).notNull()
                t.belongsTo("activity", inTable: "activity", onDelete: .cascade)
                t.belongsTo("clubSession", inTable: "clubSession", onDelete: .cascade)
                t.column("role", .text).notNull().check { length($0) > 0 }
                t.check(sql: "(activityId IS NULL) <> (clubSessionId IS NULL)")
            }
            try db.create(table: "volunteerHours") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("volunteer", inTable: "volunteer", onDelete: .restrict).notNull()
                t.column("date", .text).notNull()
                t.column("minutes", .integer).notNull().check(sql: "minutes > 0 AND minutes <= 1440")
                t.belongsTo("activity", inTable: "activity", onDelete: .setNull)
                t.belongsTo("clubSession", inTable: "clubSession", onDelete: .setNull)
                t.column("description", .text)
                t.column("status", .text).notNull().defaults(to: "pending").check(sql: "status IN ('pending','approved','rejected')")
                t.column("enteredByAccount", .integer)
                t.column("enteredBy", .text).notNull()
                t.column("enteredAt", .datetime).notNull()
                t.column("reviewedByAccount", .integer)
                t.column("reviewedBy", .text)
                t.column("reviewedAt", .datetime)
                t.column("rejectReason", .text)
                // Approval is a second pair of eyes: never the account that entered the hours.
                t.check(sql: "reviewedByAccount IS NULL OR enteredByAccount IS NULL OR reviewedByAccount <> enteredByAccount")
            }
            try db.create(index: "volunteerHours_date", on: "volunteerHours", columns: ["date"])
        }
        // A volunteer's own page: personal links, stored as hashes, expiring and revocable.
        migrator.registerMigration("socialization.v2-volunteer-links") { db in
            try db.create(table: "volunteerLink") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("volunteer", inTable: "volunteer", onDelete: .cascade).notNull()
                t.column("tokenHash", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresOn", .text).notNull()
                t.column("revokedAt", .datetime)
                t.column("createdBy", .text).notNull()
            }
        }
    }
}
