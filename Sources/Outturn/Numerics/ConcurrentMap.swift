import Foundation
import Synchronization

/// `items.map(transform)` spread over the cores: contiguous chunks run as child tasks, results
/// in input order. Each result depends only on its item, so the output is identical whatever the
/// number of cores or the scheduling. `progress`, when given, is called on the caller's task with
/// the number of items done after each chunk.
func concurrentMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], progress: (@Sendable (Int) -> Void)? = nil, _ transform: @escaping @Sendable (Item) -> Output
) async -> [Output] {
    guard !items.isEmpty else { return [] }
    // At least four chunks per core balance uneven items; chunks of at most 256 items let progress
    // move smoothly on large batches, at a negligible scheduling cost.
    let chunkCount = min(items.count, max(ProcessInfo.processInfo.activeProcessorCount * 4, items.count / 256))
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    return await withTaskGroup(of: (Int, [Output]).self) { group in
        for start in stride(from: 0, to: items.count, by: chunkSize) {
            let chunk = items[start..<min(start + chunkSize, items.count)]
            group.addTask { (start, chunk.map(transform)) }
        }
        var results = [Output?](repeating: nil, count: items.count)
        var done = 0
        for await (start, chunkResults) in group {
            for (offset, result) in chunkResults.enumerated() { results[start + offset] = result }
            done += chunkResults.count
            progress?(done)
        }
        return results.map { $0! }   // every index was filled by exactly one chunk
    }
}

/// `(0..<count).map(body)` for synchronous callers, the calls spread over the cores by
/// `DispatchQueue.concurrentPerform`; results in index order, each depending only on its index.
/// Shared by the package's modules (the shared-calendar groups, the CLI's joint judgements, the
/// two halves of a large observations file).
package func concurrentResults<Output: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Output) -> [Output] {
    let slots = Mutex([Output?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let output = body(index)
        slots.withLock { $0[index] = output }
    }
    return slots.withLock { $0.map { $0! } }   // concurrentPerform has run every index
}
