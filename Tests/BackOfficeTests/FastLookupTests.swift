import Composition
import Mustache
import Store
import Testing
@testable import BackOffice

@Suite("View models that bypass Mirror")
struct FastLookupTests {
    /// Every stored property must be answered by `child(named:)`, or a field added later would render blank.
    func answersEveryProperty(_ value: some MustacheParent) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label).filter { value.child(named: $0) == nil }
    }

    @Test("Hand-written lookups cover every field of their view model")
    func complete() {
        let page = Page(items: [1], total: 120, page: 2, perPage: 50)
        let pager = Pager(page, basePath: "/people", query: ["q": "an"], totalText: "Có 120 người")
        let option = Option(value: "1", label: "Thôn 1", selected: true)
        let list = PeopleController.ListPage(q: "an", villageOptions: "<option>", rowsHTML: "<tr>", empty: false, pager: pager, canCreate: true, villageQuery: "?village=1")
        #expect(answersEveryProperty(pager) == [])
        #expect(answersEveryProperty(option) == [])
        #expect(answersEveryProperty(list) == [])
    }
}

@Suite("HTML written in Swift")
struct HTMLTextTests {
    @Test("Escapes exactly as the templates do, and leaves plain names untouched")
    func escapesLikeMustache() throws {
        let template = try MustacheTemplate(string: "{{value}}")
        for value in [#"<b>"Lò" & 'Bà'</b>"#, "Nguyễn Thị Ánh", "", "a&b"] {
            #expect(HTMLText.escape(value) == template.render(["value": value]))
        }
    }

    @Test("Options mark the chosen village and escape labels")
    func options() {
        let html = HTMLText.options([Option(value: "1", label: "Thôn <1>", selected: false),
                                     Option(value: "2", label: "Thôn 2", selected: true)])
        #expect(html == #"<option value="1">Thôn &lt;1&gt;</option><option value="2" selected>Thôn 2</option>"#)
    }

    @Test("The menu marks the current page and escapes labels")
    func menu() {
        let html = LayoutModel.html([.init(href: "/people", label: "Người dân", active: true),
                                     .init(href: "/clubs", label: "CLB & <lớp>", active: false)])
        #expect(html == #"<li><a href="/people" aria-current="page">Người dân</a></li>"#
                + #"<li><a href="/clubs">CLB &amp; &lt;lớp&gt;</a></li>"#)
    }
}

@Suite("Templates compiled per language")
struct TranslatedTemplatesTests {
    @Test("UI texts are written into the template, escaped")
    func writesTexts() throws {
        let html = try TranslatedTemplates.translate("<p>{{t.a}}</p>{{name}}", template: "x", table: ["a": "Sách & <báo>"])
        #expect(html == "<p>Sách &amp; &lt;báo&gt;</p>{{name}}")
    }

    @Test("A text missing from the strings file is an error naming the template and the key")
    func missingKey() {
        #expect(throws: ViewsError.self) { try TranslatedTemplates.translate("{{t.nope}}", template: "people", table: [:]) }
        let message = "\(ViewsError.missingText("nope", template: "people"))"
        #expect(message.contains("people") && message.contains("t.nope"))
    }
}
