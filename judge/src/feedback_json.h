// FeedbackCode as JSON: {"code": "token_differs", "params": {"n": 1, ...}}, as the report
// carries it and as the scenario client hands it to the judge.
#pragma once

#include <nlohmann/json.hpp>

#include "judge/feedback_code.h"

namespace judge {

nlohmann::json FeedbackCodeJson(const FeedbackCode& feedback);
// An object without a text "code" gives an empty FeedbackCode; params of other types are
// left out.
FeedbackCode FeedbackCodeFromJson(const nlohmann::json& json);

}  // namespace judge
