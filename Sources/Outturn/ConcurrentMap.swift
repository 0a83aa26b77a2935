import Foundation

/// `items.map(transform)` spread over the cores: contiguous chunks run as child tasks, results
/// in input order. Each result depends only on its item, so the output is identical whatever the
/// number of cores or the scheduling.
func concurrentMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], _ transform: @escaping @Sendable (Item) -> Output
) async -> [Output] {
    guard !items.isEmpty else { return [] }
    // Four chunks per core balance uneven items without much scheduling overhead.
    let chunkCount = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
    let chunkSize = (items.count + chunkCount - 1) / chunkCount
    return await withTaskGroup(of: (Int, [Output]).self) { group in
        for start in stride(from: 0, to: items.count, by: chunkSize) {
            let chunk = items[start..<min(start + chunkSize, items.count)]
            group.addTask { (start, chunk.map(transform)) }
        }
        var results = [Output?](repeating: nil, count: items.count)
        for await (start, chunkResults) in group {
            for (offset, result) in chunkResults.enumerated() { results[start + offset] = result }
        }
        return results.map { $0! }   // every index was filled by exactly one chunk
    }
}
