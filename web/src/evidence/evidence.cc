// A candidate's evidence: the skill profile, reflections, credentials, and their own data
// (download everything, delete the account).
#include "evidence/evidence.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/time_util.h"
#include "evidence/credentials.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

constexpr size_t kMaxIntroBytes = 2000;
constexpr size_t kMaxReflectionBytes = 2000;
// A gap between attempts longer than this is a break, not work on the exercise.
constexpr int64_t kWorkGapSeconds = 30 * 60;
constexpr int64_t kFirstAttemptSeconds = 5 * 60;

json Number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value))) {
    return static_cast<int64_t>(value);
  }
  return value;
}

std::string ScoreText(double score, double max_score) {
  auto text = [](double v) {
    json number = Number(v);
    return number.dump();
  };
  return text(score) + "/" + text(max_score);
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

json EncodeItem(const EvidenceItem& item, const Profile& profile) {
  const Exercise& exercise = *item.exercise;
  auto reflection = profile.reflections.find(exercise.id);
  return {{"exercise", exercise.id},
          {"title", exercise.Title("en")},
          {"titles", {{"en", exercise.Title("en")}, {"fi", exercise.Title("fi")}}},
          {"track", exercise.track},
          {"tier", exercise.tier},
          {"skills", exercise.skills},
          {"solved", item.solved},
          {"solved_at", IsoTime(item.solved_at)},
          {"first_attempt_at", IsoTime(item.first_at)},
          {"languages", item.languages},
          {"attempts", item.attempts.size()},
          {"best_score", Number(item.best_score)},
          {"max_score", Number(item.max_score)},
          {"minutes_spent", item.minutes_spent},
          {"reflection",
           reflection == profile.reflections.end() ? json("") : json(reflection->second)}};
}

// Per test group: tests passed and points, from a judge report. Hidden tests show their name,
// group and verdict, never their input, answer or the checker's feedback.
json GroupBreakdown(const json& tests) {
  std::map<std::string, json> groups;
  json list = json::array();
  for (const auto& test : tests) {
    std::string group = test.value("group", "");
    if (!groups.count(group)) {
      groups[group] = {{"group", group}, {"passed", 0}, {"total", 0}, {"score", 0.0}};
    }
    json& g = groups[group];
    g["total"] = g["total"].get<int>() + 1;
    if (test.value("verdict", "") == "accepted") g["passed"] = g["passed"].get<int>() + 1;
    if (test.contains("score") && test["score"].is_number()) {
      g["score"] = g["score"].get<double>() + test["score"].get<double>();
    }
  }
  for (auto& [name, g] : groups) {
    g["score"] = Number(g["score"].get<double>());
    list.push_back(g);
  }
  return list;
}

// A company sees how each test went, never what it saw or printed (samples included).
json PublicTests(const json& tests) {
  json list = json::array();
  for (const auto& test : tests) {
    json shown = {{"name", test.value("name", "")},
                  {"group", test.value("group", "")},
                  {"verdict", test.value("verdict", "")}};
    for (const char* field : {"score", "cpu_ms", "wall_ms", "memory_kib"}) {
      if (test.contains(field)) shown[field] = test[field];
    }
    list.push_back(shown);
  }
  return list;
}

const char* SourceExtension(const std::string& language) {
  static const std::map<std::string, const char*> extensions = {
      {"c", "c"},     {"cpp", "cc"},        {"python", "py"}, {"java", "java"},
      {"rust", "rs"}, {"javascript", "js"}, {"go", "go"}};
  auto it = extensions.find(language);
  return it == extensions.end() ? "txt" : it->second;
}

// A zip written into memory with libarchive.
class ZipWriter {
 public:
  ZipWriter() : archive_(archive_write_new()) {
    archive_write_set_format_zip(archive_);
    archive_write_set_bytes_in_last_block(archive_, 1);  // no padding after the zip's end
    archive_write_open(archive_, this, nullptr, &ZipWriter::Write, nullptr);
  }
  ~ZipWriter() { archive_write_free(archive_); }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  bool Add(const std::string& path, const std::string& content) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_mtime(entry, UnixNow(), 0);
    bool ok = archive_write_header(archive_, entry) == ARCHIVE_OK &&
              archive_write_data(archive_, content.data(), content.size()) ==
                  static_cast<la_ssize_t>(content.size());
    archive_entry_free(entry);
    return ok;
  }
  // The finished archive, or "" if writing failed.
  std::string Finish() {
    if (archive_write_close(archive_) != ARCHIVE_OK) return "";
    return std::move(bytes_);
  }

 private:
  static la_ssize_t Write(archive*, void* self, const void* data, size_t size) {
    static_cast<ZipWriter*>(self)->bytes_.append(static_cast<const char*>(data), size);
    return static_cast<la_ssize_t>(size);
  }
  archive* archive_;
  std::string bytes_;
};

}  // namespace

