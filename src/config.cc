#include "config.h"

#include <system_error>

#include "dates.h"
#include "edit_distance.h"
#include "embedded.h"
#include "schema.h"
#include "yaml_file.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const JsonSchema& ConfigSchema() {
  static const JsonSchema schema(json::parse(*FindEmbeddedFile("digestlint-config.schema.json")));
  return schema;
}

std::vector<std::string> Strings(const json& value) { return value.get<std::vector<std::string>>(); }

// The `series` block (its shape is checked by the schema); returns an error or "".
std::string ReadSeries(const json& value, Config& config) {
  SeriesConfig& series = config.series;
  const std::string cadence = value.value("cadence", "none");
  for (const Cadence known : {Cadence::kNone, Cadence::kDaily, Cadence::kWeekdays, Cadence::kWeekly}) {
    if (CadenceName(known) == cadence) series.cadence = known;
  }
  if (value.contains("since")) {
    const std::string since = value["since"].get<std::string>();
    std::string why;
    if (!IsoDayForm().Parse(since, &why)) {
      return config.Where("/series/since") + ": 'series.since' is \"" + since + "\" but must be a date, YYYY-MM-DD" +
             (why.empty() ? "" : " (" + why + ")");
    }
    series.since = since;
  }
  if (value.contains("paper-window")) series.paper_window = value["paper-window"].get<int>();
  if (value.contains("common-tag-posts")) series.common_tag_posts = value["common-tag-posts"].get<int>();
  return "";
}

}  // namespace

std::string_view CadenceName(Cadence cadence) {
  switch (cadence) {
    case Cadence::kDaily:
      return "daily";
    case Cadence::kWeekdays:
      return "weekdays";
    case Cadence::kWeekly:
      return "weekly";
    case Cadence::kNone:
      break;
  }
  return "none";
}

std::string Config::Where(const std::string& pointer) const {
  const auto found = positions.find(pointer);
  const Position at = found == positions.end() ? Position{} : found->second;
  return file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

Config DefaultConfig(const fs::path& root) {
  Config config;
  config.root = root;
  for (const char* key : {"schema", "include", "exclude", "select", "extend-select", "ignore", "severity",
                          "per-file-ignores", "fail-on", "schemas", "custom-rules", "max-file-size", "max-brackets",
                          "max-diagnostics", "max-parse-memory", "series", "cache-dir"}) {
    config.origin[key] = "default";
  }
  return config;
}

std::optional<Config> LoadConfig(const std::string& path, std::string* error) {
  std::optional<YamlFile> yaml = ReadYamlFile(path, error);
  if (!yaml) return std::nullopt;
  std::error_code ignored;
  const fs::path absolute = fs::absolute(path, ignored);
  Config config = DefaultConfig(absolute.parent_path());
  config.file = path;
  config.positions = std::move(yaml->positions);
  if (yaml->data.is_null()) yaml->data = json::object();  // an empty file means the defaults

  const std::vector<SchemaViolation> violations = ConfigSchema().Validate(yaml->data, "the configuration");
  if (!violations.empty()) {
    const SchemaViolation& first = violations.front();
    std::string message = first.message;
    const std::string prefix = "unknown key '";
    if (first.pointer == "/language") {
      message =
          "'language' was removed: the Alphaxiv URL, language segment included, is now the schema's "
          "(x-digestlint links[].url); see README, \"Describing your blog's format\"";
    } else if (message.rfind(prefix, 0) == 0) {
      // A misspelt key: suggest the closest one the schema allows at that place.
      const std::string key = message.substr(prefix.size(), message.size() - prefix.size() - 1);
      json::json_pointer parent(first.pointer);
      parent.pop_back();
      std::vector<std::string> allowed;
      if (const json* rules = ConfigSchema().SubSchemaAt(parent.to_string()); rules && rules->contains("properties")) {
        for (const auto& [name, unused] : (*rules)["properties"].items()) allowed.push_back(name);
      }
      if (const std::string suggestion = ClosestMatch(key, allowed); !suggestion.empty()) {
        message += " (did you mean '" + suggestion + "'?)";
      }
    }
    *error = config.Where(first.pointer) + ": " + message;
    return std::nullopt;
  }

  const json& data = yaml->data;
  if (data.contains("schema") && data.contains("schemas")) {
    *error = config.Where("/schemas") + ": use either 'schema' (one schema for every post) or 'schemas' (one per glob)";
    return std::nullopt;
  }
  const auto set = [&](const char* key, auto apply) {
    if (!data.contains(key)) return;
    apply(data[key]);
    config.origin[key] = path;
  };
  set("schema",
      [&](const json& v) { config.schema = (config.root / v.get<std::string>()).lexically_normal().string(); });
  set("include", [&](const json& v) { config.include = Strings(v); });
  set("exclude", [&](const json& v) { config.exclude = Strings(v); });
  set("select", [&](const json& v) { config.select = Strings(v); });
  set("extend-select", [&](const json& v) { config.extend_select = Strings(v); });
  set("ignore", [&](const json& v) { config.ignore = Strings(v); });
  set("severity", [&](const json& v) { config.severity = v.get<std::map<std::string, std::string>>(); });
  set("per-file-ignores", [&](const json& v) {
    for (const auto& [glob, rules] : v.items()) config.per_file_ignores.emplace_back(glob, Strings(rules));
  });
  set("fail-on", [&](const json& v) { config.fail_on = v.get<std::string>(); });
  set("schemas", [&](const json& v) {
    for (const json& entry : v) {
      const json& files = entry.at("files");
      config.schemas.push_back(Config::SchemaForFiles{
          files.is_string() ? std::vector<std::string>{files.get<std::string>()} : Strings(files),
          (config.root / entry.at("schema").get<std::string>()).lexically_normal().string()});
    }
  });
  set("custom-rules", [&](const json& v) { config.custom_rules = Strings(v); });
  set("max-file-size", [&](const json& v) { config.max_file_size = v.get<size_t>(); });
  set("max-brackets", [&](const json& v) { config.max_brackets = v.get<size_t>(); });
  set("max-diagnostics", [&](const json& v) { config.max_diagnostics = v.get<size_t>(); });
  set("max-parse-memory", [&](const json& v) { config.max_parse_memory = v.get<size_t>(); });
  set("cache-dir",
      [&](const json& v) { config.cache_dir = (config.root / v.get<std::string>()).lexically_normal().string(); });
  std::string series_error;
  set("series", [&](const json& v) { series_error = ReadSeries(v, config); });
  if (!series_error.empty()) {
    *error = series_error;
    return std::nullopt;
  }
  return config;
}

fs::path WorkingDirectory() {
  std::error_code error;
  fs::path directory = fs::current_path(error);
  return error ? fs::path("/") : directory;
}

std::string FindConfigFile(const fs::path& folder) {
  std::error_code error;
  fs::path current = fs::absolute(folder, error);
  for (;;) {
    for (const char* name : {".digestlint.yaml", ".digestlint.yml"}) {
      // Anything by that name, even a folder, a FIFO, a device or a dangling link:
      // loading it then says why it cannot be used, rather than skipping it silently.
      if (fs::symlink_status(current / name, error).type() != fs::file_type::not_found) {
        return (current / name).string();
      }
    }
    if (fs::exists(current / ".git", error) || !current.has_parent_path() || current.parent_path() == current) {
      return "";
    }
    current = current.parent_path();
  }
}

}  // namespace digestlint
