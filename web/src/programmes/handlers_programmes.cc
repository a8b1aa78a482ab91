// Programmes: a coordinator creates one and fills it with coaches (trainer accounts),
// participants (candidates, added or joining with a code), partner companies (which publish
// what they look for), workshops and trials. Each member sees the programme as their seat
// allows; anyone else gets 404.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <regex>

#include "base/time_util.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

// No 0/O or 1/I: codes are read off a whiteboard.
constexpr char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

std::string NewProgrammeCode() {
  std::string random = RandomHex(8);
  std::string code;
  for (size_t i = 0; i < 8; ++i) {
    int value = std::stoi(random.substr(i * 2, 2), nullptr, 16);
    code += kCodeAlphabet[value % (sizeof kCodeAlphabet - 1)];
  }
  return code;
}

const char* SeatName(Seat seat) {
  switch (seat) {
    case Seat::kCoordinator:
      return "coordinator";
    case Seat::kCoach:
      return "coach";
    case Seat::kParticipant:
      return "participant";
    case Seat::kCompany:
      return "company";
    case Seat::kNone:
      break;
  }
  return "none";
}

bool MayCoordinate(Role role) { return role == Role::kCoordinator || role == Role::kAdmin; }

ApiResult<std::string> RequireDate(const json& body, const std::string& field) {
  KOODIKOE_TRY(auto text, RequireString(body, field, 10));
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(text, kDate)) {
    return Reject(Fault::kInvalid, "bad_field",
                  "The field '" + field + "' must be a date, YYYY-MM-DD.", {{"field", field}});
  }
  return text;
}

json EncodeLooksFor(const std::string& looks_for) {
  if (looks_for.empty()) return nullptr;
  return json::parse(looks_for, nullptr, false);
}

json Companies(const ProgrammeView& view) {
  json list = json::array();
  for (const auto& m : view.members) {
    if (m.role != "company") continue;
    list.push_back({{"username", m.username},
                    {"nickname", m.nickname},
                    {"looks_for", EncodeLooksFor(m.looks_for)}});
  }
  return list;
}

json EncodePerson(const ProgrammeMember& m) {
  return {{"id", m.user_id}, {"username", m.username}, {"nickname", m.nickname}};
}

// The programme's workshops and trials with their titles (one gone since is left out).
ApiResult<json> Items(Services& services, int64_t programme_id) {
  KOODIKOE_TRY(auto items, Check(services.storage.ProgrammeItems(programme_id)));
  json workshops = json::array(), trials = json::array();
  for (const auto& [kind, id] : items) {
    if (kind == "workshop") {
      KOODIKOE_TRY(auto w, Check(services.storage.FindWorkshop(id)));
      if (w) workshops.push_back({{"id", w->id}, {"title", w->title}});
    } else {
      KOODIKOE_TRY(auto t, Check(services.storage.FindTrial(id)));
      if (t) trials.push_back({{"id", t->id}, {"title", t->title}, {"owner", t->owner_username}});
    }
  }
  return json{{"workshops", workshops}, {"trials", trials}};
}

json EncodeBasics(const Programme& p, Seat seat) {
  return {{"id", p.id},
          {"name", p.name},
          {"description", p.description},
          {"starts_on", p.starts_on},
          {"ends_on", p.ends_on},
          {"coordinator", p.coordinator_username},
          {"your_role", SeatName(seat)}};
}

