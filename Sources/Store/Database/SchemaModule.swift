import GRDB

/// A module that owns tables registers its migrations here; `AppDatabase` gathers them all into one migrator.
/// A migration, once on main, is never edited: add a new one.
package protocol SchemaModule {
    static func registerMigrations(in migrator: inout DatabaseMigrator)
    /// Columns of the module's tables that hold a person's id without a foreign key, for a merge to move.
    static var personReferences: [PersonReference] { get }
    /// The modules whose tables this one's foreign keys point into (the store's own are always there): they must
    /// be migrated first, and the package graph has the same edges.
    static var dependsOn: [any SchemaModule.Type] { get }
}

extension SchemaModule {
    package static var personReferences: [PersonReference] { [] }
    package static var dependsOn: [any SchemaModule.Type] { [] }
}
