import GRDB
import Store

/// Tables of the Socialization module. Its issue adds them as migrations named "socialization.v1", "….v2"…
public enum SocializationSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {}
}
