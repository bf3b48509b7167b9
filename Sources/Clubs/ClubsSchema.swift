import GRDB
import Store

/// Tables of the Clubs module. Its issue adds them as migrations named "clubs.v1", "….v2"…
public enum ClubsSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {}
}
