import GRDB
import Store

/// Tables of the Messaging module (export log, saved audiences) arrive with its issue.
public enum MessagingSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {}
}
