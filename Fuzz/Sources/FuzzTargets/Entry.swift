import FuzzDriver

/// SwiftPM links an executable through `FuzzTargets_main`.
@_cdecl("FuzzTargets_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzTargets(UnsafeRawPointer(data!), size) }
}
