// TOML front matter (Hugo's +++ fences), converted to JSON like YAML is.
// toml++ is used header-only: Debian ships no static archive of it, and the
// binary is linked statically.
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 0

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <vector>

#include <toml++/toml.h>

#include "front_matter.h"

namespace digestlint {

namespace {

class TomlLimitExceeded : public std::runtime_error {
 public:
  TomlLimitExceeded(const std::string& what, size_t at) : std::runtime_error(what), offset(at) {}
  size_t offset;
};

// toml++ positions are 1-based lines and columns counted in characters.
class TomlPositions {
 public:
  TomlPositions(const std::string& text, size_t base) : text_(text), base_(base) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  size_t Offset(const toml::source_position& position, size_t fallback) const {
    if (!position) return fallback;
    const size_t line = std::min(static_cast<size_t>(position.line), line_starts_.size());
    size_t at = line_starts_[line - 1];
    for (toml::source_index column = 1; column < position.column && at < text_.size() && text_[at] != '\n'; ++column) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return base_ + at;
  }

 private:
  const std::string& text_;
  size_t base_;
  std::vector<size_t> line_starts_;
};

std::string TwoDigits(int value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", value);
  return buffer;
}

std::string DateText(const toml::date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year), static_cast<int>(date.month),
                static_cast<int>(date.day));
  return buffer;
}

std::string TimeText(const toml::time& time) {
  std::string text = TwoDigits(time.hour) + ":" + TwoDigits(time.minute) + ":" + TwoDigits(time.second);
  if (time.nanosecond != 0) {
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%09u", static_cast<unsigned>(time.nanosecond));
    std::string digits = fraction;
    while (digits.back() == '0') digits.pop_back();
    text += digits;
  }
  return text;
}

class TomlToJson {
 public:
  TomlToJson(const TomlPositions& positions, const FrontMatterLimits& limits,
             std::map<std::string, YamlLocation>& locations)
      : positions_(positions), limits_(limits), locations_(locations) {}

  nlohmann::json Convert(const toml::node& node, const std::string& pointer, size_t key_offset, int depth) {
    const size_t offset = positions_.Offset(node.source().begin, key_offset);
    if (++count_ > limits_.max_nodes) {
      throw TomlLimitExceeded("front matter has more than " + std::to_string(limits_.max_nodes) + " values", offset);
    }
    if (depth >= limits_.max_depth) {
      throw TomlLimitExceeded("front matter is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
                              offset);
    }
    locations_[pointer] = YamlLocation{key_offset, offset};
    if (const toml::table* table = node.as_table()) {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& [key, value] : *table) {
        const std::string name(key.str());
        object[name] = Convert(value, (nlohmann::json::json_pointer(pointer) / name).to_string(),
                               positions_.Offset(key.source().begin, offset), depth + 1);
      }
      return object;
    }
    if (const toml::array* array = node.as_array()) {
      nlohmann::json list = nlohmann::json::array();
      for (size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        list.push_back(Convert(item, (nlohmann::json::json_pointer(pointer) / std::to_string(i)).to_string(),
                               positions_.Offset(item.source().begin, offset), depth + 1));
      }
      return list;
    }
    if (const auto* text = node.as_string()) return text->get();
    if (const auto* integer = node.as_integer()) return integer->get();
    if (const auto* number = node.as_floating_point()) {
      const double value = number->get();
      return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);  // JSON has no inf or nan
    }
    if (const auto* boolean = node.as_boolean()) return boolean->get();
    if (const auto* date = node.as_date()) return DateText(date->get());
    if (const auto* time = node.as_time()) return TimeText(time->get());
    if (const auto* date_time = node.as_date_time()) {
      const toml::date_time& value = date_time->get();
      std::string text = DateText(value.date) + "T" + TimeText(value.time);
      if (value.offset) {
        const int minutes = value.offset->minutes;
        if (minutes == 0) {
          text += "Z";
        } else {
          const int magnitude = minutes < 0 ? -minutes : minutes;
          text += (minutes < 0 ? "-" : "+") + TwoDigits(magnitude / 60) + ":" + TwoDigits(magnitude % 60);
        }
      }
      return text;
    }
    return nullptr;
  }

 private:
  const TomlPositions& positions_;
  const FrontMatterLimits& limits_;
  std::map<std::string, YamlLocation>& locations_;
  int count_ = 0;
};

}  // namespace

YamlDocument ParseToml(const std::string& toml, size_t base, const FrontMatterLimits& limits) {
  YamlDocument result;
  const TomlPositions positions(toml, base);
  try {
    const toml::table table = toml::parse(toml);
    TomlToJson converter(positions, limits, result.locations);
    result.data = converter.Convert(table, "", base, 0);
    result.ok = true;
  } catch (const toml::parse_error& e) {
    result.error = std::string(e.description());
    result.error_offset = positions.Offset(e.source().begin, base);
  } catch (const TomlLimitExceeded& e) {
    result.error = e.what();
    result.error_offset = e.offset;
  }
  if (!result.ok) {
    result.data = nullptr;
    result.locations.clear();
  }
  return result;
}

}  // namespace digestlint
