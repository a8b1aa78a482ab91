// Who may change a stored exercise (issue 14): the author of its first version plus the
// trainers an owner adds, kept next to its versions as ROOT/ID/owners.json. Admins always may;
// bundled exercises have no owners (only admins change how they are judged).
#pragma once

#include <string>
#include <vector>

#include "authoring/exercise_store.h"

namespace web {

// Usernames, the first version's author first; empty if `id` is not stored.
std::vector<std::string> ExerciseOwners(ExerciseStore& store, const std::string& id);

// Adds `username` to the owners of a stored exercise (nothing if it is one already).
Result<void> AddExerciseOwner(ExerciseStore& store, const std::string& id,
                              const std::string& username);

}  // namespace web
