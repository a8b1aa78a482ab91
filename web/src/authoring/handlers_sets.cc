// Exercise sets: the catalogue's tracks, and trainers' own ordered sets to clone and edit.
#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

json EncodeSet(const ExerciseSet& set, const Catalog& catalog, const std::string& language) {
  json items = json::array();
  for (const auto& item : set.items) {
    auto exercise = catalog.Find(item.exercise);
    items.push_back({{"exercise", item.exercise},
                     {"tier", item.tier},
                     {"title", exercise ? exercise->Title(language) : item.exercise},
                     {"available", exercise != nullptr}});
  }
  return {{"id", set.id},         {"title", set.title},       {"description", set.description},
          {"author", set.author}, {"editable", set.editable}, {"items", items}};
}

ApiResult<std::vector<SetItem>> DecodeItems(const json& body) {
  if (!body.contains("items") || !body["items"].is_array()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "The request needs \"items\": a list of {\"exercise\", \"tier\"}.",
                  {{"field", "items"}});
  }
  std::vector<SetItem> items;
  for (const auto& item : body["items"]) {
    if (!item.is_object() || !item.contains("exercise") || !item["exercise"].is_string()) {
      return Reject(Fault::kInvalid, "bad_field",
                    "Each item needs \"exercise\" (an id) and may have \"tier\" (1 to 5).");
    }
    int tier =
        item.contains("tier") && item["tier"].is_number_integer() ? item["tier"].get<int>() : 0;
    items.push_back({item["exercise"].get<std::string>(), tier});
  }
  return items;
}

ApiResult<ApiReply> SaveSet(Services& services, const ApiRequest& request, ExerciseSet set) {
  auto saved = services.sets.Save(services.catalog, std::move(set));
  if (!saved) {
    if (saved.error().code == ErrorCode::kInvalidArgument) {
      return Reject(Fault::kInvalid, "invalid_set",
                    "The set cannot be saved: " + saved.error().context + ".",
                    {{"detail", saved.error().context}});
    }
    return InternalFailure(saved.error());
  }
  ApiReply reply;
  reply.body = EncodeSet(*saved, services.catalog, request.user().language);
  return reply;
}

ApiResult<ExerciseSet> FindSet(Services& services, const std::string& id) {
  auto set = services.sets.Find(services.catalog, id);
  if (!set)
    return Reject(Fault::kNotFound, "unknown_set", "There is no exercise set '" + id + "'.");
  return std::move(*set);
}

}  // namespace

ApiResult<ApiReply> ListSets(Services& services, const ApiRequest& request) {
  ApiReply reply;
  reply.body = json::array();
  for (const auto& set : services.sets.All(services.catalog)) {
    reply.body.push_back(EncodeSet(set, services.catalog, request.user().language));
  }
  return reply;
}

ApiResult<ApiReply> GetSet(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto set, FindSet(services, request.params.at("id")));
  ApiReply reply;
  reply.body = EncodeSet(set, services.catalog, request.user().language);
  return reply;
}

ApiResult<ApiReply> CreateSet(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, RequireString(request.body, "id", 64));
  if (services.sets.Find(services.catalog, id)) {
    return Reject(Fault::kConflict, "set_exists", "There is already a set '" + id + "'.");
  }
  KOODIKOE_TRY(auto title, RequireString(request.body, "title", 200));
  KOODIKOE_TRY(auto items, DecodeItems(request.body));
  ExerciseSet set{id,    title, request.body.value("description", ""),
                  items, true,  request.user().username};
  return SaveSet(services, request, std::move(set));
}

ApiResult<ApiReply> UpdateSet(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto set, FindSet(services, request.params.at("id")));
  if (!set.editable) {
    return Reject(Fault::kConflict, "read_only_set",
                  "'" + set.id + "' is a track of the catalogue. Copy it, then edit the copy.");
  }
  if (request.body.contains("title")) {
    KOODIKOE_TRY(auto title, RequireString(request.body, "title", 200));
    set.title = title;
  }
  if (request.body.contains("description") && request.body["description"].is_string()) {
    set.description = request.body["description"].get<std::string>();
  }
  if (request.body.contains("items")) {
    KOODIKOE_TRY(auto items, DecodeItems(request.body));
    set.items = items;
  }
  return SaveSet(services, request, std::move(set));
}

ApiResult<ApiReply> CopySet(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto set, FindSet(services, request.params.at("id")));
  KOODIKOE_TRY(auto id, RequireString(request.body, "new_id", 64));
  if (services.sets.Find(services.catalog, id)) {
    return Reject(Fault::kConflict, "set_exists", "There is already a set '" + id + "'.");
  }
  KOODIKOE_TRY(auto title, OptionalString(request.body, "title", 200));
  set.id = id;
  if (title) set.title = *title;
  set.author = request.user().username;
  return SaveSet(services, request, std::move(set));
}

}  // namespace web
