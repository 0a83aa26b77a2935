import ArgumentParser
import Foundation
import OutturnIO

@main
struct OutturnCommand: AsyncParsableCommand {
    static func main() async {
        pinOpenBLASThreads()
        do {
            var command = try parseAsRoot(RecordOption.normalised(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // Argument errors echo what was typed: shown with control characters escaped, so
            // that a value pasted from elsewhere cannot drive the terminal.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let message = escapingControlCharacters(fullMessage(for: error), keepingLineBreaks: true)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "outturn",
        abstract: "Projects where monthly indicators will end the year against their targets.",
        discussion: """
            Observations are a CSV file, long form (indicator,month,value) or wide form
            (month,<indicator>,...), months as YYYY-MM. Targets are CSV or JSON with
            indicator,year,aggregate,comparator,threshold[,name,unit].
            """,
        version: "0.1.0",
        subcommands: [Project.self, Report.self, WhatIf.self, Pace.self, Sweep.self, Plot.self, Forecast.self, Fit.self, BacktestCommand.self, Compare.self, History.self],
        defaultSubcommand: nil
    )
}

/// Runs `body`; an Outturn error is printed to standard error as `outturn: error: …` and ends the
/// command with exit status 1, before anything was written to standard output.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        printError(error)
        throw ExitCode.failure
    }
}

/// `outturn: error: …` on one line, with control characters (line breaks too) from names and
/// echoed values made visible instead of sent to the terminal.
func printError(_ error: any Error) {
    FileHandle.standardError.write(Data("outturn: error: \(escapingControlCharacters(String(describing: error)))\n".utf8))
}

/// ``reportingErrors(_:)`` for async commands.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        printError(error)
        throw ExitCode.failure
    }
}
