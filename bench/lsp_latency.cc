// digestlint-lsp-bench: how long an editor waits for diagnostics. Starts
// `digestlint server` as an editor does (a child process on pipes), opens a
// generated, fault-free post of about 300 lines, and then edits it: the last
// paper's number flips between right and wrong, so every lint has a different
// answer to check. Measured on the client's clock, from the write of the last
// change to the arrival of the publishDiagnostics for that version:
//   - one keystroke at a time (the next one only after the diagnostics came);
//   - bursts of 10 keystrokes written one by one without waiting, as fast
//     typing or a paste arrives; also counts how many lints each burst cost.
// Usage: digestlint-lsp-bench DIGESTLINT_BINARY [EDITS]   (default 300)
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "lsp_client.h"
#include "post_generator.h"
#include "uri.h"

namespace {

using digestlint::testing::Json;
using digestlint::testing::LspClient;
using Clock = std::chrono::steady_clock;

double Milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

double Percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const size_t index = std::min(values.size() - 1, static_cast<size_t>(fraction * static_cast<double>(values.size())));
  return values[index];
}

void Report(const char* scenario, const std::vector<double>& latencies) {
  std::printf("%-26s %8.2f %8.2f %8.2f %8.2f %8zu\n", scenario, Percentile(latencies, 0.5), Percentile(latencies, 0.9),
              Percentile(latencies, 0.99), *std::max_element(latencies.begin(), latencies.end()), latencies.size());
}

// A fault-free generated post of at least `lines` lines.
digestlint::generator::GeneratedPost PostOfLines(int lines) {
  for (int papers = 1;; ++papers) {
    digestlint::generator::GeneratorOptions options;
    options.fault_rate = 0;
    options.min_papers = options.max_papers = papers;
    digestlint::generator::GeneratedPost post = digestlint::generator::GeneratePost(7, 0, options);
    if (std::count(post.text.begin(), post.text.end(), '\n') >= lines) return post;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: digestlint-lsp-bench DIGESTLINT_BINARY [EDITS]\n";
    return 2;
  }
  const std::string binary = argv[1];
  const int edits = argc > 2 ? std::stoi(argv[2]) : 300;

  const digestlint::generator::GeneratedPost post = PostOfLines(300);
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "digestlint-lsp-bench";
  std::filesystem::create_directories(folder);
  const std::filesystem::path path = folder / post.file_name;
  std::ofstream(path, std::ios::binary) << post.text;
  const std::string uri = digestlint::PathToUri(path.string());
  // The last paper heading's number: its line and column (0-based), and its text.
  const size_t heading = post.text.rfind("\n# ") + 1;
  const int line = static_cast<int>(std::count(post.text.begin(), post.text.begin() + heading, '\n'));
  const size_t dot = post.text.find('.', heading);
  const std::string right_number = post.text.substr(heading + 2, dot - heading - 2);
  const std::string wrong_number = std::to_string(std::stoi(right_number) + 5);

  int to_server[2];
  int from_server[2];
  if (pipe(to_server) != 0 || pipe(from_server) != 0) return 1;
  const pid_t child = fork();
  if (child == 0) {
    dup2(to_server[0], STDIN_FILENO);
    dup2(from_server[1], STDOUT_FILENO);
    for (int fd : {to_server[0], to_server[1], from_server[0], from_server[1]}) close(fd);
    execl(binary.c_str(), binary.c_str(), "server", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(to_server[0]);
  close(from_server[1]);
  LspClient client(to_server[1], from_server[0]);

  client.Call("initialize", {{"processId", getpid()}, {"capabilities", Json::object()}});
  client.Notify("initialized");
  client.Notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", post.text}}}});
  if (!client.WaitForDiagnostics(uri, 1)["diagnostics"].empty()) {
    std::cerr << "digestlint-lsp-bench: the generated post is not clean\n";
    return 1;
  }

  int version = 1;
  bool wrong = false;  // what the text says now
  const auto change = [&] {
    wrong = !wrong;
    const int end = 2 + static_cast<int>((wrong ? right_number : wrong_number).size());
    client.Notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                   {"contentChanges", Json::array({{{"range",
                                                     {{"start", {{"line", line}, {"character", 2}}},
                                                      {"end", {{"line", line}, {"character", end}}}}},
                                                    {"text", wrong ? wrong_number : right_number}}})}});
  };
  const auto check = [&](const Json& published) {
    const bool reported = !published["diagnostics"].empty();
    if (reported != wrong) {
      std::cerr << "digestlint-lsp-bench: version " << version << " got the wrong diagnostics\n";
      std::exit(1);
    }
  };

  std::vector<double> single;
  for (int i = 0; i < edits; ++i) {
    change();
    const Clock::time_point sent = Clock::now();
    const Json published = client.WaitForDiagnostics(uri, version);
    single.push_back(Milliseconds(Clock::now() - sent));
    check(published);
  }

  std::vector<double> bursts;
  size_t lints = 0;
  const int burst_size = 10;
  for (int i = 0; i < edits / burst_size; ++i) {
    for (int k = 0; k < burst_size; ++k) change();
    const Clock::time_point sent = Clock::now();
    const Json published = client.WaitForDiagnostics(uri, version);
    bursts.push_back(Milliseconds(Clock::now() - sent));
    check(published);
    // Publishes for earlier versions of the burst, if the server linted them.
    lints += 1 + client.Take("textDocument/publishDiagnostics").size();
  }

  client.Call("shutdown");
  client.Notify("exit");
  int status = 0;
  waitpid(child, &status, 0);
  std::filesystem::remove_all(folder);

  std::printf("digestlint server: from the last change to publishDiagnostics, on a %zu-line post (%zu bytes)\n",
              static_cast<size_t>(std::count(post.text.begin(), post.text.end(), '\n')), post.text.size());
  std::printf("%-26s %8s %8s %8s %8s %8s\n", "scenario (ms)", "median", "p90", "p99", "max", "samples");
  Report("one keystroke", single);
  Report("last of 10 keystrokes", bursts);
  std::printf("lints per burst of %d keystrokes: %.2f\n", burst_size,
              static_cast<double>(lints) / static_cast<double>(bursts.size()));
  std::printf("server exit status: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
