import Foundation
import GeoCore
import Testing

/// A position keeps its altitude in 24 bytes (NaN for none): equality, hashing and coding behave as for an
/// optional altitude.
@Suite struct PositionTests {
    @Test func twentyFourBytesWithOptionalAltitudeSemantics() throws {
        #expect(MemoryLayout<Position>.stride == 24)
        let flat = Position(44.5, 40.2), high = Position(44.5, 40.2, 1_200), zero = Position(44.5, 40.2, 0)
        #expect(flat.z == nil && high.z == 1_200 && zero.z == 0)
        #expect(flat == Position(44.5, 40.2) && flat != high && flat != zero && high == Position(44.5, 40.2, 1_200))
        #expect(Set([flat, Position(44.5, 40.2), high, zero]).count == 3)
        var moved = high
        moved.z = nil
        #expect(moved == flat)
        let encoded = try JSONEncoder().encode([flat, high])
        #expect(String(decoding: encoded, as: UTF8.self).components(separatedBy: "\"z\"").count == 2, "z written only where there is one")
        #expect(try JSONDecoder().decode([Position].self, from: encoded) == [flat, high])
    }
}
