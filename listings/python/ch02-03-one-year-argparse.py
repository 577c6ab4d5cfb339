"""One chunk of a bigger job, in Python: extracts the year given with --year."""
import argparse
import os
import time

FIRST_YEAR, LAST_YEAR = 2013, 2023


def extract(year):
    """The work for one chunk. The sleep stands for reading a year of data."""
    time.sleep(1)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 366 if leap else 365


def main():
    parser = argparse.ArgumentParser(description="Extract one year of data.")
    parser.add_argument("-y", "--year", type=int, required=True)
    args = parser.parse_args()
    if not FIRST_YEAR <= args.year <= LAST_YEAR:
        # Exits with code 2, as argparse does for its own errors.
        parser.error(f"no data for {args.year}: the data covers {FIRST_YEAR} to {LAST_YEAR}")
    start = time.perf_counter()
    days = extract(args.year)
    elapsed = time.perf_counter() - start
    print(f"{args.year}: {days} days extracted in {elapsed:.2f} seconds by process {os.getpid()}")


if __name__ == "__main__":
    main()
