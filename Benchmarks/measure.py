#!/usr/bin/env python3
"""Times pairs of commands alternately, so both see the same machine load, and prints a table of
median times and their ratio against the target. Each argument: 'label|target ratio|ours|reference'."""
import statistics, subprocess, sys, time

def once(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start

def main():
    repetitions = int(sys.argv[1])
    rows = []
    for spec in sys.argv[2:]:
        label, target, ours, reference = spec.split("|")
        once(ours), once(reference)  # warm the page cache and the dynamic loader
        times = {"ours": [], "reference": []}
        for _ in range(repetitions):
            times["ours"].append(once(ours))
            times["reference"].append(once(reference))
        a, b = statistics.median(times["ours"]), statistics.median(times["reference"])
        ratio = a / b
        rows.append((label, f"{a * 1000:.1f} ms", f"{b * 1000:.1f} ms  ({reference.split()[0]})",
                     f"{ratio:.2f}x", f"<= {target}x", "ok" if ratio <= float(target) else "MISSED"))
    header = ("work", "chorus", "reference", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())

main()
