// The words of the judge and the enums they stand for, one table each. Inside C++ verdicts,
// compile statuses and kinds are enums; these tables are the only place their words are
// written, and they are used only at the edges: the report's JSON, the command line,
// problem.yaml and the folders under submissions/.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "judge/judge.h"
#include "judge/package.h"

namespace judge {

template <class Value>
using WordTable = std::vector<std::pair<std::string, Value>>;

// The contract's verdict words, in the order of the enum.
const WordTable<Verdict>& VerdictWords();
// koodikoe.kind in problem.yaml.
const WordTable<ExerciseKind>& ExerciseKindWords();
// The classes of test results in submissions.yaml: "AC", "WA", "TLE", "RTE".
const WordTable<CaseClass>& CaseClassWords();
// koodikoe.conventions and koodikoe.validator_style in problem.yaml.
const WordTable<Conventions>& ConventionsWords();
const WordTable<ValidatorStyle>& ValidatorStyleWords();

}  // namespace judge
