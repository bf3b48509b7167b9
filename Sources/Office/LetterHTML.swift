import Foundation

/// The letters a message export prints (`<section class="letter">` each, from the `letter` templates' small HTML)
/// as one Word document, one letter per page, so a batch of invitations opens in Word as the clerk would have typed
/// it. The templates' HTML is the one source: what the print shows, Word shows.
///
/// Understood: `header` (its paragraphs side by side, as the agency beside the national motto), `h1`–`h3` (the
/// title), `p` (with `class="place-date"` set right in italics, `class="sign-space"` the room to sign), `div
/// class="signature"` (on the right half), `ul`/`ol` items, `strong`/`b`, `em`/`i`, `u`, `br`, and the HTML
/// entities the templates' escaping writes. Other tags keep their text.
package enum LetterHTML {
    package static func document(_ html: String, title: String) -> DOCXDocument {
        var document = DOCXDocument(title: title)
        for (index, letter) in sections(html).enumerated() {
            if index > 0 { document.blocks.append(.pageBreak) }
            document.blocks += blocks(letter, textWidth: document.textWidth)
        }
        return document
    }

    /// The inside of every `<section class="letter">`.
    static func sections(_ html: String) -> [Substring] {
        var found: [Substring] = []
        var rest = html[...]
        while let open = rest.range(of: "<section class=\"letter\">"), let close = rest.range(of: "</section>", range: open.upperBound..<rest.endIndex) {
            found.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    typealias P = DOCXDocument.Paragraph
    typealias R = DOCXDocument.Run

    /// One letter's blocks.
    static func blocks(_ html: Substring, textWidth: Int) -> [DOCXDocument.Block] {
        var blocks: [DOCXDocument.Block] = []
        var parser = Parser(html)
        // Paragraphs gathered inside a header or a signature, laid out as a table when it closes.
        var group: (kind: String, cells: [[P]])? = nil
        var runs: [R] = [], style = Style(), paragraphClass = "", paragraphTag = ""
        func flushParagraph() {
            defer { runs = []; paragraphClass = ""; paragraphTag = "" }
            let text = runs.map(\.text).joined().trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty && paragraphClass != "sign-space" { return }
            let paragraph: P
            switch (group?.kind, paragraphTag, paragraphClass) {
            case ("header"?, _, _):
                // The issuing body as documents head it: "ỦY BAN NHÂN DÂN" over "XÃ …", not broken mid-name.
                let first = group!.cells.isEmpty
                paragraph = P(runs.map { run in
                    R(first ? DOCXDocument.agencyLines(run.text) : run.text, bold: true, italic: run.italic,
                      underline: run.underline, size: 24)
                }, alignment: .center, spaceAfter: 0)
            case (_, _, "sign-space"): paragraph = P([R("")], alignment: .center, spaceAfter: 1_200)
            case ("signature"?, _, _): paragraph = P(runs, alignment: .center, spaceAfter: 0)
            case (_, "h1", _), (_, "h2", _), (_, "h3", _): paragraph = P(runs.map { R($0.text, bold: true, size: 30) }, alignment: .center, spaceAfter: 240, spaceBefore: 240)
            case (_, _, "place-date"): paragraph = P(runs.map { R($0.text, italic: true) }, alignment: .right)
            case (_, "li", _): paragraph = P([R("– ")] + runs, alignment: .left)
            default: paragraph = P(runs, indentFirstLine: true)
            }
            if group != nil { group!.cells.append([paragraph]) } else { blocks.append(.paragraph(paragraph)) }
        }
        while let token = parser.next() {
            switch token {
            case .text(let text):
                let cleaned = text.replacingOccurrences(of: "\n", with: " ")
                if !cleaned.trimmingCharacters(in: .whitespaces).isEmpty || !runs.isEmpty { runs.append(style.run(cleaned)) }
            case .open(let tag, let cssClass):
                switch tag {
                case "p", "h1", "h2", "h3", "li":
                    flushParagraph(); paragraphTag = tag; paragraphClass = cssClass
                case "header": flushParagraph(); group = ("header", [])
                case "div" where cssClass == "signature": flushParagraph(); group = ("signature", [])
                case "br": runs.append(R("\n", bold: style.bold, italic: style.italic))
                case "strong", "b": style.bold = true
                case "em", "i": style.italic = true
                case "u": style.underline = true
                default: break
                }
            case .close(let tag):
                switch tag {
                case "p", "h1", "h2", "h3", "li": flushParagraph()
                case "header" where group?.kind == "header":
                    flushParagraph()
                    let cells = group!.cells.isEmpty ? [[P("")]] : group!.cells
                    let first = min(3_900, textWidth / cells.count)
                    let widths = cells.count == 1 ? [textWidth] : [first] + Array(repeating: (textWidth - first) / (cells.count - 1), count: cells.count - 1)
                    blocks.append(.table(.init(widths: widths, rows: [cells], borders: false)))
                    group = nil
                case "div" where group?.kind == "signature":
                    flushParagraph()
                    blocks.append(.table(.init(widths: [textWidth / 2, textWidth / 2], rows: [[[], group!.cells.flatMap { $0 }]], borders: false)))
                    group = nil
                case "strong", "b": style.bold = false
                case "em", "i": style.italic = false
                case "u": style.underline = false
                default: break
                }
            }
        }
        flushParagraph()
        return blocks
    }

    struct Style {
        var bold = false, italic = false, underline = false
        func run(_ text: String) -> R { R(text, bold: bold, italic: italic, underline: underline) }
    }

    /// Tags and text of the letters' HTML, entities decoded.
    struct Parser {
        enum Token { case open(String, cssClass: String), close(String), text(String) }
        private var rest: Substring
        init(_ html: Substring) { rest = html }

        mutating func next() -> Token? {
            guard !rest.isEmpty else { return nil }
            if rest.first == "<", let end = rest.firstIndex(of: ">") {
                let inside = rest[rest.index(after: rest.startIndex)..<end]
                rest = rest[rest.index(after: end)...]
                let closing = inside.hasPrefix("/")
                let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if closing { return .close(name) }
                return .open(name, cssClass: Self.attribute("class", in: inside) ?? "")
            }
            let end = rest.firstIndex(of: "<") ?? rest.endIndex
            let text = rest[..<end]
            rest = rest[end...]
            return .text(Self.decoded(text))
        }

        static func attribute(_ name: String, in tag: Substring) -> String? {
            guard let start = tag.range(of: name + "=\"") else { return nil }
            let value = tag[start.upperBound...].prefix { $0 != "\"" }
            return String(value)
        }

        static func decoded(_ text: Substring) -> String { XMLText.decoded(String(text)) }
    }
}
