import Clubs
import Foundation
import GRDB
import Socialization
import Store
import Vietnamese

/// The organiser's queue: each sign-up matched to a resident already registered or created as a new one, with the
/// consent it carries, and the person placed where they signed up (club member, volunteer, activity list).
package enum SignUpReview {
    package struct QueueItem: Sendable {
        package let entry: SignUpEntry
        package let village: String?
        /// Residents the sign-up may be, that the reviewer may see, likeliest first.
        package let candidates: [DuplicateFinder.Candidate]
        /// Likely matches outside the reviewer's units (not shown; the duplicates page finds them later).
        package let hiddenCandidates: Int
        package let personName: String?
    }

    /// The sign-ups of a page: waiting ones first (oldest first), then the reviewed.
    package static func queue(_ db: Database, formId: Int64, for principal: Principal) throws -> [QueueItem] {
        let form = try SignUpForms.get(db, id: formId, for: principal)
        let entries = try SignUpEntry.filter(Column("formId") == form.id!).order(Column("id")).fetchAll(db)
        let villages = try UnitStore.names(db, ids: Array(Set(entries.compactMap(\.villageId))))
        let people = Dictionary(uniqueKeysWithValues: try Person.filter(keys: entries.compactMap(\.personId)).fetchAll(db).map { ($0.id!, $0.fullName) })
        let rules = try DedupeRules.fromSettings(db)
        let order: [SignUpStatus: Int] = [.pending: 0, .waitlisted: 1, .approved: 2, .rejected: 3]
        return try entries.sorted { (order[$0.status]!, $0.id!) < (order[$1.status]!, $1.id!) }.map { entry in
            var candidates: [DuplicateFinder.Candidate] = []
            if entry.status == .pending || entry.status == .waitlisted {
                let probe = DuplicateFinder.Probe(fullName: entry.fullName, birthYear: entry.birthYear, villageId: entry.villageId, phone: entry.phone)
                candidates = try DuplicateFinder.candidates(db, for: probe, rules: rules, limit: 5)
            }
            let visible = candidates.filter { principal.canRead(unitId: $0.villageId) }
            return QueueItem(entry: entry, village: entry.villageId.flatMap { villages[$0] }, candidates: visible,
                             hiddenCandidates: candidates.count - visible.count, personName: entry.personId.flatMap { people[$0] })
        }
    }

    /// Approves a sign-up: `personId` matches it to a resident, nil creates one (in `villageId` when the page did not
    /// ask for the village). Then the consents ticked are recorded as "tự đăng ký" with their exact text, and the
    /// person joins the club or becomes the call's volunteer. The confirmation leaves with the next message export
    /// of the audience `signups:form=ID`.
    @discardableResult
    package static func approve(_ db: Database, entryId: Int64, personId: Int64?, villageId: Int64? = nil, by principal: Principal,
                               today: CivilDate, now: Date = Date()) throws -> Person {
        var (entry, form) = try reviewable(db, entryId: entryId, by: principal)
        guard entry.status == .pending || entry.status == .waitlisted else {
            throw DomainError(.conflict, "Lượt đăng ký này đã được xử lý.", english: "This sign-up has already been dealt with.")
        }
        let person: Person
        if let personId {
            person = try PersonStore.get(db, id: personId, for: principal)
        } else {
            // A village the person gave is theirs to name; one the reviewer adds must be a village the reviewer may
            // write (else a sign-up without a village would let an editor place residents anywhere).
            if entry.villageId == nil, let villageId { try principal.require(principal.canWrite(unitId: villageId)) }
            let village = entry.villageId ?? villageId
            let acting = acting(principal, units: [form.unitId] + (village.map { [$0] } ?? []))
            let input = PersonInput(fullName: entry.fullName, birthYear: entry.birthYear.map(String.init), villageId: village, phone: entry.phone)
            person = try PersonStore.create(db, input, by: acting, now: now)
        }
        let acting = acting(principal, units: [form.unitId] + (person.villageId.map { [$0] } ?? []))
        for (channel, wording) in zip(entry.consentChannelList, entry.consentText.split(separator: "\n").map(String.init))
        where try !ConsentStore.hasActiveConsent(db, personId: person.id!, channel: channel) {
            let consent = Consent(personId: person.id!, channel: channel, purpose: form.purpose, givenOn: CivilDate.today(now: entry.createdAt),
                                  method: .selfSignUp, guardianName: entry.guardianName, note: "Đăng ký qua trang \(form.code)", wording: wording, now: now)
            _ = try ConsentStore.give(db, consent, by: acting, now: now)
        }
        try place(db, person: person, form: form, acting: acting, today: today)
        let before = entry
        entry.status = .approved
        entry.personId = person.id
        entry.reviewedAt = now
        entry.reviewedBy = principal.login
        try entry.update(db)
        try Audit.record(db, by: principal, .update, entity: "signUp", id: entry.id, before: before, after: entry, at: now)
        return person
    }

    /// Declines a sign-up waiting for review, with a reason; a place it held goes to the first on the waiting list.
    /// An approved one is not declined afterwards: the person, their consent and membership exist by then, and are
    /// ended where they live (the person's page, the club's members).
    package static func reject(_ db: Database, entryId: Int64, reason: String, by principal: Principal, now: Date = Date()) throws {
        var (entry, form) = try reviewable(db, entryId: entryId, by: principal)
        let reason = VietnameseText.clean(reason)
        guard !reason.isEmpty else { throw DomainError.invalid(["reason": "Ghi lý do không duyệt"]) }
        guard entry.status == .pending || entry.status == .waitlisted else {
            throw DomainError(.conflict, "Lượt đăng ký này đã được xử lý.", english: "This sign-up has already been dealt with.")
        }
        let heldPlace = entry.status == .pending
        let before = entry
        entry.status = .rejected
        entry.rejectReason = reason
        entry.reviewedAt = now
        entry.reviewedBy = principal.login
        try entry.update(db)
        try Audit.record(db, by: principal, .update, entity: "signUp", id: entry.id, before: before, after: entry, at: now)
        if heldPlace, form.capacity != nil,
           var next = try SignUpEntry.filter(Column("formId") == form.id! && Column("status") == SignUpStatus.waitlisted.rawValue).order(Column("id")).fetchOne(db) {
            next.status = .pending
            try next.update(db)
            try Audit.record(db, by: principal, .update, entity: "signUp", id: next.id, after: ["status": "pending", "from": "waitlisted"], at: now)
        }
    }

    private static func reviewable(_ db: Database, entryId: Int64, by principal: Principal) throws -> (SignUpEntry, SignUpForm) {
        guard let entry = try SignUpEntry.fetchOne(db, key: entryId) else { throw DomainError.notFound("lượt đăng ký", english: "Sign-up") }
        let form = try SignUpForms.get(db, id: entry.formId, for: principal)
        try principal.require(principal.canWrite(unitId: form.unitId))
        return (entry, form)
    }

    /// The reviewer acting for the person who signed up: the organiser of a cultural house may not otherwise write a
    /// resident of a village, yet the resident asked to be registered. Used only for the writes of one approval.
    private static func acting(_ principal: Principal, units: [Int64]) -> Principal {
        guard principal.role == .editor else { return principal }
        let suffix = " (duyệt đăng ký)"
        let name = principal.displayName.hasSuffix(suffix) ? principal.displayName : principal.displayName + suffix
        return Principal(accountId: principal.accountId, login: principal.login, displayName: name,
                         role: .editor, unitIds: principal.unitIds.union(units))
    }

    /// Where the approved person goes: a club's members, a call's volunteers with its role; an activity's list is
    /// the approved sign-ups themselves. `acting` already reaches the page's unit and the person's village.
    private static func place(_ db: Database, person: Person, form: SignUpForm, acting: Principal, today: CivilDate) throws {
        switch form.kind {
        case .activity:
            return
        case .club:
            if try ClubStore.memberships(db, personId: person.id!).contains(where: { $0.member.clubId == form.clubId && $0.member.leftOn == nil }) { return }
            _ = try ClubStore.addMember(db, clubId: form.clubId!, personId: person.id!, role: .member, joinedOn: today, by: acting)
        case .volunteer:
            var volunteerId = try VolunteerStore.id(ofPerson: person.id!, db)
            // A volunteer already of another unit gets the role there too.
            let existingUnit = try volunteerId.flatMap { try Volunteer.fetchOne(db, key: $0)?.unitId }
            let volunteer = Self.acting(acting, units: existingUnit.map { [$0] } ?? [])
            if volunteerId == nil {
                volunteerId = try VolunteerStore.create(db, .init(personId: person.id, unitId: form.unitId, since: today.iso), by: volunteer).id
            }
            _ = try VolunteerStore.addRole(db, volunteerId: volunteerId!, activityId: form.activityId, clubSessionId: nil,
                                           role: form.role ?? "tình nguyện viên", by: volunteer)
        }
    }
}

extension SignUpReview {
    /// The page a sign-up belongs to, or nil.
    package static func formId(_ db: Database, entryId: Int64) throws -> Int64? {
        try SignUpEntry.fetchOne(db, key: entryId)?.formId
    }
}
