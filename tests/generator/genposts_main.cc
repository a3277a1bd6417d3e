// digestlint-genposts: writes generated posts and their ground truth.
//   digestlint-genposts --seed 1 --count 1000 --out DIR [--fault-rate 0.7] [--body-scale 1]
// DIR/truth.jsonl holds one line per post: {"file": ..., "faults": [...]}.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "post_generator.h"

int main(int argc, char** argv) {
  uint64_t seed = 1;
  int count = 100;
  std::filesystem::path out;
  digestlint::generator::GeneratorOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--seed") {
      seed = std::stoull(value);
    } else if (flag == "--count") {
      count = std::stoi(value);
    } else if (flag == "--out") {
      out = value;
    } else if (flag == "--fault-rate") {
      options.fault_rate = std::stod(value);
    } else if (flag == "--body-scale") {
      options.body_scale = std::stoi(value);
    } else {
      std::cerr << "digestlint-genposts: unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (out.empty() || argc % 2 == 0) {
    std::cerr << "usage: digestlint-genposts --seed N --count N --out DIR [--fault-rate P] [--body-scale K]\n";
    return 2;
  }
  std::filesystem::create_directories(out);
  std::ofstream truth(out / "truth.jsonl");
  for (int index = 0; index < count; ++index) {
    const auto post = digestlint::generator::GeneratePost(seed, index, options);
    std::ofstream(out / post.file_name, std::ios::binary) << post.text;
    nlohmann::json faults = nlohmann::json::array();
    for (const auto& fault : post.faults) {
      faults.push_back(
          {{"rule", fault.rule}, {"line", fault.line}, {"column", fault.column}, {"description", fault.description}});
    }
    truth << nlohmann::json{{"file", post.file_name}, {"faults", faults}}.dump() << '\n';
  }
  return 0;
}
