import GRDB

/// Tables shared by every module: units, people, households, consents, accounts, sessions, audit, settings.
package enum StoreSchema: SchemaModule {
    /// A household's head is a person without a foreign key (the tables refer to each other).
    package static var personReferences: [PersonReference] { [PersonReference(table: "household", column: "headId")] }

    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("store.v1") { db in
            try createUnits(db)
            try createPeople(db)
            try createAccounts(db)
            try createAuditAndSettings(db)
        }
        // Few residents are placed in a household record; an index of a million NULLs cost a second on every bulk
        // import for nothing. `householdId = ?` implies NOT NULL, so lookups and the SET NULL action still use it.
        migrator.registerMigration("store.v2-household-index") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS person_on_householdId;
                CREATE INDEX person_household ON person(householdId) WHERE householdId IS NOT NULL;
                """)
        }
        migrator.registerMigration("store.v3-person-search", migrate: rebuildPersonSearch)
        // Consents are always looked up for one person (and a channel): one index on both serves every query, the
        // ON DELETE CASCADE and the dashboard count, where two indexes cost two rebuilds on every bulk import.
        migrator.registerMigration("store.v4-consent-index") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS consent_on_personId;
                DROP INDEX IF EXISTS consent_channel;
                CREATE INDEX consent_person_channel ON consent(personId, channel);
                """)
        }
        // Failures age out after the lock duration, and the newest one is what a login-wide slow-down looks at.
        migrator.registerMigration("store.v5-login-throttle") { db in
            try db.alter(table: "loginThrottle") { t in t.add(column: "lastFailureAt", .datetime) }
        }
        // A calendar feed's address travels to phones and shared calendars: it carries a token that reads the
        // calendar and opens nothing else, never an API token (an admin's can write).
        migrator.registerMigration("store.v6-token-scope") { db in
            try db.alter(table: "apiToken") { t in t.add(column: "scope", .text).notNull().defaults(to: "api") }
        }
        // A one-time password (a new account, a reset) must be replaced by its owner at the first sign-in.
        migrator.registerMigration("store.v7-password-change") { db in
            try db.alter(table: "account") { t in t.add(column: "mustChangePassword", .boolean).notNull().defaults(to: false) }
        }
        // The language a person prefers messages in (ISO 639-3; empty for Vietnamese).
        migrator.registerMigration("store.v8-person-language") { db in
            try db.alter(table: "person") { t in t.add(column: "language", .text) }
        }
        // Names sort by the given name compared completely (letters, then tone) before the middle and family names,
        // a person may carry a sort name of their own, and apostrophes no longer split a name for search.
        migrator.registerMigration("store.v9-given-name-order") { db in
            try db.alter(table: "person") { t in t.add(column: "sortName", .text) }
            try SortKeyRefresh.personNames(db, table: "person", nameColumn: "fullName", sortNameColumn: "sortName")
            try SortKeyRefresh.personNames(db, table: "household", nameColumn: "name", sortNameColumn: nil)
            try SortKeyRefresh.labels(db, table: "unit")
            try SortKeyRefresh.apostropheSearchKeys(db, table: "person", nameColumn: "fullName")
            try SortKeyRefresh.apostropheSearchKeys(db, table: "unit", nameColumn: "name")
        }
        // Merges of duplicate residents, with what each moved, so that one can be undone from the audit log.
        migrator.registerMigration("store.v10-person-merge") { db in
            try db.create(table: "personMerge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("keptId", .integer).notNull()
                t.column("removedId", .integer).notNull()
                t.column("removedName", .text).notNull()
                t.column("log", .text).notNull()
                t.column("mergedBy", .text).notNull()
                t.column("mergedAt", .datetime).notNull()
                t.column("undoneAt", .datetime)
                t.column("undoneBy", .text)
            }
        }
        // A consent given on a public sign-up page keeps the exact text the person read (Luật BVDLCN 2025: provable).
        migrator.registerMigration("store.v11-consent-wording") { db in
            try db.alter(table: "consent") { t in t.add(column: "wording", .text) }
        }
        // The message export reads every consent of a channel in person order beside the people: with the withdrawal
        // date in the index it never visits the table (a third of the consents' reading time on a million people).
        // Same leading columns, so every lookup the old index served it serves.
        migrator.registerMigration("store.v12-consent-covering-index") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS consent_person_channel;
                CREATE INDEX consent_person_channel_withdrawn ON consent(personId, channel, withdrawnOn);
                """)
        }
    }

    /// Names alone in the full-text index, with prefix tables up to six letters (most Vietnamese syllables): a
    /// name typed on ("nguyen minh*") then reads one prefix list instead of merging every word that starts so,
    /// which halves the search time on a million people. Phones move to a B-tree (`person_phone`): a million
    /// unique numbers times five prefix tables would have cost seconds on every bulk import; a range on the
    /// B-tree finds a phone start at once.
    private static func rebuildPersonSearch(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS person_fts_insert;
            DROP TRIGGER IF EXISTS person_fts_delete;
            DROP TRIGGER IF EXISTS person_fts_update;
            DROP TABLE IF EXISTS person_fts;
            \(searchIndex(on: "person", options: "columnsize=0, prefix='2 3 4 5 6'"))
            INSERT INTO person_fts(rowid, terms) SELECT id, searchKey FROM person;
            CREATE INDEX person_phone ON person(phone) WHERE phone IS NOT NULL;
            """)
    }

    static let unitKinds = UnitKind.allCases.map(\.rawValue)

    /// A contentless full-text index over `table.searchKey` (the folded name), kept true by triggers. detail=none:
    /// names are short, positions are not worth storing.
    static func searchIndex(on table: String, options: String) -> String {
        """
        CREATE VIRTUAL TABLE \(table)_fts USING fts5(terms, content='', detail=none, \(options), tokenize='unicode61');
        CREATE TRIGGER \(table)_fts_insert AFTER INSERT ON \(table) BEGIN
          INSERT INTO \(table)_fts(rowid, terms) VALUES (new.id, new.searchKey);
        END;
        CREATE TRIGGER \(table)_fts_delete AFTER DELETE ON \(table) BEGIN
          INSERT INTO \(table)_fts(\(table)_fts, rowid, terms) VALUES ('delete', old.id, old.searchKey);
        END;
        CREATE TRIGGER \(table)_fts_update AFTER UPDATE OF searchKey ON \(table) BEGIN
          INSERT INTO \(table)_fts(\(table)_fts, rowid, terms) VALUES ('delete', old.id, old.searchKey);
          INSERT INTO \(table)_fts(rowid, terms) VALUES (new.id, new.searchKey);
        END;
        """
    }

    private static func createUnits(_ db: Database) throws {
        try db.create(table: "unit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("sortKey", .text).notNull().indexed()
            t.column("searchKey", .text).notNull()
            t.column("kind", .text).notNull()
                .check(sql: "kind IN (\(unitKinds.map { "'\($0)'" }.joined(separator: ",")))")
            t.belongsTo("parent", inTable: "unit", onDelete: .restrict)
            t.column("address", .text)
            t.column("phone", .text)
            t.column("email", .text)
            t.column("contactName", .text)
            t.column("isActive", .boolean).notNull().defaults(to: true)
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.check(sql: "parentId IS NULL OR parentId <> id")
        }
        try db.create(index: "unit_kind", on: "unit", columns: ["kind", "sortKey"])
        try db.execute(sql: searchIndex(on: "unit", options: "prefix='2 3'"))
        try db.create(table: "unitFormerName") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("unit", inTable: "unit", onDelete: .cascade).notNull()
            t.column("name", .text).notNull()
            t.column("usedFrom", .text)
            t.column("usedUntil", .text)
            t.column("note", .text)
        }
    }

    private static func createPeople(_ db: Database) throws {
        try db.create(table: "household") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("sortKey", .text).notNull()
            t.belongsTo("village", inTable: "unit", onDelete: .restrict)
            t.column("headId", .integer)  // a person; FK added by the person table below would be circular
            t.column("address", .text)
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "person") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("fullName", .text).notNull().check { length($0) > 0 }
            t.column("sortKey", .text).notNull()
            t.column("searchKey", .text).notNull()
            t.column("gender", .text).notNull().defaults(to: "unknown")
                .check(sql: "gender IN ('male','female','other','unknown')")
            t.column("birthDate", .text)
            t.column("birthYear", .integer).check(sql: "birthYear IS NULL OR birthYear BETWEEN 1880 AND 2200")
            t.column("ethnicity", .text)
            // Not indexed alone: person_village_sort starts with villageId and serves the same lookups.
            t.belongsTo("village", inTable: "unit", onDelete: .restrict, indexed: false)
            t.belongsTo("household", inTable: "household", onDelete: .setNull)
            t.column("relationToHead", .text)
            t.column("phone", .text)
            t.column("phoneOriginal", .text)
            t.column("zalo", .text)
            t.column("email", .text)
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(index: "person_sort", on: "person", columns: ["sortKey"])
        try db.create(index: "person_village_sort", on: "person", columns: ["villageId", "sortKey"])
        // Full-text search over the folded name and the phone digits (as first made; `store.v3-person-search`
        // keeps names only). detail=none keeps the index small and fast: names are short, positions not worth storing.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE person_fts USING fts5(terms, content='', detail=none, columnsize=0, prefix='2 3', tokenize='unicode61');
            CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
              INSERT INTO person_fts(rowid, terms) VALUES (new.id, new.searchKey || ' ' || coalesce(substr(new.phone, 4), ''));
            END;
            CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
              INSERT INTO person_fts(person_fts, rowid, terms) VALUES ('delete', old.id, old.searchKey || ' ' || coalesce(substr(old.phone, 4), ''));
            END;
            CREATE TRIGGER person_fts_update AFTER UPDATE OF searchKey, phone ON person BEGIN
              INSERT INTO person_fts(person_fts, rowid, terms) VALUES ('delete', old.id, old.searchKey || ' ' || coalesce(substr(old.phone, 4), ''));
              INSERT INTO person_fts(rowid, terms) VALUES (new.id, new.searchKey || ' ' || coalesce(substr(new.phone, 4), ''));
            END;
            """)
        // Counters kept by triggers: COUNT(*) over a million rows costs ~30 ms, a list page cannot afford it.
        try db.execute(sql: """
            CREATE TABLE personCount (villageId INTEGER PRIMARY KEY, count INTEGER NOT NULL);
            CREATE TRIGGER person_count_insert AFTER INSERT ON person BEGIN
              INSERT INTO personCount(villageId, count) VALUES (coalesce(new.villageId, 0), 1)
                ON CONFLICT(villageId) DO UPDATE SET count = count + 1;
            END;
            CREATE TRIGGER person_count_delete AFTER DELETE ON person BEGIN
              UPDATE personCount SET count = count - 1 WHERE villageId = coalesce(old.villageId, 0);
            END;
            CREATE TRIGGER person_count_move AFTER UPDATE OF villageId ON person
              WHEN coalesce(old.villageId, 0) <> coalesce(new.villageId, 0) BEGIN
              UPDATE personCount SET count = count - 1 WHERE villageId = coalesce(old.villageId, 0);
              INSERT INTO personCount(villageId, count) VALUES (coalesce(new.villageId, 0), 1)
                ON CONFLICT(villageId) DO UPDATE SET count = count + 1;
            END;
            """)
        try db.create(table: "consent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
            t.column("channel", .text).notNull()
                .check(sql: "channel IN (\(ConsentChannel.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
            t.column("purpose", .text).notNull()
            t.column("givenOn", .text).notNull()
            t.column("method", .text).notNull()
            t.column("guardianName", .text)
            t.column("withdrawnOn", .text)
            t.column("note", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "consent_channel", on: "consent", columns: ["channel", "personId"])
    }

    private static func createAccounts(_ db: Database) throws {
        try db.create(table: "account") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("login", .text).notNull().unique(onConflict: .abort).collate(.nocase)
            t.column("displayName", .text).notNull()
            t.column("passwordHash", .text).notNull()
            t.column("role", .text).notNull().check(sql: "role IN ('admin','officer','editor','viewer')")
            t.column("isDisabled", .boolean).notNull().defaults(to: false)
            t.column("createdAt", .datetime).notNull()
            t.column("lastLoginAt", .datetime)
        }
        try db.create(table: "accountUnit") { t in
            t.belongsTo("account", inTable: "account", onDelete: .cascade).notNull()
            t.belongsTo("unit", inTable: "unit", onDelete: .cascade).notNull()
            t.primaryKey(["accountId", "unitId"])
        }
        try db.create(table: "apiToken") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("account", inTable: "account", onDelete: .cascade).notNull()
            t.column("tokenHash", .text).notNull().unique()
            t.column("createdAt", .datetime).notNull()
            t.column("revokedAt", .datetime)
        }
        try db.create(table: "webSession") { t in
            t.column("idHash", .text).primaryKey()
            t.belongsTo("account", inTable: "account", onDelete: .cascade).notNull()
            t.column("csrfToken", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
        }
        try db.create(table: "loginThrottle") { t in
            t.column("login", .text).notNull()
            t.column("address", .text).notNull()
            t.column("failures", .integer).notNull()
            t.column("lockedUntil", .datetime)
            t.primaryKey(["login", "address"])
        }
    }

    private static func createAuditAndSettings(_ db: Database) throws {
        try db.create(table: "auditEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("accountId", .integer)  // no FK: the trail outlives deleted accounts
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entityId", .text)
            t.column("before", .text)
            t.column("after", .text)
        }
        try db.create(index: "audit_entity", on: "auditEntry", columns: ["entity", "entityId"])
        try db.create(index: "audit_account", on: "auditEntry", columns: ["accountId"])
        try db.create(table: "setting") { t in
            t.column("key", .text).primaryKey()
            t.column("value", .text).notNull()
        }
    }
}
