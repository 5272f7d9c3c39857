#!/usr/bin/env python3
"""Tables of docs/ made from a run's tidy CSV (docs/outputs.md 1.1).

Usage: docs_tables.py housing RUN.csv

housing: docs/housing.md's table of the history against the reference figures:
home sales (million homes a year), land revenue (trillion yuan a year) and the
national house price index rebased to 2012, beside the rounded NBS and MoF
figures and the BIS index (data/china_annual.csv house_price_index_nominal_bis,
read from the data file named below). Printed as markdown on stdout.
"""
import csv
import os
import sys

YEARS = [2012, 2015, 2018, 2019, 2021, 2022, 2023, 2024]

# Rounded reference figures not in data/ (docs/housing.md says where they come
# from): NBS floor space of commercial residential buildings sold / 90 m2 a
# home, million homes; Ministry of Finance land-use-right transfer revenue,
# trillion yuan.
NBS_SALES = {2012: "10.9", 2015: "12.5", 2018: "16.4", 2019: "16.7", 2021: "17.4",
             2022: "12.7", 2023: "10.5", 2024: "9"}
MOF_LAND = {2012: "2.7", 2015: "3.3", 2018: "6.5", 2019: "7.2", 2021: "8.7", 2022: "6.7",
            2023: "5.8", 2024: "4.9"}


def annual(path):
    """{series: {year: value}} of the annual rows (date YYYY) of a tidy CSV."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if len(row["date"]) == 4 and row["value"] != "":
                out.setdefault(row["series"], {})[int(row["date"])] = float(row["value"])
    return out


def bis_index(data_dir):
    path = os.path.join(data_dir, "china_annual.csv")
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["series"] == "house_price_index_nominal_bis":
                out[int(row["year"])] = float(row["value"])
    return out


def housing(run_csv):
    a = annual(run_csv)
    bis = bis_index(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
    sales, land, price = a["home_sales"], a["land_revenue"], a["house_price_index"]
    print("| year | sales, million homes (model) | NBS, approx. | land revenue, tn yuan (model)"
          " | MoF, approx. | price index, 2012 = 1 (model) | BIS nominal, 2012 = 1 (data) |")
    print("|--:|--:|--:|--:|--:|--:|--:|")
    for y in YEARS:
        b = f"{bis[y] / bis[2012]:.2f}" if y in bis and 2012 in bis else "n/a"
        print(f"| {y} | {sales[y] / 1e6:.1f} | {NBS_SALES[y]} | {land[y] / 1e12:.1f} | "
              f"{MOF_LAND[y]} | {price[y] / price[2012]:.2f} | {b} |")


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "housing":
        sys.exit(__doc__.strip().split("\n")[2])
    housing(sys.argv[2])


if __name__ == "__main__":
    main()
