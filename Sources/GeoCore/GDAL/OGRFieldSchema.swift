import CGDAL

/// A layer's attribute fields, read once, and each feature's values as typed GeoJSON properties.
///
/// Why: properties keep their types across formats, as GDAL's GeoJSON driver keeps them: OGR integers become
/// JSON integers, reals JSON reals (5.0 stays 5.0), booleans (`OFSTBoolean`) true/false, dates and times ISO 8601
/// text ("2024-04-19", "2024-04-19T10:30:00Z"), lists arrays; a null or unset field is null (FlatGeobuf stores a
/// null as no value), so every feature of a layer has every column.
/// Strings arrive as UTF-8 (GDAL recodes a Shapefile's .dbf by its .cpg or LDID).
struct OGRFieldSchema {
    private struct Field {
        let name: String
        let type: OGRFieldType
        let subtype: OGRFieldSubType
    }

    private let fields: [Field]

    init(_ defn: OGRFeatureDefnH?) {
        guard let defn else { fields = []; return }
        fields = (0..<gdal.OGR_FD_GetFieldCount!(defn)).map { i in
            let d = gdal.OGR_FD_GetFieldDefn!(defn, i)
            return Field(name: String(cString: gdal.OGR_Fld_GetNameRef!(d)!), type: gdal.OGR_Fld_GetType!(d), subtype: gdal.OGR_Fld_GetSubType!(d))
        }
    }

    /// The feature's properties, in the layer's field order.
    func properties(of f: OGRFeatureH) -> JSONObject {
        var members: [JSONMember] = []
        members.reserveCapacity(fields.count)
        for (i, field) in fields.enumerated() {
            let index = Int32(i)
            if gdal.OGR_F_IsFieldSet!(f, index) == 0 || gdal.OGR_F_IsFieldNull!(f, index) != 0 {
                members.append(JSONMember(field.name, .null))
                continue
            }
            members.append(JSONMember(field.name, value(f, index, field)))
        }
        return JSONObject(members)
    }

    private func value(_ f: OGRFeatureH, _ i: Int32, _ field: Field) -> JSONValue {
        switch field.type {
        case OFTInteger:
            let v = gdal.OGR_F_GetFieldAsInteger!(f, i)
            return field.subtype == OFSTBoolean ? .bool(v != 0) : .integer(Int64(v))
        case OFTInteger64:
            return .integer(Int64(gdal.OGR_F_GetFieldAsInteger64!(f, i)))
        case OFTReal:
            return .number(gdal.OGR_F_GetFieldAsDouble!(f, i))
        case OFTDate, OFTTime, OFTDateTime:
            return .string(isoDateTime(f, i, field.type))
        case OFTIntegerList:
            var n: Int32 = 0
            guard let p = gdal.OGR_F_GetFieldAsIntegerList!(f, i, &n) else { return .array([]) }
            return .array((0..<Int(n)).map { field.subtype == OFSTBoolean ? .bool(p[$0] != 0) : .integer(Int64(p[$0])) })
        case OFTInteger64List:
            var n: Int32 = 0
            guard let p = gdal.OGR_F_GetFieldAsInteger64List!(f, i, &n) else { return .array([]) }
            return .array((0..<Int(n)).map { .integer(Int64(p[$0])) })
        case OFTRealList:
            var n: Int32 = 0
            guard let p = gdal.OGR_F_GetFieldAsDoubleList!(f, i, &n) else { return .array([]) }
            return .array((0..<Int(n)).map { .number(p[$0]) })
        case OFTStringList:
            guard let list = gdal.OGR_F_GetFieldAsStringList!(f, i) else { return .array([]) }
            var out: [JSONValue] = []
            var k = 0
            while let s = list[k] {
                out.append(.string(String(cString: s)))
                k += 1
            }
            return .array(out)
        default:
            // OFTString (a JSON subtype read as the JSON it holds), and OFTBinary as GDAL's hexadecimal text.
            let text = gdal.OGR_F_GetFieldAsString!(f, i).map { String(cString: $0) } ?? ""
            if field.subtype == OFSTJSON, let json = try? JSONValue.read(Array(text.utf8), source: "") { return json }
            return .string(text)
        }
    }

    /// ISO 8601: a date "YYYY-MM-DD", a time "HH:MM:SS[.sss]", a date-time joined by "T", with "Z" or "±HH:MM"
    /// when OGR knows the time zone (its flag: 100 is UTC, 100 ± n is n quarter hours east or west).
    private func isoDateTime(_ f: OGRFeatureH, _ i: Int32, _ type: OGRFieldType) -> String {
        var y: Int32 = 0, mo: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
        var s: Float = 0
        guard gdal.OGR_F_GetFieldAsDateTimeEx!(f, i, &y, &mo, &d, &h, &mi, &s, &tz) != 0 else {
            return gdal.OGR_F_GetFieldAsString!(f, i).map { String(cString: $0) } ?? ""
        }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(String(repeating: "0", count: max(0, 4 - String(y).count)))\(y)-\(two(mo))-\(two(d))"
        if type == OFTDate { return date }
        let whole = Int32(s.rounded(.down))
        let millis = Int32(((s - Float(whole)) * 1000).rounded())
        var time = "\(two(h)):\(two(mi)):\(two(whole))"
        if millis > 0 { time += "." + threeDigits(millis) }
        if tz == 100 {
            time += "Z"
        } else if tz > 1 {
            let quarters = tz - 100
            let minutes = abs(quarters) * 15
            time += (quarters < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        }
        return type == OFTTime ? time : date + "T" + time
    }
}

/// Three digits with leading zeros (milliseconds).
private func threeDigits(_ v: Int32) -> String {
    let s = String(v)
    return String(repeating: "0", count: max(0, 3 - s.count)) + s
}
