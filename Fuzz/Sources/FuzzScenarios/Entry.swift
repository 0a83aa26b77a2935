import FuzzDriver

/// SwiftPM links an executable through `FuzzScenarios_main`.
@_cdecl("FuzzScenarios_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzScenarios(UnsafeRawPointer(data!), size) }
}
