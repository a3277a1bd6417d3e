#include "yaml_file.h"

#include "linter.h"

namespace digestlint {

std::optional<YamlFile> ReadYamlFile(const std::string& path, std::string* error, const FrontMatterLimits& limits) {
  const auto fail = [&](Position at, const std::string& message) {
    *error = path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message;
    return std::nullopt;
  };
  std::string problem;
  std::optional<std::string> bytes = ReadPostFile(path, &problem);
  if (!bytes) return fail(Position{}, "cannot read the file: " + problem);
  const SourceText source(std::move(*bytes));
  if (const auto encoding = FindEncodingProblem(source.text())) {
    return fail(source.PositionOf(encoding->offset), encoding->reason);
  }
  YamlDocument yaml = ParseYaml(source.text(), 0, limits);
  if (!yaml.ok) return fail(source.PositionOf(yaml.error_offset), "not valid YAML: " + yaml.error);
  if (!yaml.out_of_range.empty()) {
    const OutOfRangeNumber& number = yaml.out_of_range.front();
    return fail(source.PositionOf(yaml.locations[number.pointer].key), Describe(number, "the file"));
  }
  YamlFile file;
  file.data = std::move(yaml.data);
  for (const auto& [pointer, location] : yaml.locations) file.positions[pointer] = source.PositionOf(location.key);
  return file;
}

}  // namespace digestlint
