import Vietnamese

/// Horizontal bars with their labels and values, as inline SVG drawn by the server: prints, needs no script and
/// stays readable at 360 px (labels sit above their bar rather than beside it).
enum BarChart {
    static func svg(_ bars: [(label: String, value: Int64)], title: String, format: (Int64) -> String = VND.format) -> String {
        guard !bars.isEmpty else { return "" }
        let width = 360, rowHeight = 38, top = 4
        let height = top + rowHeight * bars.count
        let largest = max(bars.map(\.value).max() ?? 1, 1)
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\">"
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            let length = max(2, Int(Double(width - 8) * Double(bar.value) / Double(largest)))
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"13\">\(HTMLText.escape(String(bar.label.prefix(48)) + " · " + format(bar.value)))</text>"
            svg += "<rect x=\"0\" y=\"\(y + 18)\" width=\"\(length)\" height=\"12\" fill=\"#b5541c\"><title>\(HTMLText.escape(bar.label + ": " + format(bar.value)))</title></rect>"
        }
        return svg + "</svg>"
    }
}
