// Demo programme for `serve --demo`: "Vantaa kevät 2027", run by the coordinator kaisa, with
// the trainer outi as everyone's coach, the company lumo as partner, the demo workshop, a
// trial, a career path, and eight participants at different points of their paths (some have solved
// exercises, shared their profile, been contacted, opened a trial, found work), so that a
// newcomer sees the guidance paths and the report filled. Accounts of their own (passwords
// NAME-demo), so the other demo accounts keep what they show.
#include <algorithm>

#include "accounts/auth.h"
#include "base/time_util.h"
#include "evidence/evidence.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

constexpr const char* kDemoProgrammeCode = "VANTAA27";
constexpr int64_t kDay = 24 * 3600;

// One participant's point along the path.
struct DemoParticipant {
  const char* username;
  const char* nickname;
  int solved;           // exercises solved (queued with accepted solutions, judged at start)
  bool shared;          // shared their profile with the partner company
  bool contacted;       // ... which asked for contact
  bool trial;           // opened the partner company's trial
  const char* outcome;  // "" while the path goes on
  int quiet_days;       // joined this long ago and did nothing since (reminders), or 0
};

constexpr DemoParticipant kParticipants[] = {
    {"elina", "Elina", 3, true, true, true, "employed", 0},
    {"jari", "Jari", 3, true, false, true, "apprenticeship", 0},
    {"leena", "Leena", 2, true, true, false, "employed", 0},
    {"matti", "Matti", 2, true, false, true, "education", 0},
    {"noora", "Noora", 1, true, false, false, "education", 0},
    {"pirjo", "Pirjo", 1, false, false, false, "", 0},
    {"rasmus", "Rasmus", 0, false, false, false, "", 20},
    {"tuomas", "Tuomas", 0, false, false, false, "other", 0},
};

Result<int64_t> DemoAccount(Storage& storage, const std::string& username, Role role,
                            const std::string& nickname) {
  KOODIKOE_TRY(auto existing, storage.FindUserByName(username));
  if (existing) return existing->id;
  KOODIKOE_TRY(auto id, CreateUser(storage, username, username + "-demo", role));
  KOODIKOE_TRY(auto user, storage.FindUser(id));
  if (user) {
    user->nickname = nickname;
    KOODIKOE_TRY_VOID(storage.UpdateUser(*user));
  }
  return id;
}

// Accepted solutions of the first `count` easy exercises, queued to be judged.
Result<void> QueueSolutions(Storage& storage, const Catalog& catalog, int64_t user_id, int count,
                            int64_t at) {
  auto exercises = catalog.All();
  std::stable_partition(exercises.begin(), exercises.end(),
                        [](const auto& e) { return e->track == "basics"; });
  for (const auto& e : exercises) {
    if (count == 0) break;
    auto solution = DemoSolution(*e, true);
    if (e->tier > 2 || !solution) continue;
    Submission s;
    s.user_id = user_id;
    s.exercise = e->id;
    s.language = solution->first;
    s.source = solution->second;
    s.created_at = at;
    at += 2 * kDay;
    KOODIKOE_TRY_VOID(storage.AddSubmission(s));
    --count;
  }
  return {};
}

// The first skills of the easiest exercises: a path every demo catalogue can show.
CareerPath DemoPath(const Catalog& catalog, int64_t programme_id) {
  CareerPath path;
  path.programme_id = programme_id;
  path.name = "Junior developer";
  path.created_at = UnixNow();
  for (const auto& e : catalog.All()) {
    for (const auto& skill : e->skills) {
      bool listed = std::any_of(path.skills.begin(), path.skills.end(),
                                [&](const auto& s) { return s.first == skill; });
      if (!listed && path.skills.size() < 4) path.skills.emplace_back(skill, std::min(e->tier, 2));
    }
  }
  return path;
}

struct DemoCast {
  int64_t programme = 0, coach = 0, company = 0, trial = 0;
  int64_t start = 0;  // when the programme began
};

