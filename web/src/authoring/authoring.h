// Exercises edited in the browser: a package as an editable form (JSON), and a form's changes
// written into a package directory. Needs the judge module (the package reader and YAML).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "koodikoe/result.h"

namespace web {

// The editable form of a package:
//   {"format", "titles":{"en","fi"}, "statement":{"en","fi"}, "kind", "tier", "track",
//    "skills", "time_limit" (null = derived), "memory_limit_mib",
//    "checker":{"type":"default"|"custom", "case_sensitive", "space_change_sensitive",
//               "float_tolerance" (null = exact)},
//    "files":[{"path","size","text"?}]}   ("text" for small UTF-8 files only)
koodikoe::Result<nlohmann::json> PackageForm(const std::string& package_dir);

// Writes the fields present in `form` (as above; "files" is then a map path -> text, or null
// to delete) into `package_dir`, which is a private copy (files are replaced, never written
// in place). `is_new`: the directory is empty and becomes a 2023-07 package. Errors are
// kInvalidArgument naming the field.
koodikoe::Result<void> ApplyForm(const std::string& package_dir, const nlohmann::json& form,
                                 bool is_new);

}  // namespace web
