#!/usr/bin/env python3
"""Builds the bundled example: Xicheng District's 2020 quantitative performance indicators.

ILLUSTRATIVE DATA. The seed document (../shared/seed) gives each indicator's annual target and
one year-to-date figure (Jan-Jul or Jan-Aug 2020), never a monthly history. The monthly values
written here are constructed: a plausible seasonal shape and trend per indicator with seeded
noise, then the 2020 year-to-date months are rescaled so that they reproduce the seed's figures
exactly (and, where the seed gives a year-on-year change, the 2019 months likewise). Only the
targets and the year-to-date figures are real.

Run: python3 make_example.py   (writes observations.csv and targets.csv beside this file)
"""
import csv
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20200831)
YEARS = range(2016, 2021)


def months(last):
    """(year, month) from 2016-01 through `last` = (year, month)."""
    return [(y, m) for y in YEARS for m in range(1, 13) if (y, m) <= last]



def rescale(values, keys, target_sum, decimals):
    """Scales values[k] for k in keys so they sum to target_sum exactly after rounding."""
    current = sum(values[k] for k in keys)
    for k in keys:
        values[k] = round(values[k] * target_sum / current, decimals)
    residue = round(target_sum - sum(values[k] for k in keys), decimals)
    values[keys[-1]] = round(values[keys[-1]] + residue, decimals)
    assert abs(sum(values[k] for k in keys) - target_sum) < 10 ** -(decimals + 3)


def series(last, level, seasonal, trend_per_year, noise, decimals, epidemic=0.0):
    """A seasonal series with a yearly trend (relative) and multiplicative noise."""
    out = {}
    for (y, m) in months(last):
        value = level * (1 + trend_per_year) ** (y - 2016 + (m - 1) / 12) * seasonal[m - 1]
        if (y, m) >= (2020, 2):
            value *= 1 - epidemic * (1.0 if m <= 4 else 0.4)
        out[(y, m)] = round(value * (1 + rng.gauss(0, noise)), decimals)
    return out


def rate(last, start, end, noise, decimals=1):
    """A coverage rate rising from `start` (2016-01) to `end` (last month), capped at 100."""
    keys = months(last)
    out = {}
    for i, k in enumerate(keys):
        value = start + (end - start) * (i / (len(keys) - 1)) ** 1.3
        out[k] = round(min(100, value + rng.gauss(0, noise)), decimals)
    out[keys[-1]] = end
    return out


JUL, AUG = (2020, 7), (2020, 8)
ytd = lambda year, last_month: [(year, m) for m in range(1, last_month + 1)]

indicators = []   # (id, name, unit, aggregate, comparator, threshold, values)
extra_targets = []  # further conditions: dicts of targets.csv columns
milestones = []   # (id, name, unit, count, due, values)

# 1. PM2.5: Jan-Jul 2020 mean 44 µg/m³, 8.3% below Jan-Jul 2019; target: annual mean below 44.
pm25 = series(JUL, 78, [1.45, 1.35, 1.15, 0.95, 0.80, 0.75, 0.72, 0.65, 0.75, 1.00, 1.25, 1.40],
              -0.12, 0.08, 1)
rescale(pm25, ytd(2020, 7), 44 * 7, 1)
rescale(pm25, ytd(2019, 7), 48.0 * 7, 1)    # 44 / 48 = 0.917: 8.3% lower
indicators.append(("pm25", "细颗粒物（PM2.5）年均浓度", "µg/m³", "mean", "<", 44, pm25))

# 1b. City-wide PM2.5, for "reach the city-wide mean": the district is 2 µg/m³ above it Jan-Jul 2020.
pm25_city = {k: round(v * (0.95 + rng.gauss(0, 0.02)), 1) for k, v in pm25.items()}
rescale(pm25_city, ytd(2020, 7), 42 * 7, 1)
indicators.append(("pm25_city", "全市细颗粒物（PM2.5）平均浓度", "µg/m³", None, None, None, pm25_city))
# PM2.5's other two conditions: the three-year moving average keeps falling; at or below the city mean.
extra_targets.append(dict(indicator="pm25", aggregate="mean", comparator="<", moving_average=3,
                          name="PM2.5 三年滑动平均继续下降", unit="µg/m³"))
extra_targets.append(dict(indicator="pm25", aggregate="mean", comparator="<=", versus="pm25_city",
                          name="PM2.5 达到全市平均水平", unit="µg/m³"))

