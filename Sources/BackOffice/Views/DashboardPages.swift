import Campaigns
import Clubs
import Foundation
import GRDB
import Hummingbird
import Recognition
import Socialization
import Store
import Vietnamese

/// What the pages of `DashboardController` show: one view model each, its fields one a line.
extension DashboardController {
    struct Tile {
        let label: String
        let value: String
        let href: String
    }

    struct RecentEntry {
        let at: String
        let actor: String
        let action: String
        let entity: String
    }

    struct Page {
        let communeName: String
        let tiles: [Tile]
        let recent: [RecentEntry]
        let hasRecent: Bool
        let scopeNote: String?
    }
}

// MARK: Built from the store's values

extension DashboardController.RecentEntry {
    /// A recent change from the audit log: when, who, what was done (`action`) to which record (`entity`), in words.
    init(_ entry: AuditEntry, action: String, entity: String) {
        at = VietnamTime.display(entry.at)
        actor = entry.actor
        self.action = action
        self.entity = entity
    }
}

extension DashboardController.Page {
    /// The home page: the tiles in order (the yearly report's deadline, then an editor's own work, first), and the
    /// recent changes. `units` are those the account may read; `work` is an editor's activities and tasks; `reminder`
    /// the deadline's words, when shown. `text` gives a label's words in the page's language.
    init(communeName: String, wholeCommune: Bool, units: [UnitListItem], people: Int, households: Int, smsConsented: Int, clubs: Int,
         indicator: ActivityIndicator, campaigns: Int, given: SocializationTotals, overduePledges: Int,
         work: (activities: [Activity], assignments: [Assignment])?, reminder: String?, recent: [DashboardController.RecentEntry],
         today: CivilDate, text: (String) -> String) {
        func unitCount(_ kind: UnitKind) -> Int { units.filter { $0.unit.kind == kind }.count }
        var tiles = [
            DashboardController.Tile(label: text("dash_people"), value: VND.grouped(Int64(people)), href: "/people"),
            DashboardController.Tile(label: text("dash_villages"), value: String(unitCount(.village)), href: "/units?kind=village"),
            DashboardController.Tile(label: text("dash_culturalHouses"), value: String(unitCount(.culturalHouse)),
                                     href: "/units?kind=cultural_house"),
            DashboardController.Tile(label: text("dash_schools"), value: String(unitCount(.school)), href: "/units?kind=school"),
            DashboardController.Tile(label: text("dash_libraries"), value: String(unitCount(.schoolLibrary) + unitCount(.communeLibrary)),
                                     href: "/units?kind=school_library"),
            DashboardController.Tile(label: text("dash_households"), value: VND.grouped(Int64(households)), href: "/households"),
        ]
        if wholeCommune {
            tiles.append(DashboardController.Tile(label: text("dash_smsConsent"), value: VND.grouped(Int64(smsConsented)), href: "/people"))
        }
        // The movement at a glance: clubs, the plan's indicator, this year's campaigns.
        tiles.append(DashboardController.Tile(label: text("dash_clubs"), value: String(clubs), href: "/clubs"))
        tiles.append(DashboardController.Tile(label: text("dash_indicator"), value: DecimalText.percent(indicator.share), href: "/clubs/indicator"))
        tiles.append(DashboardController.Tile(label: text("dash_campaigns"), value: String(campaigns), href: "/campaigns?year=\(today.year)"))
        // Socialization: what was given this year, and pledges to chase.
        tiles.append(DashboardController.Tile(label: text("dash_donations"), value: VND.format(given.total),
                                              href: "/socialization?year=\(today.year)"))
        if overduePledges > 0 {
            tiles.append(DashboardController.Tile(label: text("dash_overduePledges"), value: String(overduePledges), href: "/pledges?overdue=1"))
        }
        // A unit's editor first sees what is theirs to do: activities to report on and open tasks.
        if let work {
            let open = work.assignments.filter { $0.status != .done }.count
                + work.activities.filter { $0.startsAt.prefix(10) <= today.iso && $0.outcomes.participants == nil && $0.reach == nil }.count
            tiles.insert(DashboardController.Tile(label: text("dash_myWork"), value: String(open), href: "/campaigns/tasks"), at: 0)
        }
        // The yearly report's deadline comes first of all.
        if let reminder {
            tiles.insert(DashboardController.Tile(label: reminder, value: text("dash_report"), href: "/recognition/report"), at: 0)
        }
        self.communeName = communeName
        self.tiles = tiles
        self.recent = recent
        hasRecent = !recent.isEmpty
        scopeNote = wholeCommune ? nil : text("dash_scopeNote")
    }
}
