import Foundation
import Hummingbird

/// Serves the OpenAPI 3.1 document, `web/openapi.json`; a test keeps it true to the router's API routes.
struct OpenAPIController {
    let webDirectory: String

    func addRoutes(to router: Router<AppRequestContext>) {
        let path = webDirectory + "/openapi.json"
        router.get("/api/openapi.json") { _, _ -> Response in
            guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