std::string Alias(const Share& share) { return "Candidate " + std::to_string(share.id); }

// Every submission of the user, newest first, page by page: a profile and a data export must
// not stop at the newest page.
ApiResult<std::vector<Submission>> AllSubmissions(Services& services, int64_t user_id) {
  std::vector<Submission> all;
  for (int64_t older_than = 0;;) {
    KOODIKOE_TRY(auto page, Check(services.storage.ListSubmissions(user_id, "", older_than)));
    if (page.empty()) return all;
    older_than = page.back().id;
    all.insert(all.end(), std::make_move_iterator(page.begin()),
               std::make_move_iterator(page.end()));
  }
}

ApiResult<Evidence> CollectEvidence(Services& services, int64_t user_id) {
  KOODIKOE_TRY(auto user, Check(services.storage.FindUser(user_id)));
  if (!user) return Reject(Fault::kNotFound, "unknown_user", "There is no such account.");
  KOODIKOE_TRY(auto profile, Check(services.storage.FindProfile(user_id)));
  KOODIKOE_TRY(auto submissions, AllSubmissions(services, user_id));
  Evidence evidence;
  evidence.user = std::move(*user);
  evidence.profile = profile.value_or(Profile{});
  evidence.profile.user_id = user_id;

  std::map<std::string, std::vector<Submission>> by_exercise;
  for (auto it = submissions.rbegin(); it != submissions.rend(); ++it) {
    if (it->status == "done") by_exercise[it->exercise].push_back(*it);
  }
  for (const auto& exercise : services.catalog.All()) {
    auto found = by_exercise.find(exercise->id);
    if (found == by_exercise.end()) continue;
    EvidenceItem item;
    item.exercise = exercise;
    item.attempts = found->second;
    const Submission* final_one = nullptr;
    int64_t previous = 0;
    int64_t seconds = 0;
    for (const auto& s : item.attempts) {
      if (!item.first_at) item.first_at = s.created_at;
      if (!Contains(item.languages, s.language)) item.languages.push_back(s.language);
      item.max_score = std::max(item.max_score, s.max_score);
      item.best_score = std::max(item.best_score, s.score);
      bool accepted = s.verdict == "accepted";
      if (accepted) {
        if (!item.solved_at) item.solved_at = s.created_at;
        item.solved = true;
      }
      if (!final_one || accepted ||
          (final_one->verdict != "accepted" && s.score >= final_one->score)) {
        final_one = &s;
      }
      seconds +=
          previous ? std::min(s.created_at - previous, kWorkGapSeconds) : kFirstAttemptSeconds;
      previous = s.created_at;
    }
    item.minutes_spent = static_cast<int>((seconds + 59) / 60);
    if (final_one) {
      item.final_id = final_one->id;
      item.final_language = final_one->language;
    }
    evidence.items.push_back(std::move(item));
  }
  return evidence;
}

std::vector<std::pair<std::string, int>> SuggestedSkills(const Evidence& evidence) {
  std::map<std::string, int> counts;
  for (const auto& item : evidence.items) {
    if (!item.solved) continue;
    for (const auto& skill : item.exercise->skills) ++counts[skill];
  }
  std::vector<std::pair<std::string, int>> list(counts.begin(), counts.end());
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return list;
}

