import Mustache

// Mustache finds a name through Mirror unless the value answers `child(named:)` itself; Mirror reflects the whole
// struct on every lookup, which was three quarters of a people-list request. The types rendered on every page
// (layout, navigation, options, pager) and the per-row list types answer directly.

extension Views.Envelope: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": return layout
        case "page": return page
        case "t": return t
        default: return nil
        }
    }
}

extension Views.Fragment: MustacheParent {
    func child(named name: String) -> Any? { name == "html" ? html : nil }
}

extension LayoutModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": return lang
        case "title": return title
        case "signedIn": return signedIn
        case "userName": return userName
        case "roleLabel": return roleLabel
        case "csrf": return csrf
        case "nav": return nav
        case "navHTML": return navHTML
        case "flash": return flash
        case "switchLanguageHref": return switchLanguageHref
        case "switchLanguageLabel": return switchLanguageLabel
        case "otherLang": return otherLang
        case "year": return year
        default: return nil
        }
    }
}

extension Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": return value
        case "label": return label
        case "selected": return selected
        default: return nil
        }
    }
}

extension Pager: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "show": return show
        case "page": return page
        case "pageCount": return pageCount
        case "previousHref": return previousHref
        case "nextHref": return nextHref
        case "totalText": return totalText
        default: return nil
        }
    }
}

extension PeopleController.ListPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "q": return q
        case "villageOptions": return villageOptions
        case "rowsHTML": return rowsHTML
        case "empty": return empty
        case "pager": return pager
        case "canCreate": return canCreate
        case "villageQuery": return villageQuery
        default: return nil
        }
    }
}
