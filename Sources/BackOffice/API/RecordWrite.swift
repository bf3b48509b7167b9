import Foundation
import Hummingbird
import Store

/// How the API changes a record without losing what the client did not send.
/// - `PUT` carries the whole writable representation; a missing field is refused (422), never taken as "empty".
/// - `PATCH` is a JSON merge patch (RFC 7396): the fields sent replace, `null` clears, the rest stays.
/// - `If-Match` with the record's `ETag` (its `RecordVersion`) makes a stale write fail with 412.
struct RecordWrite: Sendable {
    enum Mode: Sendable { case replace, merge }

    /// The fields a client may write, as `GET` shows them.
    let writable: [String]
    /// Fields `GET` shows but no client writes (ignored when sent back unchanged by a PUT).
    let readOnly: Set<String>
    /// Writable fields a PUT may leave out (another way to give a required one, such as a village by name).
    var alternatives: Set<String> = []

    /// Registers `PUT` (whole record) and `PATCH` (merge) at one path, both answered by `write` with their mode.
    func addRoutes(to router: RouterGroup<SignedInContext>, path: String,
                   _ write: @escaping @Sendable (Request, SignedInContext, Mode) async throws -> Response) {
        router.put(RouterPath(stringLiteral: path)) { request, context in try await write(request, context, .replace) }
        router.patch(RouterPath(stringLiteral: path)) { request, context in try await write(request, context, .merge) }
    }

    /// The request's JSON object and its `If-Match`, read before the write transaction opens.
    struct Body: Sendable {
        let mode: Mode
        var fields: [String: JSONValue]
        let ifMatch: String?
    }

    func body(_ request: Request, context: SignedInContext, mode: Mode) async throws -> Body {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard let dictionary = try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: buffer)) else {
            throw DomainError(.invalid, "Nội dung gửi lên phải là một đối tượng JSON.", english: "The body must be a JSON object.")
        }
        let ifMatch = request.headers[.ifMatch].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/")) }
        return Body(mode: mode, fields: dictionary.filter { !readOnly.contains($0.key) }, ifMatch: ifMatch)
    }

    /// The current representation with the body laid over it, decoded as the input type; unknown fields, and on
    /// PUT missing ones, are refused.
    func merged<Input: Decodable>(_ current: some Encodable, with body: Body, as type: Input.Type) throws -> Input {
        var problems: [String: String] = [:]
        for key in body.fields.keys where !writable.contains(key) { problems[key] = "Không có trường này (unknown field)" }
        if body.mode == .replace {
            for key in writable where body.fields[key] == nil && !alternatives.contains(key) {
                problems[key] = "Thiếu trường: PUT gửi cả bản ghi (dùng PATCH để sửa một phần)"
            }
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        var object = try Self.object(current)
        for (key, value) in body.fields { object[key] = value }
        let data = try JSONEncoder().encode(object)
        do {
            return try JSONDecoder().decode(Input.self, from: data)
        } catch let error as DecodingError {
            throw DomainError.invalid([Self.field(of: error): "Sai kiểu dữ liệu"])
        }
    }

    /// `GET`'s answer: every writable field present (null when empty), with the record's version as ETag.
    func response(_ representation: some Encodable, version: String, status: HTTPResponse.Status = .ok) throws -> Response {
        var object = try Self.object(representation)
        for key in writable where object[key] == nil { object[key] = .null }
        let data = try APIResponse.encoder.encode(object)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .eTag: "\"\(version)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func object(_ value: some Encodable) throws -> [String: JSONValue] {
        try JSONDecoder().decode([String: JSONValue].self, from: try APIResponse.encoder.encode(value))
    }

    private static func field(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return c.codingPath.first?.stringValue ?? "body"
        case .keyNotFound(let key, _): return key.stringValue
        @unknown default: return "body"
        }
    }
}

/// A JSON value, decoded strictly (a `1` is never a `true`) and Sendable, so it can cross into a database closure.
indirect enum JSONValue: Codable, Sendable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