json EncodeOwnProfile(const Evidence& evidence) {
  const Profile& profile = evidence.profile;
  json results = json::array();
  std::set<std::string> solved;
  for (const auto& item : evidence.items) {
    json encoded = EncodeItem(item, profile);
    encoded["shown"] = item.solved && !Contains(profile.hidden_exercises, item.exercise->id);
    encoded["final_submission"] = item.final_id;
    results.push_back(encoded);
    if (item.solved) solved.insert(item.exercise->id);
  }
  json suggested = json::array();
  for (const auto& [skill, count] : SuggestedSkills(evidence)) {
    suggested.push_back({{"skill", skill},
                         {"exercises", count},
                         {"confirmed", Contains(profile.confirmed_skills, skill)}});
  }
  return {{"username", evidence.user.username},
          {"nickname", evidence.user.nickname},
          {"intro", profile.intro},
          {"intro_language", profile.intro_language},
          {"hidden_exercises", profile.hidden_exercises},
          {"confirmed_skills", profile.confirmed_skills},
          {"suggested_skills", suggested},
          {"solved", solved.size()},
          {"results", results}};
}

ApiResult<json> EncodeSharedReport(Services& services, const Evidence& evidence, const Share& share,
                                   bool with_identity) {
  const Profile& profile = evidence.profile;
  json exercises = json::array();
  std::set<std::string> solved;
  std::map<std::string, std::map<std::string, int>> skills_by_track_tier;
  for (const auto& item : evidence.items) {
    if (!item.solved || Contains(profile.hidden_exercises, item.exercise->id)) continue;
    solved.insert(item.exercise->id);
    json encoded = EncodeItem(item, profile);
    json timeline = json::array();
    for (const auto& s : item.attempts) {
      timeline.push_back({{"id", s.id},
                          {"at", IsoTime(s.created_at)},
                          {"language", s.language},
                          {"verdict", s.verdict},
                          {"score", Number(s.score)},
                          {"max_score", Number(s.max_score)}});
    }
    encoded["timeline"] = timeline;
    KOODIKOE_TRY(auto final_one, Check(services.storage.FindSubmission(item.final_id)));
    if (final_one) {
      json report = json::parse(final_one->report_json, nullptr, false);
      json tests = report.is_object() && report.contains("tests") ? report["tests"] : json::array();
      encoded["final"] = {{"id", final_one->id},
                          {"language", final_one->language},
                          {"verdict", final_one->verdict},
                          {"score", Number(final_one->score)},
                          {"max_score", Number(final_one->max_score)},
                          {"created_at", IsoTime(final_one->created_at)},
                          {"source", final_one->source},
                          {"groups", GroupBreakdown(tests)},
                          {"tests", PublicTests(tests)}};
    }
    exercises.push_back(encoded);
    ++skills_by_track_tier[item.exercise->track][std::to_string(item.exercise->tier)];
  }
  json tables = ProgressTables(services.catalog.All(),
                               [&](const std::string& id) { return solved.count(id) > 0; });
  json chart = json::object();
  for (const auto& [track, tiers] : skills_by_track_tier) chart[track] = tiers;
  json name = nullptr;
  if (with_identity) {
    name = evidence.user.nickname.empty() ? evidence.user.username : evidence.user.nickname;
  }
  return json{{"share", share.id},
              {"alias", Alias(share)},
              {"name", name},
              {"contact", share.contact},
              {"intro", profile.intro},
              {"intro_language", profile.intro_language},
              {"skills", profile.confirmed_skills},
              {"solved", solved.size()},
              {"by_track", tables["by_track"]},
              {"by_tier", tables["by_tier"]},
              {"solved_by_track_tier", chart},
              {"exercises", exercises}};
}

// ---- Handlers ----

ApiResult<ApiReply> GetProfile(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto evidence, CollectEvidence(services, request.user().id));
  ApiReply reply;
  reply.body = EncodeOwnProfile(evidence);
  return reply;
}

