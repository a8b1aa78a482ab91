#include "authoring/exercise_sets.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace web {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using nlohmann::json;

namespace {

constexpr size_t kMaxItems = 200;

bool ValidSetId(const std::string& id) {
  static const std::regex pattern("[a-z0-9][a-z0-9_-]{0,63}");
  return std::regex_match(id, pattern);
}

json Encode(const ExerciseSet& set) {
  json items = json::array();
  for (const auto& item : set.items)
    items.push_back({{"exercise", item.exercise}, {"tier", item.tier}});
  return {{"id", set.id},
          {"title", set.title},
          {"description", set.description},
          {"author", set.author},
          {"items", items}};
}

}  // namespace

ExerciseSets::ExerciseSets(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  std::filesystem::create_directories(root_, ec);
}

std::vector<ExerciseSet> ExerciseSets::Tracks(const Catalog& catalog) {
  std::map<std::string, ExerciseSet> tracks;
  for (const auto& exercise : catalog.All()) {  // sorted by track, tier, id
    if (exercise->track.empty()) continue;
    ExerciseSet& set = tracks["track-" + exercise->track];
    set.id = "track-" + exercise->track;
    set.title = exercise->track;
    set.items.push_back({exercise->id, exercise->tier});
  }
  std::vector<ExerciseSet> list;
  for (auto& [id, set] : tracks) list.push_back(std::move(set));
  return list;
}

std::optional<ExerciseSet> ExerciseSets::Load(const std::string& id) {
  if (!ValidSetId(id)) return std::nullopt;
  auto text = koodikoe::ReadFile(root_ + "/" + id + ".json", 1u << 20);
  if (!text) return std::nullopt;
  json j = json::parse(*text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  ExerciseSet set;
  set.id = id;
  set.title = j.value("title", id);
  set.description = j.value("description", "");
  set.author = j.value("author", "");
  set.editable = true;
  if (j.contains("items") && j["items"].is_array()) {
    for (const auto& item : j["items"]) {
      if (item.is_object())
        set.items.push_back({item.value("exercise", ""), item.value("tier", 0)});
    }
  }
  return set;
}

std::vector<ExerciseSet> ExerciseSets::All(const Catalog& catalog) {
  std::vector<ExerciseSet> list = Tracks(catalog);
  std::vector<std::string> ids;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.ends_with(".json")) ids.push_back(name.substr(0, name.size() - 5));
  }
  std::sort(ids.begin(), ids.end());
  std::lock_guard lock(mutex_);
  for (const auto& id : ids) {
    if (auto set = Load(id)) list.push_back(std::move(*set));
  }
  return list;
}

std::optional<ExerciseSet> ExerciseSets::Find(const Catalog& catalog, const std::string& id) {
  if (id.rfind("track-", 0) == 0) {
    for (auto& set : Tracks(catalog)) {
      if (set.id == id) return set;
    }
    return std::nullopt;
  }
  std::lock_guard lock(mutex_);
  return Load(id);
}

Result<ExerciseSet> ExerciseSets::Save(const Catalog& catalog, ExerciseSet set) {
  if (!ValidSetId(set.id) || set.id.rfind("track-", 0) == 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "'" + set.id +
                    "' cannot name a set: use lowercase letters, digits, '-' and '_' (at most "
                    "64), not starting with track-");
  }
  if (set.title.empty() || set.title.size() > 200) {
    return Fail(ErrorCode::kInvalidArgument, "give the set a title of at most 200 bytes");
  }
  if (set.items.size() > kMaxItems) {
    return Fail(ErrorCode::kInvalidArgument, "a set has at most 200 exercises");
  }
  std::vector<std::string> seen;
  for (auto& item : set.items) {
    auto exercise = catalog.Find(item.exercise);
    if (!exercise) {
      return Fail(ErrorCode::kInvalidArgument,
                  "there is no exercise '" + item.exercise + "' on this server");
    }
    if (std::find(seen.begin(), seen.end(), item.exercise) != seen.end()) {
      return Fail(ErrorCode::kInvalidArgument, "'" + item.exercise + "' is in the set twice");
    }
    seen.push_back(item.exercise);
    if (item.tier == 0) item.tier = exercise->tier;
    if (item.tier < 1 || item.tier > 5) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the tier of '" + item.exercise + "' must be from 1 to 5");
    }
  }
  set.editable = true;
  std::lock_guard lock(mutex_);
  std::string path = root_ + "/" + set.id + ".json";
  std::string tmp = path + ".tmp";
  KOODIKOE_TRY_VOID(koodikoe::WriteFile(tmp, Encode(set).dump(2) + "\n"));
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Fail(ErrorCode::kSystem, "saving " + path + ": " + ec.message());
  return set;
}

}  // namespace web
