import GRDB
import Store

/// Tables of the Campaigns module. Its issue adds them as migrations named "campaigns.v1", "….v2"…
public enum CampaignsSchema: SchemaModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {}
}
