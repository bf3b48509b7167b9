import GRDB
import Store

/// Tables of the Clubs module: clubs (classes, interest groups) of a cultural house or another unit, their status
/// history, memberships with history, sessions and attendance.
package enum ClubsSchema: SchemaModule {
    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("clubs.v1") { db in
            try db.create(table: "club") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("sortKey", .text).notNull()
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('talent_class','club','interest_group')")
                t.column("field", .text).notNull()
                    .check(sql: "field IN ('reading','arts_music','gong_culture','sports','tourism','digital_skills','crafts','other')")
                t.column("ageGroups", .text).notNull().defaults(to: "")
                t.belongsTo("leader", inTable: "person", onDelete: .setNull)
                t.column("schedule", .text)
                t.column("foundedOn", .text)
                t.column("status", .text).notNull().defaults(to: "active").check(sql: "status IN ('active','paused','closed')")
                t.column("statusSince", .text)
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "clubStatusChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("club", inTable: "club", onDelete: .cascade).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('active','paused','closed')")
                t.column("since", .text).notNull()
                t.column("note", .text)
            }
            try db.create(table: "clubMember") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("club", inTable: "club", onDelete: .cascade).notNull()
                t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
                t.column("role", .text).notNull().defaults(to: "member").check(sql: "role IN ('head','deputy','member')")
                t.column("joinedOn", .text).notNull()
                t.column("leftOn", .text)
                t.check(sql: "leftOn IS NULL OR leftOn >= joinedOn")
            }
            // One open membership per person and club; past ones stay as history.
            try db.create(index: "clubMember_open", on: "clubMember", columns: ["clubId", "personId"], unique: true, condition: Column("leftOn") == nil)
            try db.create(index: "clubMember_person", on: "clubMember", columns: ["personId"])
            try db.create(table: "clubSession") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("club", inTable: "club", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()
                t.column("topic", .text)
                t.column("place", .text)
                t.column("guests", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "clubSession_club_date", on: "clubSession", columns: ["clubId", "date"])
            try db.create(table: "attendance") { t in
                t.belongsTo("session", inTable: "clubSession", onDelete: .cascade).notNull()
                t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('present','absent','excused')")
                t.primaryKey(["sessionId", "personId"])
            }
        }
        // Labels compare syllable by syllable, letters then tone (the rule NameSortKey now follows).
        migrator.registerMigration("clubs.v-syllable-sort") { db in
            try SortKeyRefresh.labels(db, table: "club")
        }
    }
}
