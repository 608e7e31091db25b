/// A GEOS operation failed; `message` is what GEOS said through the context's error handler.
public struct GEOSError: Error, Sendable, CustomStringConvertible {
    /// The operation that failed, e.g. "intersection".
    public var operation: String
    /// GEOS's own message, e.g. "TopologyException: side location conflict at 10 20".
    public var message: String

    /// An error for `operation` with GEOS's `message`.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// "GEOS <operation> failed: <message>".
    public var description: String { "GEOS \(operation) failed: \(message)" }
}
