// Sharing with consent: the candidate's shares (to a company account or by a signed link),
// who has seen them, contact requests; the company's view of the candidates who shared with
// it, its shortlist and comparisons. Nothing here shows a candidate without a share in force.
#include <algorithm>
#include <set>
#include <sstream>

#include "base/time_util.h"
#include "evidence/credentials.h"
#include "evidence/evidence.h"
#include "koodikoe/try.h"

namespace web {

namespace {

constexpr size_t kMaxLabelBytes = 200;
constexpr size_t kMaxNoteBytes = 4000;
constexpr size_t kMaxCompare = 6;

json EncodeShare(Services& services, const Share& share) {
  json out = {{"id", share.id},
              {"kind", share.company_id ? "company" : "link"},
              {"company", share.company_id ? json(share.company_username) : json(nullptr)},
              {"label", share.label},
              {"contact", share.contact},
              {"contact_message", share.contact_message},
              {"created_at", IsoTime(share.created_at)},
              {"revoked_at", IsoTime(share.revoked_at)},
              {"active", share.revoked_at == 0}};
  if (!share.company_id) {
    out["link"] = "/shared/" + SignShareLink(services.key, share.id, share.link_nonce);
  }
  return out;
}

const char* const kNoShare =
    "There is no candidate with that number who has shared their results with you.";

// A share in force given to the calling company; not found otherwise (whether it exists is
// not revealed).
ApiResult<Share> CompanyShare(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request, "share"));
  KOODIKOE_TRY(auto share, Check(services.storage.FindShare(id)));
  if (!share || share->company_id != request.user().id || share->revoked_at != 0) {
    return Reject(Fault::kNotFound, "not_shared", kNoShare);
  }
  return std::move(*share);
}

ApiResult<Share> OwnShare(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY(auto share, Check(services.storage.FindShare(id)));
  if (!share || share->candidate_id != request.user().id) {
    return Reject(Fault::kNotFound, "unknown_share", "You have no share with that number.");
  }
  return std::move(*share);
}

Result<void> RecordView(Services& services, const Share& share, int64_t viewer,
                        const std::string& what) {
  return services.storage.AddShareView({share.id, viewer, "", what, UnixNow()});
}

ApiResult<json> ReportFor(Services& services, const Share& share, int64_t viewer,
                          const std::string& what) {
  KOODIKOE_TRY(auto evidence, CollectEvidence(services, share.candidate_id));
  // A link is handed out by the candidate themself (a CV, an application): it names them. A
  // company sees a name only once the candidate has accepted its request for contact.
  bool identity = share.company_id == 0 || share.contact == "accepted";
  KOODIKOE_TRY(auto report, EncodeSharedReport(services, evidence, share, identity));
  if (auto recorded = RecordView(services, share, viewer, what); !recorded) {
    return InternalFailure(recorded.error());
  }
  return report;
}

}  // namespace

// ---- The candidate ----

ApiResult<ApiReply> ListCompanies(Services& services, const ApiRequest&) {
  KOODIKOE_TRY(auto companies, Check(services.storage.ListUsersByRole(Role::kCompany)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& company : companies) {
    reply.body.push_back({{"username", company.username}, {"name", company.nickname}});
  }
  return reply;
}

ApiResult<ApiReply> ListShares(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto shares, Check(services.storage.SharesOfCandidate(request.user().id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& share : shares) reply.body.push_back(EncodeShare(services, share));
  return reply;
}

ApiResult<ApiReply> CreateShare(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto company_name, OptionalString(request.body, "company", 64));
  KOODIKOE_TRY(auto label, OptionalString(request.body, "label", kMaxLabelBytes));
  Share share;
  share.candidate_id = request.user().id;
  share.label = label.value_or("");
  share.created_at = UnixNow();
  if (company_name) {
    KOODIKOE_TRY(auto company, Check(services.storage.FindUserByName(*company_name)));
    if (!company || company->role != Role::kCompany) {
      return Reject(Fault::kNotFound, "unknown_company",
                    "There is no company account '" + *company_name +
                        "'. Choose one from the list of partner companies.");
    }
    KOODIKOE_TRY(auto existing, Check(services.storage.SharesForCompany(company->id)));
    for (const auto& other : existing) {
      if (other.candidate_id == share.candidate_id) {
        ApiReply reply;
        reply.body = EncodeShare(services, other);
        return reply;
      }
    }
    share.company_id = company->id;
  } else {
    share.link_nonce = RandomHex(16);
  }
  KOODIKOE_TRY(auto id, Check(services.storage.AddShare(share)));
  KOODIKOE_TRY(auto stored, Check(services.storage.FindShare(id)));
  if (!stored) return Reject(Fault::kInternal, "share_lost", "The share was not stored.");
  ApiReply reply;
  reply.body = EncodeShare(services, *stored);
  return reply;
}

ApiResult<ApiReply> RevokeShare(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto share, OwnShare(services, request));
  KOODIKOE_TRY_VOID(Check(services.storage.RevokeShare(share.id, UnixNow())));
  ApiReply reply;
  reply.body = {{"id", share.id}, {"active", false}};
  return reply;
}

