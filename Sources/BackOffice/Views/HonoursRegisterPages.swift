import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `HonoursRegisterController` show: one view model each, its fields one a line.
extension HonoursRegisterController {
    struct FormRow {
        let key: String
        let name: String
        let kind: String
        let level: String
        let awardedBy: String
        let recipients: String
        let award: String
    }

    struct ClanRow {
        let name: String
        let village: String
        let notes: String
    }

    struct ModelRow {
        let title: String
        let unit: String
        let year: Int
        let description: String
        let replicated: String
    }

    struct RegisterPage {
        let forms: [FormRow]
        let clans: [ClanRow]
        let models: [ModelRow]
        let villages: [Option]
        let units: [Option]
        let year: Int
        let canManage: Bool
        let canAdd: Bool
        let csrf: String
    }
}
