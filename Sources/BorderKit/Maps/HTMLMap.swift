import Foundation
import GeoCore

/// An interactive map of a scene: one self-contained HTML file with Leaflet inlined (no tile server, no
/// network), the layers of the SVG map as GeoJSON layers in the same colours, a layer switcher, a scale bar, and
/// a popup on every feature with its figures.
///
/// Why self-contained: analysts open results in a browser and pass files on; a page that fetches nothing works
/// offline and shows the same thing everywhere. Safe with hostile data: the data travels as JSON in a
/// `<script type="application/json">` block with `<`, `>` and `&` escaped (so no text from a file can end the
/// block), is read with `JSON.parse`, and popups are built from text nodes, never from HTML strings.
public enum HTMLMap {
    /// Where Debian's `libjs-leaflet` puts Leaflet; `BORDERKIT_LEAFLET_DIR` overrides it.
    static var leafletFolder: String {
        ProcessInfo.processInfo.environment["BORDERKIT_LEAFLET_DIR"] ?? "/usr/share/javascript/leaflet"
    }

    /// The page for `scene`. Coordinates are simplified in lon/lat (`GEOSTopologyPreserveSimplify_r`) with the
    /// smallest tolerance of 0, 0.0005°, 0.001°, … that keeps the data under about 4.5 MB, and written with
    /// 5 decimals (about 1 m). Throws when Leaflet is not installed.
    public static func html(_ scene: MapScene) throws -> String {
        try page(title: scene.title, body: nil, scene: scene)
    }

