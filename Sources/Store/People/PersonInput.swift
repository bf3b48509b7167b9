import Foundation
import Vietnamese

/// A person as a form, the API or a CSV row gives it: raw text, validated into a `Person`.
package struct PersonInput: Sendable, Codable {
    package var fullName: String
    package var gender: String?
    package var birthDate: String?
    package var birthYear: String?
    package var ethnicity: String?
    package var villageId: Int64?
    package var householdId: Int64?
    package var relationToHead: String?
    package var phone: String?
    package var zalo: String?
    package var email: String?
    package var notes: String?
    /// The language of messages: a `MessageLanguage` code or name; empty for Vietnamese.
    package var language: String?
    /// The name's words in the order they are compared, for names whose last word is not the given name.
    package var sortName: String?

    package init(fullName: String, gender: String? = nil, birthDate: String? = nil, birthYear: String? = nil,
                ethnicity: String? = nil, villageId: Int64? = nil, householdId: Int64? = nil,
                relationToHead: String? = nil, phone: String? = nil, zalo: String? = nil, email: String? = nil,
                notes: String? = nil, language: String? = nil, sortName: String? = nil) {
        self.fullName = fullName; self.gender = gender; self.birthDate = birthDate; self.birthYear = birthYear
        self.ethnicity = ethnicity; self.villageId = villageId; self.householdId = householdId
        self.relationToHead = relationToHead; self.phone = phone; self.zalo = zalo; self.email = email; self.notes = notes
        self.language = language; self.sortName = sortName
    }

    package struct Validated: Sendable {
        package let gender: Gender
        package let birthDate: CivilDate?
        package let birthYear: Int?
        package let phone: PhoneNumber?
        package let language: MessageLanguage
    }

    /// Checks every field; the Vietnamese messages name what is wrong. `thisYear` bounds birth years.
    package func validate(thisYear: Int) -> Result<Validated, DomainError> {
        var errors: [String: String] = [:]
        let name = VietnameseText.clean(fullName)
        if name.isEmpty { errors["fullName"] = "Nhập họ và tên" }
        else if name.count > 120 { errors["fullName"] = "Họ và tên dài quá 120 ký tự" }
        else if !name.contains(where: \.isLetter) { errors["fullName"] = "Họ và tên phải có chữ cái" }
        else if let scalar = TextRules.forbiddenScalar(in: name) { errors["fullName"] = "Có ký tự không được phép (\(TextRules.codePoint(scalar)))" }
        for (field, text) in [("sortName", sortName), ("ethnicity", ethnicity), ("notes", notes), ("zalo", zalo), ("email", email)] {
            if let text, let problem = TextRules.problem(in: text, limit: field == "notes" ? TextRules.fieldLimit : 200) { errors[field] = problem }
        }

        let gender = Gender(lenient: gender ?? "")
        if gender == nil { errors["gender"] = "Giới tính phải là Nam, Nữ hoặc Khác" }

        var date: CivilDate?
        if let text = birthDate.nonEmpty {
            date = CivilDate(parsing: text)
            if date == nil { errors["birthDate"] = CivilDate.problem(parsing: text, what: "Ngày sinh") }
            else if date!.year > thisYear || date!.year < 1880 { errors["birthDate"] = "Năm sinh không hợp lệ" }
        }
        var year: Int?
        if let text = birthYear.nonEmpty {
            year = Int(text)
            if year == nil || !(1880...thisYear).contains(year!) {
                errors["birthYear"] = "Năm sinh phải là số có 4 chữ số, từ 1880 đến \(thisYear)"
            }
        }
        var phoneNumber: PhoneNumber?
        if let text = phone.nonEmpty {
            switch PhoneNumber.parse(text) {
            case .success(let number): phoneNumber = number
            case .failure(let rejection): errors["phone"] = rejection.message
            }
        }
        if let email = email.nonEmpty, !email.contains("@") { errors["email"] = "Địa chỉ thư điện tử không hợp lệ" }
        let language = MessageLanguage(text: self.language ?? "")
        if language == nil { errors["language"] = "Ngôn ngữ phải là Tiếng Việt, Tiếng Xơ Đăng hoặc Tiếng Ba Na" }
        if !errors.isEmpty { return .failure(.invalid(errors)) }
        return .success(Validated(gender: gender ?? .unknown, birthDate: date, birthYear: date?.year ?? year, phone: phoneNumber,
                                  language: language ?? .vietnamese))
    }

    /// A new person from validated input.
    package func makePerson(_ valid: Validated, now: Date) -> Person {
        Person(fullName: fullName, gender: valid.gender, birthDate: valid.birthDate, birthYear: valid.birthYear,
               ethnicity: ethnicity.nonEmpty, villageId: villageId, householdId: householdId,
               relationToHead: relationToHead.nonEmpty, phone: valid.phone, zalo: zalo.nonEmpty, email: email.nonEmpty,
               notes: notes.nonEmpty, language: valid.language.stored, sortName: sortName, now: now)
    }

    package func apply(_ valid: Validated, to person: inout Person) {
        person.rename(fullName, sortName: sortName)
        person.gender = valid.gender
        person.birthDate = valid.birthDate
        person.birthYear = valid.birthYear
        person.ethnicity = ethnicity.nonEmpty
        person.villageId = villageId
        person.householdId = householdId
        person.relationToHead = relationToHead.nonEmpty
        person.setPhone(valid.phone)
        person.zalo = zalo.nonEmpty
        person.email = email.nonEmpty
        person.notes = notes.nonEmpty
        person.language = valid.language.stored
    }
}
