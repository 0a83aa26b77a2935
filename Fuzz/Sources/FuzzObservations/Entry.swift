import FuzzDriver

/// SwiftPM links an executable through `FuzzObservations_main`.
@_cdecl("FuzzObservations_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzObservations(UnsafeRawPointer(data!), size) }
}
