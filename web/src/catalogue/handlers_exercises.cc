// The exercise catalogue as the candidate sees it, and progress over it.
#include <mutex>
#include <set>
#include <string_view>

#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

json EncodeTitles(const Exercise& exercise) {
  return {{"en", exercise.Title("en")}, {"fi", exercise.Title("fi")}};
}

// What the list and the exercise's own page both show.
json EncodeHeading(const Exercise& exercise, const std::string& language) {
  return {{"id", exercise.id},
          {"title", exercise.Title(language)},
          {"titles", EncodeTitles(exercise)},
          {"track", exercise.track},
          {"tier", exercise.tier},
          {"kind", exercise.kind},
          {"languages", exercise.languages},
          {"skills", exercise.skills}};
}

ApiResult<std::map<std::string, ExerciseResult>> ResultsByExercise(Services& services,
                                                                   int64_t user_id) {
  KOODIKOE_TRY(auto results, Check(services.storage.ExerciseResults(user_id)));
  std::map<std::string, ExerciseResult> by_exercise;
  for (auto& result : results) by_exercise[result.exercise] = result;
  return by_exercise;
}

const char* Status(const std::map<std::string, ExerciseResult>& results, const std::string& id) {
  auto it = results.find(id);
  if (it == results.end()) return "new";
  return it->second.solved ? "solved" : "attempted";
}

// One exercise's row of the list, as JSON text without its closing brace: the caller's own
// status is appended per request.
struct ListRow {
  std::string id;
  std::string open_json;
};

// The list is the page every candidate opens first and it changes only when the offer does,
// so its rows are encoded once per catalogue stamp and language, not on every request.
class ListRowCache {
 public:
  std::shared_ptr<const std::vector<ListRow>> Rows(const Catalog& catalog,
                                                   const std::string& language) {
    uint64_t stamp = catalog.stamp();
    std::lock_guard lock(mutex_);
    auto& entry = by_language_[language];
    if (!entry.rows || entry.stamp != stamp) entry = {stamp, Encode(catalog, language)};
    return entry.rows;
  }

 private:
  struct Entry {
    uint64_t stamp = 0;
    std::shared_ptr<const std::vector<ListRow>> rows;
  };

  static std::shared_ptr<const std::vector<ListRow>> Encode(const Catalog& catalog,
                                                            const std::string& language) {
    auto rows = std::make_shared<std::vector<ListRow>>();
    for (const auto& exercise : catalog.All()) {
      json row = EncodeHeading(*exercise, language);
      row["stored"] = exercise->stored;
      row["version"] = exercise->version;
      std::string text = row.dump(-1, ' ', false, json::error_handler_t::replace);
      text.pop_back();  // the closing brace
      rows->push_back({exercise->id, std::move(text)});
    }
    return rows;
  }

  std::mutex mutex_;
  std::map<std::string, Entry> by_language_;
};

}  // namespace

ApiResult<ApiReply> ListExercises(Services& services, const ApiRequest& request) {
  static ListRowCache cache;
  KOODIKOE_TRY(auto results, ResultsByExercise(services, request.user().id));
  auto rows = cache.Rows(services.catalog, request.user().language);
  ApiReply reply;
  std::string& text = reply.json_text;
  text += '[';
  for (const auto& row : *rows) {
    if (text.size() > 1) text += ',';
    text += row.open_json;
    text += ",\"status\":\"";
    text += Status(results, row.id);
    text += "\"}";
  }
  text += ']';
  return reply;
}

ApiResult<ApiReply> GetExercise(Services& services, const ApiRequest& request) {
  auto exercise = services.catalog.Find(request.params.at("id"));
  if (!exercise) {
    return Reject(Fault::kNotFound, "unknown_exercise",
                  "There is no exercise '" + request.params.at("id") + "' on this server.");
  }
  bool released = IsTrainerRole(request.user().role);
  if (!released) {
    KOODIKOE_TRY(auto from_workshop,
                 Check(services.storage.HintsReleasedFor(request.user().id, exercise->id)));
    released = from_workshop;
  }
  json samples = json::array();
  for (const auto& sample : exercise->samples) {
    samples.push_back({{"name", sample.name}, {"input", sample.input}, {"output", sample.output}});
  }
  json statement = json::object();
  for (const auto& [language, text] : exercise->statements) statement[language] = text;
  json hints = nullptr;
  if (released && !exercise->hints.empty()) {
    hints = json::object();
    for (const auto& [language, text] : exercise->hints) hints[language] = text;
  }
  ApiReply reply;
  reply.body = EncodeHeading(*exercise, request.user().language);
  reply.body["time_limit"] = exercise->time_limit;
  reply.body["memory_limit_mib"] = exercise->memory_limit_mib;
  reply.body["statement"] = statement;
  reply.body["samples"] = samples;
  reply.body["starters"] = exercise->starters;  // {} when the package has none
  reply.body["hints_released"] = released;
  reply.body["has_hints"] = !exercise->hints.empty();
  reply.body["hints"] = hints;
  return reply;
}

ApiResult<ApiReply> ListLanguages(Services&, const ApiRequest&) {
  ApiReply reply;
  reply.body = InstalledLanguages();
  return reply;
}

ApiResult<ApiReply> GetProgress(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto results, ResultsByExercise(services, request.user().id));
  json solved = json::array();
  json attempted = json::array();
  auto exercises = services.catalog.All();
  for (const auto& exercise : exercises) {
    std::string status = Status(results, exercise->id);
    if (status == "solved") solved.push_back(exercise->id);
    if (status == "attempted") attempted.push_back(exercise->id);
  }
  json tables = ProgressTables(exercises, [&](const std::string& id) {
    return std::string_view(Status(results, id)) == "solved";
  });
  ApiReply reply;
  reply.body = {{"solved", solved},
                {"attempted", attempted},
                {"by_tier", tables["by_tier"]},
                {"by_skill", tables["by_skill"]},
                {"by_track", tables["by_track"]}};
  return reply;
}

}  // namespace web
