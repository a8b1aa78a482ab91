#include "authoring/exercise_owners.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace web {

namespace {

using nlohmann::json;

std::mutex owners_mutex;  // one read-modify-write of an owners.json at a time

std::string OwnersPath(ExerciseStore& store, const std::string& id) {
  return store.root() + "/" + id + "/owners.json";
}

std::vector<std::string> ReadOwnersLocked(ExerciseStore& store, const std::string& id) {
  std::vector<std::string> owners;
  auto versions = store.Versions(id);
  if (versions.empty()) return owners;
  owners.push_back(versions.front().author);
  auto text = koodikoe::ReadFile(OwnersPath(store, id), 1u << 20);
  json added = text ? json::parse(*text, nullptr, false) : json();
  if (added.is_object() && added["owners"].is_array()) {
    for (const auto& name : added["owners"]) {
      if (name.is_string() && std::find(owners.begin(), owners.end(), name) == owners.end()) {
        owners.push_back(name.get<std::string>());
      }
    }
  }
  return owners;
}

}  // namespace

std::vector<std::string> ExerciseOwners(ExerciseStore& store, const std::string& id) {
  std::lock_guard lock(owners_mutex);
  return ReadOwnersLocked(store, id);
}

Result<void> AddExerciseOwner(ExerciseStore& store, const std::string& id,
                              const std::string& username) {
  std::lock_guard lock(owners_mutex);
  auto owners = ReadOwnersLocked(store, id);
  if (owners.empty()) {
    return koodikoe::Fail(koodikoe::ErrorCode::kNotFound, "'" + id + "' is not stored here");
  }
  if (std::find(owners.begin(), owners.end(), username) != owners.end()) return {};
  owners.push_back(username);
  std::string path = OwnersPath(store, id);
  KOODIKOE_TRY_VOID(koodikoe::WriteFile(path + ".tmp", json{{"owners", owners}}.dump(2) + "\n"));
  std::error_code ec;
  std::filesystem::rename(path + ".tmp", path, ec);
  if (ec)
    return koodikoe::Fail(koodikoe::ErrorCode::kSystem, "rename " + path + ": " + ec.message());
  return {};
}

}  // namespace web
