import Foundation
import Testing
import TestSupport

/// The man pages and shell completions in Docs/ are generated from the command's ArgumentParser definitions by
/// Tools/docs/generate.sh; these tests fail when the definitions change and the script has not been run again.
@Suite struct DocsTests {
    static let docs = TestPaths.packageRoot.appendingPathComponent("Docs")

    func committed(_ relative: String) throws -> String {
        try String(contentsOf: Self.docs.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test("the man pages were generated from the current definitions (Docs/man/borderkit.help.json is the binary's)")
    func manPagesCurrent() throws {
        let r = try borderkit(["--experimental-dump-help"])
        #expect(r.status == 0)
        let expected = try committed("man/borderkit.help.json")
        #expect(r.stdoutText == expected, "the options changed: run Tools/docs/generate.sh")
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.docs.appendingPathComponent("man").path).filter { $0.hasSuffix(".1") }
        for command in ["measure", "validate", "borders", "areas", "route", "compare", "map", "report", "diff", "convert", "data"] {
            #expect(pages.contains("borderkit.\(command).1"), "no man page for \(command)")
        }
        let borders = try committed("man/borderkit.borders.1")
        #expect(borders.contains("status-property"))
    }

    @Test("the bash, zsh and fish completions are current and complete file names and format values", arguments: [
        ("bash", "completions/borderkit.bash"), ("zsh", "completions/_borderkit"), ("fish", "completions/borderkit.fish")])
    func completions(_ shell: String, _ file: String) throws {
        let r = try borderkit(["--generate-completion-script", shell])
        let text = try committed(file)
        #expect(r.status == 0 && r.stdoutText == text, "\(shell): run Tools/docs/generate.sh")
        #expect(text.contains("geojson") && text.contains("territories"))
        if shell == "bash" {
            #expect(text.contains("'--territories')\n        __borderkit_add_completions -f"), "file names for --territories")
        }
    }

    @Test("--version names BorderKit's, GEOS's and PROJ's versions")
    func version() throws {
        let r = try borderkit(["--version"])
        #expect(r.status == 0 && r.stdoutText.contains("GEOS 3.") && r.stdoutText.contains("PROJ 9."), "\(r.stdoutText)")
    }
}
