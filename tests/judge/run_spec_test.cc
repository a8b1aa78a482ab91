// Every box of a package gets its environment and limits from BoxSpec: the same environment
// for every role (input validators once lacked TMPDIR), the language's own task cap for the
// programs it runs, and the limits of the package that apply to the role.
#include "run_spec.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace judge {
namespace {

Language Python() {
  Language language;
  language.id = "python";
  language.env = {"PYTHONDONTWRITEBYTECODE=1"};
  language.processes = 32;
  return language;
}

Language Java() {
  Language language;
  language.id = "java";
  language.memory_extra_mib = 256;
  language.processes = 128;
  return language;
}

bool Has(const std::vector<std::string>& env, const std::string& entry) {
  return std::find(env.begin(), env.end(), entry) != env.end();
}

constexpr BoxRole kRoles[] = {BoxRole::kCompiler, BoxRole::kSubmission, BoxRole::kService,
                              BoxRole::kValidator, BoxRole::kInputValidator};

TEST(BoxSpecTest, EveryRoleGetsTheSameEnvironment) {
  Limits limits;
  for (BoxRole role : kRoles) {
    runner::RunSpec spec = BoxSpec(role, Python(), limits, 1);
    EXPECT_TRUE(Has(spec.env, "TMPDIR=/tmp")) << static_cast<int>(role);
    EXPECT_TRUE(Has(spec.env, "HOME=/tmp")) << static_cast<int>(role);
    EXPECT_TRUE(Has(spec.env, "PATH=/usr/local/bin:/usr/bin:/bin")) << static_cast<int>(role);
    EXPECT_TRUE(Has(spec.env, "LANG=C.UTF-8")) << static_cast<int>(role);
    EXPECT_TRUE(Has(spec.env, "PYTHONDONTWRITEBYTECODE=1")) << static_cast<int>(role);
  }
}

TEST(BoxSpecTest, ProgramsGetTheirLanguagesTaskCapCompilersAtLeast128) {
  Limits limits;
  for (BoxRole role :
       {BoxRole::kSubmission, BoxRole::kService, BoxRole::kValidator, BoxRole::kInputValidator}) {
    EXPECT_EQ(BoxSpec(role, Python(), limits, 1).limits.max_processes, 32);
  }
  EXPECT_EQ(BoxSpec(BoxRole::kCompiler, Python(), limits).limits.max_processes, 128);
}

TEST(BoxSpecTest, EachRoleGetsTheLimitsThatApplyToIt) {
  Limits limits;
  limits.memory_mib = 64;
  limits.output_mib = 2;
  limits.compilation_time = 30;
  limits.compilation_memory_mib = 1024;
  limits.validation_time = 20;
  limits.validation_memory_mib = 512;
  limits.validation_output_mib = 4;

  runner::RunSpec submission = BoxSpec(BoxRole::kSubmission, Java(), limits, 1.5);
  EXPECT_EQ(submission.limits.cpu_seconds, 1.5);
  EXPECT_EQ(submission.limits.wall_seconds, SubmissionWallSeconds(1.5));
  EXPECT_EQ(submission.limits.memory_bytes, (64u + 256u) << 20);  // the JVM's room on top
  EXPECT_EQ(submission.limits.stack_bytes, 64u << 20);
  EXPECT_EQ(submission.limits.output_bytes, 2u << 20);

  runner::RunSpec compiler = BoxSpec(BoxRole::kCompiler, Java(), limits);
  EXPECT_EQ(compiler.limits.cpu_seconds, 30);
  EXPECT_EQ(compiler.limits.memory_bytes, 1024u << 20);

  runner::RunSpec validator = BoxSpec(BoxRole::kValidator, Python(), limits, 30);
  EXPECT_EQ(validator.limits.cpu_seconds, 20);
  EXPECT_EQ(validator.limits.memory_bytes, 512u << 20);
  EXPECT_EQ(validator.limits.output_bytes, 4u << 20);
  // An interactive validator outlasts the submission it waits on.
  EXPECT_GT(validator.limits.wall_seconds, SubmissionWallSeconds(30));

  runner::RunSpec input = BoxSpec(BoxRole::kInputValidator, Python(), limits);
  EXPECT_EQ(input.limits.cpu_seconds, 20);
  EXPECT_EQ(input.limits.memory_bytes, 512u << 20);
}

TEST(BoxSpecTest, TheScenarioClientGetsTheSameEnvironmentAndItsOwnBounds) {
  runner::RunSpec client = ScenarioClientSpec(12, 64);
  runner::RunSpec submission = BoxSpec(BoxRole::kSubmission, Language(), Limits(), 1);
  EXPECT_EQ(client.env, submission.env);  // it once lacked HOME and TMPDIR
  EXPECT_EQ(client.limits.cpu_seconds, 12);
  EXPECT_EQ(client.limits.wall_seconds, 12);
  EXPECT_GT(client.limits.max_processes, 64);  // a thread per connection and its own
}

}  // namespace
}  // namespace judge
