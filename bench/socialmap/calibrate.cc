// How steady this machine is right now: a fixed piece of pure arithmetic (about 4 ms here) timed
// 500 times, p50 and p99 in milliseconds. No memory, no I/O: whatever its p99 adds to its p50 is
// the machine (other processes, a virtual machine's host taking the CPU), and it adds the same
// to a search's p99. run.sh prints it beside the results.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

int main() {
  std::vector<double> ms;
  volatile double sink = 0;
  for (int r = 0; r < 500; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    double x = 0;
    for (int i = 0; i < 5'000'000; ++i) x += i * 0.5;
    sink = sink + x;
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%.3f %.3f\n", ms[250], ms[495]);
  return 0;
}
