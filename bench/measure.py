#!/usr/bin/env python3
"""Times commands: wall time, CPU time (user + system, children included) and
peak memory (the largest resident set of the process tree's members).

Usage: measure.py REPEATS NAME=COMMAND ...  (COMMAND runs with sh -c)
Prints one line per command, tab-separated: name, wall s, cpu s, peak MiB, exit
status; with REPEATS > 1 the fastest wall time is kept (and its CPU and memory).
"""
import os
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    process = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main():
    repeats = int(sys.argv[1])
    for spec in sys.argv[2:]:
        name, command = spec.split("=", 1)
        best = min((run(command) for _ in range(repeats)), key=lambda result: result[0])
        print(f"{name}\t{best[0]:.3f}\t{best[1]:.3f}\t{best[2]:.1f}\t{best[3]}", flush=True)


if __name__ == "__main__":
    main()
