#pragma once
// The client side of `digestlint server` for tests and the benchmark: frames
// messages onto a pipe and reads the server's messages back, never blocking
// forever (every wait has a deadline) and never dead-locking on full pipes.

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/json_rpc.h"
#include "server/stdio.h"

namespace digestlint::testing {

using Json = nlohmann::json;
using std::chrono::milliseconds;

class LspClient {
 public:
  static constexpr milliseconds kTimeout{20000};  // a hang fails the test instead of stalling it

  LspClient(int to_server, int from_server) : to_server_(to_server), from_server_(from_server) {
    fcntl(to_server_, F_SETFL, fcntl(to_server_, F_GETFL) | O_NONBLOCK);
  }

  /// Writes bytes as they are, reading the server's answers meanwhile so that
  /// neither side waits on a full pipe.
  void SendRaw(std::string_view bytes) {
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (!bytes.empty()) {
      const ssize_t written = write(to_server_, bytes.data(), bytes.size());
      if (written > 0) {
        bytes.remove_prefix(static_cast<size_t>(written));
        continue;
      }
      if (written < 0 && errno != EAGAIN && errno != EINTR) throw std::runtime_error("the server stopped reading");
      if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("timed out writing to the server");
      ReadAvailable(10);
    }
  }

  void Send(const Json& message) { SendRaw(server::EncodeFrame(message)); }

  void Notify(const std::string& method, Json params = Json::object()) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  /// Sends a request and returns the whole response (with "result" or "error").
  Json Call(const std::string& method, Json params = Json::object()) {
    const int id = next_id_++;
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return WaitFor([&](const Json& message) { return IsResponse(message, id); });
  }

  /// The first message, received or still to come, for which `wanted` is true
  /// (removed from the inbox). Throws after kTimeout.
  Json WaitFor(const std::function<bool(const Json&)>& wanted, milliseconds timeout = kTimeout) {
    if (std::optional<Json> found = TryWaitFor(wanted, timeout)) return *found;
    throw std::runtime_error("timed out waiting for a message from the server");
  }

  std::optional<Json> TryWaitFor(const std::function<bool(const Json&)>& wanted, milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (size_t checked = 0;;) {
      for (; checked < inbox_.size(); ++checked) {
        if (!wanted(inbox_[checked])) continue;
        Json found = std::move(inbox_[checked]);
        inbox_.erase(inbox_.begin() + static_cast<std::ptrdiff_t>(checked));
        return found;
      }
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || closed_) return std::nullopt;
      ReadAvailable(static_cast<int>(left.count()));
    }
  }

  /// The next publishDiagnostics for `uri` (with `version`, when given).
  Json WaitForDiagnostics(const std::string& uri, std::optional<int64_t> version = std::nullopt) {
    return WaitFor([&](const Json& message) {
      return message.value("method", "") == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri &&
             (!version || message["params"].value("version", int64_t{-1}) == *version);
    })["params"];
  }

  /// Every message received and not yet taken, with this method.
  std::vector<Json> Take(const std::string& method) {
    std::vector<Json> taken;
    for (auto it = inbox_.begin(); it != inbox_.end();) {
      if (it->value("method", "") == method) {
        taken.push_back(std::move(*it));
        it = inbox_.erase(it);
      } else {
        ++it;
      }
    }
    return taken;
  }

  static bool IsResponse(const Json& message, const Json& id) {
    return message.contains("id") && message["id"] == id && !message.contains("method");
  }

  /// True once the server closed its output.
  bool closed() const { return closed_; }

 private:
  void ReadAvailable(int timeout_ms) {
    pollfd request{from_server_, POLLIN, 0};
    if (poll(&request, 1, timeout_ms) <= 0) return;
    char buffer[65536];
    const ssize_t count = read(from_server_, buffer, sizeof buffer);
    if (count <= 0) {
      closed_ = true;
      return;
    }
    reader_.Feed(std::string_view(buffer, static_cast<size_t>(count)));
    while (std::optional<server::Frame> frame = reader_.Next()) {
      if (!frame->body) throw std::runtime_error("the server wrote a broken frame: " + frame->error);
      inbox_.push_back(Json::parse(*frame->body));
    }
  }

  int to_server_;
  int from_server_;
  int next_id_ = 1;
  bool closed_ = false;
  server::FrameReader reader_;
  std::deque<Json> inbox_;
};

/// RunServer on a thread, talking through two pipes: the protocol exactly as
/// an editor speaks it, in-process.
class ServerOnPipes {
 public:
  explicit ServerOnPipes(server::ServerOptions options = {}) {
    int to_server[2];
    int from_server[2];
    if (pipe(to_server) != 0 || pipe(from_server) != 0) throw std::runtime_error("pipe failed");
    to_server_ = to_server[1];
    from_server_ = from_server[0];
    thread_ = std::thread([this, input = to_server[0], output = from_server[1], options] {
      exit_code_ = server::RunServer(input, output, options);
      close(input);
      close(output);
    });
    client_.emplace(to_server_, from_server_);
  }

  ~ServerOnPipes() {
    try {
      Finish();
    } catch (...) {  // a destructor must not throw; the test has failed already
    }
    close(from_server_);
  }
  ServerOnPipes(const ServerOnPipes&) = delete;
  ServerOnPipes& operator=(const ServerOnPipes&) = delete;

  LspClient& client() { return *client_; }

  /// Closes the server's input and returns its exit status once it has returned.
  int Finish() {
    if (to_server_ >= 0) {
      close(to_server_);
      to_server_ = -1;
    }
    // Drain the output so that the server never blocks writing while it ends.
    client_->TryWaitFor([](const Json&) { return false; }, LspClient::kTimeout);
    if (thread_.joinable()) thread_.join();
    return exit_code_;
  }

 private:
  int to_server_ = -1;
  int from_server_ = -1;
  int exit_code_ = -1;
  std::thread thread_;
  std::optional<LspClient> client_;
};

}  // namespace digestlint::testing
