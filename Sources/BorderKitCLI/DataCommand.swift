import ArgumentParser
import BorderKit
import GeoCore

struct DataCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List the embedded datasets (GeoData) with feature counts and provenance, or show one.",
        discussion: """
            GeoData is found through the environment variable BORDERKIT_GEODATA, beside the executable (or in
            ../share/borderkit/GeoData), or in the checkout the binary was built in.
            """,
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    func execute() throws {}

    struct List: BorderKitSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the datasets.")
        @Option(name: .shortAndLong, help: "Output format: md or json.")
        var format: ReportFormat = .markdown

        func execute() throws {
            let data = try EmbeddedData.locate()
            let sets = try data.datasets()
            if format == .json {
                let value = JSONValue.object(["folder": .string(data.folder), "datasets": .array(sets.map { d in
                    .object(["name": .string(d.name), "file": .string(d.file), "features": .integer(Int64(d.features)),
                             "provenance": .object(d.provenance)])
                })])
                try FileIO.writeAtomically(JSONWriter.data(value) + [0x0A], to: "-")
                return
            }
            let table = Table(columns: ["dataset", "features", "source", "licence", "accuracy"], rows: sets.map { d in
                [.text(d.name), .integer(d.features), .text(d.provenance["source"]?.stringValue ?? ""),
                 .text(d.provenance["licence"]?.stringValue ?? ""), .text(d.provenance["accuracy"]?.stringValue ?? "")]
            })
            try FileIO.writeAtomically(Array("# Embedded data (\(data.folder))\n\n\(table.markdown)".utf8), to: "-")
        }
    }

    struct Show: BorderKitSubcommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one dataset's provenance record.")
        @Argument(help: "The dataset's name, e.g. territories.")
        var name: String

        func execute() throws {
            let d = try EmbeddedData.locate().dataset(name)
            var text = "# \(d.name)\n\nFile: \(d.file) (\(d.features) features)\n\n"
            for m in d.provenance.members where m.key != "name" && m.key != "file" {
                switch m.value {
                case .string(let s): text += "- **\(m.key)**: \(s)\n"
                case .array(let items) where items.count > 12:
                    text += "- **\(m.key)**: \(items.count) entries (JSON: GeoData/\(d.name).provenance.json)\n"
                default: text += "- **\(m.key)**: \(String(decoding: JSONWriter.data(m.value), as: UTF8.self))\n"
                }
            }
            try FileIO.writeAtomically(Array(text.utf8), to: "-")
        }
    }
}
