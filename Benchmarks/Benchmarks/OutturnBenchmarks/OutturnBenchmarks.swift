import Benchmark
import Foundation
import Outturn
import OutturnIO

/// Deterministic monthly series: level, trend, a seasonal wave and a little pseudo-noise.
func syntheticSeries(_ index: Int, months: Int) -> MonthlySeries {
    let values: [Double?] = (0..<months).map { t in
        let wave = 10 * sin(Double(t % 12) / 12 * 2 * Double.pi + Double(index % 7))
        let noise = Double((t * 7919 + index * 104_729) % 1000) / 250 - 2
        return 100 + Double(index % 50) + 0.3 * Double(t) + wave + noise
    }
    return try! MonthlySeries(start: Month(year: 2016, month: 1), values: values)
}

let asOf = try! Month(year: 2018, month: 8)
let target = try! Target(indicator: "x", year: 2018, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1500)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(3))
    let series36 = syntheticSeries(1, months: 32)   // 2016-01 … 2018-08

    Benchmark("Fit trend+season (32 months)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ModelFit(series: series36, model: .trendSeason))
        }
    }

    Benchmark("Year-end projection, one indicator, auto model") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try YearEndProjection(series: series36, target: target, asOf: asOf))
        }
    }

    Benchmark("Year-end projection, max aggregate (simulation)") { benchmark in
        let peak = try Target(indicator: "x", year: 2018, aggregate: .max, comparator: .greaterThanOrEqual, threshold: 150)
        for _ in benchmark.scaledIterations {
            blackHole(try YearEndProjection(series: series36, target: peak, asOf: asOf, model: .fixed(.trendSeason)))
        }
    }

    for count in [1_000, 10_000] {
        let requests = (0..<count).map { YearEndProjection.Request(series: syntheticSeries($0, months: 32), target: target) }
        Benchmark("Batch projectAll, \(count) series × 32 months, auto",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                       maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(await YearEndProjection.projectAll(requests, asOf: asOf))
            }
        }
    }

    let csv: Data = {
        var text = "indicator,month,value\n"
        for index in 0..<5_000 {
            let series = syntheticSeries(index, months: 56)
            for (month, value) in series.observations { text += "s\(index),\(month),\(value)\n" }
        }
        return Data(text.utf8)
    }()
    Benchmark("CSV ingest, 280,000 rows (5,000 series × 56 months)",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxIterations: 10)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ObservationsFile.parse(csv, file: "bench.csv"))
        }
    }

    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/xicheng-2020")
    Benchmark("Bundled example end to end (read, project 18 targets, render JSON)") { benchmark in
        for _ in benchmark.scaledIterations {
            let dataset = try ObservationsFile.read(path: example.appendingPathComponent("observations.csv").path)
            let targets = try TargetsFile.read(path: example.appendingPathComponent("targets.csv").path)
            let requests = targets.targets.map { target in
                YearEndProjection.Request(series: dataset.series(target.indicator)!, target: target,
                                          referenceSeries: target.referenceIndicator.flatMap { dataset.series($0) })
            }
            let results = await YearEndProjection.projectAll(requests, asOf: try Month(parsing: "2020-08"))
            let projections = results.compactMap { try? $0.get() }
            blackHole(ProjectionReport(asOf: try Month(parsing: "2020-08"), levels: [80, 95], projections: projections).rendered(.json))
        }
    }
}
