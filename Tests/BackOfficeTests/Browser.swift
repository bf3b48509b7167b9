import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers

/// A minimal browser for router tests: keeps cookies, remembers the last page's CSRF token, posts forms.
final class Browser: Sendable {
    let client: any TestClientProtocol
    private let cookies = NIOLockedValueBox<[String: String]>([:])
    private let lastCSRF = NIOLockedValueBox<String>("")
    /// An API token sent with every request when set (`/api/v1` takes tokens, not session cookies).
    let bearer = NIOLockedValueBox<String?>(nil)
    /// Headers added to every request (a proxy's X-Forwarded-For, say).
    let extraHeaders = NIOLockedValueBox<[String: String]>([:])
    let acceptLanguage: String

    init(_ client: any TestClientProtocol, acceptLanguage: String = "vi") {
        self.client = client
        self.acceptLanguage = acceptLanguage
    }

    var cookieHeader: String { cookies.withLockedValue { $0.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") } }
    func cookie(_ name: String) -> String? { cookies.withLockedValue { $0[name] } }
    func setCookie(_ name: String, _ value: String) { cookies.withLockedValue { $0[name] = value } }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        try await send(path, method: .get, body: nil, contentType: nil)
    }

    /// Posts a form; adds the CSRF token from the last page unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> TestResponse {
        try await post(path, pairs: fields.map { ($0.key, $0.value) }, csrf: csrf)
    }

    /// Posts a form whose names may repeat (ticked boxes: `present=1&present=2`).
    @discardableResult
    func post(_ path: String, pairs: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        var all = pairs
        if !all.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", csrf ?? lastCSRF.withLockedValue { $0 })) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a form with a file as a browser does (`multipart/form-data`), with the CSRF token from the last page.
    @discardableResult
    func upload(_ path: String, file: (name: String, bytes: [UInt8]), fields: [String: String] = [:], csrf: String? = nil) async throws -> TestResponse {
        var all = fields
        if all["_csrf"] == nil { all["_csrf"] = csrf ?? lastCSRF.withLockedValue { $0 } }
        let boundary = "----densach\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await send(path, method: .post, bytes: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    func signIn(_ login: String, _ password: String) async throws -> TestResponse {
        try await get("/login")
        return try await post("/login", ["login": login, "password": password])
    }

    /// Any method, with a text body or raw bytes (bytes that are not UTF-8, say).
    @discardableResult
    func send(_ path: String, method: HTTPRequest.Method, body: String? = nil, bytes: [UInt8]? = nil, contentType: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.acceptLanguage: acceptLanguage]
        for (name, value) in extraHeaders.withLockedValue({ $0 }) { headers[HTTPField.Name(name)!] = value }
        let cookie = cookieHeader
        if !cookie.isEmpty { headers[.cookie] = cookie }
        if let contentType { headers[.contentType] = contentType }
        if let token = bearer.withLockedValue({ $0 }) { headers[.authorization] = "Bearer \(token)" }
        let buffer = bytes.map { ByteBuffer(bytes: $0) } ?? body.map { ByteBuffer(string: $0) }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: buffer)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            cookies.withLockedValue { if value.isEmpty || header.contains("Max-Age=0") { $0[name] = nil } else { $0[name] = value } }
        }
        let html = String(buffer: response.body)
        if let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) {
            let token = html[range].split(separator: "\"")[3]
            lastCSRF.withLockedValue { $0 = String(token) }
        }
        return response
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
