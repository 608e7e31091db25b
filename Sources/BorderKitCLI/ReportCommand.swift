import ArgumentParser
import BorderKit
import GeoCore

struct ReportCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The whole analysis in one folder: index.md, a report per analysis with its SVG map, GeoJSON, CSV and JSON.",
        discussion: """
            With no inputs, the embedded data: borders by status, claims and control on every date a claim or control \
            period begins or ends (and the latest state), and the named route comparisons. The folder is written \
            under a temporary name and renamed into place; an existing folder is replaced only if it is an earlier \
            report (it has the index.md this command writes).
            """
    )

    @OptionGroup var layers: LayerInputOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write.", valueName: "dir")) var output = "borderkit-report"

    func execute() throws {
        let inputs = layers.inputSet
        try FileIO.checkFolderTarget(output, replaceable: ReportCommand.isEarlierReport)
        let terminal = FileIO.standardErrorIsTerminal
        let files = try FullReport.build(inputs, progress: terminal ? { FileIO.writeToStandardError("\rreport: \($0)\u{1B}[K") } : nil)
        if terminal { FileIO.writeToStandardError("\rreport: \(files.count) files\u{1B}[K\n") }
        try FileIO.writeFolderAtomically(files, to: output, replaceable: ReportCommand.isEarlierReport)
        print("\(output)/index.md")
    }

    /// An empty folder, or one holding the index.md this command writes.
    static func isEarlierReport(_ folder: String) -> Bool {
        let names = FileIO.fileNames(in: folder)
        guard !names.isEmpty else { return true }
        guard names.contains("index.md"), let index = try? FileIO.readAll("\(folder)/index.md") else { return false }
        return index.starts(with: Array("# BorderKit report\n".utf8))
    }
}
