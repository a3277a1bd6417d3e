#include "schema_graph.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <utility>

namespace digestlint {

using nlohmann::json;

size_t SchemaGraph::Add(const std::string& pointer, std::vector<size_t>* pending) {
  const auto [found, added] = index.emplace(pointer, nodes.size());
  if (added) {
    nodes.push_back(pointer);
    same_value.emplace_back();
    part_of_value.emplace_back();
    pending->push_back(found->second);
  }
  return found->second;
}

// Unescaped reference tokens of a JSON pointer: "/tags/0" gives {"tags", "0"}.
std::vector<std::string> PointerTokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  json::json_pointer remaining(pointer);
  while (!remaining.empty()) {
    tokens.insert(tokens.begin(), remaining.back());
    remaining.pop_back();
  }
  return tokens;
}

// "/tags/0" from tokens, and tokens from "/tags/0".
std::string PointerOf(const std::vector<std::string>& tokens) {
  json::json_pointer pointer;
  for (const std::string& token : tokens) pointer /= token;
  return pointer.to_string();
}

// "#/definitions/a%20b" -> "/definitions/a b", as valijson reads a local $ref.
std::optional<std::string> LocalReference(const std::string& reference) {
  if (reference.empty() || reference.front() != '#') return std::nullopt;
  std::string pointer;
  for (size_t i = 1; i < reference.size(); ++i) {
    if (reference[i] == '%' && i + 2 < reference.size() &&
        std::isxdigit(static_cast<unsigned char>(reference[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(reference[i + 2]))) {
      unsigned byte = 0;
      std::from_chars(reference.data() + i + 1, reference.data() + i + 3, byte, 16);
      pointer += static_cast<char>(byte);
      i += 2;
    } else {
      pointer += reference[i];
    }
  }
  pointer.erase(pointer.find_last_not_of('/') + 1);  // as valijson trims trailing slashes
  return pointer;
}

bool ValidPointer(const std::string& pointer) {
  try {
    json::json_pointer parsed(pointer);
    return true;
  } catch (const json::parse_error&) {
    return false;
  }
}

std::string Located(const std::string& pointer, const std::string& what) {
  return (pointer.empty() ? std::string("the schema") : pointer) + ": " + what;
}

namespace {

// Whether `value` (at `path`) holds a value nested deeper than kMaxJsonDepth; sets
// `where` to the first value beyond the limit.
bool TooDeep(const json& value, std::vector<std::string>& path, std::string* where) {
  if (!value.is_structured()) return false;
  if (path.size() >= static_cast<size_t>(kMaxJsonDepth)) {
    *where = PointerOf(path);
    return true;
  }
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      path.push_back(key);
      if (TooDeep(child, path, where)) return true;
      path.pop_back();
    }
  } else {
    for (size_t i = 0; i < value.size(); ++i) {
      path.push_back(std::to_string(i));
      if (TooDeep(value[i], path, where)) return true;
      path.pop_back();
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> DeeperThanLimit(const json& value) {
  std::vector<std::string> path;
  std::string where;
  if (TooDeep(value, path, &where)) return where;
  return std::nullopt;
}

namespace {

// Walks the schema positions of `document` from its root, following $refs.
SchemaGraph FindSchemas(const json& document) {
  SchemaGraph graph;
  std::vector<size_t> pending;
  graph.Add("", &pending);
  while (!pending.empty()) {
    const size_t node = pending.back();
    pending.pop_back();
    const std::string pointer = graph.nodes[node];
    const json& schema = document.at(json::json_pointer(pointer));
    if (!schema.is_object()) continue;  // true, false
    const auto edge = [&](bool same_value, const std::string& child) {
      const size_t target = graph.Add(child, &pending);
      (same_value ? graph.same_value : graph.part_of_value)[node].push_back(target);
    };
    const auto child = [&](const std::string& keyword) { return (json::json_pointer(pointer) / keyword).to_string(); };
    if (schema.contains("$ref") && schema["$ref"].is_string()) {
      // valijson follows only the reference and ignores the rest of the object.
      const std::string reference = schema["$ref"];
      const std::optional<std::string> target = LocalReference(reference);
      if (!target) {
        throw SchemaError(child("$ref") + ": '" + reference +
                          "' is not supported: only references inside the schema ('#/...') are");
      }
      if (!ValidPointer(*target) || !document.contains(json::json_pointer(*target))) {
        throw SchemaError(child("$ref") + ": '" + reference + "' refers to nothing in the schema");
      }
      graph.references.push_back(*target);
      edge(true, *target);
      continue;
    }
    for (const char* keyword : {"not", "if", "then", "else"}) {
      if (schema.contains(keyword)) edge(true, child(keyword));
    }
    for (const char* keyword : {"additionalItems", "additionalProperties", "contains", "propertyNames"}) {
      if (schema.contains(keyword)) edge(false, child(keyword));
    }
    if (schema.contains("items")) {
      if (schema["items"].is_array()) {
        for (size_t i = 0; i < schema["items"].size(); ++i) edge(false, child("items") + "/" + std::to_string(i));
      } else {
        edge(false, child("items"));
      }
    }
    for (const char* keyword : {"allOf", "anyOf", "oneOf"}) {
      if (!schema.contains(keyword) || !schema[keyword].is_array()) continue;
      for (size_t i = 0; i < schema[keyword].size(); ++i) edge(true, child(keyword) + "/" + std::to_string(i));
    }
    for (const char* keyword : {"properties", "patternProperties", "dependencies", "definitions"}) {
      if (!schema.contains(keyword) || !schema[keyword].is_object()) continue;
      if (std::string_view(keyword) == "patternProperties") graph.pattern_properties.insert(child(keyword));
      for (const auto& [name, value] : schema[keyword].items()) {
        const std::string member = (json::json_pointer(child(keyword)) / name).to_string();
        if (std::string_view(keyword) == "definitions") {
          graph.Add(member, &pending);  // compiled only where referred to
        } else if (std::string_view(keyword) != "dependencies") {
          edge(false, member);
        } else if (value.is_object() || value.is_boolean()) {
          edge(true, member);  // a schema the whole value must meet, when the key is there
        }
      }
    }
  }
  return graph;
}

// The schemas on a cycle that never descends into the value (valijson would
// recurse forever), first one repeated at the end; empty when there is none.
std::vector<std::string> SameValueCycle(const SchemaGraph& graph) {
  enum class State { kNew, kOnPath, kDone };
  std::vector<State> state(graph.nodes.size(), State::kNew);
  for (size_t start = 0; start < graph.nodes.size(); ++start) {
    if (state[start] != State::kNew) continue;
    std::vector<std::pair<size_t, size_t>> path = {{start, 0}};  // node, next edge
    state[start] = State::kOnPath;
    while (!path.empty()) {
      auto& [node, next] = path.back();
      if (next == graph.same_value[node].size()) {
        state[node] = State::kDone;
        path.pop_back();
        continue;
      }
      const size_t target = graph.same_value[node][next++];
      if (state[target] == State::kOnPath) {
        std::vector<std::string> cycle;
        for (const auto& step : path) {
          if (!cycle.empty() || step.first == target) cycle.push_back(graph.nodes[step.first]);
        }
        cycle.push_back(graph.nodes[target]);
        return cycle;
      }
      if (state[target] == State::kNew) {
        state[target] = State::kOnPath;
        path.emplace_back(target, 0);
      }
    }
  }
  return {};
}

// An upper bound on how deep valijson recurses through the schema: the longest
// path through its schemas, where a set of schemas that lead to each other
// (a recursive schema) counts each of its members once. Returns that length
// and the schema the path ends at.
std::pair<size_t, std::string> LongestChain(const SchemaGraph& graph) {
  const size_t count = graph.nodes.size();
  const auto edges = [&](size_t node) {
    std::vector<size_t> all = graph.same_value[node];
    all.insert(all.end(), graph.part_of_value[node].begin(), graph.part_of_value[node].end());
    return all;
  };
  // Tarjan's strongly connected components, without recursion.
  std::vector<size_t> order(count, SIZE_MAX);
  std::vector<size_t> low(count, 0);
  std::vector<size_t> component(count, SIZE_MAX);
  std::vector<bool> on_stack(count, false);
  std::vector<size_t> stack;
  std::vector<size_t> component_size;
  size_t counter = 0;
  for (size_t start = 0; start < count; ++start) {
    if (order[start] != SIZE_MAX) continue;
    std::vector<std::pair<size_t, size_t>> path = {{start, 0}};
    order[start] = low[start] = counter++;
    stack.push_back(start);
    on_stack[start] = true;
    while (!path.empty()) {
      const size_t node = path.back().first;
      const std::vector<size_t> next = edges(node);
      if (path.back().second < next.size()) {
        const size_t target = next[path.back().second++];
        if (order[target] == SIZE_MAX) {
          order[target] = low[target] = counter++;
          stack.push_back(target);
          on_stack[target] = true;
          path.emplace_back(target, 0);
        } else if (on_stack[target]) {
          low[node] = std::min(low[node], order[target]);
        }
        continue;
      }
      path.pop_back();
      if (!path.empty()) low[path.back().first] = std::min(low[path.back().first], low[node]);
      if (low[node] != order[node]) continue;
      size_t size = 0;
      for (size_t member = SIZE_MAX; member != node;) {
        member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        component[member] = component_size.size();
        ++size;
      }
      component_size.push_back(size);
    }
  }
  // Tarjan numbers components in reverse topological order: successors first.
  std::vector<size_t> longest(component_size.size(), 0);
  std::vector<size_t> deepest(component_size.size(), 0);  // a node where that path ends
  std::vector<std::vector<size_t>> members(component_size.size());
  for (size_t node = 0; node < count; ++node) members[component[node]].push_back(node);
  for (size_t c = 0; c < component_size.size(); ++c) {
    size_t below = 0;
    deepest[c] = members[c].front();
    for (const size_t node : members[c]) {
      for (const size_t target : edges(node)) {
        const size_t other = component[target];
        if (other != c && longest[other] > below) {
          below = longest[other];
          deepest[c] = deepest[other];
        }
      }
    }
    longest[c] = component_size[c] + below;
  }
  const size_t root = component[0];
  return {longest[root], graph.nodes[deepest[root]]};
}

}  // namespace

std::optional<size_t> FirstTooDeepBracket(std::string_view json_text) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (size_t at = 0; at < json_text.size(); ++at) {
    const char c = json_text[at];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      // The root's brackets are depth 1, so this is DeeperThanLimit's bound.
      if (++depth > kMaxJsonDepth) return at;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

SchemaGraph AnalyzeSchema(const json& document) {
  if (const std::optional<std::string> where = DeeperThanLimit(document)) {
    throw SchemaError(Located(*where, "the schema is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"));
  }
  SchemaGraph graph = FindSchemas(document);
  for (const std::string& target : graph.references) {
    for (const std::string& site : graph.pattern_properties) {
      // valijson's view parks those schemas under another key (json_schema.cc).
      if (target == site || target.rfind(site + "/", 0) == 0) {
        throw SchemaError(Located(target, "a $ref into patternProperties is not supported"));
      }
    }
  }
  if (const std::vector<std::string> cycle = SameValueCycle(graph); !cycle.empty()) {
    std::string steps;
    for (const std::string& step : cycle) steps += (steps.empty() ? "#" : " -> #") + step;
    throw SchemaError(Located(cycle.front(), "the schema refers back to itself without descending into the value (" +
                                                 steps + "), so checking would never end"));
  }
  if (const auto [length, deepest] = LongestChain(graph); length > kMaxSchemaChain) {
    throw SchemaError(Located(deepest, "the schema leads through more than " + std::to_string(kMaxSchemaChain) +
                                           " nested schemas ($ref, allOf, not, properties, ...) to get here"));
  }
  return graph;
}

}  // namespace digestlint
