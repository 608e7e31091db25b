extension Geometry {
    /// The geometry with its rings wound as RFC 7946 §3.1.6 wants them: exteriors counter-clockwise, holes
    /// clockwise (planar orientation of lon/lat; a ring of no area is left as it is).
    ///
    /// Why: a Shapefile stores exteriors clockwise, and a ring walked backwards sums its geodesic edges in the
    /// other order, so its perimeter and centroid differ in the last bit. Rewound on reading through GDAL, a
    /// Shapefile gives the very numbers its GeoJSON gives; the TopoJSON writer rewinds before matching arcs.
    var rfc7946Wound: Geometry {
        func polygon(_ p: Polygon) -> Polygon {
            Polygon(p.rings.enumerated().map { i, ring in
                let o = planarOrientation(ring).orientation
                return o != 0 && (o > 0) != (i == 0) ? ring.reversed() : ring
            })
        }
        switch self {
        case .polygon(let p): return .polygon(polygon(p))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(m.polygons.map(polygon)))
        case .geometryCollection(let c): return .geometryCollection(GeometryCollection(c.geometries.map(\.rfc7946Wound)))
        default: return self
        }
    }
}
