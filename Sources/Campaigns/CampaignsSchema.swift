import GRDB
import Store

/// Tables of the Campaigns module. v1: each year's dates and theme of the observances set yearly, and local festivals.
/// v2: campaigns with their status history, coordinating units, budget lines, activities with outcomes, assignments.
/// v3: who attended an activity, by name; a task's branch.
package enum CampaignsSchema: SchemaModule {
    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("campaigns.v1") { db in
            try db.create(table: "observanceYear") { t in
                t.column("observanceKey", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("theme", .text)
                t.primaryKey(["observanceKey", "year"])
                t.check(sql: "endDate >= startDate")
            }
            try db.create(table: "localFestival") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict)
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("description", .text)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "endDate >= startDate")
            }
            try db.create(index: "localFestival_start", on: "localFestival", columns: ["startDate"])
        }
        migrator.registerMigration("campaigns.v2") { db in
            try db.create(table: "campaign") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.column("theme", .text)
                t.column("observanceKey", .text)
                t.column("year", .integer).notNull().check(sql: "year BETWEEN 1900 AND 2100")
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("goals", .text)
                t.belongsTo("leadUnit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("status", .text).notNull().defaults(to: "draft")
                    .check(sql: "status IN ('draft','approved','running','done','archived')")
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.check(sql: "endDate >= startDate")
            }
            try db.create(index: "campaign_year", on: "campaign", columns: ["year", "startDate"])
            try db.create(table: "campaignUnit") { t in
                t.belongsTo("campaign", inTable: "campaign", onDelete: .cascade).notNull()
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.primaryKey(["campaignId", "unitId"])
            }
            try db.create(table: "campaignStatusChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("campaign", inTable: "campaign", onDelete: .cascade).notNull()
                t.column("status", .text).notNull()
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("note", .text)
            }
            try db.create(table: "budgetLine") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("campaign", inTable: "campaign", onDelete: .cascade).notNull()
                t.column("item", .text).notNull().check { length($0) > 0 }
                t.column("source", .text).notNull().check(sql: "source IN ('state_budget','socialization')")
                t.column("planned", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("spent", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            }
            try db.create(table: "activity") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("campaign", inTable: "campaign", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull()
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.column("startsAt", .text).notNull()
                t.column("endsAt", .text).notNull()
                t.column("place", .text)
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("channels", .text).notNull().defaults(to: "")
                t.column("expectedParticipants", .integer)
                t.column("expectedBooksLent", .integer)
                t.column("expectedPosts", .integer)
                t.column("expectedReach", .integer)
                t.column("participantsMale", .integer)
                t.column("participantsFemale", .integer)
                t.column("participantsChildren", .integer)
                t.column("participantsYouth", .integer)
                t.column("participantsAdults", .integer)
                t.column("participantsElderly", .integer)
                t.column("booksLent", .integer)
                t.column("newLibraryCards", .integer)
                t.column("postsPublished", .integer)
                t.column("reach", .integer)
                t.column("notes", .text)
                t.column("updatedAt", .datetime).notNull()
                t.check(sql: "endsAt >= startsAt")
            }
            try db.create(index: "activity_campaign", on: "activity", columns: ["campaignId", "startsAt"])
            try db.create(index: "activity_starts", on: "activity", columns: ["startsAt"])
            try db.create(table: "assignment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("campaign", inTable: "campaign", onDelete: .cascade).notNull()
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("task", .text).notNull().check { length($0) > 0 }
                t.column("dueDate", .text)
                t.column("status", .text).notNull().defaults(to: "todo").check(sql: "status IN ('todo','doing','done')")
            }
        }
        // Attendance by name (tapped as for a club session), beside the counts; and tasks of an organisation's branch
        // (its chi hội in one village), so a campaign week can hand each village its own work.
        migrator.registerMigration("campaigns.v3-attendance-branches") { db in
            try db.create(table: "activityAttendee") { t in
                t.belongsTo("activity", inTable: "activity", onDelete: .cascade).notNull()
                t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
                t.column("markedAt", .datetime).notNull()
                t.column("markedBy", .text).notNull()
                t.primaryKey(["activityId", "personId"])
            }
            try db.alter(table: "assignment") { t in t.add(column: "branchId", .integer).references("unit", onDelete: .restrict) }
        }
    }
}
