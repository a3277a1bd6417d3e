#include "server/stdio.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace digestlint::server {

namespace {

using Clock = std::chrono::steady_clock;

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

// Waits up to `timeout_ms` (-1: forever) for something to read (or the end of input).
bool WaitForInput(int fd, int timeout_ms) {
  pollfd request{fd, POLLIN, 0};
  for (;;) {
    const int ready = poll(&request, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    return ready != 0;  // an error too: read() then reports it
  }
}

int MillisecondsUntil(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  constexpr long long kHour = 60LL * 60 * 1000;  // poll() takes an int
  return static_cast<int>(std::clamp<long long>(left, 0, kHour));
}

}  // namespace

int RunServer(int input, int output, const ServerOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);  // a client that went away is an error from write(), not a signal
  bool output_failed = false;
  LanguageServer server(
      [&](const nlohmann::json& message) { output_failed = output_failed || !WriteAll(output, EncodeFrame(message)); },
      options);
  FrameReader reader;
  std::string buffer(size_t{1} << 16, '\0');
  Clock::time_point last_input = Clock::now();
  for (;;) {
    while (std::optional<Frame> frame = reader.Next()) {
      server.Handle(*frame);
      if (server.exit_requested()) return server.exit_code();
    }
    // Lint the latest text once no message is waiting (a burst of changes
    // costs one lint), or when a stream that never pauses makes it overdue.
    if (const auto since = server.pending_since()) {
      if (!WaitForInput(input, 0) || Clock::now() >= *since + options.max_lint_delay) server.LintPending();
    }
    if (output_failed) return 1;

    int timeout = -1;
    if (const auto since = server.pending_since()) timeout = MillisecondsUntil(*since + options.max_lint_delay);
    if (reader.MayBeStalled()) {
      const int stall = MillisecondsUntil(last_input + options.stall_timeout);
      timeout = timeout < 0 ? stall : std::min(timeout, stall);
    }
    if (!WaitForInput(input, timeout)) {
      if (reader.MayBeStalled() && Clock::now() >= last_input + options.stall_timeout) {
        if (std::optional<Frame> frame = reader.GiveUp()) server.Handle(*frame);
      }
      continue;
    }
    const ssize_t count = read(input, buffer.data(), buffer.size());
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (count <= 0) return server.exit_code();  // the client is gone
    last_input = Clock::now();
    reader.Feed(std::string_view(buffer.data(), static_cast<size_t>(count)));
  }
}

}  // namespace digestlint::server
