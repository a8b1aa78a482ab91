#include "words.h"

namespace judge {

namespace {

template <class Value>
const char* WordOf(const WordTable<Value>& table, Value value, const char* otherwise) {
  for (const auto& [word, named] : table) {
    if (named == value) return word.c_str();
  }
  return otherwise;
}

}  // namespace

const WordTable<Verdict>& VerdictWords() {
  static const WordTable<Verdict> kWords = {
      {"accepted", Verdict::kAccepted},
      {"wrong_answer", Verdict::kWrongAnswer},
      {"time_limit_exceeded", Verdict::kTimeLimit},
      {"memory_limit_exceeded", Verdict::kMemoryLimit},
      {"output_limit_exceeded", Verdict::kOutputLimit},
      {"run_time_error", Verdict::kRunTimeError},
      {"compile_error", Verdict::kCompileError},
      {"judging_error", Verdict::kJudgingError},
  };
  return kWords;
}

const WordTable<ExerciseKind>& ExerciseKindWords() {
  static const WordTable<ExerciseKind> kWords = {
      {"batch", ExerciseKind::kBatch},   {"interactive", ExerciseKind::kInteractive},
      {"grader", ExerciseKind::kGrader}, {"service", ExerciseKind::kService},
      {"iot", ExerciseKind::kIot},       {"game", ExerciseKind::kGame}};
  return kWords;
}

const WordTable<CaseClass>& CaseClassWords() {
  static const WordTable<CaseClass> kWords = {{"AC", CaseClass::kAccepted},
                                              {"WA", CaseClass::kWrongAnswer},
                                              {"TLE", CaseClass::kTimeLimit},
                                              {"RTE", CaseClass::kRunTimeError}};
  return kWords;
}

const WordTable<Conventions>& ConventionsWords() {
  static const WordTable<Conventions> kWords = {{"kattis", Conventions::kKattis},
                                                {"domjudge", Conventions::kDomjudge}};
  return kWords;
}

const WordTable<ValidatorStyle>& ValidatorStyleWords() {
  static const WordTable<ValidatorStyle> kWords = {{"kattis", ValidatorStyle::kKattis},
                                                   {"testlib", ValidatorStyle::kTestlib}};
  return kWords;
}

const char* VerdictWord(Verdict verdict) {
  return WordOf(VerdictWords(), verdict, "judging_error");
}

std::optional<Verdict> VerdictFromWord(std::string_view word) {
  for (const auto& [text, verdict] : VerdictWords()) {
    if (text == word) return verdict;
  }
  return std::nullopt;
}

const char* CompileStatusWord(CompileStatus status) {
  static const WordTable<CompileStatus> kWords = {{"ok", CompileStatus::kOk},
                                                  {"compile_error", CompileStatus::kCompileError},
                                                  {"skipped", CompileStatus::kSkipped}};
  return WordOf(kWords, status, "skipped");
}

const char* CaseClassCode(CaseClass case_class) {
  return WordOf(CaseClassWords(), case_class, "RTE");
}

const char* FormatVersionName(FormatVersion version) {
  static const WordTable<FormatVersion> kNames = {{"legacy", FormatVersion::kLegacy},
                                                  {"2023-07-draft", FormatVersion::k2023_07},
                                                  {"2025-09", FormatVersion::k2025_09}};
  return WordOf(kNames, version, "legacy");
}

const char* ExerciseKindWord(ExerciseKind kind) {
  return WordOf(ExerciseKindWords(), kind, "batch");
}

}  // namespace judge
