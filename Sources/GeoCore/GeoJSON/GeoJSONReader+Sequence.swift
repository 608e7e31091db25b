extension GeoJSONReader {
    /// Reads a GeoJSON text sequence feature by feature: RFC 8142 (each record after a record separator, 0x1E)
    /// or newline-delimited GeoJSON, one Feature per record (a bare geometry becomes a Feature without properties).
    ///
    /// Why BorderKit reads them itself: tiles and routes stream as sequences (what GDAL's GeoJSONSeq driver
    /// writes), and this reader is the GeoJSON reader: the same checks, the same exact numbers, no JSON tree, the
    /// bytes behind it let go as it goes. A record is named in errors by its number and line
    /// ("record 12 (line 13) at /geometry/coordinates/0: ..."), and features by `LayerOrigin` as FIDs from 0, as
    /// `ogrinfo` numbers them. `onCollection` gets the head first (named after the file); returns it with the FIDs
    /// and no features (they went to `onFeature`).
    public static func streamSequence(path: String, onCollection: (FeatureCollection) throws -> Void = { _ in },
                                      onFeature: (Feature, Int) throws -> Void) throws -> GeoJSON {
        let reader = GeoJSONReader(source: path == "-" ? "<stdin>" : path)
        let name = VectorWriter.layerName(of: .featureCollection(FeatureCollection([])), path: path)
        var announced = FeatureCollection([], foreignMembers: ["name": .string(name)])
        announced.origin = LayerOrigin(layer: name, driver: "GeoJSONSeq")
        try onCollection(announced)
        return try FileIO.withInput(path) { input in
            var count = 0
            try reader.parseSequence(input.buffer, release: input.release(upTo:)) { feature in
                try onFeature(feature, count)
                count += 1
            }
            var head = FeatureCollection([], foreignMembers: ["name": .string(name)])
            head.origin = LayerOrigin(layer: name, driver: "GeoJSONSeq", fids: (0..<Int64(count)).map { $0 })
            return .featureCollection(head)
        }
    }

    private func parseSequence(_ bytes: UnsafeBufferPointer<UInt8>, release: ((Int) -> Void)?, each: (Feature) throws -> Void) throws {
        var parser = JSONParser(bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.i = 3 }
        var record = 0
        // The line of each record's start, counted on from the last record's (not from the file's start: that
        // made reading quadratic in records). Errors, once, count from the start.
        var line = 1, counted = parser.i
        while true {
            while parser.i < bytes.count, [0x1E, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[parser.i]) { parser.i += 1 }
            guard parser.i < bytes.count else { return }
            while counted < parser.i {
                if bytes[counted] == 0x0A { line += 1 }
                counted += 1
            }
            let raw: RawGeoJSON
            do {
                raw = try parser.parseRaw(.feature)
            } catch {
                let (l, c) = JSONParser.lineAndColumn(of: error.offset, in: bytes)
                throw GeoJSONError(source: source, pointer: "", reason: "invalid JSON in record \(record): \(error.reason)", line: l, column: c)
            }
            // A record ends at a record separator, a line break or the end.
            var k = parser.i
            while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D { k += 1 }
            if k < bytes.count, bytes[k] != 0x0A, bytes[k] != 0x1E {
                let (l, c) = JSONParser.lineAndColumn(of: k, in: bytes)
                throw GeoJSONError(source: source, pointer: "", reason: "record \(record) is followed by more text on its line; a GeoJSON text sequence holds one JSON text per record", line: l, column: c)
            }
            let feature: Feature
            do {
                switch try decodeRecord(raw) {
                case .feature(let f): feature = f
                case .geometry(let g): feature = Feature(geometry: g, properties: nil)
                case .featureCollection:
                    throw GeoJSONError(source: source, pointer: "", reason: "a FeatureCollection is not a record of a GeoJSON text sequence (one Feature per record)")
                }
            } catch let e as GeoJSONError {
                let at = e.pointer.isEmpty ? "" : " at \(e.pointer)"
                throw GeoJSONError(source: source, pointer: "record \(record) (line \(line))\(at)", reason: e.reason, kind: e.kind)
            }
            try each(feature)
            while counted < parser.i {
                if bytes[counted] == 0x0A { line += 1 }
                counted += 1
            }
            release?(parser.i)
            record += 1
        }
    }
}
