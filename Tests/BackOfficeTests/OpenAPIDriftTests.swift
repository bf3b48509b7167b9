import BackOffice
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// Every GET of the API, on the demo commune, checked against `web/openapi.json`: each key the API writes is
/// declared, each required key is written, and each value has a declared type and enum value. A field added to the
/// JSON but not to the document (or the other way round) fails here, not in a client's hands.
@Suite("OpenAPI drift")
struct OpenAPIDriftTests {
    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSON].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }

        func isOf(type: String) -> Bool {
            switch (self, type) {
            case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"), (.number, "number"): return true
            case (.number(let value), "integer"): return value.rounded() == value
            default: return false
            }
        }
    }

    let document: [String: Any]

    init() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("web/openapi.json"))
        document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func resolved(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String else { return schema }
        let name = reference.split(separator: "/").last.map(String.init) ?? ""
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        return resolved(schemas?[name] as? [String: Any] ?? [:])
    }

    /// Where `value` departs from `schema`, as "path: what".
    func problems(_ value: JSON, _ schema: [String: Any], at path: String) -> [String] {
        let schema = resolved(schema)
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty && !types.contains(where: value.isOf(type:)) { return ["\(path): \(value) is not \(types)"] }
        switch value {
        case .string(let text):
            if let allowed = schema["enum"] as? [String], !allowed.contains(text) { return ["\(path): \"\(text)\" not in \(allowed)"] }
            return []
        case .array(let items):
            guard let itemSchema = schema["items"] as? [String: Any] else { return [] }
            return items.prefix(3).enumerated().flatMap { problems($0.element, itemSchema, at: "\(path)[\($0.offset)]") }
        case .object(let fields):
            guard let properties = schema["properties"] as? [String: Any] else { return [] }
            var found = ((schema["required"] as? [String]) ?? []).filter { fields[$0] == nil }.map { "\(path).\($0): required but not written" }
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] { found += problems(field, property, at: "\(path).\(key)") }
                else if (schema["additionalProperties"] as? Bool) != true { found.append("\(path).\(key): written but not in the document") }
            }
            return found
        default:
            return []
        }
    }

    @Test("Every GET answers with JSON its OpenAPI schema describes")
    func everyGetMatchesItsSchema() async throws {
        // The checker itself: an undeclared key, a missing required one and a wrong type are found.
        let planted = problems(.object(["id": .string("1"), "zzz": .null]), ["$ref": "#/components/schemas/Person"], at: "p")
        #expect(planted.contains("p.zzz: written but not in the document") && planted.contains("p.fullName: required but not written")
                && planted.contains { $0.hasPrefix("p.id:") }, "\(planted)")
        let database = try await EnglishPagesTests.demoCommune()
        let token = try await database.write { db in
            try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: "admin")!.id!, by: .system)
        }
        let paths = (document["paths"] as? [String: Any]) ?? [:]
        // Where record 1 is the wrong kind: an organisation's members need an organisation (with the demo's members).
        let organisation = try await database.read { try Int64.fetchOne($0, sql: "SELECT orgId FROM orgMember ORDER BY id LIMIT 1") } ?? 1
        let attended = try await database.read { try Int64.fetchOne($0, sql: "SELECT activityId FROM activityAttendee LIMIT 1") } ?? 1
        let ids = ["/api/v1/organisations/{id}/members": organisation, "/api/v1/organisations/{id}/participation": organisation,
                   "/api/v1/activities/{id}/attendance": attended]
        var schemas: [(uri: String, schema: [String: Any])] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            guard let get = (item as? [String: Any])?["get"] as? [String: Any],
                  let ok = (get["responses"] as? [String: Any])?["200"] as? [String: Any],
                  let schema = (((ok["content"] as? [String: Any])?["application/json"]) as? [String: Any])?["schema"] as? [String: Any]
            else { continue }
            schemas.append((path.replacingOccurrences(of: "{id}", with: String(ids[path] ?? 1)), schema))
        }
        #expect(schemas.count >= 20, "routes with a JSON schema: \(schemas.count)")
        let uris = schemas.map(\.uri)
        let app = try await buildApplication(TestCommune.configuration, database: database)
        let answers = try await app.test(.router) { client -> [(code: Int, body: String)] in
            let browser = Browser(client)
            browser.bearer.withLockedValue { $0 = token }
            var answers: [(code: Int, body: String)] = []
            for uri in uris {
                let response = try await browser.get(uri)
                answers.append((response.status.code, response.text))
            }
            return answers
        }
        var found: [String] = []
        for (route, answer) in zip(schemas, answers) {
            guard answer.code == 200 else { found.append("\(route.uri): answered \(answer.code)"); continue }
            let value = try JSONDecoder().decode(JSON.self, from: Data(answer.body.utf8))
            found += problems(value, route.schema, at: route.uri)
        }
        #expect(found.isEmpty, "\(found.count) differences between the API and web/openapi.json:\n\(found.prefix(40).joined(separator: "\n"))")
    }
}