ApiResult<ApiReply> AnswerContact(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto share, OwnShare(services, request));
  if (!request.body.contains("accept") || !request.body["accept"].is_boolean()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "Send {\"accept\": true} to show the company your name, or false to decline.",
                  {{"field", "accept"}});
  }
  if (share.contact != "requested" && share.contact != "accepted" && share.contact != "declined") {
    return Reject(Fault::kConflict, "no_request", "The company has not asked for contact.");
  }
  std::string answer = request.body["accept"].get<bool>() ? "accepted" : "declined";
  KOODIKOE_TRY_VOID(
      Check(services.storage.SetShareContact(share.id, answer, share.contact_message)));
  ApiReply reply;
  reply.body = {{"id", share.id}, {"contact", answer}};
  return reply;
}

ApiResult<ApiReply> ListShareViews(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto views, Check(services.storage.ShareViewsOfCandidate(request.user().id)));
  KOODIKOE_TRY(auto shares, Check(services.storage.SharesOfCandidate(request.user().id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& view : views) {
    std::string via;
    for (const auto& share : shares) {
      if (share.id == view.share_id) via = share.company_id ? share.company_username : "link";
    }
    reply.body.push_back(
        {{"share", view.share_id},
         {"via", via},
         {"viewer", view.viewer_username.empty() ? json(nullptr) : json(view.viewer_username)},
         {"what", view.what},
         {"viewed_at", IsoTime(view.viewed_at)}});
  }
  return reply;
}

// ---- A holder of a signed link ----

ApiResult<ApiReply> GetSharedByLink(Services& services, const ApiRequest& request) {
  const std::string& token = request.params.at("token");
  auto gone = Reject(Fault::kNotFound, "link_not_valid",
                     "This link does not work: it was withdrawn by its owner or is mistyped.");
  auto parsed = ParseShareLink(services.key, token);
  if (!parsed) return gone;
  KOODIKOE_TRY(auto share, Check(services.storage.FindShare(parsed->first)));
  if (!share || share->company_id != 0 || share->revoked_at != 0 ||
      !SameSecret(share->link_nonce, parsed->second)) {
    return gone;
  }
  int64_t viewer = request.caller ? request.caller->user.id : 0;
  KOODIKOE_TRY(auto report, ReportFor(services, *share, viewer, "report by link"));
  ApiReply reply;
  reply.body = std::move(report);
  return reply;
}

// ---- The company ----

ApiResult<ApiReply> CompanyCandidates(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto shares, Check(services.storage.SharesForCompany(request.user().id)));
  KOODIKOE_TRY(auto shortlist, Check(services.storage.Shortlist(request.user().id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& share : shares) {
    KOODIKOE_TRY(auto evidence, CollectEvidence(services, share.candidate_id));
    KOODIKOE_TRY(auto report,
                 EncodeSharedReport(services, evidence, share, share.contact == "accepted"));
    json card = {{"share", share.id},
                 {"alias", report["alias"]},
                 {"name", report["name"]},
                 {"contact", share.contact},
                 {"shared_at", IsoTime(share.created_at)},
                 {"solved", report["solved"]},
                 {"skills", report["skills"]},
                 {"by_track", report["by_track"]},
                 {"shortlisted", false},
                 {"note", ""}};
    for (const auto& entry : shortlist) {
      if (entry.share_id == share.id) {
        card["shortlisted"] = true;
        card["note"] = entry.note;
      }
    }
    reply.body.push_back(card);
  }
  return reply;
}

ApiResult<ApiReply> CompanyCandidate(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto share, CompanyShare(services, request));
  KOODIKOE_TRY(auto report, ReportFor(services, share, request.user().id, "report"));
  KOODIKOE_TRY(auto shortlist, Check(services.storage.Shortlist(request.user().id)));
  report["shortlisted"] = false;
  report["note"] = "";
  for (const auto& entry : shortlist) {
    if (entry.share_id == share.id) {
      report["shortlisted"] = true;
      report["note"] = entry.note;
    }
  }
  ApiReply reply;
  reply.body = std::move(report);
  return reply;
}

ApiResult<ApiReply> RequestContact(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto share, CompanyShare(services, request));
  KOODIKOE_TRY(auto message, OptionalString(request.body, "message", kMaxNoteBytes));
  if (share.contact == "accepted" || share.contact == "declined") {
    ApiReply reply;
    reply.body = {{"share", share.id}, {"contact", share.contact}};
    return reply;
  }
  KOODIKOE_TRY_VOID(
      Check(services.storage.SetShareContact(share.id, "requested", message.value_or(""))));
  ApiReply reply;
  reply.body = {{"share", share.id}, {"contact", "requested"}};
  return reply;
}

