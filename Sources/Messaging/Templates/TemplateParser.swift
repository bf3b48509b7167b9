/// Turns a Mustache body into pieces, tracking lines for errors. A section, comment or pragma tag alone on its line
/// takes the line with it (as Mustache does), so text templates keep the line breaks their author sees.
struct TemplateParser {
    let template: String
    let source: String
    let firstLine: Int

    private struct Open { let name: String; let inverted: Bool; let line: Int; var pieces: [MessageTemplate.Piece] }

    func parse() throws -> [MessageTemplate.Piece] {
        var stack = [Open(name: "", inverted: false, line: firstLine, pieces: [])]
        var text = ""
        var line = firstLine
        var index = source.startIndex

        func flushText() {
            if !text.isEmpty { stack[stack.count - 1].pieces.append(.text(text)); text = "" }
        }

        while index < source.endIndex {
            guard let open = source[index...].range(of: "{{") else {
                text += source[index...]
                break
            }
            let before = source[index..<open.lowerBound]
            let triple = source[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            let contentStart = triple ? source.index(after: open.upperBound) : open.upperBound
            guard let close = source[contentStart...].range(of: closer) else {
                throw TemplateError(template: template, line: line + before.count(where: { $0 == "\n" }), message: "thẻ \"{{\" chưa đóng bằng \"\(closer)\"")
            }
            let tagLine = line + before.count(where: { $0 == "\n" })
            var tag = source[contentStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let sigil = triple ? "{" : (tag.first.map(String.init) ?? "")
            var afterTag = close.upperBound

            let isBlockTag = !triple && ["#", "^", "/", "!", "%"].contains(sigil)
            if isBlockTag, let kept = standaloneLinePrefix(before, tagEnd: afterTag) {
                // Alone on its line: the line's indentation and its line break go with the tag.
                text += kept
                let restOfLine = source[afterTag...].prefix { $0 != "\n" }
                afterTag = restOfLine.endIndex < source.endIndex ? source.index(after: restOfLine.endIndex) : source.endIndex
            } else {
                text += before
            }
            line = tagLine + source[close.upperBound..<afterTag].count(where: { $0 == "\n" })

            switch sigil {
            case "!", "%":
                break
            case "#", "^":
                tag.removeFirst()
                let name = tag.trimmingCharacters(in: .whitespaces)
                try check(name, line: tagLine)
                flushText()
                stack.append(Open(name: name, inverted: sigil == "^", line: tagLine, pieces: []))
            case "/":
                tag.removeFirst()
                let name = tag.trimmingCharacters(in: .whitespaces)
                guard stack.count > 1, stack[stack.count - 1].name == name else {
                    throw TemplateError(template: template, line: tagLine, message: "thẻ đóng {{/\(name)}} không khớp thẻ mở nào")
                }
                flushText()
                let closed = stack.removeLast()
                stack[stack.count - 1].pieces.append(.section(closed.name, inverted: closed.inverted, closed.pieces))
            case "{", "&":
                if sigil == "&" { tag.removeFirst() }
                let name = tag.trimmingCharacters(in: .whitespaces)
                try check(name, line: tagLine)
                flushText()
                stack[stack.count - 1].pieces.append(.variable(name, escaped: false))
            case ">", "<", "$", "=":
                throw TemplateError(template: template, line: tagLine, message: "mẫu tin nhắn không dùng được thẻ {{\(sigil)…}}")
            default:
                try check(tag, line: tagLine)
                flushText()
                stack[stack.count - 1].pieces.append(.variable(tag, escaped: true))
            }
            index = afterTag
        }
        flushText()
        if stack.count > 1 {
            let open = stack[stack.count - 1]
            throw TemplateError(template: template, line: open.line, message: "thẻ {{#\(open.name)}} chưa có thẻ đóng {{/\(open.name)}}")
        }
        return stack[0].pieces
    }

    /// When the tag stands alone on its line (only spaces before it, since the previous tag or line break, and only
    /// spaces after it), the text before it without the indentation; otherwise nil.
    private func standaloneLinePrefix(_ before: Substring, tagEnd: String.Index) -> Substring? {
        let lineStart: String.Index
        if let newline = before.lastIndex(of: "\n") {
            lineStart = before.index(after: newline)
        } else if before.startIndex == source.startIndex || source[source.index(before: before.startIndex)] == "\n" {
            lineStart = before.startIndex
        } else {
            return nil  // another tag earlier on the same line
        }
        guard before[lineStart...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        guard source[tagEnd...].prefix(while: { $0 != "\n" }).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { return nil }
        return before[..<lineStart]
    }

    private func check(_ name: String, line: Int) throws {
        guard MessageVariables.isKnown(name) else {
            throw TemplateError(template: template, line: line, message: "biến \"\(name)\" không có; xem danh sách bằng \"densach export templates\"")
        }
    }
}
