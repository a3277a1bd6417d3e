#pragma once
// A seeded generator of digest posts with known faults. Each post records
// the faults injected into it (rule, line, column): the ground truth that
// tests and benchmarks compare digestlint against.

#include <cstdint>
#include <string>
#include <vector>

namespace digestlint::generator {

struct InjectedFault {
  std::string rule;  // the code digestlint must report, e.g. "DL401"
  int line = 0;
  int column = 0;
  std::string description;
};

struct GeneratedPost {
  std::string file_name;  // YYYY-MM-DD-daily-papers-N.md
  std::string text;
  std::vector<InjectedFault> faults;
};

struct GeneratorOptions {
  double fault_rate = 0.7;  // chance that a post gets faults at all
  int max_faults = 3;       // faults per faulty post, each in its own paper
  int min_papers = 1;
  int max_papers = 10;
  int body_scale = 1;  // multiplies the paragraph lines per section (for bigger benchmark posts)
};

/// The same (seed, index, options) always gives the same post.
GeneratedPost GeneratePost(uint64_t seed, int index, const GeneratorOptions& options = {});

}  // namespace digestlint::generator
