/// The formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case csv
    case json
    case geojson
}
