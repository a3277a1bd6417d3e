#include "server/json_rpc.h"

#include <algorithm>
#include <cctype>

#include "schema_graph.h"
#include "text.h"

namespace digestlint::server {

namespace {

constexpr size_t kMaxHeaderBytes = 8192;  // a header line this long is not a header
constexpr std::string_view kContentLength = "content-length:";
constexpr std::string_view kContentType = "content-type:";

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Whether `text` starts with `prefix` ignoring case, or is a shorter part of it.
bool StartsOrBeginsIgnoringCase(std::string_view text, std::string_view prefix) {
  const size_t length = std::min(text.size(), prefix.size());
  return length > 0 && EqualsIgnoringCase(text.substr(0, length), prefix.substr(0, length));
}

size_t FindContentLength(const std::string& buffer, size_t from) {
  for (size_t at = buffer.find_first_of("cC", from); at != std::string::npos; at = buffer.find_first_of("cC", at + 1)) {
    if (buffer.size() - at >= kContentLength.size() &&
        EqualsIgnoringCase(std::string_view(buffer).substr(at, kContentLength.size()), kContentLength)) {
      return at;
    }
  }
  return std::string::npos;
}

// The id of a request whose frame was broken, when its JSON still parses.
nlohmann::json IdOf(std::string_view json_text) {
  if (FirstTooDeepBracket(json_text)) return nullptr;
  const nlohmann::json message = nlohmann::json::parse(json_text, nullptr, false);
  if (!message.is_object()) return nullptr;
  const auto id = message.find("id");
  if (id == message.end() || !(id->is_number_integer() || id->is_string())) return nullptr;
  return *id;
}

// A short, printable excerpt of bytes that were not a header.
std::string Excerpt(std::string_view bytes) {
  std::string excerpt;
  for (char c : bytes.substr(0, 40)) excerpt += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  return excerpt + (bytes.size() > 40 ? "..." : "");
}

Frame Error(std::string message, nlohmann::json id = nullptr) {
  return Frame{std::nullopt, std::move(message), std::move(id)};
}

}  // namespace

void FrameReader::StartHeader(size_t at) {
  pos_ = at;
  state_ = State::kHeader;
  header_seen_ = false;
  content_length_.reset();
  scan_pos_ = 0;
  scan_depth_ = 0;
  scan_in_string_ = scan_escape_ = scan_started_ = scan_failed_ = scan_too_deep_ = false;
  scan_end_ = std::string::npos;
}

void FrameReader::Compact() {
  if (pos_ > 0 && (pos_ == buffer_.size() || pos_ >= (size_t{64} << 10))) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

size_t FrameReader::ScanJsonValue() {
  const size_t limit = std::min(buffer_.size() - pos_, body_length_);
  for (; scan_end_ == std::string::npos && !scan_failed_ && scan_pos_ < limit; ++scan_pos_) {
    const char c = buffer_[pos_ + scan_pos_];
    if (!scan_started_) {
      if (IsJsonSpace(c)) continue;
      scan_started_ = true;
      scan_failed_ = c != '{' && c != '[';  // only objects and arrays have a visible end
      scan_depth_ = 1;
    } else if (scan_in_string_) {
      if (scan_escape_) {
        scan_escape_ = false;
      } else if (c == '\\') {
        scan_escape_ = true;
      } else if (c == '"') {
        scan_in_string_ = false;
      }
    } else if (c == '"') {
      scan_in_string_ = true;
    } else if (c == '{' || c == '[') {
      if (++scan_depth_ > kMaxJsonDepth) scan_too_deep_ = true;
    } else if ((c == '}' || c == ']') && --scan_depth_ == 0) {
      scan_end_ = scan_pos_ + 1;
    }
  }
  return scan_end_;
}

std::optional<Frame> FrameReader::TooLong(size_t next_header) {
  Frame error = Error("Content-Length " + std::to_string(body_length_) + " is longer than the message (" +
                          std::to_string(scan_end_) + " bytes before the next header)",
                      IdOf(std::string_view(buffer_).substr(pos_, scan_end_)));
  StartHeader(pos_ + next_header);
  return error;
}

bool FrameReader::MayBeStalled() const {
  if (state_ != State::kBody || scan_end_ == std::string::npos) return false;
  const size_t available = buffer_.size() - pos_;
  if (available >= body_length_) return false;
  return std::all_of(buffer_.begin() + static_cast<std::ptrdiff_t>(pos_ + scan_end_), buffer_.end(), IsJsonSpace);
}

std::optional<Frame> FrameReader::GiveUp() {
  if (!MayBeStalled()) return std::nullopt;
  Frame error = Error("Content-Length " + std::to_string(body_length_) + " is longer than the message (" +
                          std::to_string(buffer_.size() - pos_) + " bytes arrived)",
                      IdOf(std::string_view(buffer_).substr(pos_, scan_end_)));
  StartHeader(buffer_.size());
  Compact();
  return error;
}

std::optional<Frame> FrameReader::Next() {
  for (;;) {
    switch (state_) {
      case State::kSkipping: {
        const size_t found = FindContentLength(buffer_, pos_);
        if (found != std::string::npos) {
          StartHeader(found);
          continue;
        }
        // Keep a tail that may be the start of a "Content-Length" split across reads.
        pos_ = buffer_.size() - std::min(buffer_.size() - pos_, kContentLength.size() - 1);
        Compact();
        return std::nullopt;
      }
      case State::kDiscarding: {
        const size_t drop = std::min(body_length_, buffer_.size() - pos_);
        pos_ += drop;
        body_length_ -= drop;
        if (body_length_ > 0) {
          Compact();
          return std::nullopt;
        }
        StartHeader(pos_);
        continue;
      }
      case State::kHeader: {
        const size_t newline = buffer_.find('\n', pos_);
        if (newline == std::string::npos) {
          if (buffer_.size() - pos_ <= kMaxHeaderBytes) {
            Compact();
            return std::nullopt;
          }
          Frame error = Error("not a message header: '" + Excerpt(std::string_view(buffer_).substr(pos_)) + "'");
          pos_ += 1;  // skipping resumes after this byte, so reading always moves on
          state_ = State::kSkipping;
          return error;
        }
        std::string_view line = std::string_view(buffer_).substr(pos_, newline - pos_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const size_t line_start = pos_;
        pos_ = newline + 1;
        if (line.empty()) {
          if (!header_seen_) continue;  // blank lines between messages
          if (!content_length_) {
            state_ = State::kSkipping;  // the body's end is unknown: resume at the next header
            return Error("a message header without Content-Length");
          }
          body_length_ = *content_length_;
          state_ = State::kBody;
          if (body_length_ > kMaxMessageBytes) {
            state_ = State::kDiscarding;
            return Error("a message of " + std::to_string(body_length_) + " bytes is larger than the limit (" +
                         std::to_string(kMaxMessageBytes) + " bytes); it was skipped");
          }
          continue;
        }
        const size_t colon = line.find(':');
        const std::string_view name = line.substr(0, colon);
        const bool token = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        });
        if (colon == std::string_view::npos || !token) {
          pos_ = line_start + 1;
          state_ = State::kSkipping;
          return Error("not a message header: '" + Excerpt(line) + "'");
        }
        header_seen_ = true;
        if (EqualsIgnoringCase(name, kContentLength.substr(0, kContentLength.size() - 1))) {
          const std::string value = Trim(line.substr(colon + 1));
          if (value.empty() || value.size() > 15 || value.find_first_not_of("0123456789") != std::string::npos) {
            pos_ = line_start + 1;
            state_ = State::kSkipping;
            return Error("invalid Content-Length '" + Excerpt(value) + "'");
          }
          content_length_ = std::stoull(value);
        }
        continue;
      }
      case State::kBody: {
        const size_t available = buffer_.size() - pos_;
        const size_t value_end = ScanJsonValue();
        if (value_end != std::string::npos && value_end < body_length_) {
          // Inside the promised length, a header after a whole value means the length was too long.
          const size_t limit = std::min(available, body_length_);
          size_t next = value_end;
          while (next < limit && IsJsonSpace(buffer_[pos_ + next])) ++next;
          const std::string_view rest = std::string_view(buffer_).substr(pos_ + next, limit - next);
          if (StartsOrBeginsIgnoringCase(rest, kContentLength) || StartsOrBeginsIgnoringCase(rest, kContentType)) {
            return TooLong(next);
          }
        }
        if (available < body_length_) {
          Compact();
          return std::nullopt;
        }
        // nlohmann copies and compares values recursively: a deeper one would overflow the stack.
        Frame frame =
            scan_too_deep_
                ? Error("a message nested deeper than " + std::to_string(kMaxJsonDepth) + " levels is not read")
                : Frame{buffer_.substr(pos_, body_length_), "", nullptr};
        StartHeader(pos_ + body_length_);
        return frame;
      }
    }
  }
}

std::string EncodeFrame(const nlohmann::json& message) {
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

nlohmann::json ErrorResponse(const nlohmann::json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

}  // namespace digestlint::server
