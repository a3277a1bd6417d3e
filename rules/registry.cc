// The one table of built-in rules. Add a rule here, in code order.
#include "rule.h"

namespace digestlint {

extern const Rule kUnreadableFile;
extern const Rule kNotUtf8Text;
extern const Rule kUnusedSuppression;
extern const Rule kInputTooLarge;
extern const Rule kFrontMatterMissing;
extern const Rule kFrontMatterUnclosed;
extern const Rule kYamlSyntax;
extern const Rule kFrontMatterSchema;
extern const Rule kDateInvalid;
extern const Rule kDateMismatch;
extern const Rule kSectionMissing;
extern const Rule kSectionOrder;
extern const Rule kSectionDuplicate;
extern const Rule kSectionLevel;
extern const Rule kSectionEmpty;
extern const Rule kSectionUnknown;
extern const Rule kBulletLabels;
extern const Rule kArxivLinkMissing;
extern const Rule kArxivLinkMalformed;
extern const Rule kArxivIdInvalid;
extern const Rule kArxivIdFuture;
extern const Rule kAlphaxivLinkMissing;
extern const Rule kAlphaxivLinkMalformed;
extern const Rule kAlphaxivIdMismatch;
extern const Rule kPaperDuplicate;
extern const Rule kPaperNumbering;
extern const Rule kPaperNumberMissing;
extern const Rule kNoPapers;
extern const Rule kTitleWhitespace;
extern const Rule kPostNameUndated;
extern const Rule kPostDateFuture;
extern const Rule kPostUnpublished;
extern const Rule kPaperRepeated;
extern const Rule kDateRepeated;
extern const Rule kDayMissing;
extern const Rule kTagUnusual;

const std::vector<const Rule*>& BuiltinRules() {
  static const std::vector<const Rule*> rules = {
      &kUnreadableFile,
      &kNotUtf8Text,
      &kUnusedSuppression,
      &kInputTooLarge,
      &kFrontMatterMissing,
      &kFrontMatterUnclosed,
      &kYamlSyntax,
      &kFrontMatterSchema,
      &kDateInvalid,
      &kDateMismatch,
      &kSectionMissing,
      &kSectionOrder,
      &kSectionDuplicate,
      &kSectionLevel,
      &kSectionEmpty,
      &kSectionUnknown,
      &kBulletLabels,
      &kArxivLinkMissing,
      &kArxivLinkMalformed,
      &kArxivIdInvalid,
      &kArxivIdFuture,
      &kAlphaxivLinkMissing,
      &kAlphaxivLinkMalformed,
      &kAlphaxivIdMismatch,
      &kPaperDuplicate,
      &kPaperNumbering,
      &kPaperNumberMissing,
      &kNoPapers,
      &kTitleWhitespace,
      &kPostNameUndated,
      &kPostDateFuture,
      &kPostUnpublished,
      &kPaperRepeated,
      &kDateRepeated,
      &kDayMissing,
      &kTagUnusual,
  };
  return rules;
}

}  // namespace digestlint
