import Clubs
import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Socialization
import Store
import Vietnamese

/// What the pages of `PeopleController` show: one view model each, its fields one a line.
extension PeopleController {
    struct Row {
        let id: Int64
        let fullName: String
        let gender: String
        let birthYear: String
        let village: String
        let phone: String
    }

    struct ListPage {
        let q: String
        /// `<option>`s and table rows written by `HTMLText`: the list is the most visited page, and interpreting
        /// ~450 row tokens through Mustache was half of its cost.
        let villageOptions: String
        let rowsHTML: String
        let empty: Bool
        let pager: Pager
        let canCreate: Bool
        /// "?village=3" or "": the downloads take the page's village.
        let villageQuery: String
    }

    struct ConsentRow { let id: Int64; let channel: String; let purpose: String; let givenOn: String; let method: String
                        let guardian: String
                        let withdrawnOn: String?
                        let active: Bool
                        let withdrawHref: String
                        /// The consent as the person read it on a sign-up page ("" otherwise).
                        let wording: String }

    struct ClubLine {
        let href: String
        let name: String
        let role: String
        let since: String
        let left: String
    }

    struct DetailPage {
        let id: Int64
        let fullName: String
        let gender: String
        let birth: String
        let ethnicity: String
        /// Messages' language when not Vietnamese ("Tiếng Xơ Đăng"), else "".
        let language: String
        let villageId: Int64?
        let village: String
        let householdId: Int64?
        let household: String
        let relation: String
        let phone: String
        let phoneOriginal: String
        let zalo: String
        let email: String
        let notes: String
        let consents: [ConsentRow]
        let hasConsents: Bool
        let channels: [Option]
        let methods: [Option]
        let today: String
        let canEdit: Bool
        let canCreateHousehold: Bool
        /// Socialization: the person's sponsor and volunteer records, or links to make them one.
        let sponsorId: Int64?
        let volunteerId: Int64?
        let canRecord: Bool
        /// Honours in force, and (for commune roles only) discipline or investigation flags.
        let honours: [HonourLine]
        /// Clubs (current first), what the person gave, and this year's approved volunteer hours.
        let clubs: [ClubLine]
        let hasClubs: Bool
        let gifts: String
        let volunteerHours: String
        let flags: [String]
        let canFlag: Bool
        let csrf: String
        let errors: [String: String]
    }

    struct FormPage {
        let action: String
        let isNew: Bool
        let fullName: String
        let sortName: String
        let genders: [Option]
        let birthDate: String
        let birthYear: String
        let ethnicity: String
        let languages: [Option]
        let villages: [Option]
        let phone: String
        let zalo: String
        let email: String
        let notes: String
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        /// The record's version when the form was opened: a save over someone else's newer save is refused.
        let version: String
        /// Residents this new one may be: shown before anything is saved, with a box to confirm it is someone else.
        let duplicates: [DuplicateRow]
        let hasDuplicates: Bool
    }

    struct DuplicateRow {
        let id: Int64
        let name: String
        let village: String
        let birthYear: String
        let reasons: String
    }
}
