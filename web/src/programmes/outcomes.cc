// Outcomes: where a participant's path led (employed, apprenticeship, education or training,
// other, unknown) and when. Their coach records it with the participant's consent to keep it;
// the participant sees it and may correct it. No one else reads it one by one: the programme
// report counts outcomes (report.cc).
#include <regex>

#include "base/time_util.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

json EncodeOutcome(const ProgrammeOutcome& o) {
  return {{"outcome", o.outcome},
          {"date", o.outcome_on},
          {"consent", o.consent},
          {"recorded_by", o.recorded_by_username},
          {"corrected_by_participant", o.recorded_by == o.participant_id},
          {"updated_at", IsoTime(o.updated_at)}};
}

ApiResult<ApiReply> OutcomeReply(Services& services, const PathAccess& access) {
  KOODIKOE_TRY(auto list, Check(services.storage.Outcomes(access.view.programme.id,
                                                          access.participant.user_id)));
  ApiReply reply;
  reply.body = {{"participant", access.participant.username},
                {"outcome", list.empty() ? json(nullptr) : EncodeOutcome(list.front())}};
  return reply;
}

}  // namespace

bool IsOutcome(const std::string& word) {
  for (const char* known : kOutcomes) {
    if (word == known) return true;
  }
  return false;
}

ApiResult<ApiReply> GetOutcome(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  return OutcomeReply(services, access);
}

ApiResult<ApiReply> PutOutcomeRoute(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  ProgrammeOutcome o;
  KOODIKOE_TRY(o.outcome, RequireString(request.body, "outcome", 32));
  if (!IsOutcome(o.outcome)) {
    return Reject(Fault::kInvalid, "bad_field",
                  "The outcome is employed, apprenticeship, education, other or unknown.",
                  {{"field", "outcome"}});
  }
  KOODIKOE_TRY(o.outcome_on, RequireString(request.body, "date", 10));
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(o.outcome_on, kDate)) {
    return Reject(Fault::kInvalid, "bad_field", "The date must be YYYY-MM-DD.",
                  {{"field", "date"}});
  }
  if (!request.body.contains("consent") || !request.body["consent"].is_boolean()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "Say whether the participant agreed to keep it: \"consent\": true or false.",
                  {{"field", "consent"}});
  }
  o.consent = request.body["consent"].get<bool>();
  o.programme_id = access.view.programme.id;
  o.participant_id = access.participant.user_id;
  o.recorded_by = request.user().id;
  o.updated_at = UnixNow();
  KOODIKOE_TRY_VOID(Check(services.storage.PutOutcome(o)));
  return OutcomeReply(services, access);
}

}  // namespace web
