#!/usr/bin/env python3
"""Writes N targets on one indicator of the Xicheng example, differing only in threshold,
comparator and aggregate (seeded, so every run writes the same file).

    python3 Benchmarks/many-targets/make_targets.py 100000 > /tmp/targets-100k.csv
    /usr/bin/time -v .build/release/outturn project Examples/xicheng-2020/observations.csv \
        --targets /tmp/targets-100k.csv --format csv --output /tmp/out.csv

Options: --indicator NAME (default water), --aggregates sum,mean,last,min,max (default: the
linear ones, sum,mean,last), --seed N.
"""
import argparse
import random
import sys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--indicator", default="water")
    parser.add_argument("--year", type=int, default=2020)
    parser.add_argument("--aggregates", default="sum,mean,last")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    aggregates = args.aggregates.split(",")
    # Thresholds around the indicator's own scale (water: ~700 a month, ~8,500 a year), so that
    # statuses vary; a running index in the last digits keeps every row distinct.
    scale = {"sum": 8500.0, "mean": 710.0, "last": 710.0, "min": 650.0, "max": 780.0}
    out = sys.stdout
    out.write("indicator,year,aggregate,comparator,threshold\n")
    for index in range(args.count):
        aggregate = aggregates[index % len(aggregates)]
        comparator = rng.choice(["<", "<=", ">", ">="])
        threshold = scale[aggregate] * rng.uniform(0.8, 1.2)
        out.write(f"{args.indicator},{args.year},{aggregate},{comparator},{threshold:.4f}{index:07d}\n")


if __name__ == "__main__":
    main()
