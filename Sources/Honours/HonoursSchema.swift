import GRDB
import Store

/// Tables of the Honours module. Its issue adds them as migrations named "honours.v1", "….v2"…
public enum HonoursSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {}
}
