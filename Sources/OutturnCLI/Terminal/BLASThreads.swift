import Foundation

/// Pins OpenBLAS to one thread unless the user set `OPENBLAS_NUM_THREADS`.
///
/// `project` already runs indicators in parallel; OpenBLAS's own threads on top of that fought
/// over the two cores here (5,000 indicators: 1.8–4.7 s with OpenBLAS threading, 0.86 s pinned).
/// OpenBLAS starts its worker threads when it is loaded, before `main`, and pinning leaves them
/// spinning on `sched_yield` for their idle timeout (about 0.1 s): a fifth of the CPU of a short
/// run such as M3's. So the pool is then shut down (`blas_thread_shutdown_`, what OpenBLAS itself
/// calls before a fork); with one thread every BLAS call runs in its caller and none is restarted.
/// Reference LAPACK has no threads and neither symbol, so this is a no-op there.
func pinOpenBLASThreads() {
    guard ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil,
          let symbol = dlsym(nil, "openblas_set_num_threads")   // nil is glibc's RTLD_DEFAULT
    else { return }
    typealias SetThreads = @convention(c) (Int32) -> Void
    unsafeBitCast(symbol, to: SetThreads.self)(1)
    if let shutdown = dlsym(nil, "blas_thread_shutdown_") {
        typealias Shutdown = @convention(c) () -> Int32
        _ = unsafeBitCast(shutdown, to: Shutdown.self)()
    }
}
