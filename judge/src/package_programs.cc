// Programs of the package: output and input validators, simulators, included files,
// graders, scenarios, and the statements.
#include <algorithm>

#include "koodikoe/try.h"
#include "package_reader.h"
#include "scenario.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

Result<void> PackageReader::CollectFiles(const std::string& path, const std::string& display,
                                         const std::string& prefix,
                                         std::vector<std::string>& files) {
  KOODIKOE_TRY(auto entries, List(path, display));
  for (const Entry& entry : entries) {
    if (entry.is_dir) {
      KOODIKOE_TRY_VOID(CollectFiles(entry.path, entry.display, prefix + entry.name + "/", files));
    } else {
      files.push_back(prefix + entry.name);
    }
  }
  return {};
}

Result<ProgramSource> PackageReader::ReadProgram(const Entry& entry) {
  ProgramSource program;
  program.name = entry.name;
  program.path = entry.path;
  program.is_directory = entry.is_dir;
  program.from_package = true;
  if (!entry.is_dir) {
    program.files.push_back(entry.name);
    return program;
  }
  KOODIKOE_TRY_VOID(CollectFiles(entry.path, entry.display, "", program.files));
  if (program.files.empty()) return PackageFail(entry.display, "is an empty program directory");
  for (const std::string& file : program.files) {
    if (file == "build") program.has_build_script = true;
    if (file == "run") program.has_run_script = true;
  }
  return program;
}

Result<void> PackageReader::ReadSimulators() {
  bool is_dir = false;
  if (!Exists("simulators", &is_dir) || !is_dir) {
    return PackageFail("simulators", "missing; an " + package_.koodikoe.kind +
                                         " exercise needs its simulator there");
  }
  KOODIKOE_TRY(auto entries, List(dir_ + "/simulators", "simulators"));
  if (entries.size() != 1) {
    return PackageFail("simulators", "must hold exactly one simulator (a file or a directory)");
  }
  KOODIKOE_TRY(auto program, ReadProgram(entries.front()));
  package_.output_validators.push_back(std::move(program));
  return {};
}

Result<void> PackageReader::ReadValidators() {
  bool is_dir = false;
  // Every program in the folder, if there is one.
  auto read_folder = [&](const std::string& folder,
                         std::vector<ProgramSource>& programs) -> Result<void> {
    bool is_folder = false;
    if (!Exists(folder, &is_folder) || !is_folder) return {};
    KOODIKOE_TRY(auto entries, List(dir_ + "/" + folder, folder));
    for (const Entry& entry : entries) {
      KOODIKOE_TRY(auto program, ReadProgram(entry));
      programs.push_back(std::move(program));
    }
    return {};
  };
  if (ScoredBySimulator(package_.kind)) {
    if (Exists("output_validators") || Exists("output_validator")) {
      return PackageFail("output_validators", "an " + package_.koodikoe.kind +
                                                  " exercise is scored by its simulator in "
                                                  "simulators/; remove the output validator");
    }
    KOODIKOE_TRY_VOID(ReadSimulators());
  }
  KOODIKOE_TRY_VOID(read_folder("output_validators", package_.output_validators));
  if (Exists("output_validator", &is_dir) && is_dir) {
    KOODIKOE_TRY(auto resolved, ResolveInside(dir_ + "/output_validator", "output_validator"));
    KOODIKOE_TRY(auto program,
                 ReadProgram(Entry{"output_validator", resolved, "output_validator", true}));
    package_.output_validators.push_back(std::move(program));
  }
  if (!package_.output_validators.empty() && !IsLegacy()) {
    package_.custom_output_validation = true;  // newer formats: presence means custom
  }
  if (package_.custom_output_validation && package_.output_validators.empty()) {
    return PackageFail("problem.yaml",
                       "asks for a custom output validator (validation: custom, interactive or "
                       "multi-pass) but output_validators/ is missing or empty");
  }
  if (!package_.custom_output_validation && !package_.output_validators.empty()) {
    package_.warnings.push_back(
        "output_validators/ is present but problem.yaml says `validation: default`; the default "
        "validator is used");
  }
  if (package_.interactive && package_.output_validators.size() > 1) {
    return PackageFail("output_validators", "an interactive problem needs exactly one validator");
  }

  return read_folder("input_validators", package_.input_validators);
}

Result<void> PackageReader::ReadIncludes() {
  bool is_dir = false;
  if (!Exists("include", &is_dir) || !is_dir) return {};
  KOODIKOE_TRY(auto entries, List(dir_ + "/include", "include"));
  for (const Entry& entry : entries) {
    if (!entry.is_dir) {
      package_.warnings.push_back(entry.display + ": include/ holds one directory per language");
      continue;
    }
    package_.include_dirs[CanonicalLanguage(entry.name)] = entry.path;
  }
  return {};
}

