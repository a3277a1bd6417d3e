#include "post_generator.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

namespace digestlint::generator {

namespace {

enum class Fault {
  kDropSection,       // DL201
  kSwapSections,      // DL202
  kDuplicateSection,  // DL203
  kWrongLevel,        // DL204
  kEmptySection,      // DL205
  kHttpArxiv,         // DL302
  kInvalidArxivId,    // DL303
  kNoAlphaxiv,        // DL301 (the Alphaxiv link)
  kWrongLanguage,     // DL302 (the Alphaxiv link)
  kAlphaxivMismatch,  // DL307
  kNumberGap,         // DL401
  kTitleSpaces,       // DL501
  kCount,
};

constexpr const char* kSections[] = {"Introduction", "Method", "Results", "Limitations", "Conclusion"};
constexpr const char* kWords[] = {"모델",      "학습",  "데이터", "성능",      "방법", "결과",      "실험", "제안",
                                  "diffusion", "token", "LLM",    "benchmark", "추론", "attention", "효율", "평가"};
constexpr const char* kTitleWords[] = {"Learning", "Sparse",   "Diffusion", "Models",  "Efficient", "Reasoning",
                                       "Vision",   "Language", "Attention", "Scaling", "Agents",    "Robust"};

struct PaperPlan {
  int number = 0;
  std::string id;
  std::string title;
  std::set<Fault> faults;
};

class Writer {
 public:
  void Line(const std::string& text) {
    text_ += text + "\n";
    ++line_;
  }
  int next_line() const { return line_; }  // the line the next Line() writes
  std::string text() const { return text_; }

 private:
  std::string text_;
  int line_ = 1;
};

class PostMaker {
 public:
  PostMaker(uint64_t seed, int index, const GeneratorOptions& options)
      : random_(seed * 1000003u + static_cast<uint64_t>(index)), options_(options), index_(index) {}

  GeneratedPost Make() {
    year_ = Uniform(2016, 2025);
    month_ = Uniform(1, 12);
    day_ = Uniform(1, 28);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year_, month_, day_);
    post_.file_name = std::string(date) + "-daily-papers-" + std::to_string(index_) + ".md";

    const int paper_count = Uniform(options_.min_papers, options_.max_papers);
    std::vector<PaperPlan> papers = PlanPapers(paper_count);
    const bool date_fault = Chance(options_.fault_rate * 0.15);
    const bool hour_fault = !date_fault && Chance(options_.fault_rate * 0.1);

    writer_.Line("---");
    writer_.Line("layout: post");
    const std::string title_date = date_fault ? ShiftedDate() : date;
    if (date_fault) Record("DL106", 8, "title date " + title_date + " differs from date " + date);
    writer_.Line("title: \"Daily Papers — " + title_date + "\"");
    if (hour_fault) Record("DL105", 7, "hour 25");
    writer_.Line("date: " + std::string(date) + (hour_fault ? " 25:10:00" : " 08:15:00"));
    writer_.Line("tags: [papers, hugginface]");
    writer_.Line("categories: []");
    writer_.Line("---");
    writer_.Line("");
    for (size_t i = 0; i < papers.size(); ++i) WritePaper(papers, i);
    post_.text = writer_.text();
    return post_;
  }

 private:
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool Chance(double p) { return std::bernoulli_distribution(std::clamp(p, 0.0, 1.0))(random_); }

  void Record(const std::string& rule, int column, const std::string& description) {
    post_.faults.push_back(InjectedFault{rule, writer_.next_line(), column, description});
  }

  std::string ShiftedDate() const {
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year_, month_, day_ == 1 ? 2 : day_ - 1);
    return date;
  }

  std::vector<PaperPlan> PlanPapers(int count) {
    std::vector<PaperPlan> papers(static_cast<size_t>(count));
    std::set<std::string> used;
    for (int i = 0; i < count; ++i) {
      PaperPlan& paper = papers[static_cast<size_t>(i)];
      paper.number = i + 1;
      do {
        const int yymm_year = Uniform(std::max(16, year_ % 100 - 1), year_ % 100);
        const int yymm_month = yymm_year == year_ % 100 ? Uniform(1, month_) : Uniform(1, 12);
        char id[32];
        std::snprintf(id, sizeof id, "%02d%02d.%05d", yymm_year, yymm_month, Uniform(0, 99999));
        paper.id = id;
      } while (!used.insert(paper.id).second);
      const int words = Uniform(3, 8);
      for (int w = 0; w < words; ++w) paper.title += (w ? " " : "") + std::string(kTitleWords[Uniform(0, 11)]);
    }
    if (!Chance(options_.fault_rate)) return papers;
    const int faults = Uniform(1, std::min(options_.max_faults, count));
    std::vector<int> order(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) order[static_cast<size_t>(i)] = i;
    std::shuffle(order.begin(), order.end(), random_);
    for (int f = 0; f < faults; ++f) {
      const int target = order[static_cast<size_t>(f)];
      Fault fault = static_cast<Fault>(Uniform(0, static_cast<int>(Fault::kCount) - 1));
      // A mismatch needs another paper's ID; a gap needs papers after it to stay single.
      if (fault == Fault::kAlphaxivMismatch && count < 2) fault = Fault::kTitleSpaces;
      papers[static_cast<size_t>(target)].faults.insert(fault);
    }
    // A gap renumbers every later paper, so later papers continue from it.
    int shift = 0;
    for (PaperPlan& paper : papers) {
      if (paper.faults.count(Fault::kNumberGap)) ++shift;
      paper.number += shift;
    }
    return papers;
  }

