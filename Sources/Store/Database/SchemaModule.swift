import GRDB

/// A module that owns tables registers its migrations here; `AppDatabase` gathers them all into one migrator.
/// A migration, once on main, is never edited: add a new one.
public protocol SchemaModule {
    static func registerMigrations(in migrator: inout DatabaseMigrator)
}
