import Foundation
import GeoCore

/// One line of the legend.
enum LegendEntry {
    case heading(String)
    case note(String)
    case fill(String, String)
    case hatch(String, String, String, dashed: Bool)
    case line(MapPalette.Stroke)
    case route(String, String, dash: String?)
    case corridor(String)
    case marker(String, String)

    /// The label's lines (long names wrap).
    var lines: [String] {
        switch self {
        case .heading(let s), .note(let s): wrap(s, width: 46)
        case .fill(_, let s), .hatch(_, _, let s, _), .route(_, let s, _), .corridor(let s), .marker(_, let s): wrap(s, width: 40)
        case .line(let s): [s.label]
        }
    }

    var lineHeight: Double { 15 }

    /// The height of a column of entries, in pixels.
    static func height(of entries: [LegendEntry]) -> Double {
        24 + entries.reduce(0) { sum, e in
            if case .heading = e { return sum + 8 + Double(e.lines.count) * e.lineHeight }
            return sum + max(18, Double(e.lines.count) * e.lineHeight + 3)
        }
    }
}

extension MapCanvas {
    /// The legend: what is drawn, in drawing order, with each symbol as drawn.
    mutating func drawLegend(x: Double, y: Double) {
        svg.open("g", ["id": "legend", "font-size": "11", "fill": MapPalette.ink])
        svg.text("text", "Legend", ["x": px(x), "y": px(y + 12), "font-size": "13", "font-weight": "bold"])
        var cy = y + 24
        for e in legend {
            let lines = e.lines
            if case .heading = e {
                cy += 8
                for (i, l) in lines.enumerated() {
                    svg.text("text", l, ["x": px(x), "y": px(cy + 11 + Double(i) * e.lineHeight), "font-weight": "bold"])
                }
                cy += Double(lines.count) * e.lineHeight
                continue
            }
            let mid = cy + 8
            switch e {
            case .fill(let colour, _):
                svg.empty("rect", ["x": px(x), "y": px(cy + 2), "width": "22", "height": "12", "fill": colour, "stroke": "#8a8a8a", "stroke-width": "0.6"])
            case .hatch(let id, let colour, _, let dashed):
                svg.empty("rect", ["x": px(x), "y": px(cy + 2), "width": "22", "height": "12", "fill": "url(#\(id))", "stroke": colour,
                                   "stroke-width": "1.2", "stroke-dasharray": dashed ? "5 3" : nil])
            case .line(let s):
                svg.empty("line", ["x1": px(x), "y1": px(mid), "x2": px(x + 22), "y2": px(mid), "stroke": s.colour,
                                   "stroke-width": px(s.width), "stroke-dasharray": s.dash])
            case .route(let colour, _, let dash):
                svg.empty("line", ["x1": px(x), "y1": px(mid), "x2": px(x + 24), "y2": px(mid), "stroke": colour, "stroke-width": "3.2", "stroke-dasharray": dash])
            case .corridor:
                svg.empty("rect", ["x": px(x), "y": px(cy + 2), "width": "22", "height": "12", "fill": "#777777", "fill-opacity": "0.2", "stroke": "#777777", "stroke-width": "0.8"])
            case .marker(let kind, _):
                drawMarker(kind, x: x + 11, y: mid)
            case .heading, .note:
                break
            }
            let textX: Double
            if case .note = e { textX = x } else { textX = x + 30 }
            for (i, l) in lines.enumerated() {
                svg.text("text", l, ["x": px(textX), "y": px(cy + 12 + Double(i) * e.lineHeight)])
            }
            cy += max(18, Double(lines.count) * e.lineHeight + 3)
        }
        svg.close("g")
    }

