import Composition
import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `DecisionsController` show: one view model each, its fields one a line.
extension DecisionsController {
    struct Row {
        let id: Int64
        let number: String
        let date: String
        let subject: String
        let kind: String
        let issued: Bool
        let corrected: String
        let count: Int
    }

    struct ListPage {
        let rows: [Row]
        let empty: Bool
        let canCreate: Bool
    }

    struct Candidate {
        let id: Int64
        let name: String
        let place: String
        let achievement: String
        let year: Int
        let checked: Bool
    }

    struct FormPage {
        let formOptions: [Option]
        let formKey: String
        let year: String
        let subject: String
        let grounds: String
        let candidates: [Candidate]
        let hasCandidates: Bool
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
    }

    struct RecipientRow {
        let id: Int64
        let name: String
        let place: String
        let achievement: String
        let award: String
        let awardValue: Int64
    }

    struct DetailPage {
        let id: Int64
        let number: String
        let date: String
        let subject: String
        let kind: String
        let form: String
        let issued: Bool
        let draft: Bool
        let higher: Bool
        let corrects: String
        let correctsId: Int64?
        let correctedBy: String
        let correctedById: Int64?
        let issuedBy: String
        let recipients: [RecipientRow]
        let hasRecipients: Bool
        let recipientCount: Int
        let editable: Bool
        let canManage: Bool
        let canCorrect: Bool
        let today: String
        let hasCertificates: Bool
        let errors: [String: String]
        let csrf: String
    }

    struct DocRecipient {
        let number: Int
        let name: String
        let place: String
        let achievement: String
        let award: String
    }

    struct DecisionModel {
        let issuer: String
        let number: String
        let commune: String
        let dateLong: String
        let issued: Bool
        let subject: String
        let signerAuthority: String
        let grounds: [String]
        let revoke: Bool
        let amend: Bool
        let corrects: String
        let correctsDate: String
        let formName: String
        let count: Int
        let recipients: [DocRecipient]
        let total: String
        let totalInWords: String
        let hasAward: Bool
        let lastArticle: Int
        /// Article 1 after any amendment's words: "Tặng Giấy khen … cho 3 tập thể và 12 cá nhân …".
        let articleOne: String
        let recipientHeading: String
        /// "CHỦ TỊCH", or "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH": the Chairman decides in the Chairman's name.
        let signature: [String]
        let signerName: String
    }

    struct CertificateModel {
        let signerAuthority: String
        let title: String
        let name: String
        let place: String
        let achievement: String
        let number: String
        /// The decision's date, dd/MM/yyyy, beside its number (a certificate names the decision it comes from).
        let date: String
        let book: String
        let commune: String
        let dateLong: String
        let signature: [String]
        let signerName: String
    }
}