ApiResult<ApiReply> PutShortlist(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto share, CompanyShare(services, request));
  KOODIKOE_TRY(auto note, OptionalString(request.body, "note", kMaxNoteBytes));
  ShortlistEntry entry{request.user().id, share.id, note.value_or(""), UnixNow()};
  KOODIKOE_TRY_VOID(Check(services.storage.PutShortlistEntry(entry)));
  ApiReply reply;
  reply.body = {{"share", share.id}, {"shortlisted", true}, {"note", entry.note}};
  return reply;
}

ApiResult<ApiReply> RemoveShortlist(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto share, CompanyShare(services, request));
  KOODIKOE_TRY_VOID(Check(services.storage.RemoveShortlistEntry(request.user().id, share.id)));
  ApiReply reply;
  reply.body = {{"share", share.id}, {"shortlisted", false}};
  return reply;
}

// Several candidates side by side on the exercises any of them solved.
ApiResult<ApiReply> CompareCandidates(Services& services, const ApiRequest& request) {
  std::string list = request.http.has_param("shares") ? request.http.get_param_value("shares") : "";
  std::vector<int64_t> ids;
  std::stringstream stream(list);
  std::string part;
  while (std::getline(stream, part, ',')) {
    if (part.empty() || part.size() > 18 ||
        part.find_first_not_of("0123456789") != std::string::npos) {
      return Reject(Fault::kInvalid, "bad_shares",
                    "Name the candidates as ?shares=1,2,3 (their numbers in your list).");
    }
    ids.push_back(std::stoll(part));
  }
  if (ids.size() < 2 || ids.size() > kMaxCompare) {
    return Reject(Fault::kInvalid, "bad_shares",
                  "Compare from 2 to " + std::to_string(kMaxCompare) + " candidates at a time.");
  }
  json candidates = json::array();
  std::map<std::string, json> rows;  // exercise -> row
  std::vector<std::string> order;
  for (int64_t id : ids) {
    KOODIKOE_TRY(auto share, Check(services.storage.FindShare(id)));
    if (!share || share->company_id != request.user().id || share->revoked_at != 0) {
      return Reject(Fault::kNotFound, "not_shared", kNoShare);
    }
    KOODIKOE_TRY(auto report, ReportFor(services, *share, request.user().id, "comparison"));
    candidates.push_back({{"share", id},
                          {"alias", report["alias"]},
                          {"name", report["name"]},
                          {"solved", report["solved"]}});
    for (const auto& exercise : report["exercises"]) {
      std::string key = exercise["exercise"];
      if (!rows.count(key)) {
        rows[key] = {{"exercise", key},
                     {"title", exercise["title"]},
                     {"titles", exercise["titles"]},
                     {"track", exercise["track"]},
                     {"tier", exercise["tier"]},
                     {"results", json::object()}};
        order.push_back(key);
      }
      rows[key]["results"][std::to_string(id)] = {
          {"score", exercise["best_score"]},    {"max_score", exercise["max_score"]},
          {"attempts", exercise["attempts"]},   {"minutes_spent", exercise["minutes_spent"]},
          {"languages", exercise["languages"]}, {"solved_at", exercise["solved_at"]}};
    }
  }
  json exercises = json::array();
  for (const auto& key : order) exercises.push_back(rows[key]);
  ApiReply reply;
  reply.body = {{"candidates", candidates}, {"exercises", exercises}};
  return reply;
}

}  // namespace web
