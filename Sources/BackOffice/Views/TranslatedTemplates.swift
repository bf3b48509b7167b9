import Composition
import Foundation
import Mustache

/// Page templates compiled once per language with their `{{t.key}}` texts written in: a lookup through the Mustache
/// context costs ~2 µs, and UI texts were a third of the tokens of a page. A key missing from the strings stops the
/// server at start, naming the template, instead of showing a blank.
enum TranslatedTemplates {
    /// The compiled libraries, and the pages that show a sub-tab bar (a `…-tabs` partial), whose current tab is marked.
    static func load(directory: String, strings: Strings) throws -> (libraries: [Language: MustacheLibrary], tabbed: Set<String>) {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        let sources = try files.map { file -> (String, String) in
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { throw ViewsError.missingFile(file) }
            return (String(file.dropLast(".mustache".count)), String(decoding: data, as: UTF8.self))
        }
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            var library = MustacheLibrary()
            for (name, source) in sources {
                let translated = try translate(source, template: name, table: strings.table(language))
                do {
                    try library.register(ScalarHTML.template(translated), named: name)
                } catch {
                    throw ViewsError.badTemplate(name, "\(error)")
                }
            }
            libraries[language] = library
        }
        return (libraries, Set(sources.filter { $0.1.contains("-tabs}}") }.map(\.0)))
    }

    /// Replaces each `{{t.key}}` by the key's text, HTML-escaped as `{{…}}` would have done.
    static func translate(_ source: String, template: String, table: [String: String]) throws -> String {
        var output = ""
        output.reserveCapacity(source.utf8.count)
        var rest = source[...]
        while let open = rest.range(of: "{{t.") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ViewsError.badTemplate(template, "{{t.… has no closing }}")
            }
            let key = String(rest[open.upperBound..<close.lowerBound])
            guard let text = table[key] else { throw ViewsError.missingText(key, template: template) }
            output += HTMLText.escape(text)
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }
}
