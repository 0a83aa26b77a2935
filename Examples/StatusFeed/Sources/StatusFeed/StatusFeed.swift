// status-feed FOLDER TARGETS [AS-OF]
//
// Reads every *.csv in FOLDER as Outturn observations (long or wide form), the targets file, and
// prints a JSON status feed: one entry per target with its status, P(met) and projected value,
// projected concurrently with Outturn's batch API. Only Outturn's public API is used.
import Foundation
import Outturn
import OutturnIO

@main
struct StatusFeed {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 2 || arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: status-feed FOLDER TARGETS [YYYY-MM]\n".utf8))
            exit(64)
        }
        do {
            let folder = URL(fileURLWithPath: arguments[arguments.startIndex])
            let targets = try TargetsFile.read(path: arguments[arguments.startIndex + 1])
            var series: [String: MonthlySeries] = [:]
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".csv") && $0 != URL(fileURLWithPath: targets.file).lastPathComponent }
                .sorted()
            for file in files {
                for entry in try ObservationsFile.read(path: folder.appendingPathComponent(file).path).entries {
                    series[entry.indicator] = entry.series
                }
            }
            let asOf = try arguments.count == 3 ? Month(parsing: arguments[arguments.startIndex + 2])
                : series.values.map(\.end).max() ?? Month(year: 2000, month: 1)
            var requests: [YearEndProjection.Request] = []
            for target in targets.targets {
                guard let history = series[target.indicator] else {
                    throw InputError(file: targets.file, field: "indicator", message: "no data for '\(target.indicator)'")
                }
                requests.append(.init(series: history, target: target))
            }
            let results = await YearEndProjection.projectAll(requests, asOf: asOf, levels: [90])
            var feed: [[String: Any]] = []
            for (request, result) in zip(requests, results) {
                switch result {
                case .success(let projection):
                    feed.append([
                        "indicator": request.target.indicator,
                        "status": projection.status.rawValue,
                        "probability": (projection.probability * 1000).rounded() / 1000,
                        "projected": projection.value,
                        "low90": projection.intervals[0].lower,
                        "high90": projection.intervals[0].upper,
                    ])
                case .failure(let error):
                    feed.append(["indicator": request.target.indicator, "error": error.description])
                }
            }
            let document: [String: Any] = ["asOf": asOf.description, "feed": feed]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("status-feed: \(error)\n".utf8))
            exit(1)
        }
    }
}
