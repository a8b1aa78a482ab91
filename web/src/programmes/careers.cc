// Career paths: a coordinator names a path (junior web developer, test automation) as skills
// of the exercises (exercises/skills.yaml tags) with the tier expected of each. A participant
// (and their coaches) see how far their verified results (solved exercises) take them along
// each path, and which exercises would close the gap, titled in Finnish and English.
#include <algorithm>
#include <set>

#include "base/time_util.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

constexpr size_t kMaxPathSkills = 50;
constexpr size_t kGapExercises = 3;  // suggestions per skill not shown yet

json EncodePath(const CareerPath& path) {
  json skills = json::array();
  for (const auto& [skill, tier] : path.skills)
    skills.push_back({{"skill", skill}, {"tier", tier}});
  return {{"id", path.id},
          {"name", path.name},
          {"skills", skills},
          {"created_at", IsoTime(path.created_at)}};
}

std::set<std::string> KnownSkills(const Catalog& catalog) {
  std::set<std::string> skills;
  for (const auto& e : catalog.All()) skills.insert(e->skills.begin(), e->skills.end());
  return skills;
}

ApiResult<std::vector<std::pair<std::string, int>>> ReadPathSkills(const json& body,
                                                                   const Catalog& catalog) {
  const json& list = body.contains("skills") ? body["skills"] : json();
  if (!list.is_array() || list.empty() || list.size() > kMaxPathSkills) {
    return Reject(Fault::kInvalid, "bad_field",
                  "skills must be a list of 1 to 50 {\"skill\": tag, \"tier\": 1-5}.",
                  {{"field", "skills"}});
  }
  std::set<std::string> known = KnownSkills(catalog);
  std::vector<std::pair<std::string, int>> skills;
  for (const auto& item : list) {
    if (!item.is_object()) {
      return Reject(Fault::kInvalid, "bad_field", "Each skill is {\"skill\": tag, \"tier\": 1-5}.",
                    {{"field", "skills"}});
    }
    KOODIKOE_TRY(auto skill, RequireString(item, "skill", 100));
    KOODIKOE_TRY(auto tier, RequireInt(item, "tier", 1, 5));
    if (!known.count(skill)) {
      return Reject(Fault::kInvalid, "bad_field",
                    "No exercise shows the skill '" + skill + "'; use a tag of skills.yaml.",
                    {{"field", "skills"}});
    }
    skills.emplace_back(skill, static_cast<int>(tier));
  }
  return skills;
}

json Titles(const Exercise& e) { return {{"fi", e.Title("fi")}, {"en", e.Title("en")}}; }

// How far `solved` takes one along the path, and what would close the gap.
json PathProgress(const CareerPath& path, const Catalog& catalog,
                  const std::set<std::string>& solved) {
  auto exercises = catalog.All();
  json skills = json::array();
  int met = 0;
  for (const auto& [skill, tier] : path.skills) {
    json shown_by = json::array(), gap = json::array();
    std::vector<std::shared_ptr<const Exercise>> candidates;
    for (const auto& e : exercises) {
      bool fits = e->tier >= tier &&
                  std::find(e->skills.begin(), e->skills.end(), skill) != e->skills.end();
      if (!fits) continue;
      if (solved.count(e->id)) {
        shown_by.push_back(e->id);
      } else {
        candidates.push_back(e);
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a->tier < b->tier; });
    if (shown_by.empty()) {
      for (size_t i = 0; i < candidates.size() && i < kGapExercises; ++i) {
        gap.push_back({{"id", candidates[i]->id},
                       {"tier", candidates[i]->tier},
                       {"track", candidates[i]->track},
                       {"title", Titles(*candidates[i])}});
      }
    } else {
      ++met;
    }
    skills.push_back({{"skill", skill},
                      {"tier", tier},
                      {"met", !shown_by.empty()},
                      {"shown_by", shown_by},
                      {"exercises_to_close_gap", gap}});
  }
  int total = static_cast<int>(path.skills.size());
  return {{"id", path.id},
          {"name", path.name},
          {"met", met},
          {"total", total},
          {"percent", total ? met * 100 / total : 0},
          {"skills", skills}};
}

}  // namespace

ApiResult<ApiReply> CreateCareerPath(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  if (view.SeatOf(request.user()) != Seat::kCoordinator) {
    return Reject(Fault::kForbidden, "admin_only",
                  "Only the programme's coordinator defines career paths.");
  }
  CareerPath path;
  path.programme_id = view.programme.id;
  KOODIKOE_TRY(path.name, RequireString(request.body, "name", 200));
  KOODIKOE_TRY(path.skills, ReadPathSkills(request.body, services.catalog));
  path.created_at = UnixNow();
  KOODIKOE_TRY(path.id, Check(services.storage.AddCareerPath(path)));
  ApiReply reply;
  reply.body = EncodePath(path);
  return reply;
}

ApiResult<ApiReply> ListCareerPaths(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  KOODIKOE_TRY(auto paths, Check(services.storage.CareerPaths(view.programme.id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& path : paths) reply.body.push_back(EncodePath(path));
  return reply;
}

ApiResult<ApiReply> GetCareerProgress(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  KOODIKOE_TRY(auto paths, Check(services.storage.CareerPaths(access.view.programme.id)));
  KOODIKOE_TRY(auto results, Check(services.storage.ExerciseResults(access.participant.user_id)));
  std::set<std::string> solved;
  for (const auto& r : results) {
    if (r.solved) solved.insert(r.exercise);
  }
  ApiReply reply;
  reply.body = {{"participant", access.participant.username}, {"paths", json::array()}};
  for (const auto& path : paths) {
    reply.body["paths"].push_back(PathProgress(path, services.catalog, solved));
  }
  return reply;
}

}  // namespace web