# 4. CO2 per unit of GDP (t per 10^4 yuan): no figure in the seed, so the whole series is
# illustrative (2015-2020, falling about 5% a year, higher in the heating season). Targets: 20%
# below 2015 and 3% below 2019 (two conditions, judged together).
co2 = {}
for y in range(2015, 2021):
    for m in range(1, 13):
        if (y, m) <= AUG:
            heating = 1.25 if m in (1, 2, 3, 11, 12) else 0.9
            co2[(y, m)] = round(0.30 * 0.95 ** (y - 2015 + (m - 1) / 12) * heating * (1 + rng.gauss(0, 0.02)), 4)
indicators.append(("co2_intensity", "单位地区生产总值二氧化碳排放", "吨/万元", "mean", "<=", None, co2))
extra_targets_co2 = [dict(base_year=2015, change_percent=-20), dict(base_year=2019, change_percent=-3)]

# 2. New-water use: Jan-Aug 2020 5,048.43 ×10⁴ m³; cap 11,489 for the year.
water = series(AUG, 690, [0.88, 0.80, 0.92, 0.97, 1.05, 1.12, 1.18, 1.16, 1.05, 0.98, 0.93, 0.96],
               -0.015, 0.03, 2, epidemic=0.12)
rescale(water, ytd(2020, 8), 5048.43, 2)
indicators.append(("water", "用水总量", "万立方米", "sum", "<=", 11489, water))

# 3. Job placements: 7,300 by end of August 2020; target 9,000 or more.
jobs = series(AUG, 830, [0.70, 0.55, 1.05, 1.10, 1.08, 1.12, 1.05, 1.00, 1.15, 1.05, 1.07, 1.08],
              0.02, 0.06, 0, epidemic=0.25)
rescale(jobs, ytd(2020, 8), 7300, 0)
indicators.append(("jobs", "促进城乡劳动者就业人数", "人", "sum", ">=", 9000, jobs))

# 5. Dust fall: Jan-Jul 2020 mean 6.7 t/km²·month, 15.2% below Jan-Jul 2019; at most 6.
dust = series(JUL, 8.6, [0.95, 1.10, 1.35, 1.40, 1.20, 0.95, 0.80, 0.75, 0.80, 0.85, 0.92, 0.93],
              -0.06, 0.10, 2)
rescale(dust, ytd(2020, 7), 6.7 * 7, 2)
rescale(dust, ytd(2019, 7), 7.90 * 7, 2)    # 6.7 / 7.90 = 0.848: 15.2% lower
indicators.append(("dust", "降尘量", "吨/平方公里·月", "mean", "<=", 6, dust))

# 6. VOC enforcement inspections: 134 by August 2020; target 63.
voc_insp = series(AUG, 12, [0.6, 0.5, 1.0, 1.1, 1.2, 1.2, 1.1, 1.1, 1.2, 1.1, 1.0, 0.9], 0.08, 0.15, 0)
rescale(voc_insp, ytd(2020, 8), 134, 0)
indicators.append(("voc_inspections", "挥发性有机物排放专项执法检查", "家次", "sum", ">=", 63, voc_insp))

# 7. VOC emission monitoring: 21 site-visits by August 2020; target 31.
voc_mon = series(AUG, 2.6, [0.8, 0.6, 1.0, 1.1, 1.1, 1.1, 1.0, 1.0, 1.1, 1.1, 1.1, 1.0], 0.0, 0.25, 0)
rescale(voc_mon, ytd(2020, 8), 21, 0)
indicators.append(("voc_monitoring", "挥发性有机物排放监测", "家次", "sum", ">=", 31, voc_mon))

# 8. Diesel-vehicle spot-check pass rate: 97.5% (August 2020); at least 95% at year end.
diesel = {k: round(min(99.5, 94.5 + 0.6 * (k[0] - 2016) + rng.gauss(0, 0.6)), 1) for k in months(AUG)}
diesel[AUG] = 97.5
indicators.append(("diesel_pass_rate", "在用柴油车监督抽测排放合格率", "%", "last", ">=", 95, diesel))

# 9. Medical staff sent to Mentougou: 330 person-times by August 2020; at least 400.
medical = series(AUG, 36, [0.8, 0.6, 1.0, 1.05, 1.05, 1.1, 1.0, 0.9, 1.1, 1.1, 1.05, 1.0], 0.03, 0.12, 0,
                 epidemic=0.2)
rescale(medical, ytd(2020, 8), 330, 0)
indicators.append(("medical_staff", "派驻门头沟医务人员", "人次", "sum", ">=", 400, medical))

