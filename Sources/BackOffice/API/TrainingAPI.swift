import Foundation
import Hummingbird
import Store
import Training
import Vietnamese

/// `/api/v1/training/courses?year=`, one course with its participants, a new course, a participant's attendance —
/// with the same permission checks as the pages (commune staff run courses; a unit's editor records its own people).
struct TrainingAPI {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/training/courses", use: courses)
        router.post("/training/courses", use: create)
        router.get("/training/courses/:id", use: course)
        router.post("/training/courses/:id/participants", use: saveParticipant)
    }

    struct CourseJSON: Encodable {
        let id: Int64; let title: String; let organiser: String; let level: String; let topic: String
        let startDate: String; let endDate: String; let hours: Double; let place: String?; let notes: String?
        let participants: Int; let attended: Int; let certificates: Int
        var people: [ParticipantJSON]? = nil

        enum CodingKeys: String, CodingKey {
            case id, title, organiser, level, topic, startDate, endDate, hours, place, notes, participants, attended, certificates, people
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(organiser, forKey: .organiser)
            try c.encode(level, forKey: .level); try c.encode(topic, forKey: .topic); try c.encode(startDate, forKey: .startDate)
            try c.encode(endDate, forKey: .endDate); try c.encode(hours, forKey: .hours); try c.encode(place, forKey: .place)
            try c.encode(notes, forKey: .notes); try c.encode(participants, forKey: .participants); try c.encode(attended, forKey: .attended)
            try c.encode(certificates, forKey: .certificates)
            if let people { try c.encode(people, forKey: .people) }
        }
    }
    struct ParticipantJSON: Encodable {
        let personId: Int64; let name: String; let unitId: Int64?; let unit: String; let role: String; let attended: Bool; let certificate: String?

        enum CodingKeys: String, CodingKey { case personId, name, unitId, unit, role, attended, certificate }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(personId, forKey: .personId); try c.encode(name, forKey: .name); try c.encode(unitId, forKey: .unitId)
            try c.encode(unit, forKey: .unit); try c.encode(role, forKey: .role); try c.encode(attended, forKey: .attended)
            try c.encode(certificate, forKey: .certificate)
        }
    }
    struct CourseBody: Decodable {
        let title: String; let organiser: String; let level: String; let topic: String; let startDate: String; let endDate: String?
        let hours: Double; let place: String?; let notes: String?
    }
    struct ParticipantBody: Decodable { let personId: Int64; let unitId: Int64?; let role: String?; let attended: Bool?; let certificate: String? }

    static func json(_ item: TrainingStore.CourseItem) -> CourseJSON {
        let c = item.course
        return CourseJSON(id: c.id!, title: c.title, organiser: c.organiser, level: c.level.rawValue, topic: c.topic.rawValue, startDate: c.startDate.iso,
                          endDate: c.endDate.iso, hours: Double(c.minutes) / 60, place: c.place, notes: c.notes, participants: item.participants,
                          attended: item.attended, certificates: item.certificates)
    }

    @Sendable func courses(_ request: Request, context: SignedInContext) async throws -> Response {
        let year = (try request.queryYear()) ?? env.clock.today().year
        let items = try await env.database.read { try TrainingStore.courses($0, year: year) }
        return try APIResponse.whole(items.map(Self.json))
    }

    private func detail(_ id: Int64, for principal: Principal) async throws -> CourseJSON {
        try await env.database.read { db in
            let course = try TrainingStore.get(db, id: id)
            let people = try TrainingStore.participants(db, courseId: id, for: principal)
            var json = Self.json(.init(course: course, participants: people.count, attended: people.filter(\.participant.attended).count,
                                       certificates: people.filter { $0.participant.certificate != nil }.count))
            json.people = people.map {
                ParticipantJSON(personId: $0.participant.personId, name: $0.name, unitId: $0.participant.unitId, unit: $0.unit,
                                role: $0.participant.role.rawValue, attended: $0.participant.attended, certificate: $0.participant.certificate)
            }
            return json
        }
    }

    @Sendable func course(_ request: Request, context: SignedInContext) async throws -> Response {
        try APIResponse.json(try await detail(try context.id(), for: context.principal))
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let body = try await request.decode(as: CourseBody.self, context: context)
        // Hours travel as a number; the store reads them as typed on the page.
        let input = TrainingStore.CourseInput(title: body.title, organiser: body.organiser, level: body.level, topic: body.topic, startDate: body.startDate,
                                              endDate: body.endDate ?? "", hours: body.hours.isFinite ? String(body.hours) : "",
                                              place: body.place, notes: body.notes)
        let course = try await env.database.write { try TrainingStore.create($0, input, by: principal) }
        return try APIResponse.json(try await detail(course.id!, for: principal), status: .created)
    }

    @Sendable func saveParticipant(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let body = try await request.decode(as: ParticipantBody.self, context: context)
        _ = try await env.database.write {
            try TrainingStore.saveParticipant($0, courseId: id, .init(personId: body.personId, unitId: body.unitId, role: body.role ?? "staff",
                                                                       attended: body.attended ?? true, certificate: body.certificate), by: principal)
        }
        return try APIResponse.json(try await detail(id, for: principal))
    }
}
