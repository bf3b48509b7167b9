import GRDB
import Store

/// Tables of the Training module (plan III.3): courses and workshops staff attend, who took part with what result,
/// and the self-study hours staff and volunteers record.
package enum TrainingSchema: SchemaModule {
    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("training.v1") { db in
            try db.create(table: "trainingCourse") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.column("organiser", .text).notNull()
                t.column("level", .text).notNull().check(sql: "level IN (\(TrainingLevel.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
                t.column("topic", .text).notNull().check(sql: "topic IN (\(TrainingTopic.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("minutes", .integer).notNull().check { $0 > 0 && $0 <= 60 * 24 * 90 }
                t.column("place", .text)
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.check(sql: "endDate >= startDate")
            }
            try db.create(index: "trainingCourse_start", on: "trainingCourse", columns: ["startDate"])
            try db.create(table: "trainingParticipant") { t in
                t.belongsTo("course", inTable: "trainingCourse", onDelete: .cascade).notNull()
                t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
                // The unit the person serves in when trained (a library, a cultural house, a school…).
                t.belongsTo("unit", inTable: "unit", onDelete: .setNull)
                t.column("role", .text).notNull().check(sql: "role IN ('staff','volunteer')")
                t.column("attended", .boolean).notNull().defaults(to: true)
                t.column("certificate", .text)
                t.primaryKey(["courseId", "personId"])
            }
            try db.create(index: "trainingParticipant_person", on: "trainingParticipant", columns: ["personId"])
            try db.create(table: "selfStudy") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
                t.belongsTo("unit", inTable: "unit", onDelete: .setNull)
                t.column("date", .text).notNull()
                t.column("minutes", .integer).notNull().check { $0 > 0 && $0 <= 60 * 24 }
                t.column("topic", .text).notNull().check(sql: "topic IN (\(TrainingTopic.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
                t.column("description", .text).notNull()
                t.column("enteredBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "selfStudy_date", on: "selfStudy", columns: ["date"])
        }
    }
}
