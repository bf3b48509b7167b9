import GRDB
import Store
import Vietnamese

/// What was given, added up: by year, campaign, purpose and source type, cash against in kind, and the largest
/// sponsors. Voided receipts never count. Values are whole đồng (in kind at its estimated value).
package struct SocializationTotals: Sendable {
    package struct Line: Sendable, Equatable {
        package let label: String
        package let value: Int64
        package let count: Int
        /// The label on English pages: a sponsor kind's or "no campaign" in English, a name or title as it is.
        package let englishLabel: String
        package init(label: String, value: Int64, count: Int, englishLabel: String? = nil) {
            self.label = label; self.value = value; self.count = count; self.englishLabel = englishLabel ?? label
        }

        package func label(english: Bool) -> String { english ? englishLabel : label }
    }

    package let year: Int?
    package let campaignId: Int64?
    package let total: Int64
    package let cash: Int64
    package let inKind: Int64
    package let donations: Int
    package let sponsors: Int
    package let anonymous: Int64
    package let byYear: [Line]
    package let byMonth: [Line]
    package let byCampaign: [Line]
    package let byPurpose: [Line]
    package let bySource: [Line]
    package let topSponsors: [Line]

    package static let anonymousLabel = "Nhà hảo tâm"
    package static let englishAnonymousLabel = "Anonymous donor"

    package static func anonymousLabel(english: Bool) -> String { english ? englishAnonymousLabel : anonymousLabel }
    static let noCampaign = "Ngoài chiến dịch"

    package static func compute(_ db: Database, year: Int?, campaignId: Int64? = nil, top: Int = 10, for principal: Principal) throws -> SocializationTotals {
        var conditions = ["d.voidedAt IS NULL"]
        var arguments: StatementArguments = []
        if case .units(let ids) = principal.readScope { conditions.append("d.recipientUnitId IN (\(SQLList.ids(ids)))") }
        let scopeOnly = conditions.joined(separator: " AND ")
        if let year { conditions.append("d.receiptYear = ?"); arguments += [year] }
        if let campaignId { conditions.append("d.campaignId = ?"); arguments += [campaignId] }
        let whereClause = "WHERE " + conditions.joined(separator: " AND ")
        let from = "FROM donation d LEFT JOIN sponsor s ON s.id = d.sponsorId "

        func lines(_ label: String, group: String, order: String = "value DESC, label", limit: Int? = nil, scope: String? = nil,
                   args: StatementArguments? = nil) throws -> [Line] {
            try Row.fetchAll(db, sql: """
                SELECT \(label) AS label, sum(d.estimatedValue) AS value, count(*) AS n
                \(from)LEFT JOIN person p ON p.id = s.personId LEFT JOIN unit su ON su.id = s.unitId LEFT JOIN campaign c ON c.id = d.campaignId
                \(scope ?? whereClause) GROUP BY \(group) ORDER BY \(order)\(limit.map { " LIMIT \($0)" } ?? "")
                """, arguments: args ?? arguments).map { Line(label: $0["label"] ?? "", value: $0["value"], count: $0["n"]) }
        }

        let sums = try Row.fetchOne(db, sql: """
            SELECT coalesce(sum(d.estimatedValue), 0), coalesce(sum(CASE WHEN d.kind = 'cash' THEN d.estimatedValue END), 0),
              coalesce(sum(CASE WHEN d.kind = 'in_kind' THEN d.estimatedValue END), 0), count(*), count(DISTINCT d.sponsorId),
              coalesce(sum(CASE WHEN d.sponsorId IS NULL THEN d.estimatedValue END), 0)
            \(from)\(whereClause)
            """, arguments: arguments)!
        let sourceKinds = Dictionary(uniqueKeysWithValues: SponsorKind.allCases.map { ($0.rawValue, $0) })
        return SocializationTotals(
            year: year, campaignId: campaignId, total: sums[0], cash: sums[1], inKind: sums[2], donations: sums[3], sponsors: sums[4], anonymous: sums[5],
            byYear: try lines("CAST(d.receiptYear AS TEXT)", group: "d.receiptYear", order: "d.receiptYear", scope: "WHERE " + scopeOnly, args: []),
            byMonth: try lines("substr(d.date, 6, 2)", group: "substr(d.date, 6, 2)", order: "label"),
            byCampaign: try lines("coalesce(c.title, '\(noCampaign)')", group: "d.campaignId").map {
                $0.label == noCampaign ? Line(label: $0.label, value: $0.value, count: $0.count, englishLabel: "Outside any campaign") : $0
            },
            byPurpose: try lines("d.purpose", group: "d.purpose"),
            bySource: try lines("coalesce(s.kind, 'anonymous')", group: "coalesce(s.kind, 'anonymous')").map {
                Line(label: sourceKinds[$0.label]?.label ?? anonymousLabel, value: $0.value, count: $0.count,
                     englishLabel: sourceKinds[$0.label]?.englishLabel ?? englishAnonymousLabel)
            },
            topSponsors: try lines("coalesce(p.fullName, su.name)", group: "d.sponsorId", limit: top,
                                   scope: whereClause + " AND d.sponsorId IS NOT NULL"))
    }
}

/// The public disclosure list (danh sách công khai): who gave what for which purpose. Only names (or "Nhà hảo tâm"
/// for anonymous gifts and those who asked not to be named), the gift and its purpose — never a phone or address.
package enum Disclosure {
    package struct Line: Sendable, Equatable {
        package let date: CivilDate
        package let receipt: String
        package let name: String
        /// "1.500.000 đ" for money; the items for a gift in kind.
        package let gift: String
        package let value: Int64
        package let purpose: String
        /// Published without a name ("Nhà hảo tâm"), by the sponsor's wish or because none was given.
        package let anonymous: Bool

        package func name(english: Bool) -> String { anonymous && english ? SocializationTotals.englishAnonymousLabel : name }
    }

    package static func lines(_ db: Database, year: Int?, campaignId: Int64?, for principal: Principal) throws -> [Line] {
        try DonationStore.list(db, DonationStore.Filter(year: year, campaignId: campaignId, includeVoided: false), for: principal)
            .sorted { ($0.donation.date, $0.donation.receiptSeq) < ($1.donation.date, $1.donation.receiptSeq) }
            .map { item in
                let donation = item.donation
                let name = (donation.publishAnonymous ? nil : item.sponsorName) ?? SocializationTotals.anonymousLabel
                let gift = donation.kind == .cash ? VND.format(donation.amount ?? 0) : item.itemsSummary
                return Line(date: donation.date, receipt: donation.receiptNumber, name: name, gift: gift, value: donation.estimatedValue,
                            purpose: donation.purpose, anonymous: donation.publishAnonymous || item.sponsorName == nil)
            }
    }
}
