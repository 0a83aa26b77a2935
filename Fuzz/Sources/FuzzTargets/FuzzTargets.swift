import Foundation
import OutturnIO

/// Any bytes, as targets CSV and as targets JSON: targets or an InputError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTargets(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let file = try TargetsFile.parseCSV(data, file: "fuzz.csv")
        precondition(!file.targets.isEmpty || !file.milestones.isEmpty)
    } catch {
        precondition(!error.message.isEmpty)
    }
    do {
        let file = try TargetsFile.parseJSON(data, file: "fuzz.json")
        precondition(!file.targets.isEmpty || !file.milestones.isEmpty)
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
