import Foundation
import GRDB
import Socialization
import Store
import Testing
import Vietnamese

@Suite("Sponsor phones")
struct SponsorPhoneTests {
    @Test("A person sponsor's phone follows the residents' rules; a business may give a fixed line, stored as +84")
    func validatedAndNormalised() throws {
        let fixture = try SocializationFixture()
        func create(_ kind: String, _ name: String, _ phone: String) throws -> Sponsor {
            try fixture.database.writer.write { db in
                try SponsorStore.create(db, SponsorStore.Input(kind: kind, name: name, phone: phone, villageId: fixture.villageA), by: .system)
            }
        }
        func refusal(_ kind: String, _ phone: String) -> String? {
            do {
                _ = try create(kind, "Nhà tài trợ \(phone)", phone)
                return nil
            } catch {
                return (error as? DomainError)?.fieldErrors["phone"] ?? "\(error)"
            }
        }
        let business = try create("business", "Công ty Sao Mai", "(0260) 3812.100")
        let unitPhone = try fixture.database.writer.read { try OrgUnit.fetchOne($0, key: business.unitId!)?.phone }
        #expect(unitPhone == "+842603812100")
        let person = try create("individual", "Lê Văn Ản", "(+84) 912-345-678")
        let personPhone = try fixture.database.writer.read { try Person.fetchOne($0, key: person.personId!)?.phone }
        #expect(personPhone == "+84912345678")
        #expect(refusal("individual", "0260 3812 101") == PhoneNumber.Rejection.landline.message)
        #expect(refusal("individual", "0531 234 567") == "Đầu số 053 chưa được cấp cho mạng di động nào; hãy kiểm tra lại số")
        #expect(refusal("business", "0531 234 567") == "Đầu số 053 chưa được cấp cho mạng di động nào; hãy kiểm tra lại số")
        #expect(refusal("business", "0169 234 5678")?.contains("đã đổi thành 0392345678") == true)
        #expect(refusal("business", "12345") != nil)
    }
}
