import FuzzDriver

/// SwiftPM links an executable through `FuzzProjection_main`.
@_cdecl("FuzzProjection_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzProjection(UnsafeRawPointer(data!), size) }
}
