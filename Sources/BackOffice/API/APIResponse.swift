import Foundation
import Hummingbird

/// JSON answers of the API: lists as `{"items": [...], "total": N, "page": P}`, errors as `{"error": {"message": …}}`.
enum APIResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let message: String
            let fields: [String: String]?
        }
        let error: Detail
    }

    static func error(status: HTTPResponse.Status, message: String, fields: [String: String]) -> Response {
        let body = ErrorBody(error: .init(message: message, fields: fields.isEmpty ? nil : fields))
        return (try? json(body, status: status)) ?? Response(status: status)
    }

    struct List<Item: Encodable>: Encodable {
        let items: [Item]
        let total: Int
        let page: Int
        let perPage: Int
    }

    /// A list answered whole, in one page (clubs, campaigns, observances: a commune has tens, not thousands).
    static func whole<Item: Encodable>(_ items: [Item]) throws -> Response {
        try json(List(items: items, total: items.count, page: 1, perPage: max(items.count, 1)))
    }
}
