import Dispatch
import Synchronization

// The CLI's sources use Outturn's `package` API, which another package (this one) cannot see:
// SwiftPM gives each package its own `-package-name`. These are copies for the fuzz build only;
// a declaration of this module is preferred to an imported one of the same name.

/// Outturn's `concurrentResults` (ConcurrentMap.swift).
func concurrentResults<Output: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Output) -> [Output] {
    let slots = Mutex([Output?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let output = body(index)
        slots.withLock { $0[index] = output }
    }
    return slots.withLock { $0.compactMap { $0 } }
}
