import Foundation
import Mustache

/// Printed documents (receipts, thank-you letters, handover records…) from `Templates/documents/*.mustache`: staff
/// edit their wording; the data comes from flat view models formatted in Swift. A missing or broken document
/// template stops the server at start, naming the file.
package struct DocumentTemplates: Sendable {
    package static let required = ["receipt", "thank-you-letter", "handover", "decision", "certificate", "annual-report", "volunteer-certificate"]
    package let library: MustacheLibrary

    package init(directory: String) throws {
        var library = MustacheLibrary()
        for name in Self.required {
            let path = directory + "/" + name + ".mustache"
            guard let data = FileManager.default.contents(atPath: path) else { throw ViewsError.missingFile(path) }
            do {
                try library.register(ScalarHTML.template(String(decoding: data, as: UTF8.self)), named: name)
            } catch {
                throw ViewsError.badTemplate(path, "\(error)")
            }
        }
        self.library = library
    }

    package func render(_ name: String, _ model: Any) -> String { library.render(MustacheModel(model), withTemplate: name) ?? "" }
}
