import Foundation
import NIOCore
import Vietnamese

/// `TextRules` over every string of a JSON body (keys included), before any handler decodes it: the API takes
/// the same text as the forms, whatever its route.
enum JSONText {
    static func problems(in body: ByteBuffer) -> [String: String] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)) else { return [:] }  // the handler answers malformed JSON
        var problems: [String: String] = [:]
        check(value, path: "", into: &problems)
        return problems
    }

    private static func check(_ value: JSONValue, path: String, into problems: inout [String: String]) {
        switch value {
        case .string(let text):
            if let problem = TextRules.problem(in: text) { problems[path.isEmpty ? "body" : path] = problem }
        case .array(let items):
            for (index, item) in items.enumerated() { check(item, path: "\(path)[\(index)]", into: &problems) }
        case .object(let fields):
            for (key, item) in fields {
                let name = path.isEmpty ? key : path + "." + key
                if let problem = TextRules.problem(in: key, limit: 200) { problems[name] = problem }
                check(item, path: name, into: &problems)
            }
        default:
            break
        }
    }
}
