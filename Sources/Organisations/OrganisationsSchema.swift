import GRDB
import Store

/// Members of the Fatherland Front and the mass organisations (issue #22): who belongs to which organisation, in
/// which branch (chi hội, chi đoàn — one a village), with which role, from when to when. History is kept.
package enum OrganisationsSchema: SchemaModule {
    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("organisations.v1") { db in
            try db.create(table: "orgMember") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("org", inTable: "unit", onDelete: .restrict).notNull()
                t.belongsTo("person", inTable: "person", onDelete: .restrict).notNull()
                t.belongsTo("branch", inTable: "unit", onDelete: .setNull)
                t.column("role", .text).notNull().check(sql: "role IN ('head','deputy','member')")
                t.column("number", .text)
                t.column("joinedOn", .text).notNull()
                t.column("leftOn", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
                t.check(sql: "leftOn IS NULL OR leftOn >= joinedOn")
            }
            // One current membership of a person in an organisation; former ones stay as history.
            try db.create(index: "orgMember_current", on: "orgMember", columns: ["orgId", "personId"], unique: true, condition: Column("leftOn") == nil)
            try db.create(index: "orgMember_person", on: "orgMember", columns: ["personId"])
        }
    }
}