ApiResult<json> EncodeProgramme(Services& services, const ProgrammeView& view, const User& user) {
  Seat seat = view.SeatOf(user);
  json out = EncodeBasics(view.programme, seat);
  out["companies"] = Companies(view);
  if (seat == Seat::kCompany) return out;
  KOODIKOE_TRY(auto items, Items(services, view.programme.id));
  out["workshops"] = items["workshops"];
  out["trials"] = items["trials"];
  if (seat == Seat::kParticipant) {
    out["coaches"] = view.CoachesOf(user.id);
    return out;
  }
  json people = json::array();
  for (const auto& m : view.members) {
    if (seat == Seat::kCoach && !view.Coaches(user.id, m.user_id)) continue;
    json person = EncodePerson(m);
    person["role"] = m.role;
    person["joined_at"] = IsoTime(m.joined_at);
    if (m.role == "participant") person["coaches"] = view.CoachesOf(m.user_id);
    people.push_back(std::move(person));
  }
  out[seat == Seat::kCoach ? "participants" : "members"] = people;
  if (seat == Seat::kCoordinator) out["join_code"] = view.programme.join_code;
  return out;
}

ApiResult<ProgrammeView> CoordinatedProgramme(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  if (view.SeatOf(request.user()) != Seat::kCoordinator) {
    return Reject(Fault::kNotFound, "not_found", "You coordinate no programme with that number.");
  }
  return view;
}

ApiResult<User> Account(Services& services, const std::string& username) {
  KOODIKOE_TRY(auto user, Check(services.storage.FindUserByName(username)));
  if (!user) {
    return Reject(Fault::kNotFound, "unknown_user", "There is no account '" + username + "'.",
                  {{"username", username}});
  }
  return std::move(*user);
}

// The account role each programme role needs.
std::optional<Role> AccountRoleFor(const std::string& programme_role) {
  if (programme_role == "participant") return Role::kCandidate;
  if (programme_role == "coach") return Role::kTrainer;
  if (programme_role == "company") return Role::kCompany;
  return std::nullopt;
}

ApiResult<ApiReply> Encoded(Services& services, int64_t id, const User& user) {
  KOODIKOE_TRY(auto programme, Check(services.storage.FindProgramme(id)));
  if (!programme) return Reject(Fault::kNotFound, "not_found", "The programme is gone.");
  ProgrammeView view;
  view.programme = std::move(*programme);
  KOODIKOE_TRY(view.members, Check(services.storage.ProgrammeMembers(id)));
  KOODIKOE_TRY(view.coaching, Check(services.storage.CoachAssignments(id)));
  ApiReply reply;
  KOODIKOE_TRY(reply.body, EncodeProgramme(services, view, user));
  return reply;
}

}  // namespace

Seat ProgrammeView::SeatOf(const User& user) const {
  if (user.role == Role::kAdmin || programme.coordinator_id == user.id) return Seat::kCoordinator;
  const ProgrammeMember* member = Member(user.id);
  if (!member) return Seat::kNone;
  if (member->role == "coach") return Seat::kCoach;
  if (member->role == "company") return Seat::kCompany;
  return Seat::kParticipant;
}

const ProgrammeMember* ProgrammeView::Member(int64_t user_id) const {
  for (const auto& m : members) {
    if (m.user_id == user_id) return &m;
  }
  return nullptr;
}

bool ProgrammeView::Coaches(int64_t coach_id, int64_t participant_id) const {
  return std::find(coaching.begin(), coaching.end(), std::pair{coach_id, participant_id}) !=
         coaching.end();
}

std::vector<std::string> ProgrammeView::CoachesOf(int64_t participant_id) const {
  std::vector<std::string> names;
  for (const auto& [coach, participant] : coaching) {
    if (participant != participant_id) continue;
    if (const ProgrammeMember* m = Member(coach)) names.push_back(m->username);
  }
  return names;
}

ApiResult<ProgrammeView> SeenProgramme(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY(auto programme, Check(services.storage.FindProgramme(id)));
  if (!programme) {
    return Reject(Fault::kNotFound, "not_found", "You are in no programme with that number.");
  }
  ProgrammeView view;
  view.programme = std::move(*programme);
  KOODIKOE_TRY(view.members, Check(services.storage.ProgrammeMembers(id)));
  KOODIKOE_TRY(view.coaching, Check(services.storage.CoachAssignments(id)));
  if (view.SeatOf(request.user()) == Seat::kNone) {
    return Reject(Fault::kNotFound, "not_found", "You are in no programme with that number.");
  }
  return view;
}