ApiResult<ApiReply> PutProfile(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto evidence, CollectEvidence(services, request.user().id));
  Profile profile = evidence.profile;
  const json& body = request.body;
  KOODIKOE_TRY(auto intro, OptionalString(body, "intro", kMaxIntroBytes));
  if (intro) profile.intro = *intro;
  KOODIKOE_TRY(auto language, OptionalString(body, "intro_language", 8));
  if (language) {
    if (*language != "fi" && *language != "en") {
      return Reject(Fault::kInvalid, "bad_language",
                    "\"intro_language\" is \"fi\" (Finnish) or \"en\" (English).");
    }
    profile.intro_language = *language;
  }
  auto string_list = [&](const char* field,
                         std::vector<std::string>& target) -> std::optional<ApiError> {
    if (!body.contains(field)) return std::nullopt;
    const json& list = body[field];
    if (!list.is_array() || list.size() > 1000) {
      return ApiError{Fault::kInvalid, "bad_field",
                      std::string("\"") + field + "\" must be a list of ids.", 0};
    }
    target.clear();
    for (const auto& item : list) {
      if (!item.is_string() || item.get<std::string>().empty() ||
          item.get<std::string>().size() > 200 ||
          item.get<std::string>().find('\n') != std::string::npos) {
        return ApiError{Fault::kInvalid, "bad_field",
                        std::string("\"") + field + "\" must be a list of ids.", 0};
      }
      if (!Contains(target, item.get<std::string>())) target.push_back(item.get<std::string>());
    }
    return std::nullopt;
  };
  if (auto bad = string_list("hidden_exercises", profile.hidden_exercises)) {
    return tl::unexpected(*bad);
  }
  if (auto bad = string_list("confirmed_skills", profile.confirmed_skills)) {
    return tl::unexpected(*bad);
  }
  // Only skills the results show can be confirmed: the profile is evidence, not a wish list.
  auto suggested = SuggestedSkills(evidence);
  for (const auto& skill : profile.confirmed_skills) {
    bool shown = std::any_of(suggested.begin(), suggested.end(),
                             [&](const auto& s) { return s.first == skill; });
    if (!shown) {
      return Reject(Fault::kInvalid, "unproven_skill",
                    "No solved exercise shows the skill \"" + skill +
                        "\" yet. Solve an exercise with that skill first.");
    }
  }
  profile.updated_at = UnixNow();
  KOODIKOE_TRY_VOID(Check(services.storage.PutProfile(profile)));
  evidence.profile = profile;
  ApiReply reply;
  reply.body = EncodeOwnProfile(evidence);
  return reply;
}

ApiResult<ApiReply> PutReflection(Services& services, const ApiRequest& request) {
  const std::string& exercise = request.params.at("exercise");
  KOODIKOE_TRY(auto text, RequireString(request.body, "text", kMaxReflectionBytes));
  KOODIKOE_TRY(auto evidence, CollectEvidence(services, request.user().id));
  bool solved = std::any_of(evidence.items.begin(), evidence.items.end(),
                            [&](const auto& i) { return i.solved && i.exercise->id == exercise; });
  if (!solved) {
    return Reject(Fault::kNotFound, "not_solved",
                  "You have not solved '" + exercise + "' yet; a reflection goes with a solution.");
  }
  Profile profile = evidence.profile;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    profile.reflections.erase(exercise);
  } else {
    profile.reflections[exercise] = text;
  }
  profile.updated_at = UnixNow();
  KOODIKOE_TRY_VOID(Check(services.storage.PutProfile(profile)));
  ApiReply reply;
  reply.body = {{"exercise", exercise}, {"reflection", profile.reflections[exercise]}};
  return reply;
}

