// Fuzzes the package reader: problem.yaml, testdata.yaml, a case's .yaml, submissions.yaml
// and service scenarios. The first byte picks the file the rest becomes; the package is read
// from a scratch directory. Any result is fine; a crash, a leak or an exception is not.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "judge/package.h"
#include "scenario.h"

namespace {

const std::string& ScratchDir() {
  static const std::string dir = [] {
    std::string pattern = "/tmp/koodikoe-fuzz-package-XXXXXX";
    std::string made = ::mkdtemp(pattern.data());
    std::filesystem::create_directories(made + "/data/secret");
    std::filesystem::create_directories(made + "/submissions/accepted");
    std::filesystem::create_directories(made + "/scenarios");
    std::ofstream(made + "/data/secret/1.in") << "1\n";
    std::ofstream(made + "/data/secret/1.ans") << "1\n";
    std::ofstream(made + "/submissions/accepted/a.py") << "print(1)\n";
    return made;
  }();
  return dir;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string dir = ScratchDir();
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string problem = "name: Fuzz\n";
  std::string testdata, case_yaml, submissions;
  std::string scenario = "steps: [{path: /}]\n";
  switch (data[0] % 5) {
    case 0:
      problem = text;
      break;
    case 1:
      testdata = text;
      break;
    case 2:
      case_yaml = text;
      break;
    case 3:
      submissions = text;
      break;
    default:
      problem = "name: Fuzz\nkoodikoe: {kind: service}\n";
      scenario = text;
      (void)judge::ParseScenario(text, "fuzz.yaml");
      break;
  }
  WriteFile(dir + "/problem.yaml", problem);
  WriteFile(dir + "/data/secret/testdata.yaml", testdata);
  WriteFile(dir + "/data/secret/1.yaml", case_yaml);
  WriteFile(dir + "/submissions/submissions.yaml", submissions);
  WriteFile(dir + "/scenarios/fuzz.yaml", scenario);
  (void)judge::ReadPackage(dir);
  (void)judge::SplitFlags(text);
  return 0;
}
