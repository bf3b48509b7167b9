import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `HouseholdsController` show: one view model each, its fields one a line.
extension HouseholdsController {
    struct Row {
        let id: Int64
        let name: String
        let village: String
        let head: String
        let members: Int
    }

    struct ListPage {
        let villages: [Option]
        let rows: [Row]
        let empty: Bool
        let pager: Pager
        let villageQuery: String
    }

    struct Member {
        let id: Int64
        let fullName: String
        let relation: String
        let birthYear: String
    }

    struct DetailPage {
        let id: Int64
        let name: String
        let village: String
        let address: String
        let members: [Member]
        let canEdit: Bool
        /// Titles in force ("Gia đình học tập", "Gia đình văn hóa"…).
        let honours: [HonourLine]
        let csrf: String
    }
}

extension HouseholdsController.Row {
    /// A household's line of the list: village, head and number of members.
    init(_ item: HouseholdListItem) {
        id = item.household.id!
        name = item.household.name
        village = item.villageName ?? ""
        head = item.headName ?? ""
        members = item.memberCount
    }
}

extension HouseholdsController.ListPage {
    /// A page of households, of the village chosen (`villageId`, nil: all); `totalFormat` is the line of the total
    /// in the page's language, "%@" standing for the number.
    init(result: Page<HouseholdListItem>, villages: [OrgUnit], villageId: Int64?, totalFormat: String) {
        let rows = result.items.map { HouseholdsController.Row($0) }
        let totalText = totalFormat.replacingOccurrences(of: "%@", with: VND.grouped(Int64(result.total)))
        self.villages = villages.options(selected: villageId)
        self.rows = rows
        empty = rows.isEmpty
        pager = Pager(result, basePath: "/households", query: ["village": villageId.map(String.init) ?? ""], totalText: totalText)
        villageQuery = villageId.map { "?village=\($0)" } ?? ""
    }
}

extension HouseholdsController.Member {
    /// A member of the household, with their relation to the head.
    init(_ person: Person) {
        id = person.id!
        fullName = person.fullName
        relation = person.relationToHead ?? ""
        birthYear = person.birthYear.map(String.init) ?? ""
    }
}

extension HouseholdsController.DetailPage {
    /// A household's page: village, address, members and the titles in force.
    init(household: Household, village: OrgUnit?, members: [Person], honours: [HonourLine], canEdit: Bool, csrf: String) {
        id = household.id!
        name = household.name
        self.village = village?.name ?? ""
        address = household.address ?? ""
        self.members = members.map { HouseholdsController.Member($0) }
        self.canEdit = canEdit
        self.honours = honours
        self.csrf = csrf
    }
}
