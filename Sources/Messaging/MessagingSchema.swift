import GRDB
import Store

/// Tables of the Messaging module: the log of every export (who, when, template, audience, how many).
package enum MessagingSchema: SchemaModule {
    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("messaging.v1") { db in
            try db.create(table: "messageExport") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("createdAt", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("template", .text).notNull()
                t.column("audience", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("format", .text).notNull()
                t.column("ascii", .boolean).notNull()
                t.column("messages", .integer).notNull()
                t.column("excluded", .integer).notNull()
                t.column("segments", .integer).notNull()
                t.column("estimatedCost", .integer).notNull()
                t.column("destination", .text)
            }
            try db.create(index: "messageExport_createdAt", on: "messageExport", columns: ["createdAt"])
        }
        // The people each export reached (varint deltas of their ids): the weekly cap per channel is computed from
        // the log, not from old files.
        migrator.registerMigration("messaging.v2-recipients") { db in
            try db.alter(table: "messageExport") { t in t.add(column: "recipients", .blob) }
        }
    }
}
