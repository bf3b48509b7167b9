import GRDB
import Store

/// Tables of the Recognition module. Its issue adds them as migrations named "recognition.v1", "….v2"…
public enum RecognitionSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {}
}