  std::string Sentence() {
    std::string sentence;
    const int words = Uniform(6, 18);
    for (int w = 0; w < words; ++w) sentence += (w ? " " : "") + std::string(kWords[Uniform(0, 15)]);
    return sentence + ".  ";
  }

  void WritePaper(const std::vector<PaperPlan>& papers, size_t index) {
    const PaperPlan& paper = papers[index];
    const auto has = [&](Fault fault) { return paper.faults.count(fault) > 0; };
    const std::string number = std::to_string(paper.number);
    std::string title = paper.title;
    int title_fault_column = 0;
    if (has(Fault::kTitleSpaces)) {
      const size_t space = title.find(' ');
      title.replace(space, 1, "   ");
      title_fault_column = static_cast<int>(2 + number.size() + 4 + space);  // after "# N. ["
    }
    std::string id = paper.id;
    if (has(Fault::kInvalidArxivId)) id.replace(2, 2, "13");
    const std::string url = (has(Fault::kHttpArxiv) ? "http" : "https") + std::string("://arxiv.org/abs/") + id;
    const int url_column = static_cast<int>(2 + number.size() + 2 + 1 + title.size() + 2 + 1);
    const bool gap = has(Fault::kNumberGap);
    if (gap) Record("DL401", 3, "number " + number + " skips one");
    if (title_fault_column) Record("DL501", title_fault_column, "three spaces in the title");
    if (has(Fault::kHttpArxiv)) Record("DL302", url_column, "http scheme");
    if (has(Fault::kInvalidArxivId)) Record("DL303", url_column, "month 13");
    if (has(Fault::kNoAlphaxiv)) Record("DL301", 1, "no Alphaxiv line");
    const int heading_line = writer_.next_line();
    writer_.Line("# " + number + ". [" + title + "](" + url + ")");
    writer_.Line("");
    if (!has(Fault::kNoAlphaxiv)) {
      std::string alphaxiv_id = id;
      if (has(Fault::kAlphaxivMismatch)) {
        alphaxiv_id = papers[(index + 1) % papers.size()].id;
        Record("DL307", 14, "Alphaxiv ID of another paper");
      }
      const std::string language = has(Fault::kWrongLanguage) ? "en" : "ko";
      if (has(Fault::kWrongLanguage)) Record("DL302", 14, "language en");
      writer_.Line("> [Alphaxiv](https://www.alphaxiv.org/" + language + "/overview/" + alphaxiv_id + ")");
      writer_.Line("");
    }

    std::vector<std::string> sections(std::begin(kSections), std::end(kSections));
    // Each faulty paper has exactly one fault, so faults do not interact.
    if (has(Fault::kDropSection)) {
      const int dropped = Uniform(0, 4);
      post_.faults.push_back(InjectedFault{"DL201", heading_line, 1, "no " + sections[static_cast<size_t>(dropped)]});
      sections.erase(sections.begin() + dropped);
    }
    if (has(Fault::kSwapSections)) std::swap(sections[1], sections[2]);  // Results before Method
    const int empty_index = has(Fault::kEmptySection) ? Uniform(1, static_cast<int>(sections.size()) - 1) : -1;
    const int wrong_level_index = has(Fault::kWrongLevel) ? Uniform(1, static_cast<int>(sections.size()) - 1) : -1;
    for (size_t s = 0; s < sections.size(); ++s) {
      const std::string& name = sections[s];
      const bool wrong_level = static_cast<int>(s) == wrong_level_index;
      if (has(Fault::kSwapSections) && name == "Method") Record("DL202", 1, "Method after Results");
      if (wrong_level) Record("DL204", 1, "### " + name);
      const bool empty = static_cast<int>(s) == empty_index && !wrong_level;
      if (empty) Record("DL205", 1, name + " left empty");
      writer_.Line((wrong_level ? "### " : "## ") + name + (Chance(0.5) ? "  " : ""));
      WriteSectionBody(name, empty);
      if (has(Fault::kDuplicateSection) && name == "Results") {
        Record("DL203", 1, "Results twice");
        writer_.Line("## Results");
        WriteSectionBody(name, false);
      }
    }
  }

  void WriteSectionBody(const std::string& name, bool empty) {
    if (!empty) {
      if (name == "Introduction") {
        for (const char* label : {"Goal", "Motivation", "Contribution"})
          writer_.Line(std::string("- ") + label + ": " + Sentence());
      } else {
        const int lines = Uniform(1, 4) * options_.body_scale;
        for (int l = 0; l < lines; ++l) writer_.Line(Sentence());
      }
    }
    writer_.Line("");
  }

  std::mt19937_64 random_;
  GeneratorOptions options_;
  int index_;
  int year_ = 0;
  int month_ = 0;
  int day_ = 0;
  Writer writer_;
  GeneratedPost post_;
};

}  // namespace

GeneratedPost GeneratePost(uint64_t seed, int index, const GeneratorOptions& options) {
  return PostMaker(seed, index, options).Make();
}

}  // namespace digestlint::generator
