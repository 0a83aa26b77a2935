#!/usr/bin/env python3
"""Projects a long-form panel with `outturn project` on a Spark cluster, one process per partition.

    spark-submit Examples/spark/project_panel.py OBSERVATIONS.csv TARGETS.csv OUT.csv \
        --outturn .build/release/outturn --partitions 4 --as-of 2019-08 [-- MORE PROJECT FLAGS]

or `python3 Examples/spark/project_panel.py …` with pyspark installed (local mode, `--master local[2]`
by default). Flags after `--` go to every `outturn project` unchanged (`--model`, `--level`,
`--intervals`, `--regressor` …). OUT.csv is what `outturn project OBSERVATIONS.csv --targets
TARGETS.csv --as-of … --format csv` prints, with its rows in another order. docs/spark.md explains
the design; scripts/spark-check.sh checks that claim on a 10,000-series panel.

How a partition is formed. Indicators are independent, so the panel splits by indicator, and each
partition carries its own observations AND the target rows of its indicators: `project` refuses a
target whose indicator is absent from its observations, so one shared targets file cannot feed
every partition. Both files are keyed by the same partition number, shuffled once together, and
sorted inside each partition as (partition, targets first, indicator, month): a partition writes
its few target rows to a temporary file, then streams its observations to `outturn project -`
through a pipe (standard input), in the ascending months that `project` requires. `RDD.pipe` cannot
do this, since it gives every partition one command and one input; the few lines below are what it
does inside, with a second input.

What must share a partition:
- a target with `versus` and the indicator it compares with: such indicators are joined into one
  group (union-find on the driver over the few `versus` rows), and the group is what is hashed;
- a `--regressor` series feeds every model: its rows are copied into every partition.

`--as-of` is required: without it each process would take the last month of its own indicators.
Only long-form observations (`indicator,month,value`) and CSV targets are read here.
"""
import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib

TARGETS, OBSERVATIONS = 0, 1   # sort order inside a partition: the targets file is written first


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("observations", help="long-form observations CSV (indicator,month,value)")
    parser.add_argument("targets", help="targets CSV")
    parser.add_argument("output", help="the combined CSV to write (one header, then every partition's rows)")
    parser.add_argument("--outturn", default="outturn",
                        help="the outturn binary: a path on every executor, or a file shipped with --files (its name)")
    parser.add_argument("--as-of", required=True, help="YYYY-MM, passed to every partition's outturn project")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--master", default=None, help="Spark master when not run by spark-submit (default local[2])")
    own, _, passthrough = _split_at_double_dash(argv)
    args = parser.parse_args(own)
    for flag in ("--format", "--output", "-o", "--record", "--store", "--as-of"):
        if any(a == flag or a.startswith(flag + "=") for a in passthrough):
            parser.error(f"{flag} is set by the recipe itself (CSV to standard output, one --as-of for all partitions)")
    args.project_flags = passthrough
    args.regressors = [passthrough[i + 1] for i, a in enumerate(passthrough[:-1]) if a == "--regressor"] \
        + [a.split("=", 1)[1] for a in passthrough if a.startswith("--regressor=")]
    return args


def _split_at_double_dash(argv):
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], "--", argv[i + 1:]
    return argv, None, []


