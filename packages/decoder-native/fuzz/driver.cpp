// The standalone fuzz driver: real videos from a corpus, mutated (mutate.h) into N cases, each
// run through the core (target.h) under ASan/UBSan, with LeakSanitizer checked after every case
// so a leak is pinned to the case that made it. Before each case its bytes are written to
// <out>/current.bin, so a crash leaves its reproducer behind (fuzz/run.sh collects it and
// resumes with --start). Deterministic: case i of seed S is always the same bytes.
//   imajin_fuzz_driver --corpus DIR --out DIR --cases N [--seed S] [--start I] [--leak-every K] [--dump]
//   imajin_fuzz_driver --replay FILE...
#include <sanitizer/lsan_interface.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "mutate.h"
#include "target.h"

namespace fs = std::filesystem;
using imajin_fuzz::Bytes;

namespace {

Bytes readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), std::streamsize(data.size()));
}

const char* arg(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return fallback;
}

// Sanitizers report on stderr; when it is a file, its growth during a case pins a recoverable
// report (UBSan) to that case. The core routes libav's own logging away from stderr.
long long stderrSize() {
  struct stat st;
  if (fstat(STDERR_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return st.st_size;
}

int replay(int argc, char** argv) {
  int findings = 0;
  for (int i = 2; i < argc; ++i) {
    const Bytes data = readFile(argv[i]);
    const auto r = imajin_fuzz::runCase(data.data(), data.size());
    std::printf("%s: %s%s%s\n", argv[i], r.outcome.c_str(), r.detail.empty() ? "" : " - ", r.detail.c_str());
    findings += r.finding;
  }
  return findings ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--replay") == 0) return replay(argc, argv);
  const fs::path corpusDir = arg(argc, argv, "--corpus", "");
  const fs::path outDir = arg(argc, argv, "--out", "");
  const long cases = std::atol(arg(argc, argv, "--cases", "1000"));
  const unsigned long long seed = std::strtoull(arg(argc, argv, "--seed", "1"), nullptr, 10);
  const long start = std::atol(arg(argc, argv, "--start", "0"));
  const long leakEvery = std::max(1L, std::atol(arg(argc, argv, "--leak-every", "1")));
  // --dump: write the cases' bytes to <out>/case-<i>.bin instead of running them (to rebuild a
  // reproducer from outcomes.tsv: --start I --cases I+1 --dump).
  bool dump = false;
  for (int i = 1; i < argc; ++i) dump = dump || std::strcmp(argv[i], "--dump") == 0;
  if (corpusDir.empty() || outDir.empty()) {
    std::fprintf(stderr, "usage: %s --corpus DIR --out DIR --cases N [--seed S] [--start I] [--leak-every K]\n", argv[0]);
    return 2;
  }
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(corpusDir)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    std::fprintf(stderr, "no corpus files in %s\n", corpusDir.c_str());
    return 2;
  }
  std::vector<Bytes> corpus;
  for (const auto& p : paths) corpus.push_back(readFile(p));
  fs::create_directories(outDir);
  std::ofstream log(outDir / "outcomes.tsv", std::ios::app);

  long findings = 0, leaks = 0, reports = 0;
  std::map<std::string, long> outcomes;
  for (long i = start; i < cases; ++i) {
    std::mt19937_64 rng(seed * 1000003ULL + uint64_t(i));
    // The first cases are the corpus itself, unmutated: each should decode ("ok").
    const size_t base = i < long(corpus.size()) ? size_t(i) : size_t(rng() % corpus.size());
    Bytes data = corpus[base];
    std::string applied = "none";
    if (i >= long(corpus.size())) {
      applied.clear();
      imajin_fuzz::mutateRandomly(data, rng, &corpus[size_t(rng() % corpus.size())], &applied);
    }
    if (dump) {
      writeFile(outDir / ("case-" + std::to_string(i) + ".bin"), data);
      continue;
    }
    writeFile(outDir / "current.bin", data);
    {
      std::ofstream note(outDir / "current.txt", std::ios::trunc);
      note << i << '\t' << paths[base].filename().string() << '\t' << applied << '\n';
    }
    const long long stderrBefore = stderrSize();
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = imajin_fuzz::runCase(data.data(), data.size());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const long long stderrAfter = stderrSize();
    bool leaked = false;
    if ((i + 1) % leakEvery == 0 && __lsan_do_recoverable_leak_check() != 0) leaked = true;
    std::string outcome = r.outcome;
    if (stderrBefore >= 0 && stderrAfter > stderrBefore) {
      ++reports;
      writeFile(outDir / ("report-" + std::to_string(i) + ".bin"), data);
      std::fprintf(stderr, "SANITIZER REPORT during case %ld (%s, %s)\n", i, paths[base].filename().c_str(), applied.c_str());
      outcome += "+SANITIZER";
    }
    if (r.finding) {
      ++findings;
      writeFile(outDir / ("finding-" + std::to_string(i) + ".bin"), data);
      std::fprintf(stderr, "FINDING case %ld (%s, %s): %s %s\n", i, paths[base].filename().c_str(), applied.c_str(), r.outcome.c_str(), r.detail.c_str());
    }
    if (leaked) {
      ++leaks;
      writeFile(outDir / ("leak-" + std::to_string(i) + ".bin"), data);
      std::fprintf(stderr, "LEAK after case %ld (%s, %s)\n", i, paths[base].filename().c_str(), applied.c_str());
      outcome += "+LEAK";
    }
    if (ms > imajin_fuzz::kCaseTimeoutMs * 3) outcome += "+SLOW";
    ++outcomes[outcome];
    log << i << '\t' << outcome << '\t' << long(ms) << '\t' << paths[base].filename().string() << '\t' << applied << '\t' << r.detail << '\n';
    log.flush();
    if ((i + 1) % 250 == 0) std::fprintf(stderr, "... %ld cases\n", i + 1);
  }
  std::printf("cases %ld..%ld: findings %ld, leaks %ld, cases with sanitizer reports %ld\n", start, cases - 1, findings, leaks, reports);
  for (const auto& [outcome, count] : outcomes) std::printf("  %-28s %ld\n", outcome.c_str(), count);
  fs::remove(outDir / "current.bin");
  fs::remove(outDir / "current.txt");
  return findings || leaks || reports ? 1 : 0;
}