ApiResult<ApiReply> GetCredential(Services& services, const ApiRequest& request) {
  const std::string& exercise = request.params.at("exercise");
  KOODIKOE_TRY(auto evidence, CollectEvidence(services, request.user().id));
  for (const auto& item : evidence.items) {
    if (!item.solved || item.exercise->id != exercise) continue;
    const Submission* accepted = nullptr;
    for (const auto& s : item.attempts) {
      if (s.verdict == "accepted") accepted = &s;
    }
    Achievement achievement;
    achievement.exercise = exercise;
    achievement.title_en = item.exercise->Title("en");
    achievement.title_fi = item.exercise->Title("fi");
    achievement.track = item.exercise->track;
    achievement.tier = item.exercise->tier;
    achievement.skills = item.exercise->skills;
    achievement.language = accepted ? accepted->language : item.final_language;
    achievement.score = accepted ? ScoreText(accepted->score, accepted->max_score)
                                 : ScoreText(item.best_score, item.max_score);
    achievement.holder =
        evidence.user.nickname.empty() ? evidence.user.username : evidence.user.nickname;
    achievement.solved_at = item.solved_at;
    auto credential = IssueCredential(services.key, achievement, UnixNow());
    if (!credential) return InternalFailure(credential.error());
    ApiReply reply;
    reply.body = std::move(*credential);
    return reply;
  }
  return Reject(Fault::kNotFound, "not_solved",
                "You have no accepted solution of '" + exercise +
                    "'; a credential is issued for verified results only.");
}

ApiResult<ApiReply> VerifyCredentialRoute(Services& services, const ApiRequest& request) {
  json credential = request.body;
  if (credential.contains("credential") && credential.size() == 1) {
    credential = credential["credential"];
  }
  Verification result = VerifyCredential(credential);
  ApiReply reply;
  reply.body = {{"valid", result.valid},
                {"reason", result.reason},
                {"issuer", result.issuer},
                {"issued_here", result.valid && result.issuer == services.key.did()}};
  if (result.valid && credential.contains("credentialSubject")) {
    const json& subject = credential["credentialSubject"];
    if (subject.contains("achievement")) reply.body["achievement"] = subject["achievement"];
    if (subject.contains("identifier")) reply.body["identifier"] = subject["identifier"];
    reply.body["valid_from"] = credential.value("validFrom", "");
  }
  return reply;
}

ApiResult<ApiReply> GetIssuer(Services& services, const ApiRequest&) {
  ApiReply reply;
  std::string did = services.key.did();
  reply.body = {{"id", did},
                {"name", "koodikoe"},
                {"verificationMethod", did + "#" + did.substr(8)},
                {"cryptosuite", "eddsa-jcs-2022"}};
  return reply;
}

namespace {

// Every submission of the user, encoded for data.json, its source added to the archive.
ApiResult<json> ExportSubmissions(Services& services, const User& user,
                                  const std::vector<Submission>& list, ZipWriter& zip,
                                  const std::string& root) {
  json submissions = json::array();
  for (const auto& listed : list) {
    KOODIKOE_TRY(auto full, Check(services.storage.FindSubmission(listed.id)));
    if (!full) continue;
    const Submission& s = *full;
    std::string file =
        "sources/" + std::to_string(s.id) + "-" + s.exercise + "." + SourceExtension(s.language);
    KOODIKOE_TRY(auto viewer, ViewerOf(services, user, s));
    json encoded = EncodeSubmission(s, true, viewer);
    encoded.erase("source");
    encoded["source_file"] = file;
    KOODIKOE_TRY(auto comments, Check(services.storage.Comments(s.id)));
    encoded["comments"] = json::array();
    for (const auto& c : comments) {
      encoded["comments"].push_back({{"line", c.line},
                                     {"author", c.author},
                                     {"text", c.text},
                                     {"created_at", IsoTime(c.created_at)}});
    }
    submissions.push_back(encoded);
    if (!zip.Add(root + file, s.source)) {
      return Reject(Fault::kInternal, "export_failed", "The archive could not be written.");
    }
  }
  return submissions;
}

// The account's reflections on its roles in teams and the trainers' notes on it.
json EncodeTeamReflectionsForExport(const std::vector<TeamReflection>& reflections) {
  json list = json::array();
  for (const auto& r : reflections) {
    list.push_back({{"team", r.team_name},
                    {"reflection", r.reflection},
                    {"trainer_note", r.trainer_note},
                    {"updated_at", IsoTime(r.updated_at)}});
  }
  return list;
}

// The user's shares and who has seen them, for data.json.
json EncodeSharesForExport(const std::vector<Share>& shares, const std::vector<ShareView>& views) {
  json share_list = json::array();
  for (const auto& share : shares) {
    share_list.push_back({{"id", share.id},
                          {"company", share.company_username},
                          {"kind", share.company_id ? "company" : "link"},
                          {"label", share.label},
                          {"contact", share.contact},
                          {"created_at", IsoTime(share.created_at)},
                          {"revoked_at", IsoTime(share.revoked_at)}});
  }
  json view_list = json::array();
  for (const auto& view : views) {
    view_list.push_back({{"share", view.share_id},
                         {"viewer", view.viewer_username},
                         {"what", view.what},
                         {"viewed_at", IsoTime(view.viewed_at)}});
  }
  return {{"shares", share_list}, {"share_views", view_list}};
}

}  // namespace