Result<void> PackageReader::ReadGraders() {
  bool is_dir = false;
  if (!Exists("graders", &is_dir) || !is_dir) {
    return PackageFail("graders",
                       "missing; a grader exercise keeps its harness in graders/<language>/");
  }
  KOODIKOE_TRY(auto entries, List(dir_ + "/graders", "graders"));
  std::vector<std::string> languages;
  for (const Entry& entry : entries) {
    if (!entry.is_dir) {
      return PackageFail(entry.display,
                         "graders/ holds one directory per language (c/, cpp/) and default/");
    }
    std::string language = CanonicalLanguage(entry.name);
    // The harness replaces include/ for its language: it provides main.
    package_.include_dirs[language] = entry.path;
    if (language != "default") languages.push_back(language);
  }
  if (languages.empty()) {
    return PackageFail("graders", "has no harness: add graders/c/ or graders/cpp/");
  }
  if (package_.languages.empty()) {
    package_.languages = languages;  // only languages with a harness can be judged
  } else {
    for (const std::string& language : package_.languages) {
      if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
        return PackageFail("problem.yaml",
                           "allows " + language + " but graders/ has no harness for it");
      }
    }
  }
  return {};
}

Result<void> PackageReader::ReadScenarios() {
  KOODIKOE_TRY(auto resolved,
               RequireDir("scenarios", "a service exercise keeps its scenarios/*.yaml there"));
  KOODIKOE_TRY(auto entries, List(resolved, "scenarios"));
  package_.scenarios_dir = resolved;
  TestGroup group;
  group.name = "scenarios";
  group.dir = resolved;
  group.settings.break_on_reject = false;  // every scenario is scored on its own
  group.settings.aggregation = Aggregation::kSum;
  double total = 0;
  for (const Entry& entry : entries) {
    if (entry.is_dir || !(EndsWith(entry.name, ".yaml") || EndsWith(entry.name, ".yml"))) {
      package_.warnings.push_back(entry.display + ": not a scenario (*.yaml); ignored");
      continue;
    }
    if (entry.path.substr(0, entry.path.rfind('/')) != resolved) {
      return PackageFail(entry.display,
                         "must be a file of scenarios/ itself, not a link elsewhere");
    }
    KOODIKOE_TRY(auto scenario, LoadScenario(entry.path, entry.display));
    TestCase test;
    std::string stem = entry.name.substr(0, entry.name.rfind('.'));
    test.name = "scenarios/" + stem;
    test.group = group.name;
    test.input_path = entry.path;
    test.answer_path = "/dev/null";
    test.points = scenario.points;
    test.description = scenario.name;
    // A sample scenario is what "run on the examples" plays; its feedback is the candidate's.
    test.is_sample = scenario.sample;
    total += scenario.points;
    group.cases.push_back(static_cast<int>(package_.cases.size()));
    package_.cases.push_back(std::move(test));
  }
  if (group.cases.empty()) {
    return PackageFail("scenarios", "has no scenarios; add NAME.yaml files");
  }
  // No scenario marked `sample: true`: the first one (file order; scenarios are numbered from
  // the simplest) is the example, so running on the examples always plays something.
  bool any_sample = false;
  for (int index : group.cases) {
    any_sample = any_sample || package_.cases[static_cast<size_t>(index)].is_sample;
  }
  if (!any_sample) package_.cases[static_cast<size_t>(group.cases.front())].is_sample = true;
  group.settings.max_score = total;
  package_.root.name = "";
  package_.root.groups.push_back(std::move(group));
  if (Exists("data")) {
    package_.warnings.push_back(
        "data/: a service exercise is judged by scenarios/; data/ is unused");
  }
  return {};
}

Result<void> PackageReader::ReadStarters() {
  bool is_dir = false;
  if (!Exists("starter", &is_dir)) return {};
  if (!is_dir) return PackageFail("starter", "must be a directory of files, one per language");
  KOODIKOE_TRY(auto entries, List(dir_ + "/starter", "starter"));
  for (const Entry& entry : entries) {
    if (entry.is_dir) {
      package_.warnings.push_back(entry.display +
                                  ": starter/ holds one file per language (driver.c, "
                                  "driver.cpp...); the directory is ignored");
      continue;
    }
    package_.starters[entry.name] = entry.path;
  }
  return {};
}

Result<void> PackageReader::ReadStatements() {
  for (const char* folder : {"problem_statement", "statement"}) {
    bool is_dir = false;
    if (!Exists(folder, &is_dir) || !is_dir) continue;
    KOODIKOE_TRY(auto entries, List(dir_ + "/" + folder, folder));
    for (const Entry& entry : entries) {
      if (entry.is_dir || !StartsWith(entry.name, "problem.")) continue;
      // problem.en.md, problem.fi.tex, or legacy problem.tex (English).
      std::string rest = entry.name.substr(8);
      size_t dot = rest.find('.');
      std::string language = dot == std::string::npos ? "en" : rest.substr(0, dot);
      if (language == "md" || language == "tex" || language == "pdf") language = "en";
      // Markdown wins over LaTeX and PDF for the same language: the platform renders it.
      if (!package_.statements.count(language) || EndsWith(entry.name, ".md")) {
        package_.statements[language] = entry.path;
      }
    }
  }
  return {};
}

// ---------------------------------------------------------------------------- test data

}  // namespace judge
