import Foundation
import GRDB
import Vietnamese

/// An imported row recognised as a resident already registered (`--duplicates link`): what the register lacks is
/// filled from the row — never overwritten — and an SMS consent in the file is recorded if none is active.
package enum PersonLink {
    /// Returns whether the person changed.
    @discardableResult
    package static func fillBlanks(_ db: Database, personId: Int64, from row: Person, smsConsent: ConsentMethod?, guardian: String?,
                                  by principal: Principal, now: Date = Date()) throws -> Bool {
        guard var person = try Person.fetchOne(db, key: personId) else { return false }
        guard principal.canWrite(unitId: person.villageId) else { throw DomainError.outsideScope }
        let before = person
        var changed = false
        func fill<Value>(_ field: WritableKeyPath<Person, Value?>, _ value: Value?) {
            if person[keyPath: field] == nil, let value { person[keyPath: field] = value; changed = true }
        }
        if person.gender == .unknown && row.gender != .unknown { person.gender = row.gender; changed = true }
        fill(\.birthDate, row.birthDate)
        fill(\.birthYear, row.birthYear)
        fill(\.ethnicity, row.ethnicity)
        fill(\.language, row.language)
        fill(\.villageId, row.villageId)
        if person.phone == nil && row.phone != nil { person.phoneOriginal = row.phoneOriginal }
        fill(\.phone, row.phone)
        fill(\.zalo, row.zalo)
        fill(\.email, row.email)
        if changed {
            person.updatedAt = now
            try person.update(db)
            try Audit.record(db, by: principal, .update, entity: "person", id: personId, before: before, after: person, at: now)
        }
        if let method = smsConsent, try !ConsentStore.hasActiveConsent(db, personId: personId, channel: .sms) {
            var consent = Consent(personId: personId, channel: .sms, givenOn: CivilDate.today(now: now), method: method, guardianName: guardian, now: now)
            try consent.insert(db)
            try Audit.record(db, by: principal, .create, entity: "consent", id: consent.id, after: consent, at: now)
            changed = true
        }
        return changed
    }
}