ApiResult<ApiReply> CreateProgramme(Services& services, const ApiRequest& request) {
  if (!MayCoordinate(request.user().role)) {
    return Reject(Fault::kForbidden, "admin_only",
                  "Only a coordinator (or an admin) creates programmes; an admin can make your "
                  "account a coordinator.");
  }
  Programme p;
  KOODIKOE_TRY(p.name, RequireString(request.body, "name", 200));
  KOODIKOE_TRY(auto description, OptionalString(request.body, "description", 4000));
  KOODIKOE_TRY(p.starts_on, RequireDate(request.body, "starts_on"));
  KOODIKOE_TRY(p.ends_on, RequireDate(request.body, "ends_on"));
  if (p.ends_on < p.starts_on) {
    return Reject(Fault::kInvalid, "bad_field", "The programme must end on or after its start.",
                  {{"field", "ends_on"}});
  }
  p.description = description.value_or("");
  p.coordinator_id = request.user().id;
  p.created_at = UnixNow();
  for (int attempt = 0; attempt < 10; ++attempt) {
    p.join_code = NewProgrammeCode();
    auto id = services.storage.AddProgramme(p);
    if (id) return Encoded(services, *id, request.user());
    if (id.error().code != ErrorCode::kInvalidArgument) return InternalFailure(id.error());
  }
  return InternalFailure({ErrorCode::kInternal, 0, "no free programme code after 10 tries"});
}

ApiResult<ApiReply> ListProgrammes(Services& services, const ApiRequest& request) {
  const User& user = request.user();
  KOODIKOE_TRY(auto list, Check(services.storage.ProgrammesOfUser(user.id)));
  KOODIKOE_TRY(auto memberships, Check(services.storage.MembershipsOf(user.id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& p : list) {
    ProgrammeView view;
    view.programme = p;
    for (const auto& m : memberships) {
      if (m.programme_id == p.id) view.members.push_back(m);
    }
    reply.body.push_back(EncodeBasics(p, view.SeatOf(user)));
  }
  return reply;
}

ApiResult<ApiReply> GetProgramme(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  ApiReply reply;
  KOODIKOE_TRY(reply.body, EncodeProgramme(services, view, request.user()));
  return reply;
}

ApiResult<ApiReply> JoinProgramme(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto code, RequireString(request.body, "code", 32));
  std::string normalized;
  for (char c : code) {
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '-') {
      normalized += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  KOODIKOE_TRY(auto programme, Check(services.storage.FindProgrammeByCode(normalized)));
  if (!programme) {
    return Reject(Fault::kNotFound, "unknown_join_code",
                  "No programme has the code '" + code + "'. Check it with your coordinator.");
  }
  KOODIKOE_TRY(auto members, Check(services.storage.ProgrammeMembers(programme->id)));
  bool already = std::any_of(members.begin(), members.end(), [&](const ProgrammeMember& m) {
    return m.user_id == request.user().id;
  });
  if (!already) {
    ProgrammeMember m;
    m.programme_id = programme->id;
    m.user_id = request.user().id;
    m.role = "participant";
    m.joined_at = UnixNow();
    KOODIKOE_TRY_VOID(Check(services.storage.PutProgrammeMember(m)));
  }
  return Encoded(services, programme->id, request.user());
}

ApiResult<ApiReply> AddProgrammeMember(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, CoordinatedProgramme(services, request));
  KOODIKOE_TRY(auto username, RequireString(request.body, "username", 64));
  KOODIKOE_TRY(auto role, RequireString(request.body, "role", 32));
  auto account_role = AccountRoleFor(role);
  if (!account_role) {
    return Reject(Fault::kInvalid, "unknown_role",
                  "A member's role is participant, coach or company.", {{"role", role}});
  }
  KOODIKOE_TRY(auto user, Account(services, username));
  if (user.role != *account_role) {
    return Reject(Fault::kInvalid, "unknown_role",
                  "'" + username + "' has a " + RoleName(user.role) + " account; a " + role +
                      " needs a " + RoleName(*account_role) + " account.",
                  {{"role", role}});
  }
  ProgrammeMember m;
  m.programme_id = view.programme.id;
  m.user_id = user.id;
  m.role = role;
  m.joined_at = UnixNow();
  if (const ProgrammeMember* existing = view.Member(user.id)) {
    m.joined_at = existing->joined_at;
    m.looks_for = existing->looks_for;
  }
  KOODIKOE_TRY_VOID(Check(services.storage.PutProgrammeMember(m)));
  return Encoded(services, view.programme.id, request.user());
}

ApiResult<ApiReply> AssignCoachRoute(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, CoordinatedProgramme(services, request));
  KOODIKOE_TRY(auto coach_name, RequireString(request.body, "coach", 64));
  KOODIKOE_TRY(auto participant_name, RequireString(request.body, "participant", 64));
  const ProgrammeMember* coach = nullptr;
  const ProgrammeMember* participant = nullptr;
  for (const auto& m : view.members) {
    if (m.username == coach_name && m.role == "coach") coach = &m;
    if (m.username == participant_name && m.role == "participant") participant = &m;
  }
  if (!coach || !participant) {
    return Reject(Fault::kNotFound, "unknown_member",
                  "Both must be in the programme: '" + coach_name + "' as a coach and '" +
                      participant_name + "' as a participant.");
  }
  KOODIKOE_TRY_VOID(
      Check(services.storage.AssignCoach(view.programme.id, coach->user_id, participant->user_id)));
  return Encoded(services, view.programme.id, request.user());
}

