#!/usr/bin/env bash
# Prints how long a fixed CPU-bound loop takes: on shared 2-core virtual machines the speed a process
# gets moves by a third from one minute to the next, and this line tells which kind of minute a
# measurement ran in. About 0.95 s on this project's machines when they are quiet.
python3 -c "
import time
t = time.time()
s = 0
for i in range(10_000_000):
    s += i * i
print('machine speed: a fixed Python loop took %.2f s (about 0.95 s on a quiet machine)' % (time.time() - t))"
