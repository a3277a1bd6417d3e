#!/usr/bin/env python3
"""Checks bench/measure.py on tiny fake runs: what it keeps of repeated runs,
how it reads its own output, the ratios and the targets' verdicts. No timings."""
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402


def rows_text(rows):
    return "tool\twall_s\tcpu_s\tpeak_MiB\texit\n" + "".join(
        measure.format_row(name, row) + "\n" for name, row in rows.items())


class SummarizeTest(unittest.TestCase):
    def test_keeps_fastest_wall_smallest_cpu_largest_peak(self):
        runs = [(2.0, 1.5, 10.0, 1), (1.0, 1.8, 12.0, 1), (3.0, 1.2, 11.0, 1)]
        self.assertEqual(measure.summarize(runs), (1.0, 1.2, 12.0, "1"))

    def test_disagreeing_exit_statuses(self):
        self.assertEqual(measure.summarize([(1.0, 1.0, 1.0, 0), (1.0, 1.0, 1.0, 2)])[3], "varies")


class RunTest(unittest.TestCase):
    def test_exit_status_and_peak_memory_of_a_child(self):
        # A child that holds 64 MiB: the peak is of the process tree, not of measure.py.
        command = f"{sys.executable} -c 'b = bytearray(64 << 20); b[::4096] = b\"x\" * len(b[::4096]); exit(3)'"
        wall, cpu, peak, status = measure.run_once(command)
        self.assertEqual(status, 3)
        self.assertGreaterEqual(peak, 64.0)
        self.assertLess(peak, 128.0)
        self.assertGreater(wall, 0.0)
        self.assertGreater(cpu, 0.0)

    def test_peak_memory_is_the_commands_not_pythons(self):
        # A forked Python child would report Python's own resident set (10 MiB and more).
        wall, cpu, peak, status = measure.run_once("exec true")
        self.assertEqual(status, 0)
        self.assertLess(peak, 8.0)

    def test_run_prints_one_parsable_line_per_command(self):
        out = io.StringIO()
        with redirect_stdout(out):
            measure.main(["measure.py", "run", "--warmup", "1", "--repeats", "2", "true=true", "false=exit 1"])
        rows = measure.parse_rows(io.StringIO(out.getvalue()))
        self.assertEqual(list(rows), ["true", "false"])
        self.assertEqual(rows["true"][3], "0")
        self.assertEqual(rows["false"][3], "1")


FAKE_RUN = {
    "digestlint": (1.0, 1.9, 14.0, "1"),
    "digestlint -j 1": (1.8, 1.8, 13.0, "1"),
    "rumdl check --no-cache": (12.0, 22.0, 500.0, "1"),
    "cmark (parse floor)": (3.0, 2.0, 200.0, "0"),
    "cat (I/O floor)": (0.3, 0.3, 2.0, "0"),
}


class RatiosTest(unittest.TestCase):
    def test_ratios_and_verdicts_from_the_same_run(self):
        lines = measure.ratio_lines(measure.parse_rows(io.StringIO(rows_text(FAKE_RUN))))
        self.assertIn("rumdl check --no-cache: wall 12.0x digestlint's (2 jobs), CPU 12.22x digestlint -j 1's, "
                      "memory 35.7x digestlint's", lines)
        self.assertIn("target wall >= 10x faster than rumdl: 12.0x, met", lines)
        self.assertIn("target -j 1 CPU <= cmark CPU: 1.80 s / 2.00 s = 0.90, met", lines)
        self.assertIn("cat (I/O floor): wall 0.3x digestlint's (2 jobs), CPU 0.17x digestlint -j 1's, "
                      "memory 0.1x digestlint's", lines)

    def test_targets_not_met(self):
        slow = dict(FAKE_RUN, **{"digestlint": (2.0, 3.9, 14.0, "1"), "digestlint -j 1": (3.0, 3.0, 13.0, "1")})
        lines = measure.ratio_lines(slow)
        self.assertIn("target wall >= 10x faster than rumdl: 6.0x, NOT met", lines)
        self.assertIn("target -j 1 CPU <= cmark CPU: 3.00 s / 2.00 s = 1.50, NOT met", lines)

    def test_missing_digestlint_rows(self):
        self.assertEqual(measure.ratio_lines({"cat": (1.0, 1.0, 1.0, "0")}),
                         ["ratios need the rows 'digestlint' and 'digestlint -j 1'"])


class MemoryTest(unittest.TestCase):
    def test_largest_peak_and_growth(self):
        small = {"--format human": (1.0, 1.0, 10.0, "1"), "--format sarif": (1.0, 1.0, 20.0, "1")}
        large = {"--format human": (9.0, 9.0, 10.5, "1"), "--format sarif": (9.0, 9.0, 23.0, "1")}
        lines = measure.memory_lines(small, large)
        self.assertEqual(lines[0], "target peak <= 32 MiB in every format: largest 20.0 MiB (--format sarif), met")
        self.assertIn("--format sarif: 20.0 MiB -> 23.0 MiB (+15.0%)", lines)
        self.assertEqual(lines[-1], "target same peak +-10% at ten times the posts: largest change 15.0%, NOT met")

    def test_over_the_target(self):
        lines = measure.memory_lines({"--format json": (1.0, 1.0, 125.0, "1")})
        self.assertEqual(lines, ["target peak <= 32 MiB in every format: largest 125.0 MiB (--format json), NOT met"])

    def test_format_missing_in_the_larger_run(self):
        lines = measure.memory_lines({"--format json": (1.0, 1.0, 10.0, "1")}, {})
        self.assertIn("--format json: missing in the larger run", lines)
        self.assertTrue(lines[-1].endswith("NOT met"))


class MediansTest(unittest.TestCase):
    def test_medians_and_the_one_post_verdict(self):
        exported = {"results": [
            {"command": "digestlint", "median": 0.0025, "mean": 0.0026, "min": 0.002, "max": 0.004,
             "times": [0.0025] * 30},
            {"command": "rumdl check --no-cache", "median": 0.2, "mean": 0.21, "min": 0.19, "max": 0.3,
             "times": [0.2] * 30},
        ]}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            json.dump(exported, file)
        try:
            output = subprocess.run([sys.executable, measure.__file__, "medians", file.name], check=True,
                                    capture_output=True, text=True).stdout.splitlines()
        finally:
            os.unlink(file.name)
        self.assertEqual(output[1], "digestlint\t2.5\t2.6\t2.0\t4.0\t30")
        self.assertEqual(output[2], "rumdl check --no-cache\t200.0\t210.0\t190.0\t300.0\t30")
        self.assertEqual(output[3], "target one post <= 3 ms median: 2.5 ms, met")


class ScriptsTest(unittest.TestCase):
    def test_bench_scripts_parse(self):
        bench = os.path.dirname(os.path.abspath(__file__))
        for script in sorted(name for name in os.listdir(bench) if name.endswith(".sh")):
            with self.subTest(script=script):
                subprocess.run(["bash", "-n", os.path.join(bench, script)], check=True)


if __name__ == "__main__":
    unittest.main()
