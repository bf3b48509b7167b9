/// An indicator year by year: bars for the values recorded, a line for where the plan wants it — inline SVG drawn
/// by the server, readable at 360 px and in print.
enum TrajectoryChart {
    /// `expectedLabel` names the dashed line (the plan's trajectory) in the chart's legend.
    static func svg(years: [Int], values: [Double?], expected: [Double], title: String, expectedLabel: String) -> String {
        guard !years.isEmpty else { return "" }
        let width = 360.0, height = 180.0, left = 36.0, bottom = 22.0, top = 20.0
        let top0 = max((values.compactMap { $0 } + expected).max() ?? 1, 1) * 1.1
        let slot = (width - left - 6) / Double(years.count)
        func y(_ value: Double) -> Double { height - bottom - (height - bottom - top) * value / top0 }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\""
            + " xmlns=\"http://www.w3.org/2000/svg\" class=\"month-chart\">"
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 4)\" y2=\"\(height - bottom)\" stroke=\"#888\"/>"
        for tick in [0.0, top0 / 2, top0] {
            svg += "<text x=\"\(left - 4)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" font-size=\"10\">\(Int(tick.rounded()))</text>"
        }
        for (index, year) in years.enumerated() {
            let x = left + slot * Double(index)
            if let value = values[index] {
                svg += "<rect x=\"\(x + 4)\" y=\"\(y(value))\" width=\"\(max(slot - 8, 2))\" height=\"\(height - bottom - y(value))\""
                    + " fill=\"#b5541c\"><title>\(year): \(Int(value.rounded()))</title></rect>"
            }
            svg += "<text x=\"\(x + slot / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\" font-size=\"10\">\(year)</text>"
        }
        let points = expected.enumerated().map { "\(left + slot * (Double($0.offset) + 0.5)),\(y($0.element))" }.joined(separator: " ")
        let label = HTMLText.escape(expectedLabel)
        svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>\(label)</title></polyline>"
        // Legend: the dashed line is the plan's trajectory, the bars what was recorded.
        svg += PlanLine.legend(label, left: left, fontSize: 10)
        return svg + "</svg>"
    }
}

/// The plan's dashed blue line in the charts, named in a legend above the bars (a label on the line itself would
/// sit on the bars and not be read).
enum PlanLine {
    /// `label` already escaped.
    static func legend(_ label: String, left: Double, fontSize: Int) -> String {
        "<line x1=\"\(left)\" y1=\"8\" x2=\"\(left + 22)\" y2=\"8\" stroke=\"#1a5fb4\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            + "<text x=\"\(left + 26)\" y=\"12\" font-size=\"\(fontSize)\">\(label)</text>"
    }
}