    private mutating func drawMarker(_ kind: String, x: Double, y: Double) {
        switch kind {
        case "tripoint":
            svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "3.5", "fill": MapPalette.ink, "stroke": "#ffffff"])
        case "enclave":
            svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "6", "fill": "none", "stroke": "#ad1457", "stroke-width": "1.8"])
        case "exclave":
            svg.empty("rect", ["x": px(x - 5), "y": px(y - 5), "width": "10", "height": "10", "fill": "none", "stroke": "#ad1457",
                               "stroke-width": "1.8", "transform": "rotate(45 \(px(x)) \(px(y)))"])
        case "crossing":
            svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "7", "fill": "#ffffff", "stroke": MapPalette.ink, "stroke-width": "1.6"])
            svg.text("text", "1", ["x": px(x), "y": px(y + 3.2), "font-size": "9", "font-weight": "bold", "text-anchor": "middle"])
        default:
            svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "2", "fill": "#333333"])
        }
    }

    /// A north arrow in the map's top-left corner, turned to where north is at the map's centre.
    mutating func drawNorthArrow() throws {
        let angle = try frame.northAngle()
        let x = frame.left + 24, y = frame.top + 30
        svg.open("g", ["id": "north-arrow", "transform": "rotate(\(px(angle)) \(px(x)) \(px(y)))"])
        svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "15", "fill": "#ffffff", "fill-opacity": "0.8", "stroke": "#555555", "stroke-width": "0.8"])
        svg.empty("path", ["d": "M\(px(x)) \(px(y - 12))L\(px(x + 6)) \(px(y + 8))L\(px(x)) \(px(y + 3))L\(px(x - 6)) \(px(y + 8))Z", "fill": MapPalette.ink])
        svg.text("text", "N", ["x": px(x), "y": px(y - 17), "font-size": "11", "font-weight": "bold", "text-anchor": "middle", "fill": MapPalette.ink])
        svg.close("g")
    }

    /// Where the north arrow and the scale bar go, kept clear of labels.
    var northArrowBox: MapLabels.Box { .init(minX: frame.left, minY: frame.top, maxX: frame.left + 48, maxY: frame.top + 50) }
    var scaleBarBox: MapLabels.Box { .init(minX: frame.left, minY: frame.top + frame.height - 42, maxX: frame.left + 250, maxY: frame.top + frame.height) }

    /// A scale bar in km, true at the map's centre: the geodesic length (WGS84) of a horizontal span there.
    mutating func drawScaleBar() throws {
        let metresPerPixel = try frame.metres(acrossPixels: 100) / 100
        guard metresPerPixel.isFinite, metresPerPixel > 0 else { return }
        // The longest round length (1, 2 or 5 × 10^n km) that fits in 160 pixels.
        let target = 160 * metresPerPixel / 1000
        let power = pow(10, floor(log10(target)))
        let km = [5.0, 2, 1].map { $0 * power }.first { $0 <= target } ?? power
        let length = km * 1000 / metresPerPixel
        let x = frame.left + 14, y = frame.top + frame.height - 22
        let text = (km < 1 ? JSONNumberFormat.fixed(km, decimals: km < 0.1 ? 2 : 1) : String(Int(km))) + " km"
        svg.open("g", ["id": "scale-bar", "font-size": "10", "fill": MapPalette.ink])
        svg.empty("rect", ["x": px(x - 6), "y": px(y - 16), "width": px(length + 56), "height": "30", "fill": "#ffffff", "fill-opacity": "0.8"])
        svg.empty("rect", ["x": px(x), "y": px(y), "width": px(length / 2), "height": "5", "fill": MapPalette.ink])
        svg.empty("rect", ["x": px(x + length / 2), "y": px(y), "width": px(length / 2), "height": "5", "fill": "#ffffff", "stroke": MapPalette.ink, "stroke-width": "0.8"])
        svg.text("text", "0", ["x": px(x), "y": px(y - 4), "text-anchor": "middle"])
        svg.text("text", text, ["x": px(x + length), "y": px(y - 4), "text-anchor": "middle"])
        svg.text("text", "at the centre", ["x": px(x + length + 8), "y": px(y + 6), "font-size": "8", "fill": MapPalette.muted])
        svg.close("g")
    }
}
