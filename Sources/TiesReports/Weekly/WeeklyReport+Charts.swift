import TiesCore

/// The colours of the HTML report's charts: one place, so a legend cannot differ from its bars.
enum ChartColour {
    static let ink = "#1d2330"
    static let muted = "#667085"
    static let grid = "#e4e7ec"
    static let line = "#2e90fa"
    static let bar = "#12b76a"
    /// Fill and the colour of a number drawn on it, for each status.
    static let statuses: [(name: String, fill: String, text: String)] = [
        ("active", "#12b76a", "#ffffff"), ("cooling", "#f5a524", "#1d2330"), ("cold", "#98a2b3", "#1d2330"),
    ]
}

extension WeeklyReport {
    /// The opening tag of a chart: an SVG that scales down with its column, never wider than drawn.
    func svgOpen(width: Double, height: Double, label: String) -> String {
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(label)\">"
    }

    /// An SVG text element; `extra` holds further attributes.
    func svgText(
        _ text: String, x: Double, y: Double, size: Int = 10, fill: String = ChartColour.muted, extra: String = ""
    )
        -> String
    {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(size)\" fill=\"\(fill)\"\(extra)>\(text)</text>"
    }

    private func f(_ x: Double) -> String { Table.format(x, digits: 1) }

    /// The 12-week trend of the health index, as a line chart with the first and last values written. A week
    /// with no value (before the first recorded contact) is drawn as nothing.
    func trendChart() -> String {
        let (w, h, pad, left) = (300.0, 150.0, 24.0, 24.0)
        let n = max(1, trend.count - 1)
        let points = trend.enumerated().compactMap { i, p in
            p.health.map {
                (x: left + (w - left - pad) * Double(i) / Double(n), y: h - pad - (h - 2 * pad) * $0 / 100, value: $0)
            }
        }
        var svg = svgOpen(width: w, height: h, label: "Health over 12 weeks")
        for level in [0.0, 50, 100] {
            let y = h - pad - (h - 2 * pad) * level / 100
            svg +=
                "<line x1=\"\(Int(left))\" x2=\"\(Int(w - pad))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(ChartColour.grid)\"/>"
            svg += svgText("\(Int(level))", x: 2, y: y + 4)
        }
        if points.count > 1 {
            let path = points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(ChartColour.line)\" stroke-width=\"2\"/>"
        }
        for p in points { svg += "<circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"2.5\" fill=\"\(ChartColour.line)\"/>" }
        let labelled = points.count > 1 ? [(points.first, "start"), (points.last, "end")] : [(points.last, "end")]
        for case let (point?, anchor) in labelled {
            svg += svgText(
                Table.format(point.value, digits: 0), x: point.x, y: point.y - 6, size: 11, fill: ChartColour.ink,
                extra: " font-weight=\"600\" text-anchor=\"\(anchor)\"")
        }
        if points.isEmpty {
            svg += svgText(
                "no values before the first recorded contact", x: (left + w - pad) / 2, y: h / 2,
                extra: " text-anchor=\"middle\"")
        }
        if let first = trend.first, let last = trend.last {
            svg += svgText("\(first.day)", x: left, y: h - 6)
            svg += svgText("\(last.day)", x: w - pad, y: h - 6, extra: " text-anchor=\"end\"")
        }
        return svg + "</svg><figcaption>Health, last 12 weeks</figcaption></figure>\n"
    }

    /// How many people fall in each tenth of strength, the count written above every bar.
    func histogramChart() -> String {
        let (w, h, pad, top) = (300.0, 150.0, 20.0, 18.0)
        let most = Double(max(1, strengthHistogram.max() ?? 1))
        let barWidth = (w - 2 * pad) / 10
        var svg = svgOpen(width: w, height: h, label: "Strength distribution")
        svg +=
            "<line x1=\"\(Int(pad))\" x2=\"\(Int(w - pad))\" y1=\"\(f(h - pad))\" y2=\"\(f(h - pad))\" stroke=\"\(ChartColour.grid)\"/>"
        for (i, count) in strengthHistogram.enumerated() {
            let bh = (h - pad - top) * Double(count) / most
            let x = pad + barWidth * Double(i)
            if count > 0 {
                svg +=
                    "<rect x=\"\(f(x + 1))\" y=\"\(f(h - pad - bh))\" width=\"\(f(barWidth - 2))\" height=\"\(f(bh))\" fill=\"\(ChartColour.bar)\"><title>strength \(i * 10)–\((i + 1) * 10): \(count)</title></rect>"
            }
            svg += svgText(
                "\(count)", x: x + barWidth / 2, y: h - pad - bh - 4,
                fill: count > 0 ? ChartColour.ink : ChartColour.muted,
                extra: " text-anchor=\"middle\"")
            if i % 5 == 0 { svg += svgText("\(i * 10)", x: x, y: h - 6) }
        }
        svg += svgText("100", x: w - pad, y: h - 6, extra: " text-anchor=\"end\"")
        return svg + "</svg><figcaption>People by strength (with a history)</figcaption></figure>\n"
    }

    /// People by role, as stacked bars of active, cooling and cold: each part's count written on it when it
    /// fits (else after the bar), the total at the end, and a legend drawn in the bars' own colours.
    func roleChart() -> String {
        let (rowHeight, labelWidth, w) = (18.0, 104.0, 320.0)
        let barRoom = w - labelWidth - 34
        let h = rowHeight * Double(max(1, byRole.count)) + 26
        let most = Double(max(1, byRole.map(\.total).max() ?? 1))
        var svg = svgOpen(width: w, height: h, label: "People by role")
        for (i, row) in byRole.enumerated() {
            let y = 2 + rowHeight * Double(i)
            svg += svgText(Self.htmlEscaped(row.label), x: 0, y: y + 12, size: 11, fill: ChartColour.ink)
            var x = labelWidth
            var unlabelled: [String] = []
            for (count, colour) in zip([row.active, row.cooling, row.cold], ChartColour.statuses) where count > 0 {
                let width = barRoom * Double(count) / most
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y + 1))\" width=\"\(f(width))\" height=\"\(Int(rowHeight - 3))\" fill=\"\(colour.fill)\"><title>\(count) \(colour.name)</title></rect>"
                if width >= 7 * Double(String(count).count) + 4 {
                    svg += svgText(
                        "\(count)", x: x + width / 2, y: y + 12, fill: colour.text, extra: " text-anchor=\"middle\"")
                } else {
                    unlabelled.append("<tspan fill=\"\(colour.fill)\">\(count)</tspan>")
                }
                x += width
            }
            let parts = [row.active, row.cooling, row.cold].filter { $0 > 0 }.count
            let total =
                unlabelled.isEmpty || parts == 1
                ? "\(row.total)" : "\(row.total) (" + unlabelled.joined(separator: "·") + ")"
            svg += svgText(total, x: x + 4, y: y + 12, fill: ChartColour.ink)
        }
        var legendX = 0.0
        for status in ChartColour.statuses {
            svg +=
                "<rect class=\"legend\" x=\"\(f(legendX))\" y=\"\(f(h - 15))\" width=\"10\" height=\"10\" fill=\"\(status.fill)\"/>"
            svg += svgText(status.name, x: legendX + 14, y: h - 6, fill: ChartColour.ink)
            legendX += 70
        }
        return svg + "</svg><figcaption>People by role</figcaption></figure>\n"
    }
}
