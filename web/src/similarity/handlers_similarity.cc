// Suspiciously similar final submissions of one exercise, for the trainer of the candidates.
#include <map>

#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"
#include "similarity/similarity.h"

namespace web {

ApiResult<ApiReply> ExerciseSimilarity(Services& services, const ApiRequest& request) {
  const std::string& exercise_id = request.params.at("id");
  auto exercise = services.catalog.Find(exercise_id);
  if (!exercise) {
    return Reject(Fault::kNotFound, "unknown_exercise",
                  "There is no exercise '" + exercise_id + "' on this server.");
  }
  // The candidates of the trainer's own workshops: a trainer compares only whom they teach.
  KOODIKOE_TRY(auto workshops, Check(services.storage.WorkshopsOfTrainer(request.user().id)));
  std::map<int64_t, std::string> nicknames;
  for (const auto& workshop : workshops) {
    KOODIKOE_TRY(auto members, Check(services.storage.Members(workshop.id)));
    for (const auto& member : members) nicknames[member.user_id] = member.nickname;
  }
  std::vector<int64_t> users;
  for (const auto& [id, nickname] : nicknames) users.push_back(id);
  KOODIKOE_TRY(auto submissions, Check(services.storage.SubmissionsFor(users, {exercise_id})));
  // Each candidate's final submission: the last accepted one, else the last judged one.
  std::map<int64_t, const Submission*> final_of;
  for (const auto& s : submissions) {
    if (s.status != "done" || s.verdict == "compile_error") continue;
    auto& current = final_of[s.user_id];
    if (!current || s.verdict == "accepted" || current->verdict != "accepted") current = &s;
  }
  std::vector<Submission> finals;
  std::vector<SimilarityProgram> programs;
  for (const auto& [user, listed] : final_of) {
    KOODIKOE_TRY(auto full, Check(services.storage.FindSubmission(listed->id)));
    if (!full) continue;
    programs.push_back({std::to_string(full->id), full->language, full->source});
    finals.push_back(std::move(*full));
  }
  auto side = [&](const Submission& s) {
    return json{
        {"submission", s.id},     {"username", s.username}, {"nickname", nicknames[s.user_id]},
        {"language", s.language}, {"verdict", s.verdict},   {"created_at", IsoTime(s.created_at)},
        {"source", s.source}};
  };
  json pairs = json::array();
  for (const auto& pair : FindSimilarPairs(programs)) {
    json regions = json::array();
    for (const auto& r : pair.regions) {
      regions.push_back({{"a", {r.a_first, r.a_last}}, {"b", {r.b_first, r.b_last}}});
    }
    pairs.push_back({{"score", static_cast<int>(pair.score * 100 + 0.5)},
                     {"shared_fingerprints", pair.shared},
                     {"a", side(finals[pair.a])},
                     {"b", side(finals[pair.b])},
                     {"regions", regions}});
  }
  ApiReply reply;
  reply.body = {{"exercise", exercise_id}, {"compared", finals.size()}, {"pairs", pairs}};
  return reply;
}

}  // namespace web
