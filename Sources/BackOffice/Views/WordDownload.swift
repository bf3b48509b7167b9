import Hummingbird
import Office
import Store

extension ControllerEnvironment {
    static let wordMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A document downloaded for Word: its bytes as the response, the export in the audit log like every other.
    func wordDownload(_ document: DOCXDocument, fileName: String, entity: String, id: Int64, by principal: Principal,
                      details: [String: String] = [:]) async throws -> Response {
        let data = try document.data()
        try await database.write { db in
            try Audit.record(db, by: principal, .export, entity: entity, id: id, after: details.merging(["to": fileName]) { first, _ in first })
        }
        return Views.attachment(data, type: Self.wordMediaType, fileName: fileName)
    }
}
