import Store
import Vietnamese

/// A club as typed in a form or sent to the API, checked before anything is written.
package struct ClubInput: Sendable, Codable {
    package var name: String
    package var unitId: Int64?
    package var kind: String
    package var field: String
    package var ageGroups: [String]
    package var leaderId: Int64?
    package var schedule: String?
    package var foundedOn: String?
    package var notes: String?

    package init(name: String, unitId: Int64?, kind: String, field: String, ageGroups: [String] = [], leaderId: Int64? = nil,
                schedule: String? = nil, foundedOn: String? = nil, notes: String? = nil) {
        self.name = name; self.unitId = unitId; self.kind = kind; self.field = field; self.ageGroups = ageGroups
        self.leaderId = leaderId; self.schedule = schedule; self.foundedOn = foundedOn; self.notes = notes
    }

    /// Field → Vietnamese message; empty when the input can be saved.
    func validate() -> [String: String] {
        var errors: [String: String] = [:]
        let cleanName = VietnameseText.clean(name)
        if cleanName.isEmpty { errors["name"] = "Nhập tên câu lạc bộ, lớp hoặc nhóm" } else if cleanName.count > 200 { errors["name"] = "Tên dài quá 200 ký tự" }
        if unitId == nil { errors["unitId"] = "Chọn nhà văn hóa (hoặc trường, thư viện, trung tâm học tập cộng đồng)" }
        if ClubKind(rawValue: kind) == nil { errors["kind"] = "Chọn loại trong danh sách" }
        if ClubField(rawValue: field) == nil { errors["field"] = "Chọn lĩnh vực trong danh sách" }
        if ageGroups.contains(where: { AgeGroup(rawValue: $0) == nil }) { errors["ageGroups"] = "Lứa tuổi không có trong danh sách" }
        if ageGroups.isEmpty { errors["ageGroups"] = "Chọn ít nhất một lứa tuổi" }
        if let founded = foundedOn?.trimmingCharacters(in: .whitespaces), !founded.isEmpty, CivilDate(parsing: founded) == nil {
            errors["foundedOn"] = "Ngày thành lập dạng dd/MM/yyyy"
        }
        return errors
    }
}