ApiResult<std::string> ExportArchive(Services& services, const User& user) {
  KOODIKOE_TRY(auto evidence, CollectEvidence(services, user.id));
  KOODIKOE_TRY(auto list, AllSubmissions(services, user.id));
  KOODIKOE_TRY(auto shares, Check(services.storage.SharesOfCandidate(user.id)));
  KOODIKOE_TRY(auto views, Check(services.storage.ShareViewsOfCandidate(user.id)));
  KOODIKOE_TRY(auto workshops, Check(services.storage.WorkshopsOfMember(user.id)));
  KOODIKOE_TRY(auto reflections, Check(services.storage.ReflectionsOfUser(user.id)));
  KOODIKOE_TRY(auto programmes, ExportProgrammes(services, user));

  ZipWriter zip;
  const std::string root = "koodikoe-" + user.username + "/";
  KOODIKOE_TRY(auto submissions, ExportSubmissions(services, user, list, zip, root));
  json sharing = EncodeSharesForExport(shares, views);
  json workshop_list = json::array();
  for (const auto& w : workshops) {
    workshop_list.push_back({{"id", w.id}, {"title", w.title}});
  }
  json account = {{"exported_at", IsoTime(UnixNow())},
                  {"account",
                   {{"username", user.username},
                    {"role", RoleName(user.role)},
                    {"nickname", user.nickname},
                    {"language", user.language},
                    {"created_at", IsoTime(user.created_at)}}},
                  {"profile", EncodeOwnProfile(evidence)},
                  {"shares", sharing["shares"]},
                  {"share_views", sharing["share_views"]},
                  {"workshops", workshop_list},
                  {"team_reflections", EncodeTeamReflectionsForExport(reflections)},
                  {"programmes", programmes},
                  {"submissions", submissions}};
  if (!zip.Add(root + "data.json", account.dump(2)) ||
      !zip.Add(root + "README.txt",
               "Everything koodikoe holds about the account " + user.username +
                   ": data.json (account, profile, shares, who has seen them, workshops, "
                   "programmes with your guidance path, submissions with their test results and "
                   "comments) and sources/ (the code "
                   "of every submission).\n")) {
    return Reject(Fault::kInternal, "export_failed", "The archive could not be written.");
  }
  std::string bytes = zip.Finish();
  if (bytes.empty()) {
    return Reject(Fault::kInternal, "export_failed", "The archive could not be written.");
  }
  return bytes;
}

ApiResult<ApiReply> DeleteMe(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto password, RequireString(request.body, "password", 256));
  if (!VerifyPassword(request.user().password_hash, password)) {
    return Reject(Fault::kForbidden, "wrong_password",
                  "The password is wrong. Deleting the account needs your password.");
  }
  KOODIKOE_TRY_VOID(Check(services.storage.DeleteUser(request.user().id)));
  ApiReply reply;
  reply.body = {{"deleted", true}};
  reply.set_cookies.push_back("kk_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  reply.set_cookies.push_back("kk_csrf=; Path=/; Max-Age=0; SameSite=Strict");
  return reply;
}

}  // namespace web
