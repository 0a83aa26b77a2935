import FuzzDriver

/// SwiftPM links an executable through `FuzzCommands_main`.
@_cdecl("FuzzCommands_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzCommands(UnsafeRawPointer(data!), size) }
}
