import Clubs
import GRDB
import Honours
import Organisations
import SignUp
import Socialization
import Store
import Vietnamese

/// One possible recipient, before consent and phone rules are applied.
struct AudienceRow: Sendable {
    var isPerson: Bool
    var id: Int64
    var name: String
    var gender: Gender
    var birthYear: Int?
    var villageId: Int64?
    var phone: String?
    /// As typed, only when it could not be read as a number (`phone` nil): what a reject shows.
    var phoneOriginal: String?
    /// 0: never consented to the channel, 1: consent withdrawn, 2: consent in force.
    var consent: Int
    /// The person's messages' language (ISO 639-3; nil: Vietnamese).
    var language: String? = nil
}

extension AudienceSpec {
    var year: Int? { filters["year"].flatMap(Int.init) }
    var campaignId: Int64? { filters["campaign"].flatMap(Int64.init) }
}

/// Turns audience specs into SQL over people and unit contacts, limited to what the account may read.
struct AudienceQuery {
    let specs: [AudienceSpec]
    let channel: ConsentChannel?
    let principal: Principal
    let year: Int
    /// Letters are printed village by village, in name order; an SMS file needs no order.
    let ordered: Bool

    /// The people of the audience, columns in `AudienceRow`'s order. `consentInSQL: false` leaves the consent column 0
    /// for a caller that reads consents beside the rows (`ConsentsInIdOrder`, for a million rows), in id order.
    func peopleSQL(_ db: Database, consentInSQL: Bool = true) throws -> (sql: String, arguments: StatementArguments)? {
        let residents = specs.filter { [.residents, .club, .clubs, .donors, .volunteers, .honoured, .signups, .members].contains($0.kind) }
        guard !residents.isEmpty else { return nil }
        var alternatives: [String] = []
        var arguments: StatementArguments = consentInSQL ? [channel?.rawValue ?? ""] : []
        var signUpAlternatives: [String] = []
        var signUpArguments: StatementArguments = []
        for spec in residents {
            if let (sql, values) = try moduleQuery(spec, db) {
                // Sign-ups are not limited to the account's villages: these people asked this unit, on its own page,
                // to write to them.
                if spec.kind == .signups {
                    signUpAlternatives.append("p.id IN (\(sql))")
                    signUpArguments += values
                } else {
                    alternatives.append("p.id IN (\(sql))")
                    arguments += values
                }
                continue
            }
            var conditions: [String] = []
            if let village = spec.filters["village"] {
                conditions.append("p.villageId = ?")
                arguments += [try villageId(db, village)]
            }
            if let ages = try spec.ageRange() {
                conditions.append("p.birthYear BETWEEN ? AND ?")
                arguments += [year - ages.upperBound, year - ages.lowerBound]
            }
            if let gender = try spec.gender() {
                conditions.append("p.gender = ?")
                arguments += [gender.rawValue]
            }
            if let ethnicity = spec.filters["ethnicity"] {
                let names = try ethnicities(db, matching: ethnicity)
                conditions.append(names.isEmpty ? "0" : "p.ethnicity IN (\(names.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(names)
            }
            alternatives.append(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
        }
        var whereClause = alternatives.isEmpty ? "0" : alternatives.contains("1") ? "1" : alternatives.map { "(\($0))" }.joined(separator: " OR ")
        if case .units(let ids) = principal.readScope {
            whereClause = "(\(whereClause)) AND p.villageId IN (\(ids.sorted().map(String.init).joined(separator: ",")))"
        }
        if !signUpAlternatives.isEmpty {
            whereClause = "(\(whereClause)) OR " + signUpAlternatives.joined(separator: " OR ")
            arguments += signUpArguments
        }
        // Letters go out village by village in name order; consents read beside the rows need them in id order.
        let order = ordered ? " ORDER BY p.villageId, p.sortKey" : consentInSQL ? "" : " ORDER BY p.id"
        let consent = consentInSQL ? """
            coalesce((SELECT \(ConsentsInIdOrder.stateSQL(consent: "c")) FROM consent c
                        WHERE c.channel = ? AND c.personId = p.id), 0)
            """ : "0"
        let sql = """
            SELECT p.id, p.fullName, p.gender, p.birthYear, p.villageId, p.phone,
              CASE WHEN p.phone IS NULL THEN p.phoneOriginal END, \(consent), p.language
            FROM person p WHERE \(whereClause)\(order)
            """
        return (sql, arguments)
    }

    /// The ids of the people an audience kind other than `residents` names, as the module owning its tables writes
    /// the query; nil for `residents`, which filters people directly.
    private func moduleQuery(_ spec: AudienceSpec, _ db: Database) throws -> (sql: String, arguments: StatementArguments)? {
        switch spec.kind {
        case .residents, .units:
            return nil
        case .club:
            guard let id = spec.filters["id"].flatMap(Int64.init), let club = try Club.fetchOne(db, key: id), principal.canRead(unitId: club.unitId) else {
                throw MessagingError("Không có câu lạc bộ số \(spec.filters["id"] ?? "") (hoặc ngoài phạm vi của tài khoản).")
            }
            return ClubAudience.membersSQL(clubId: id)
        case .clubs:
            return (ClubAudience.allMembersSQL(activeClubsOnly: spec.filters["active"] != nil), [])
        case .donors:
            return SocializationAudience.donorPeopleSQL(year: spec.year, campaignId: spec.campaignId)
        case .volunteers:
            return SocializationAudience.volunteersSQL(skill: spec.filters["skill"])
        case .honoured:
            return HonourRoll.honouredPeopleSQL(year: spec.filters["year"].flatMap(Int.init))
        case .signups:
            guard let id = spec.filters["form"].flatMap(Int64.init), try SignUpAudience.form(db, id: id, for: principal) != nil else {
                throw MessagingError("Không có trang đăng ký số \(spec.filters["form"] ?? "") (hoặc ngoài phạm vi của tài khoản).")
            }
            return SignUpAudience.unconfirmedPeopleSQL(formId: id)
        case .members:
            let orgId = spec.filters["unit"].flatMap(Int64.init)
            if let orgId, !principal.canRead(unitId: orgId) {
                throw MessagingError("Không có tổ chức số \(orgId) (hoặc ngoài phạm vi của tài khoản).")
            }
            let village = try spec.filters["village"].map { try villageId(db, $0) }
            return MembershipAudience.membersSQL(orgId: orgId, kind: spec.filters["kind"].flatMap(UnitKind.init(rawValue:)),
                                                 villageId: village, role: spec.filters["role"].flatMap(OrgRole.init(rawValue:)))
        }
    }

    /// Values a template gets from the audience itself: with a single `club:ID`, the club's name and where it meets.
    func sharedValues(_ db: Database) throws -> [String: String] {
        let pages = specs.filter { $0.kind == .signups }
        if pages.count == 1, let id = pages[0].filters["form"].flatMap(Int64.init), let form = try SignUpAudience.form(db, id: id, for: principal) {
            return try SignUpAudience.sharedValues(db, form: form)
        }
        let clubs = specs.filter { $0.kind == .club }
        guard clubs.count == 1, let id = clubs[0].filters["id"].flatMap(Int64.init), let club = try Club.fetchOne(db, key: id) else { return [:] }
        var values = ["club.name": club.name]
        if let place = try OrgUnit.fetchOne(db, key: club.unitId)?.name { values["club.place"] = place }
        return values
    }

    /// Sign-up pages whose approved people this export confirms.
    var signUpForms: [Int64] { specs.filter { $0.kind == .signups }.compactMap { $0.filters["form"].flatMap(Int64.init) } }

    /// Contacts of units (organisations, not private persons: no personal consent applies): units of the kinds asked
    /// for, and businesses or associations that gave.
    func unitRows(_ db: Database) throws -> [AudienceRow] {
        let kinds = specs.filter { $0.kind == .units }.compactMap { $0.filters["kind"] }
        var alternatives: [String] = []
        var arguments: StatementArguments = []
        if !kinds.isEmpty {
            alternatives.append("kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(kinds)
        }
        for spec in specs where spec.kind == .donors {
            let (sql, values) = SocializationAudience.donorUnitsSQL(year: spec.year, campaignId: spec.campaignId)
            alternatives.append("id IN (\(sql))")
            arguments += values
        }
        guard !alternatives.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, coalesce(contactName, name), phone FROM unit WHERE isActive AND (\(alternatives.joined(separator: " OR ")))
            ORDER BY sortKey
            """, arguments: arguments)
        return rows.compactMap { row in
            let id: Int64 = row[0]
            guard principal.canRead(unitId: id) else { return nil }
            let original: String? = row[2]
            let phone = original.flatMap { try? PhoneNumber.parse($0).get().normalized }
            return AudienceRow(isPerson: false, id: id, name: row[1], gender: .unknown, birthYear: nil, villageId: nil,
                               phone: phone, phoneOriginal: original, consent: 2)
        }
    }

    private func villageId(_ db: Database, _ text: String) throws -> Int64 {
        let villages = try Row.fetchAll(db, sql: "SELECT id, name FROM unit WHERE kind = 'village'")
        if let id = Int64(text), villages.contains(where: { $0[0] as Int64 == id }) { return id }
        let key = VietnameseText.searchKey(text)
        guard let match = villages.first(where: { VietnameseText.searchKey($0[1]) == key }) else {
            throw MessagingError("Không có thôn \"\(text)\". Có: \(villages.map { $0[1] as String }.joined(separator: ", ")).")
        }
        return match[0]
    }

    private func ethnicities(_ db: Database, matching text: String) throws -> [String] {
        let key = VietnameseText.searchKey(text)
        return try String.fetchAll(db, sql: "SELECT DISTINCT ethnicity FROM person WHERE ethnicity IS NOT NULL")
            .filter { VietnameseText.searchKey($0) == key }
    }
}
