# Shared by the benchmark scripts (sourced, not run): the two machine probes timed before every
# build, so figures from a noisy shared machine can be read against how fast it was then, and the
# median of a column of numbers.

# probe DIR: prints "CPU_SECONDS FILES_SECONDS": a fixed CPU loop, and creating 5,000 folders
# with a 5 KB file each (as pages are written) under DIR, which must not exist.
probe() {
  python3 - "$1" <<'PY'
import os, sys, time
t = time.perf_counter(); x = 0
for i in range(10_000_000): x += i
cpu = time.perf_counter() - t
root = sys.argv[1]; os.makedirs(root)
t = time.perf_counter()
for i in range(5000):
    os.mkdir(f"{root}/{i}")
    with open(f"{root}/{i}/index.html", "wb") as f: f.write(b"x" * 5000)
files = time.perf_counter() - t
print(f"{cpu:.2f} {files:.2f}")
PY
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
