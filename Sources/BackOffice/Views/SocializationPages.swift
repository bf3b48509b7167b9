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

extension SocializationController.Line {
    /// A line of the totals: what (a campaign, a purpose, a kind of source, a sponsor), how much and how many gifts.
    init(_ line: SocializationTotals.Line, english: Bool) {
        label = line.label(english: english)
        value = VND.format(line.value)
        count = line.count
    }
}

extension SocializationController.OverviewPage {
    /// The totals of `year` (or of one campaign) with their charts, and what waits to be done: overdue pledges, hours
    /// to approve, thank-you letters to send. `text` gives a string of the page's language by its key.
    init(year: Int, thisYear: Int, campaignId: Int64?, totals: SocializationTotals, campaigns: [Choice], overdue: Int,
         pendingHours: Int, lettersToSend: Int, english: Bool, text: (String) -> String) {
        self.year = year
        years = Option.years(thisYear - 4...thisYear, selected: year)
        self.campaigns = Choice.options(campaigns, selected: campaignId)
        self.campaignId = campaignId.map(String.init) ?? ""
        total = VND.format(totals.total)
        cash = VND.format(totals.cash)
        inKind = VND.format(totals.inKind)
        donations = totals.donations
        sponsors = totals.sponsors
        anonymous = VND.format(totals.anonymous)
        byCampaign = SocializationController.lines(totals.byCampaign, english: english)
        byPurpose = SocializationController.lines(totals.byPurpose, english: english)
        bySource = SocializationController.lines(totals.bySource, english: english)
        topSponsors = SocializationController.lines(totals.topSponsors, english: english)
        yearChart = BarChart.svg(SocializationController.bars(totals.byYear, english: english), title: text("socialization_byYear"))
        sourceChart = BarChart.svg(SocializationController.bars(totals.bySource, english: english), title: text("socialization_bySource"))
        purposeChart = BarChart.svg(SocializationController.bars(totals.byPurpose, english: english), title: text("socialization_byPurpose"))
        topChart = BarChart.svg(SocializationController.bars(totals.topSponsors, english: english), title: text("socialization_top"))
        self.overdue = overdue
        self.pendingHours = pendingHours
        self.lettersToSend = lettersToSend
        empty = totals.donations == 0
    }
}

extension SocializationController.DisclosureRow {
    /// A numbered line of the public disclosure list: date, name (or "Nhà hảo tâm"), gift and purpose.
    init(number: Int, line: Disclosure.Line, english: Bool) {
        self.number = number
        date = line.date.display
        name = line.name(english: english)
        gift = line.gift
        purpose = line.purpose
    }
}

extension SocializationController.DisclosurePage {
    /// The public disclosure list of `year` (nil: `today`'s) or of one campaign, with its total, headed by the
    /// commune's and committee's names and dated `today`; `query` is the page's query string, for the downloads.
    init(year: Int?, campaignId: Int64?, lines: [Disclosure.Line], campaigns: [Choice], query: String, commune: String,
         committee: String, today: CivilDate, english: Bool) {
        let thisYear = today.year
        self.year = year ?? thisYear
        years = Option.years(thisYear - 4...thisYear, selected: year)
        self.campaigns = Choice.options(campaigns, selected: campaignId)
        campaignTitle = campaigns.first { $0.id == campaignId }?.label ?? ""
        self.query = query
        self.commune = commune
        self.committee = committee
        rows = lines.enumerated().map {
            SocializationController.DisclosureRow(number: $0.offset + 1, line: $0.element, english: english)
        }
        empty = lines.isEmpty
        total = VND.format(lines.reduce(0) { $0 + $1.value })
        self.today = today.documentForm(english: english)
    }
}