# 14. Kitchen-waste separation rate: a daily-mean target over May-December 2020 (8%); the programme
# started in May, so only four months exist; their mean is the seed's 16%.
kitchen = {(2020, m): v for m, v in zip(range(5, 9), [13.5, 15.5, 16.8, 18.2])}
indicators.append(("kitchen_waste", "厨余垃圾分出率", "%", "mean", ">=", 8, kitchen))
extra_targets.append(None)   # placeholder replaced below (period column)

# 15. Harmless treatment of household waste: 100% every month; target 100%.
harmless = {k: 100.0 for k in months(AUG)}
indicators.append(("waste_harmless", "生活垃圾无害化处理率", "%", "last", ">=", 100, harmless))

# Milestones (cumulative counts by month, 2019-12 to 2020-08), judged by run-rate.
def cumulative(steps, start=0):
    """steps: {month: increment} within 2020; returns cumulative counts 2019-12 .. 2020-08."""
    out, total = {(2019, 12): start}, start
    for m in range(1, 9):
        total += steps.get(m, 0)
        out[(2020, m)] = total
    return out

milestones.append(("village_secretaries", "选派第一书记", "人", 3, "2020-12", cumulative({3: 3})))
milestones.append(("microloan_connected", "小额贷款公司系统接入", "家", 6, "2020-12", cumulative({4: 2, 6: 4})))
milestones.append(("guarantee_connected", "融资担保公司系统接入", "家", 9, "2020-12", cumulative({})))
milestones.append(("fever_posts", "发热筛查哨点标准化建设", "个", 2, "2020-12", cumulative({6: 1})))
milestones.append(("ambulances", "负压救护车", "辆", 3, "2020-12", cumulative({5: 1, 7: 1})))
milestones.append(("supervision_departments", "开展“双随机”抽查的部门", "个", 13, "2020-12", cumulative({3: 1, 7: 1}, start=10)))

# 11-13, 19. Rates reported as the latest value (August 2020).
indicators.append(("owners_committee_rate", "业委会（物管会）组建率", "%", "last", ">=", 30,
                   rate(AUG, 8.0, 60.0, 0.4)))
indicators.append(("property_coverage", "物业服务覆盖率", "%", "last", ">=", 60, rate(AUG, 55.0, 82.2, 0.5)))
indicators.append(("party_coverage", "党的组织覆盖率", "%", "last", ">=", 30, rate(AUG, 12.0, 88.5, 0.8)))
indicators.append(("disease_control", "疾控机构标准化建设综合达标率", "%", "last", ">=", 85,
                   rate(AUG, 70.0, 93.0, 0.6, 0)))

HEADER = [
    "# ILLUSTRATIVE monthly values for Xicheng District's 2020 performance indicators.",
    "# Targets and the 2020 year-to-date figures are the seed document's; the monthly",
    "# histories are constructed (Examples/xicheng-2020/make_example.py) to reproduce them.",
]

with open(os.path.join(HERE, "observations.csv"), "w", newline="", encoding="utf-8") as f:
    f.write("\n".join(HEADER) + "\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator", "month", "value"])
    for ident, *_rest, values in indicators + [(m[0], m[-1]) for m in milestones]:
        for (y, m), v in sorted(values.items()):
            w.writerow([ident, f"{y:04d}-{m:02d}", f"{v:g}"])

COLUMNS = ["indicator", "year", "aggregate", "comparator", "threshold", "months", "base_year", "change_percent",
           "moving_average", "versus", "due", "name", "unit"]
with open(os.path.join(HERE, "targets.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for ident, name, unit, aggregate, comparator, threshold, _values in indicators:
        if aggregate is None:
            continue   # a reference series only
        if ident == "co2_intensity":
            for extra in extra_targets_co2:
                w.writerow(dict(indicator=ident, year=2020, aggregate=aggregate, comparator=comparator,
                                name=name, unit=unit, **extra))
            continue
        row = dict(indicator=ident, year=2020, aggregate=aggregate, comparator=comparator, threshold=threshold,
                   name=name, unit=unit)
        if ident == "kitchen_waste":
            row["months"] = "5-12"
        w.writerow(row)
        if ident == "pm25":
            for extra in extra_targets:
                if extra:
                    w.writerow(dict(year=2020, **extra))
    for ident, name, unit, count, due, _values in milestones:
        w.writerow(dict(indicator=ident, year=2020, aggregate="milestone", comparator=">=", threshold=count,
                        due=due, name=name, unit=unit))
