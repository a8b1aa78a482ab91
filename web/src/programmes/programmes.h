// Programmes (issue 21): a coordinator's months-long programme with its workshops, trials,
// coaches, participants and partner companies, and each participant's guidance path. The
// API's handlers, for the route table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http/api.h"

namespace web {

// A participant without activity for this long shows in their coaches' reminders.
inline constexpr int64_t kQuietSeconds = 14 * 24 * 3600;

// The small-group rule: outside the programme's coordinators, a count of fewer people than
// this (other than 0) is hidden.
inline constexpr int64_t kSmallGroup = 5;

// The outcomes a coach records, in the report's order.
inline constexpr const char* kOutcomes[] = {"employed", "apprenticeship", "education", "other",
                                            "unknown"};
bool IsOutcome(const std::string& word);

// Who the caller is in one programme. kCoordinator: its coordinator or an admin.
enum class Seat { kNone, kCoordinator, kCoach, kParticipant, kCompany };

// A programme as its handlers read it: members and who coaches whom.
struct ProgrammeView {
  Programme programme;
  std::vector<ProgrammeMember> members;
  std::vector<std::pair<int64_t, int64_t>> coaching;  // (coach, participant)

  Seat SeatOf(const User& user) const;
  const ProgrammeMember* Member(int64_t user_id) const;
  bool Coaches(int64_t coach_id, int64_t participant_id) const;
  std::vector<std::string> CoachesOf(int64_t participant_id) const;
};

// The programme of the path's {id} if the caller has a seat in it, else a kNotFound fault
// (a programme one is not in does not show that it exists).
ApiResult<ProgrammeView> SeenProgramme(Services&, const ApiRequest&);

// A participant's path ({id} and {user} of the path) as the caller may reach it: only the
// participant and their coaches; a kNotFound fault for everyone else, the coordinator too.
struct PathAccess {
  ProgrammeView view;
  ProgrammeMember participant;
  bool is_participant = false;  // the caller is the participant; otherwise one of their coaches
};
ApiResult<PathAccess> SeePath(Services&, const ApiRequest&);

// Programmes and their members (handlers_programmes.cc).
ApiResult<ApiReply> CreateProgramme(Services&, const ApiRequest&);
ApiResult<ApiReply> ListProgrammes(Services&, const ApiRequest&);
ApiResult<ApiReply> GetProgramme(Services&, const ApiRequest&);
ApiResult<ApiReply> JoinProgramme(Services&, const ApiRequest&);
ApiResult<ApiReply> AddProgrammeMember(Services&, const ApiRequest&);
ApiResult<ApiReply> AssignCoachRoute(Services&, const ApiRequest&);
ApiResult<ApiReply> AddProgrammeItemRoute(Services&, const ApiRequest&);
ApiResult<ApiReply> PutLookingFor(Services&, const ApiRequest&);

// Guidance paths (guidance.cc).
ApiResult<ApiReply> GetGuidancePath(Services&, const ApiRequest&);
ApiResult<ApiReply> AddGoal(Services&, const ApiRequest&);
ApiResult<ApiReply> AddCheckIn(Services&, const ApiRequest&);
ApiResult<ApiReply> AddReflection(Services&, const ApiRequest&);
ApiResult<ApiReply> GetReminders(Services&, const ApiRequest&);

// Career paths (careers.cc).
ApiResult<ApiReply> CreateCareerPath(Services&, const ApiRequest&);
ApiResult<ApiReply> ListCareerPaths(Services&, const ApiRequest&);
ApiResult<ApiReply> GetCareerProgress(Services&, const ApiRequest&);

// Outcomes (outcomes.cc).
ApiResult<ApiReply> GetOutcome(Services&, const ApiRequest&);
ApiResult<ApiReply> PutOutcomeRoute(Services&, const ApiRequest&);

// The programme report (report.cc): JSON, and the same rows as CSV.
ApiResult<ApiReply> GetProgrammeReport(Services&, const ApiRequest&);
ApiResult<std::string> ProgrammeReportCsv(Services&, const ApiRequest&);

// Demo data for `serve --demo` (demo_programme.cc): a programme with a coordinator, a coach,
// a partner company and participants at different points, once.
Result<void> SeedDemoProgramme(Storage& storage, const Catalog& catalog);

// The user's programmes and guidance paths, for their data download.
ApiResult<json> ExportProgrammes(Services&, const User& user);

}  // namespace web
