import Foundation
import OutturnIO

/// Any bytes: the observations reader returns a dataset or an InputError, never crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObservations(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let dataset = try ObservationsFile.parse(data, file: "fuzz.csv")
        for entry in dataset.entries { precondition(entry.series.values.first! != nil && entry.series.values.last! != nil) }
    } catch {
        precondition(!error.description.isEmpty && error.file == "fuzz.csv")
    }
    return 0
}