ApiResult<ApiReply> AddProgrammeItemRoute(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, CoordinatedProgramme(services, request));
  KOODIKOE_TRY(auto kind, RequireString(request.body, "kind", 16));
  KOODIKOE_TRY(auto id, RequireInt(request.body, "id", 1, INT64_MAX));
  if (kind == "workshop") {
    KOODIKOE_TRY(auto w, Check(services.storage.FindWorkshop(id)));
    if (!w)
      return Reject(Fault::kNotFound, "unknown_workshop",
                    "There is no workshop " + std::to_string(id) + ".");
  } else if (kind == "trial") {
    KOODIKOE_TRY(auto t, Check(services.storage.FindTrial(id)));
    if (!t)
      return Reject(Fault::kNotFound, "unknown_trial",
                    "There is no trial " + std::to_string(id) + ".");
  } else {
    return Reject(Fault::kInvalid, "bad_field", "The kind must be \"workshop\" or \"trial\".",
                  {{"field", "kind"}});
  }
  KOODIKOE_TRY_VOID(Check(services.storage.AddProgrammeItem(view.programme.id, kind, id)));
  return Encoded(services, view.programme.id, request.user());
}

ApiResult<ApiReply> PutLookingFor(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  const ProgrammeMember* me = view.Member(request.user().id);
  if (!me || me->role != "company") {
    return Reject(Fault::kForbidden, "company_only",
                  "Only a partner company of the programme says what it looks for.");
  }
  KOODIKOE_TRY(auto path, OptionalString(request.body, "path", 200));
  json skills = request.body.value("skills", json::array());
  if (!skills.is_array() || skills.size() > 50 ||
      !std::all_of(skills.begin(), skills.end(), [](const json& s) {
        return s.is_string() && s.get<std::string>().size() <= 200;
      })) {
    return Reject(Fault::kInvalid, "bad_field", "skills must be a list of at most 50 names.",
                  {{"field", "skills"}});
  }
  ProgrammeMember m = *me;
  m.looks_for = json{{"path", path.value_or("")}, {"skills", skills}}.dump();
  KOODIKOE_TRY_VOID(Check(services.storage.PutProgrammeMember(m)));
  return Encoded(services, view.programme.id, request.user());
}

}  // namespace web
