import GRDB
import Store

/// Tables of the Campaigns module. v1: each year's dates and theme of the observances set yearly, and local festivals.
public enum CampaignsSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
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
    }
}
