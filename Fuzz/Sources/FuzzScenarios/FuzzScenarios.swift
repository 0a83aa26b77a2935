import Foundation
import Outturn
import OutturnIO

/// Any bytes as a scenario file (YAML or JSON): scenarios or an InputError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarios(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let asOf = try! Month(parsing: "2020-08")   // a constant, valid month
    do {
        let scenarios = try ScenarioFile.parse(data, file: "fuzz.yaml", indicators: ["a", "b"], asOf: asOf)
        precondition(!scenarios.isEmpty)
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
