// Exercise sets: ordered lists of exercises with a tier each, that trainers clone and edit to
// prepare a workshop. Every track of the catalogue is a read-only set ("track-basics");
// trainers' own sets are JSON files in the data directory (ROOT/ID.json), written whole and
// renamed into place.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/catalog.h"
#include "koodikoe/result.h"

namespace web {

struct SetItem {
  std::string exercise;
  int tier = 0;  // the tier in this set (defaults to the exercise's own)
};

struct ExerciseSet {
  std::string id;
  std::string title;
  std::string description;
  std::vector<SetItem> items;  // in order
  bool editable = false;       // false for the catalogue's tracks
  std::string author;
};

class ExerciseSets {
 public:
  explicit ExerciseSets(std::string root);

  // The catalogue's tracks (by tier, then id) and then the stored sets, by id.
  std::vector<ExerciseSet> All(const Catalog& catalog);
  std::optional<ExerciseSet> Find(const Catalog& catalog, const std::string& id);
  // Writes a stored set (creating or replacing it). kInvalidArgument if the id is malformed or
  // names a track, or an item is not in the catalogue or has a tier outside 1..5.
  Result<ExerciseSet> Save(const Catalog& catalog, ExerciseSet set);

 private:
  std::vector<ExerciseSet> Tracks(const Catalog& catalog);
  std::optional<ExerciseSet> Load(const std::string& id);

  const std::string root_;
  std::mutex mutex_;
};

}  // namespace web
