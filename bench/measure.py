#!/usr/bin/env python3
"""Times commands and compares the results of one benchmark run.

  measure.py run [--warmup N] [--repeats N] NAME=COMMAND ...
      Runs each COMMAND (with sh -c, output discarded) N warm-up times, then
      --repeats times, and prints one tab-separated line per command: name,
      wall s (the fastest run), CPU s (user + system of the whole process
      tree, the smallest), peak MiB (the largest resident set of any member of
      the tree, from GNU time; the largest over the runs), exit status (of
      every run; "varies" when the runs disagree).
  measure.py ratios TSV
      Reads the lines of `run` for one corpus and prints digestlint's ratios to
      its peers (the issue's targets: wall >= 10x faster than rumdl, -j 1 CPU
      <= cmark's CPU).
  measure.py memory TSV [TSV_LARGE]
      Reads `run` lines of one digestlint command per output format and prints
      the largest peak against the 32 MiB target; with the second file (the
      same formats on a corpus ten times larger), the growth per format.
  measure.py medians HYPERFINE_JSON
      Prints the median, mean and range of each command of a hyperfine
      --export-json file, in ms, and the verdict on the one-post target (the
      command named "digestlint": <= 3 ms median).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"  # Debian's package "time"
MEMORY_TARGET_MIB = 32.0
GROWTH_TOLERANCE = 0.10
ONE_POST_TARGET_MS = 3.0


def run_once(command):
    """Wall s, CPU s (user + system) and peak MiB of `sh -c command`, and its exit status.

    The peak comes from GNU time, not from this process's wait4: a child forked
    from Python starts with Python's resident set (about 14 MiB), and Linux
    counts it in the child's peak even after exec. GNU time is small.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        process = subprocess.Popen([GNU_TIME, "-q", "-f", "%M", "-o", report.name, "sh", "-c", command],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        peak_kib = int(report.read().split()[-1])
    return wall, usage.ru_utime + usage.ru_stime, peak_kib / 1024.0, process.returncode


def summarize(results):
    """The fastest wall, the smallest CPU, the largest peak and the exit status of runs."""
    statuses = {result[3] for result in results}
    status = str(statuses.pop()) if len(statuses) == 1 else "varies"
    return (min(r[0] for r in results), min(r[1] for r in results), max(r[2] for r in results), status)


def format_row(name, summary):
    wall, cpu, peak, status = summary
    return f"{name}\t{wall:.3f}\t{cpu:.3f}\t{peak:.1f}\t{status}"


def parse_rows(lines):
    """Rows of `run` output by name: (wall, cpu, peak, exit status)."""
    rows = {}
    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("tool\t"):
            continue
        name, wall, cpu, peak, status = line.split("\t")
        rows[name] = (float(wall), float(cpu), float(peak), status)
    return rows


def ratio_lines(rows):
    """digestlint against each peer present in `rows`, with the targets' verdicts."""
    lines = []
    both = rows.get("digestlint")
    one = rows.get("digestlint -j 1")
    if both is None or one is None:
        return ["ratios need the rows 'digestlint' and 'digestlint -j 1'"]
    for name, peer in rows.items():
        if name.startswith("digestlint"):
            continue
        lines.append(f"{name}: wall {peer[0] / both[0]:.1f}x digestlint's (2 jobs), "
                     f"CPU {peer[1] / one[1]:.2f}x digestlint -j 1's, memory {peer[2] / both[2]:.1f}x digestlint's")
    for prefix, wall_target in [("rumdl", 10.0)]:
        peer = next((row for name, row in rows.items() if name.startswith(prefix)), None)
        if peer:
            speedup = peer[0] / both[0]
            verdict = "met" if speedup >= wall_target else "NOT met"
            lines.append(f"target wall >= {wall_target:g}x faster than {prefix}: {speedup:.1f}x, {verdict}")
    cmark = next((row for name, row in rows.items() if name.startswith("cmark")), None)
    if cmark:
        share = one[1] / cmark[1]
        verdict = "met" if share <= 1.0 else "NOT met"
        lines.append(f"target -j 1 CPU <= cmark CPU: {one[1]:.2f} s / {cmark[1]:.2f} s = {share:.2f}, {verdict}")
    return lines


def memory_lines(rows, large_rows=None):
    """The peak per format against the target, and its growth on the larger corpus."""
    if not rows:
        return ["no memory rows"]
    lines = []
    worst_name, worst = max(rows.items(), key=lambda item: item[1][2])
    verdict = "met" if worst[2] <= MEMORY_TARGET_MIB else "NOT met"
    lines.append(f"target peak <= {MEMORY_TARGET_MIB:g} MiB in every format: largest {worst[2]:.1f} MiB "
                 f"({worst_name}), {verdict}")
    if large_rows is not None:
        worst_growth = 0.0
        for name, row in rows.items():
            large = large_rows.get(name)
            if large is None:
                lines.append(f"{name}: missing in the larger run")
                worst_growth = float("inf")
                continue
            growth = large[2] / row[2] - 1.0
            worst_growth = max(worst_growth, abs(growth))
            lines.append(f"{name}: {row[2]:.1f} MiB -> {large[2]:.1f} MiB ({growth:+.1%})")
        verdict = "met" if worst_growth <= GROWTH_TOLERANCE else "NOT met"
        lines.append(f"target same peak +-{GROWTH_TOLERANCE:.0%} at ten times the posts: "
                     f"largest change {worst_growth:.1%}, {verdict}")
    return lines


def median_lines(hyperfine):
    """hyperfine's results (its --export-json object) in ms, with the one-post verdict."""
    lines = ["command\tmedian_ms\tmean_ms\tmin_ms\tmax_ms\truns"]
    for result in hyperfine["results"]:
        times = [1000.0 * result[key] for key in ("median", "mean", "min", "max")]
        lines.append("\t".join([result["command"]] + [f"{value:.1f}" for value in times] +
                                [str(len(result.get("times", [])))]))
    ours = next((result for result in hyperfine["results"] if result["command"] == "digestlint"), None)
    if ours:
        median = 1000.0 * ours["median"]
        verdict = "met" if median <= ONE_POST_TARGET_MS else "NOT met"
        lines.append(f"target one post <= {ONE_POST_TARGET_MS:g} ms median: {median:.1f} ms, {verdict}")
    return lines


def read_rows(path):
    with open(path, encoding="utf-8") as lines:
        return parse_rows(lines)


def main(argv):
    if len(argv) < 2 or argv[1] not in ("run", "ratios", "memory", "medians"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "ratios":
        print("\n".join(ratio_lines(read_rows(argv[2]))))
        return 0
    if argv[1] == "medians":
        with open(argv[2], encoding="utf-8") as exported:
            print("\n".join(median_lines(json.load(exported))))
        return 0
    if argv[1] == "memory":
        large = read_rows(argv[3]) if len(argv) > 3 else None
        print("\n".join(memory_lines(read_rows(argv[2]), large)))
        return 0
    args = argv[2:]
    warmup, repeats = 0, 1
    while args and args[0] in ("--warmup", "--repeats"):
        value = int(args[1])
        if args[0] == "--warmup":
            warmup = value
        else:
            repeats = value
        args = args[2:]
    for spec in args:
        name, command = spec.split("=", 1)
        for _ in range(warmup):
            run_once(command)
        print(format_row(name, summarize([run_once(command) for _ in range(repeats)])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