    /// A page of `body` (HTML made by `MarkdownHTML`, with `<div id="map"></div>` where its map goes) and the
    /// interactive map of `scene`, if any; the tables of class "sortable" sort by a click on a column's head.
    /// With no body, the map fills the page.
    static func page(title: String, body: String?, scene: MapScene?) throws -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(escapeHTML(title))</title>\n"
        var scripts = ""
        var mapDiv = ""
        if let scene {
            let leaflet = try Leaflet.load(from: leafletFolder)
            let data = try dataText(scene)
            page += "<style>\n\(leaflet.css)\n</style>\n"
            mapDiv = "<div id=\"map\" data-borderkit-features=\"\(data.count)\"></div>"
            scripts += "<!-- \(Leaflet.notice) -->\n<script>\n\(leaflet.js)\n</script>\n"
            scripts += "<script id=\"borderkit-data\" type=\"application/json\">\(data.text)</script>\n"
            scripts += "<script>\n\(appJS)\n</script>\n"
        }
        page += "<style>\n\(body == nil ? fullPageCSS : reportCSS)\n\(pageCSS)\n</style>\n</head>\n<body>\n"
        if let body {
            page += "<main>\n" + (mapDiv.isEmpty ? body : body.replacingOccurrences(of: "<div id=\"map\"></div>", with: mapDiv)) + "</main>\n"
            if body.contains("class=\"sortable\"") { scripts += "<script>\n\(sortJS)\n</script>\n" }
        } else {
            page += mapDiv + "\n"
        }
        return page + scripts + "</body>\n</html>\n"
    }

    /// Escapes text for HTML content and attribute values (as for SVG: `&`, `<`, `>`, quotes; control
    /// characters dropped).
    static func escapeHTML(_ s: String) -> String { SVGWriter.escape(s) }

    /// JSON text made safe inside a `<script>` block: `<`, `>`, `&` and the line separators U+2028/U+2029
    /// escaped as `\uXXXX` (they occur only inside strings in JSON, where the escapes mean the same).
    static func scriptSafe(_ json: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        var i = 0
        while i < json.count {
            let b = json[i]
            switch b {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            case 0xE2 where i + 2 < json.count && json[i + 1] == 0x80 && (json[i + 2] == 0xA8 || json[i + 2] == 0xA9):
                out += Array((json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The page's data (title, layers of features with style and popup rows, bounds) as script-safe JSON, and
    /// how many features it draws.
    static func dataText(_ scene: MapScene) throws -> (text: String, count: Int) {
        var tolerance = 0.0
        for t in [0.0, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1] {
            tolerance = t
            if try estimatedBytes(scene, tolerance: t) <= 4_500_000 { break }
        }
        let layers = try HTMLMapLayers(scene: scene, tolerance: tolerance).layers
        // Past some 20,000 features, one canvas draws faster than an SVG element per feature.
        let canvas = layers.reduce(0) { $0 + $1.features.count } > 20_000
        var json: [UInt8] = Array("{\"canvas\":\(canvas),\"title\":".utf8) + JSONWriter.data(.string(scene.title))
        json += Array(",\"note\":".utf8) + JSONWriter.data(.string(tolerance == 0 ? "coordinates to 5 decimals (about 1 m)"
            : "lines simplified within \(JSONNumberFormat.shortest(tolerance))° for the page; the reports hold the exact figures"))
        json += Array(",\"layers\":[".utf8)
        var count = 0
        for (k, layer) in layers.enumerated() {
            if k > 0 { json.append(UInt8(ascii: ",")) }
            json += Array("{\"name\":".utf8) + JSONWriter.data(.string(layer.name)) + Array(",\"features\":[".utf8)
            for (i, f) in layer.features.enumerated() {
                if i > 0 { json.append(UInt8(ascii: ",")) }
                var geometry = GeoJSONWriter(decimals: 5).data(.geometry(f.geometry))
                if geometry.last == 0x0A { geometry.removeLast() }
                json += Array("{\"g\":".utf8) + geometry + Array(",\"s\":".utf8) + JSONWriter.data(.object(f.style))
                json += Array(",\"p\":".utf8) + JSONWriter.data(.array(f.popup.map { .array([.string($0.0), .string($0.1)]) })) + [UInt8(ascii: "}")]
                count += 1
            }
            json += Array("]}".utf8)
        }
        json += Array("]}".utf8)
        return (scriptSafe(json), count)
    }

    /// About how many bytes the page's coordinates take at `tolerance` (20 bytes a vertex).
    static func estimatedBytes(_ scene: MapScene, tolerance: Double) throws -> Int {
        var vertices = 0
        for g in scene.territories.map(\.geometry) + scene.borders.map({ .lineString($0.line) }) + scene.claims.map(\.geometry)
            + scene.control.map(\.geometry) + scene.routes.map(\.route.geometry) + scene.pieces.map(\.geometry) {
            vertices += tolerance == 0 ? g.vertexCount : try g.simplified(tolerance: tolerance).vertexCount
            if vertices * 20 > 4_500_000 { return vertices * 20 }
        }
        return vertices * 20
    }

    static let fullPageCSS = "html, body, #map { height: 100%; margin: 0; }"
    static let reportCSS = """
        body { margin: 0; font: 14px/1.45 "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; }
        main { max-width: 1100px; margin: 0 auto; padding: 12px 20px 40px; }
        #map { height: 70vh; margin: 12px 0; border: 1px solid #999; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 2px 8px; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.sortable th { cursor: pointer; background: #f1f1f1; }
        table.sortable th[data-sorted]::after { content: attr(data-sorted); }
        code { background: #f3f3f3; padding: 0 3px; }
        """
    static let pageCSS = """
        #map { background: \(MapPalette.water); font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
        .borderkit-title { background: rgba(255,255,255,0.9); padding: 4px 8px; font: bold 15px "DejaVu Sans", Verdana, sans-serif; }
        .borderkit-popup table { border-collapse: collapse; font-size: 12px; }
        .borderkit-popup th { text-align: left; padding: 1px 8px 1px 0; color: #555; font-weight: normal; }
        .borderkit-popup td { padding: 1px 0; }
        """

    /// Sorts a table by the column whose head is clicked (numbers as numbers), ascending then descending.
    static let sortJS = """
        (function () {
          "use strict";
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var heads = table.querySelectorAll("thead th"), body = table.querySelector("tbody");
            heads.forEach(function (th, col) {
              th.addEventListener("click", function () {
                var up = th.getAttribute("data-sorted") !== " ▲";
                heads.forEach(function (h) { h.removeAttribute("data-sorted"); });
                th.setAttribute("data-sorted", up ? " ▲" : " ▼");
                var rows = Array.prototype.slice.call(body.rows);
                function key(r) { var t = r.cells[col] ? r.cells[col].textContent.trim() : ""; var n = parseFloat(t.replace(/,/g, "")); return isNaN(n) || !/^-?[0-9.,]+( \\([-0-9.,]+–[-0-9.,]+\\))?$/.test(t) ? t : n; }
                rows.sort(function (a, b) {
                  var x = key(a), y = key(b);
                  var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
                  return up ? c : -c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
          });
        })();
        """

    /// Builds the layers and popups from the data with DOM text nodes only.
    static let appJS = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("borderkit-data").textContent);
          var map = L.map("map", { preferCanvas: data.canvas, worldCopyJump: false, attributionControl: false });
          var overlays = {}, bounds = null;
          function popup(rows) {
            var div = document.createElement("div"); div.className = "borderkit-popup";
            var table = document.createElement("table");
            rows.forEach(function (row) {
              var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
              th.appendChild(document.createTextNode(row[0])); td.appendChild(document.createTextNode(row[1]));
              tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
            });
            div.appendChild(table);
            return div;
          }
          data.layers.forEach(function (layer, li) {
            var group = L.featureGroup();
            layer.features.forEach(function (f, fi) {
              var s = f.s, drawn;
              s.className = "borderkit-feature bk-" + li + "-" + fi;
              if (f.g.type === "Point") {
                drawn = L.circleMarker([f.g.coordinates[1], f.g.coordinates[0]], s);
              } else {
                drawn = L.geoJSON({ type: "Feature", properties: {}, geometry: f.g }, { style: function () { return s; } });
              }
              drawn.bindPopup(popup(f.p));
              group.addLayer(drawn);
            });
            group.addTo(map);
            overlays[layer.name] = group;
            if (layer.features.length) {
              var b = group.getBounds();
              if (b.isValid()) { bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast()); }
            }
          });
          L.control.layers(null, overlays, { collapsed: false }).addTo(map);
          L.control.scale({ metric: true, imperial: false }).addTo(map);
          var title = L.control({ position: "topright" });
          title.onAdd = function () {
            var div = L.DomUtil.create("div", "borderkit-title");
            div.appendChild(document.createTextNode(data.title));
            div.title = data.note;
            return div;
          };
          title.addTo(map);
          if (bounds) { map.fitBounds(bounds, { padding: [10, 10] }); } else { map.setView([0, 0], 2); }
          window.borderkitMap = map;
        })();
        """
}

/// Leaflet's script and style as Debian installs them, made to need nothing else (the layer switcher's icons
/// inlined as data URLs, the source map comment dropped).
struct Leaflet {
    let js: String
    let css: String

    /// Leaflet's licence, carried in the page.
    static let notice = "Leaflet, a JS library for interactive maps (https://leafletjs.com), (c) 2010-2019 Vladimir Agafonkin, "
        + "(c) 2010-2011 CloudMade. BSD-2-Clause: redistribution and use in source and binary forms, with or without modification, "
        + "are permitted provided that the copyright notice, this list of conditions and the disclaimer are retained. Inlined from "
        + "Debian's libjs-leaflet."

    static func load(from folder: String) throws -> Leaflet {
        func read(_ name: String) throws -> [UInt8] {
            do {
                return try FileIO.readAll("\(folder)/\(name)")
            } catch {
                throw InputError("an interactive map needs Leaflet: \(folder)/\(name) cannot be read (Debian: apt-get install libjs-leaflet; "
                    + "elsewhere set BORDERKIT_LEAFLET_DIR to a folder with leaflet.min.js and leaflet.css)")
            }
        }
        var js = String(decoding: try read("leaflet.min.js"), as: UTF8.self)
        if let r = js.range(of: "//# sourceMappingURL=") { js = String(js[..<r.lowerBound]) }
        var css = String(decoding: try read("leaflet.css"), as: UTF8.self)
        for image in ["layers-2x.png", "layers.png", "marker-icon.png"] {
            let bytes = (try? FileIO.readAll("\(folder)/images/\(image)")) ?? []
            css = css.replacingOccurrences(of: "url(images/\(image))", with: bytes.isEmpty ? "none" : "url(data:image/png;base64,\(Data(bytes).base64EncodedString()))")
        }
        return Leaflet(js: js.replacingOccurrences(of: "</script", with: "<\\/script"), css: css.replacingOccurrences(of: "</style", with: "<\\/style"))
    }
}
