import GRDB
import Store

/// Tables of the Recognition module: registrations for a learning-model title and their assessment scores,
/// monthly library visits, indicator values entered by hand, and the yearly report's texts and state.
package enum RecognitionSchema: SchemaModule {
    /// A registration's subject is a person when its kind says so (no foreign key: it may be a household or a unit).
    package static var personReferences: [PersonReference] {
        [PersonReference(table: "registration", column: "subjectId", condition: "subjectKind = 'person'")]
    }

    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("recognition.v1") { db in
            try db.create(table: "registration") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("year", .integer).notNull().check(sql: "year BETWEEN 2000 AND 2100")
                t.column("setKey", .text).notNull()
                t.column("subjectKind", .text).notNull().check(sql: "subjectKind IN ('household','clan','village','commune','unit','person')")
                t.column("subjectId", .integer).notNull()
                t.column("registeredOn", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "registered")
                    .check(sql: "status IN ('registered','assessed','approved','rejected')")
                t.column("score", .integer)
                t.column("result", .text)
                t.column("assessedOn", .text)
                t.column("assessor", .text)
                t.column("decidedBy", .text)
                t.column("nominationId", .integer)
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["year", "setKey", "subjectKind", "subjectId"])
            }
            try db.create(table: "assessmentScore") { t in
                t.belongsTo("registration", inTable: "registration", onDelete: .cascade).notNull()
                t.column("criterionKey", .text).notNull()
                t.column("points", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("passed", .boolean).notNull().defaults(to: false)
                t.column("computed", .boolean).notNull().defaults(to: false)
                t.column("evidence", .text)
                t.primaryKey(["registrationId", "criterionKey"])
            }
            try db.create(table: "libraryVisit") { t in
                t.belongsTo("library", inTable: "unit", onDelete: .restrict).notNull()
                t.column("month", .text).notNull()  // yyyy-MM
                t.column("visits", .integer).notNull().check { $0 >= 0 }
                t.column("readers", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("loans", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("newCards", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("onlineUses", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.primaryKey(["libraryId", "month"])
            }
            try db.create(table: "indicatorValue") { t in
                t.column("indicatorKey", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("value", .double).notNull()
                t.column("sourceNote", .text).notNull()
                t.column("enteredBy", .text).notNull()
                t.column("enteredAt", .datetime).notNull()
                t.primaryKey(["indicatorKey", "year"])
            }
            try db.create(table: "reportText") { t in
                t.column("year", .integer).notNull()
                t.column("section", .text).notNull()
                t.column("text", .text).notNull()
                t.column("updatedBy", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["year", "section"])
            }
            try db.create(table: "reportState") { t in
                t.column("year", .integer).primaryKey()
                t.column("finalisedAt", .datetime)
                t.column("finalisedBy", .text)
            }
        }
        // Standing duties of the programme (plan V), recorded per year and unit with their evidence.
        migrator.registerMigration("recognition.v2-duties") { db in
            try db.create(table: "dutyStatus") { t in
                t.column("year", .integer).notNull().check(sql: "year BETWEEN 2000 AND 2100")
                t.column("dutyKey", .text).notNull()
                t.belongsTo("unit", inTable: "unit", onDelete: .cascade).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('not_started','in_progress','done','not_done')")
                t.column("evidence", .text)
                t.column("updatedBy", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["year", "dutyKey", "unitId"])
            }
        }
    }
}
