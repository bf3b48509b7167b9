import Foundation
import GRDB
import Hummingbird
import Messaging
import Speech
import Store

/// What the pages of `SettingsController` show: one view model each, its fields one a line.
extension SettingsController {
    /// `choices`: a setting with a fixed set of values (the default language) is a menu, not a text to type right.
    struct Field {
        let name: String
        let label: String
        let value: String
        let error: String?
        let choices: [Option]?
        let hasChoices: Bool
        /// The choices are languages, each named in itself ("English" is marked `lang="en"`).
        let namesLanguages: Bool
    }

    struct Page {
        let fields: [Field]
        let csrf: String
    }
}
