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
        let row = PeopleController.Row(id: 1, fullName: "Lê An", gender: "Nam", birthYear: "1990", village: "Thôn 1", phone: "")
        let list = PeopleController.ListPage(q: "an", villages: [option], rows: [row], empty: false, pager: pager, canCreate: true)
        let nav = LayoutModel.NavItem(href: "/", label: "Tổng quan", active: true, notBuilt: false)
        #expect(answersEveryProperty(pager) == [])
        #expect(answersEveryProperty(option) == [])
        #expect(answersEveryProperty(row) == [])
        #expect(answersEveryProperty(list) == [])
        #expect(answersEveryProperty(nav) == [])
    }
}
