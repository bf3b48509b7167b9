import Foundation
import GRDB
import Vietnamese

/// Channels on which a person may be contacted. Loudspeakers and printed banners reach everyone and need no consent.
package enum ConsentChannel: String, Codable, CaseIterable, Sendable, Labelled {
    case sms, zalo, email, call, letter

    package var label: String {
        switch self {
        case .sms: return "Tin nhắn SMS"
        case .zalo: return "Zalo"
        case .email: return "Thư điện tử"
        case .call: return "Gọi điện"
        case .letter: return "Thư giấy"
        }
    }

    package var englishLabel: String {
        switch self {
        case .sms: return "SMS text"
        case .zalo: return "Zalo"
        case .email: return "Email"
        case .call: return "Phone call"
        case .letter: return "Paper letter"
        }
    }
}

/// How consent was given.
package enum ConsentMethod: String, Codable, CaseIterable, Sendable, Labelled {
    case paperForm = "paper_form", inPerson = "in_person", phone, online, guardian, imported
    /// Ticked by the person on a public sign-up page; the consent keeps the exact text the page showed.
    case selfSignUp = "self_signup"

    package var label: String {
        switch self {
        case .paperForm: return "Phiếu đồng ý có chữ ký"
        case .inPerson: return "Trực tiếp"
        case .phone: return "Qua điện thoại"
        case .online: return "Trực tuyến"
        case .guardian: return "Người giám hộ đồng ý (trẻ em)"
        case .imported: return "Nhập từ tệp danh sách"
        case .selfSignUp: return "Tự đăng ký"
        }
    }

    package var englishLabel: String {
        switch self {
        case .paperForm: return "Signed consent form"
        case .inPerson: return "In person"
        case .phone: return "By phone"
        case .online: return "Online"
        case .guardian: return "Guardian's consent (children)"
        case .imported: return "Imported from a list file"
        case .selfSignUp: return "Self sign-up"
        }
    }
}

/// Consent of one person for one channel and purpose (NĐ 13/2023; Luật BVDLCN 2025). Withdrawal takes effect at once.
package struct Consent: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "consent"
    package static let defaultPurpose = "Nhận thông tin về hoạt động học tập suốt đời của xã"

    package var id: Int64?
    package var personId: Int64
    package var channel: ConsentChannel
    package var purpose: String
    package var givenOn: CivilDate
    package var method: ConsentMethod
    package var guardianName: String?
    package var withdrawnOn: CivilDate?
    package var note: String?
    /// The consent exactly as the person read it (self sign-up); nil when given on paper or in person.
    package var wording: String?
    package var createdAt: Date

    package init(personId: Int64, channel: ConsentChannel, purpose: String = Consent.defaultPurpose, givenOn: CivilDate,
                method: ConsentMethod, guardianName: String? = nil, note: String? = nil, wording: String? = nil, now: Date = Date()) {
        self.personId = personId
        self.channel = channel
        self.purpose = purpose
        self.givenOn = givenOn
        self.method = method
        self.guardianName = guardianName
        self.note = note
        self.wording = wording
        self.createdAt = now
    }

    package var isActive: Bool { withdrawnOn == nil }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<Person> {
    /// People who hold an active (not withdrawn) consent for the channel.
    package func consenting(to channel: ConsentChannel) -> Self {
        filter(sql: "EXISTS (SELECT 1 FROM consent c WHERE c.personId = person.id AND c.channel = ? AND c.withdrawnOn IS NULL)",
               arguments: [channel.rawValue])
    }
}
