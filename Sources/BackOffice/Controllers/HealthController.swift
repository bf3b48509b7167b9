import GRDB
import Hummingbird
import Store

/// `GET /healthz`: 200 when the database answers, 503 otherwise. For monitoring; no data is shown.
struct HealthController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            do {
                try await database.ping()
                return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: .init(string: "ok\n")))
            } catch {
                return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: .init(string: "database unavailable\n")))
            }
        }
    }
}
