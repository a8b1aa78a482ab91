// Stand-ins for a build without the judge module: the server then runs only with the fake
// evaluator of the unit tests.
#include "authoring/authoring.h"
#include "catalogue/catalog.h"
#include "queue/evaluator.h"

namespace web {

using koodikoe::ErrorCode;
using koodikoe::Fail;

bool HaveRealJudge() { return false; }

std::vector<std::string> InstalledLanguages() {
  return {"c", "cpp", "python", "java", "javascript", "rust"};
}

Result<Exercise> LoadExercise(const std::string& package_dir) {
  return Fail(ErrorCode::kUnsupported,
              package_dir + ": this build has no judge module, so packages cannot be read");
}

JudgeOutcome JudgingError(std::string message) {
  nlohmann::json report = {{"verdict", "judging_error"}, {"message", std::move(message)}};
  return {"judging_error", 0, 0, report.dump()};
}

Result<nlohmann::json> EvaluateReal(const JudgeJob&, int, const EmitProgress&) {
  return Fail(ErrorCode::kUnsupported, "this build has no judge module");
}

Result<nlohmann::json> PackageForm(const std::string& package_dir) {
  return Fail(ErrorCode::kUnsupported, package_dir + ": this build has no judge module");
}

Result<void> ApplyForm(const std::string&, const nlohmann::json&, bool) {
  return Fail(ErrorCode::kUnsupported,
              "this build has no judge module, so packages cannot be edited");
}

}  // namespace web
