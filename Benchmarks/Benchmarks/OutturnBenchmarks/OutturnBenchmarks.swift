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

    Benchmark("Year-end projection, one indicator, default model (ensemble, checked intervals)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try YearEndProjection(series: series36, target: target, asOf: asOf))
        }
    }

    Benchmark("Year-end projection, one indicator, trend+season, model intervals") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try YearEndProjection(series: series36, target: target, asOf: asOf, model: .fixed(.trendSeason),
                                            intervals: .model))
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
        Benchmark("Batch projectAll, \(count) series × 32 months, default model",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                       maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(await YearEndProjection.projectAll(requests, asOf: asOf))
            }
        }
    }

    // The shared-calendar batch: one design for all series (trend+season, 2020 total). Each
    // benchmark builds its matrix before measuring, so the suite never holds them all (10⁶ × 120
    // is 960 MB).
    for (count, months) in [(1_000, 36), (100_000, 36), (1_000_000, 36), (1_000, 120), (100_000, 120), (1_000_000, 120)] {
        Benchmark("Shared-calendar batch, \(count) series × \(months) months",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                       maxDuration: .seconds(10), maxIterations: count >= 1_000_000 ? 5 : 50)) { benchmark in
            let calendar = (0..<months).map { try! Month(year: 2020 - months / 12, month: 1).advanced(by: $0) }
            var matrix = [Double](repeating: 0, count: months * count)
            for j in 0..<count {
                let series = syntheticSeries(j, months: months)
                for t in 0..<months { matrix[j * months + t] = series.values[t]! }
            }
            let thresholds = [Double](repeating: 1500, count: count)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try SharedCalendarBatch.project(values: matrix, months: calendar, count: count, model: .trendSeason,
                                                          year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual,
                                                          thresholds: thresholds))
            }
            benchmark.stopMeasurement()
        }
    }

    // Panels with gaps, 100,000 series × 60 months (2016-01 … 2020-12, as of 2020-08): series j
    // misses the one or two months of gap pattern j mod `patterns`, all before 2020. With 50
    // patterns each group has 2,000 series and takes the shared calendar; with 2,000 patterns each
    // has 50, below `YearEndProjection.sharedCalendarMinimum`, so every series is fitted alone.
    for patterns in [50, 2_000] {
        let panel: [MonthlySeries] = (0..<100_000).map { j in
            var values = syntheticSeries(j, months: 60).values
            let pattern = j % patterns
            values[pattern % 48] = nil
            values[(pattern / 48) % 48] = nil
            return try! MonthlySeries(start: Month(year: 2016, month: 1), values: values)
        }
        let year2020 = try! Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1500)
        let requests = panel.map {
            YearEndProjection.Request(series: $0, target: year2020, model: .fixed(.trendSeason), intervals: .model)
        }
        let path = patterns == 50 ? "shared calendar" : "one at a time"
        Benchmark("projectAll with gaps, 100,000 series × 60 months, \(patterns) gap patterns (\(path))",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(20), maxIterations: 3)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(await YearEndProjection.projectAll(requests, asOf: try Month(year: 2020, month: 8)))
            }
        }
        if patterns == 50 {
            let thresholds = [Double](repeating: 1500, count: panel.count)
            Benchmark("SharedCalendarBatch grouping by gap pattern, 100,000 series × 60 months, 50 patterns",
                      configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 10)) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try SharedCalendarBatch.project(series: panel, thresholds: thresholds, asOf: Month(year: 2020, month: 8),
                                                              model: .trendSeason, year: 2020, aggregate: .sum,
                                                              comparator: .greaterThanOrEqual))
                }
            }
        }
    }

    // Values as Swift prints doubles (shortest round trip, up to 17 digits), as `%.17g` writes
    // them (always 17 digits: C, R and numpy's full-precision output), both read by Eisel–Lemire,
    // and as published statistics are written (two decimals, read by the exact fast path).
    for (digits, format) in [("full precision", nil), ("%.17g", "%.17g"), ("2 decimals", "%.2f")] as [(String, String?)] {
        let csv: Data = {
            var text = "indicator,month,value\n"
            for index in 0..<5_000 {
                let series = syntheticSeries(index, months: 56)
                for (month, value) in series.observations {
                    text += "s\(index),\(month),\(format.map { String(format: $0, value) } ?? "\(value)")\n"
                }
            }
            return Data(text.utf8)
        }()
        Benchmark("CSV ingest, 280,000 rows (5,000 series × 56 months), \(digits), \(csv.count / 1000) kB",
                  configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ObservationsFile.parse(csv, file: "bench.csv"))
            }
        }
    }

    // ETS (issue #13): one automatic fit (AICc over the admissible models, as R's `ets(y)`) and
    // one fixed ETS(M,Ad,M) fit on a 120-month series: air passengers 1949-01 … 1958-12.
    let airPassengers: [Double] = [
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
        115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
        145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
        171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
        196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
        204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
        242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278,
        284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
        315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
        340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
    ]
    let air1949 = try! Month(year: 1949, month: 1)
    Benchmark("ETS automatic fit (AICc over 15 models), 120 months",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(10))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ETSFit(start: air1949, values: airPassengers))
        }
    }
    Benchmark("ETS(M,Ad,M) fit, 120 months",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        let model = try ETSModel(parsing: "MAdM")
        for _ in benchmark.scaledIterations {
            blackHole(try ETSFit(estimating: model, start: air1949, values: airPassengers))
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
