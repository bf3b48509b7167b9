import Campaigns
import Clubs
import Honours
import Messaging
import Organisations
import Recognition
import SignUp
import Socialization
import Training
import GRDB
import Store

/// Every module that owns tables, in dependency order: the one list the migrator gathers from.
package enum AllModules {
    package static var schemas: [any SchemaModule.Type] {
        [
        StoreSchema.self, CampaignsSchema.self, ClubsSchema.self, SocializationSchema.self, HonoursSchema.self,
        TrainingSchema.self, RecognitionSchema.self, SignUpSchema.self, OrganisationsSchema.self, MessagingSchema.self,
        ]
    }

    package static func open(path: String) throws -> AppDatabase {
        try AppDatabase.open(path: path, modules: schemas)
    }

    /// Names of the migrations applied to a database, in order.
    package static func migratorNames(_ db: Database) throws -> [String] {
        try AppDatabase.migrator(modules: schemas).appliedMigrations(db)
    }

    package static func inMemory() throws -> AppDatabase {
        try AppDatabase.inMemory(modules: schemas)
    }
}
