import Composition
import Mustache
import Testing

@Suite("What the templates see of a view model")
struct MustacheModelTests {
    struct Row { let name: String; let note: String }
    struct Page { let title: String; let empty: String; let rows: [Row]; let errors: [String: String]; let count: Int; let missing: String? }

    @Test("Empty text reads as no value (sections hide, inverted ones show), in lists, dictionaries and optionals too; other values as they are")
    func emptyTextIsNoValue() throws {
        let template = try MustacheTemplate(string: """
            {{title}}|{{#empty}}SHOWN{{/empty}}{{^empty}}hidden{{/empty}}|{{#rows}}{{name}}{{#note}}({{note}}){{/note}};{{/rows}}|\
            {{#errors.date}}{{errors.date}}{{/errors.date}}{{^errors.place}}no-place{{/errors.place}}|{{count}}|{{^missing}}none{{/missing}}
            """)
        let page = Page(title: "Tuần đọc sách", empty: "", rows: [Row(name: "Mai", note: ""), Row(name: "Lan", note: "Thôn 3")],
                        errors: ["date": "Ngày dạng dd/MM/yyyy", "place": ""], count: 0, missing: nil)
        #expect(template.render(MustacheModel(page)) == "Tuần đọc sách|hidden|Mai;Lan(Thôn 3);|Ngày dạng dd/MM/yyyyno-place|0|none")
        // Without the wrapper Mustache itself shows a section for "": the rule lives in the wrapper, not in String.
        #expect(try MustacheTemplate(string: "{{#empty}}SHOWN{{/empty}}").render(page) == "SHOWN")
    }
}
