import Campaigns
import Composition
import Foundation
import GRDB
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `SocializationController` show: one view model each, its fields one a line.
extension SocializationController {
    struct Line {
        let label: String
        let value: String
        let count: Int
    }

    struct OverviewPage {
        let year: Int
        let years: [Option]
        let campaigns: [Option]
        let campaignId: String
        let total: String
        let cash: String
        let inKind: String
        let donations: Int
        let sponsors: Int
        let anonymous: String
        let byCampaign: [Line]
        let byPurpose: [Line]
        let bySource: [Line]
        let topSponsors: [Line]
        let yearChart: String
        let sourceChart: String
        let purposeChart: String
        let topChart: String
        let overdue: Int
        let pendingHours: Int
        let lettersToSend: Int
        let empty: Bool
    }

    struct DisclosureRow {
        let number: Int
        let date: String
        let name: String
        let gift: String
        let purpose: String
    }

    struct DisclosurePage {
        let year: Int
        let years: [Option]
        let campaigns: [Option]
        let campaignTitle: String
        let query: String
        let commune: String
        let committee: String
        let rows: [DisclosureRow]
        let empty: Bool
        let total: String
        let today: String
    }
}
