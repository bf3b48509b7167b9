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
