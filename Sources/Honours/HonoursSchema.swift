import Clubs
import GRDB
import Store

/// Tables of the Honours module: clans, discipline flags, nominations with their evidence, council meetings,
/// decisions (numbered when issued, never edited after) with their recipients, and the register of good models.
package enum HonoursSchema: SchemaModule {
    package static var dependsOn: [any SchemaModule.Type] { [ClubsSchema.self] }

    package static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("honours.v1") { db in
            // Dòng họ: a clan of a village, a collective that can be honoured ("Dòng họ học tập").
            try db.create(table: "clan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("sortKey", .text).notNull()
                t.belongsTo("village", inTable: "unit", onDelete: .restrict)
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
            }
            // A person under discipline or investigation cannot be approved for an honour while the flag stands.
            try db.create(table: "disciplineFlag") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", inTable: "person", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('discipline','investigation')")
                t.column("since", .text).notNull()
                t.column("until", .text)
                t.column("note", .text)
                t.column("createdBy", .text).notNull()
                t.check(sql: "until IS NULL OR until >= since")
            }
            try db.create(table: "councilMeeting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull()
                t.column("minutesRef", .text).notNull().check { length($0) > 0 }
                t.column("members", .integer).notNull().check { $0 > 0 }
                t.column("notes", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "decision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("year", .integer).notNull()
                t.column("level", .text).notNull().check(sql: "level IN ('commune','higher')")
                // Commune decisions: numbered when issued, without gaps within the year of signing (numberYear), which
                // may differ from the year the honours are for (`year`: last year's honours signed in January).
                t.column("numberYear", .integer)
                t.column("seq", .integer)
                t.column("number", .text)
                t.column("date", .text)
                t.column("formKey", .text).notNull()
                t.column("subject", .text).notNull().check { length($0) > 0 }
                t.column("signerName", .text).notNull()
                t.column("signerTitle", .text).notNull()
                t.column("issuer", .text).notNull()
                t.column("legalGrounds", .text).notNull().defaults(to: "")
                t.column("kind", .text).notNull().defaults(to: "original").check(sql: "kind IN ('original','amend','revoke')")
                t.belongsTo("corrects", inTable: "decision", onDelete: .restrict)
                t.column("status", .text).notNull().defaults(to: "draft").check(sql: "status IN ('draft','issued')")
                t.column("issuedAt", .datetime)
                t.column("issuedBy", .text)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "(kind = 'original') = (correctsId IS NULL)")
                t.check(sql: "status = 'draft' OR (number IS NOT NULL AND date IS NOT NULL)")
            }
            try db.create(index: "decision_number", on: "decision", columns: ["level", "numberYear", "seq"], unique: true, condition: Column("seq") != nil)
            try db.create(table: "nomination") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("year", .integer).notNull().check(sql: "year BETWEEN 2000 AND 2100")
                t.column("recipientKind", .text).notNull().check(sql: "recipientKind IN ('individual','household','clan','club','unit')")
                t.belongsTo("person", inTable: "person", onDelete: .restrict)
                t.belongsTo("household", inTable: "household", onDelete: .restrict)
                t.belongsTo("clan", inTable: "clan", onDelete: .restrict)
                t.belongsTo("club", inTable: "club", onDelete: .restrict)
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict)
                t.column("achievement", .text).notNull().check { length($0) > 0 }
                t.column("formKey", .text).notNull()
                t.column("commendationType", .text).notNull().check(sql: "commendationType IN ('regular','ad_hoc','movement','long_service')")
                t.belongsTo("proposingUnit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("status", .text).notNull().defaults(to: "draft")
                    .check(sql: "status IN ('draft','submitted','reviewed','approved','rejected')")
                t.belongsTo("meeting", inTable: "councilMeeting", onDelete: .restrict)
                t.column("votesFor", .integer)
                t.column("votesAgainst", .integer)
                t.column("rejectReason", .text)
                t.column("award", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.belongsTo("decision", inTable: "decision", onDelete: .setNull)
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.check(sql: """
                    (recipientKind = 'individual' AND personId IS NOT NULL) OR (recipientKind = 'household' AND householdId IS NOT NULL)
                    OR (recipientKind = 'clan' AND clanId IS NOT NULL) OR (recipientKind = 'club' AND clubId IS NOT NULL)
                    OR (recipientKind = 'unit' AND unitId IS NOT NULL)
                    """)
                t.check(sql: "status <> 'rejected' OR rejectReason IS NOT NULL")
            }
            try db.create(index: "nomination_year", on: "nomination", columns: ["year", "status"])
            try db.create(table: "nominationEvidence") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("nomination", inTable: "nomination", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('campaign','donation','club','volunteer','assessment','link')")
                t.column("refId", .integer)
                t.column("link", .text)
                t.column("note", .text)
            }
            // An issued decision is never edited: it is corrected by a new decision that amends or revokes it.
            try db.execute(sql: """
                CREATE TRIGGER decision_issued_frozen BEFORE UPDATE ON decision WHEN old.status = 'issued' BEGIN
                  SELECT RAISE(ABORT, 'Quyết định đã ban hành không được sửa: hãy ban hành quyết định sửa đổi hoặc thu hồi');
                END;
                CREATE TRIGGER decision_issued_kept BEFORE DELETE ON decision WHEN old.status = 'issued' BEGIN
                  SELECT RAISE(ABORT, 'Quyết định đã ban hành không được xóa');
                END;
                CREATE TRIGGER nomination_in_issued_decision BEFORE UPDATE ON nomination
                  WHEN old.decisionId IS NOT NULL AND (SELECT status FROM decision WHERE id = old.decisionId) = 'issued'
                  AND (new.decisionId IS NOT old.decisionId OR new.achievement <> old.achievement OR new.award <> old.award OR new.status <> old.status) BEGIN
                  SELECT RAISE(ABORT, 'Người được khen trong quyết định đã ban hành không được sửa');
                END;
                """)
            try db.create(table: "goodModel") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.belongsTo("unit", inTable: "unit", onDelete: .restrict).notNull()
                t.column("year", .integer).notNull()
                t.column("description", .text).notNull()
                t.column("replicatedWhere", .text)
                t.column("createdAt", .datetime).notNull()
            }
        }
        // Labels compare syllable by syllable, letters then tone (the rule NameSortKey now follows).
        migrator.registerMigration("honours.v-syllable-sort") { db in
            try SortKeyRefresh.labels(db, table: "clan")
        }
    }
}
