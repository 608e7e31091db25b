import GeoCore

extension Partition {
    /// The tiles' files and `manifest.json`: each tile a GeoJSON text sequence of its features written verbatim
    /// (`GeoJSONWriter.verbatim`: the very numbers, rings and members of the input) with their index in the file
    /// (`Feature.partitionIndexMember`, so messages name the whole file's feature), the manifest with each
    /// tile's file, half-open extent, feature counts and vertices, the replication factor, and the input's size
    /// and FNV-1a 64 checksum (so a merge can tell that its tiles came from the file it is told of).
    public func files(of features: [Feature], input: String, inputBytes: [UInt8]?) -> [FolderFile] {
        let writer = GeoJSONWriter.verbatim
        var out: [FolderFile] = []
        var entries: [JSONValue] = []
        let width = max(3, String(tiles.count - 1).count)
        for (t, tile) in tiles.enumerated() {
            let digits = String(t)
            let name = "tile-" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".geojsonl"
            var bytes: [UInt8] = []
            for i in tile.features {
                var f = features[i]
                f.foreignMembers[Feature.partitionIndexMember] = .integer(Int64(i))
                writer.writeRecord(f, recordSeparator: false, to: &bytes)
            }
            out.append(FolderFile(name: name, bytes: bytes))
            entries.append(.object([
                "file": .string(name),
                "extent": .array([tile.extent.west, tile.extent.south, tile.extent.east, tile.extent.north].map(JSONValue.number)),
                "owner_extent": .string(tile.extent.description),
                "features": .integer(Int64(tile.features.count)),
                "home_features": .integer(Int64(tile.homes)),
                "vertices": .integer(Int64(tile.vertices)),
            ]))
        }
        var manifest: JSONObject = [
            "input": .string(input),
            "features": .integer(Int64(features.count)),
            "tiles": .array(entries),
            "replication": .number(replication),
            "rule": .string("a result belongs to the tile whose half-open extent [W,E)×[S,N) holds its reference point: "
                + "the lower-left corner of the intersection of the envelopes of the territories involved (a tripoint: its position)"),
        ]
        if let inputBytes {
            manifest["input_bytes"] = .integer(Int64(inputBytes.count))
            manifest["input_fnv1a64"] = .string(Partition.fnv1a64(inputBytes))
        }
        out.append(FolderFile(name: "manifest.json", bytes: JSONWriter.data(.object(manifest)) + [0x0A]))
        return out
    }

    /// FNV-1a, 64 bits, as 16 hexadecimal digits: a checksum, not a defence against tampering.
    static func fnv1a64(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
