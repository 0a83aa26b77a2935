import Foundation

/// Pins OpenBLAS to one thread unless the user set `OPENBLAS_NUM_THREADS`.
///
/// `project` already runs indicators in parallel; OpenBLAS's own threads on top of that fought
/// over the two cores here (5,000 indicators: 1.8–4.7 s with OpenBLAS threading, 0.86 s pinned).
/// Reference LAPACK has no threads and no such symbol, so this is a no-op there.
func pinOpenBLASThreads() {
    guard ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil,
          let symbol = dlsym(nil, "openblas_set_num_threads")   // nil is glibc's RTLD_DEFAULT
    else { return }
    typealias SetThreads = @convention(c) (Int32) -> Void
    unsafeBitCast(symbol, to: SetThreads.self)(1)
}