def groups_of(versus_links):
    """Union-find over (indicator, versus) pairs: {indicator: its group's representative}."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in versus_links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def partition_of(indicator, groups, partitions):
    # crc32, not Python's hash(): the same number on every executor whatever PYTHONHASHSEED is.
    return zlib.crc32(groups.get(indicator, indicator).encode("utf-8")) % partitions


def csv_line(fields):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(["" if f is None else f for f in fields])
    return buffer.getvalue()


def resolve_binary(name):
    """The binary on this executor: a path as given, or the copy spark-submit --files left here."""
    if os.sep in name and os.path.exists(name):
        return os.path.abspath(name)
    try:
        from pyspark import SparkFiles
        shipped = SparkFiles.get(os.path.basename(name))
        if os.path.exists(shipped):
            if not os.access(shipped, os.X_OK):   # a copy that lost its mode on the way
                os.chmod(shipped, 0o755)
            return shipped
    except Exception:
        pass
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"outturn binary '{name}' is neither a path, a --files upload nor on PATH")
    return found


def run_partition(index, rows, binary, targets_header, flags):
    """Runs `outturn project - --targets <this partition's targets>` over one sorted partition.

    `rows` are ((partition, kind, indicator, month), csv_line) in key order: target rows first.
    Yields (is_header, line) for each line `project` prints.
    """
    rows = iter(rows)
    first = next(rows, None)
    if first is None or first[0][1] != TARGETS:
        return   # no targets here (or an empty partition): nothing to project
    with tempfile.TemporaryDirectory(prefix="outturn-spark-") as scratch:
        targets_path = os.path.join(scratch, "targets.csv")
        pending = first
        with open(targets_path, "w", encoding="utf-8", newline="") as f:
            f.write(targets_header)
            while pending is not None and pending[0][1] == TARGETS:
                f.write(pending[1])
                pending = next(rows, None)
        errors_path = os.path.join(scratch, "stderr")
        with open(errors_path, "w+b") as errors:
            command = [resolve_binary(binary), "project", "-", "--targets", targets_path, "--format", "csv", *flags]
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)

            def feed():
                # A thread, so that a full stdout pipe never blocks the writer (or the reverse).
                try:
                    with io.TextIOWrapper(process.stdin, encoding="utf-8", newline="") as stdin:
                        stdin.write("indicator,month,value\n")
                        if pending is not None:
                            stdin.write(pending[1])
                        for _, line in rows:
                            stdin.write(line)
                except BrokenPipeError:
                    pass   # outturn stopped reading: its exit status and message say why

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            output = io.TextIOWrapper(process.stdout, encoding="utf-8", newline="")
            lines = list(output)   # one line per target: small beside the observations
            writer.join()
            status = process.wait()
            if status != 0:
                errors.seek(0)
                raise RuntimeError(f"partition {index}: {' '.join(command)} exited with {status}: "
                                   + errors.read().decode("utf-8", "replace").strip())
    for i, line in enumerate(lines):
        yield i == 0, line


def main(argv):
    args = parse_arguments(argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("outturn project").config("spark.ui.showConsoleProgress", "false")
    if args.master or "SPARK_ENV_LOADED" not in os.environ:
        # Not under spark-submit: a local run, where the web UI only costs start-up time.
        builder = builder.master(args.master or "local[2]").config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    # Every column as text: values reach outturn as written, and a bad one is outturn's to report.
    read = spark.read.options(header=True, inferSchema=False, escape='"', comment="#", mode="FAILFAST")
    observations = read.csv(args.observations)
    targets = read.csv(args.targets)
    if not {"indicator", "month", "value"} <= set(observations.columns):
        sys.exit(f"{args.observations}: the recipe reads long-form observations (indicator,month,value); "
                 f"the header is {','.join(observations.columns)}")
    if "indicator" not in targets.columns:
        sys.exit(f"{args.targets}: no indicator column in {','.join(targets.columns)}")

    links = []
    if "versus" in targets.columns:
        links = [(r.indicator, r.versus) for r in targets.where("versus IS NOT NULL").select("indicator", "versus").collect()]
    groups = spark.sparkContext.broadcast(groups_of(links))
    regressors = set(args.regressors)
    n = args.partitions
    target_columns = targets.columns

    def keyed_targets(row):
        indicator = row.indicator or ""   # an empty name is outturn's to report, not a crash here
        key = (partition_of(indicator, groups.value, n), TARGETS, indicator, "")
        return key, csv_line([row[c] for c in target_columns])

    def keyed_observations(row):
        indicator, month = row.indicator or "", row.month or ""
        line = csv_line([indicator, month, row.value])
        # A regressor feeds every partition's models; everything else goes to its group's partition.
        places = range(n) if indicator in regressors else [partition_of(indicator, groups.value, n)]
        return [((p, OBSERVATIONS, indicator, month), line) for p in places]

    panel = targets.rdd.map(keyed_targets).union(
        observations.select("indicator", "month", "value").rdd.flatMap(keyed_observations))
    partitioned = panel.repartitionAndSortWithinPartitions(n, partitionFunc=lambda key: key[0])
    header = csv_line(target_columns)
    binary, flags = args.outturn, ["--as-of", args.as_of, *args.project_flags]
    results = partitioned.mapPartitionsWithIndex(lambda i, rows: run_partition(i, rows, binary, header, flags))
    # Run every partition at once (toLocalIterator alone would run them one after another).
    results.persist(StorageLevel.MEMORY_AND_DISK)
    results.count()

    # One file on the driver, partition by partition (toLocalIterator holds one at a time). On a
    # cluster with a large output, results.filter(lambda r: not r[0]).values().saveAsTextFile(dir)
    # writes part files instead.
    first_header, processes, written = None, 0, 0
    temporary = args.output + ".partial"
    with open(temporary, "w", encoding="utf-8", newline="") as out:
        for is_header, line in results.toLocalIterator():
            if is_header:
                processes += 1
                if first_header is None:
                    first_header = line
                    out.write(line)
                elif line != first_header:
                    raise RuntimeError(f"partitions printed different headers:\n{first_header}{line}")
            else:
                out.write(line)
                written += 1
    os.replace(temporary, args.output)
    print(f"project_panel: {processes} of {n} partitions ran outturn project; {written} rows in {args.output}",
          file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