Result<void> SeedParticipant(Storage& storage, const Catalog& catalog, const DemoCast& cast,
                             const DemoParticipant& p) {
  KOODIKOE_TRY(auto id, DemoAccount(storage, p.username, Role::kCandidate, p.nickname));
  int64_t joined = p.quiet_days ? UnixNow() - p.quiet_days * kDay : cast.start;
  KOODIKOE_TRY_VOID(
      storage.PutProgrammeMember({cast.programme, id, "", "", "participant", "", joined}));
  KOODIKOE_TRY_VOID(storage.AssignCoach(cast.programme, cast.coach, id));
  KOODIKOE_TRY(auto earlier, storage.ListSubmissions(id, "", 0));
  if (earlier.empty()) {
    KOODIKOE_TRY_VOID(QueueSolutions(storage, catalog, id, p.solved, UnixNow() - 12 * kDay));
  }
  KOODIKOE_TRY_VOID(
      storage.AddGuidanceEntry({0, cast.programme, id, cast.coach, "", "goal",
                                "Find a first job or training place in IT", cast.start + kDay}));
  if (p.solved > 0) {
    KOODIKOE_TRY_VOID(storage.AddGuidanceEntry(
        {0, cast.programme, id, cast.coach, "", "checkin",
         "Good progress with the basics; next: show the work to a partner company.",
         cast.start + 14 * kDay}));
  }
  if (p.quiet_days == 0) {
    KOODIKOE_TRY_VOID(storage.AddGuidanceEntry(
        {0, cast.programme, id, id, "", "reflection",
         "I can explain loops and conditions in my own words now.", UnixNow() - 2 * kDay}));
  }
  KOODIKOE_TRY(auto shares, storage.SharesOfCandidate(id));
  if (p.shared && shares.empty()) {
    Share share;
    share.candidate_id = id;
    share.company_id = cast.company;
    share.label = "Vantaa kevät 2027";
    share.created_at = cast.start + 20 * kDay;
    KOODIKOE_TRY(auto share_id, storage.AddShare(share));
    if (p.contacted) {
      KOODIKOE_TRY_VOID(storage.SetShareContact(share_id, "accepted", "Could you visit us?"));
    }
  }
  if (p.trial && cast.trial) {
    KOODIKOE_TRY_VOID(storage.OpenTrial(cast.trial, id, cast.start + 30 * kDay));
  }
  if (*p.outcome) {
    KOODIKOE_TRY_VOID(storage.PutOutcome(
        {cast.programme, id, p.outcome, "2027-05-30", true, cast.coach, "", UnixNow()}));
  }
  return {};
}

}  // namespace

Result<void> SeedDemoProgramme(Storage& storage, const Catalog& catalog) {
  KOODIKOE_TRY(auto existing, storage.FindProgrammeByCode(kDemoProgrammeCode));
  if (existing) return {};
  DemoCast cast;
  KOODIKOE_TRY(cast.coach, DemoAccount(storage, "outi", Role::kTrainer, "Outi"));
  KOODIKOE_TRY(cast.company, DemoAccount(storage, "lumo", Role::kCompany, "Lumo Software"));
  cast.start = UnixNow() - 60 * kDay;
  KOODIKOE_TRY(auto coordinator, DemoAccount(storage, "kaisa", Role::kCoordinator, "Kaisa"));
  Programme programme;
  programme.coordinator_id = coordinator;
  programme.name = "Vantaa kevät 2027";
  programme.description =
      "Six months from jobseeker to junior developer: workshops, coaching and partner companies.";
  programme.starts_on = IsoTime(cast.start).substr(0, 10);
  programme.ends_on = IsoTime(cast.start + 180 * kDay).substr(0, 10);
  programme.join_code = kDemoProgrammeCode;
  programme.created_at = cast.start;
  KOODIKOE_TRY(cast.programme, storage.AddProgramme(programme));
  KOODIKOE_TRY_VOID(
      storage.PutProgrammeMember({cast.programme, cast.coach, "", "", "coach", "", cast.start}));
  KOODIKOE_TRY_VOID(storage.PutProgrammeMember(
      {cast.programme, cast.company, "", "", "company",
       R"({"path":"Junior developer","skills":["loops","conditions"]})", cast.start}));
  KOODIKOE_TRY(auto workshop, storage.FindWorkshopByCode("DEMO42"));
  if (workshop)
    KOODIKOE_TRY_VOID(storage.AddProgrammeItem(cast.programme, "workshop", workshop->id));
  auto exercises = catalog.All();
  if (!exercises.empty()) {
    Trial trial;
    trial.owner_id = cast.company;
    trial.title = "Junior developer trial";
    trial.minutes = 60;
    trial.invite_code = RandomHex(12);
    trial.exercises = {exercises.front()->id};
    trial.created_at = cast.start + 25 * kDay;
    KOODIKOE_TRY(cast.trial, storage.AddTrial(trial));
    KOODIKOE_TRY_VOID(storage.AddProgrammeItem(cast.programme, "trial", cast.trial));
  }
  KOODIKOE_TRY_VOID(storage.AddCareerPath(DemoPath(catalog, cast.programme)));
  for (const auto& p : kParticipants) KOODIKOE_TRY_VOID(SeedParticipant(storage, catalog, cast, p));
  return {};
}

}  // namespace web
