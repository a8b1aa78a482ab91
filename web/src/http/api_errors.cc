#include "base/log.h"
#include "http/api_error.h"

namespace web {

namespace {

// The error words, alphabetically. The UI's catalogues (web/ui/src/i18n) carry "err.<word>" for
// each one; tests/web/error_words_test.cc checks both against the server's sources.
constexpr std::string_view kErrorWords[] = {
    "admin_only",
    "already_in_team",
    "bad_exercises",
    "bad_field",
    "bad_group",
    "bad_hash",
    "bad_json",
    "bad_language",
    "bad_request",
    "bad_shares",
    "body_too_large",
    "bundled_exercise",
    "candidate_only",
    "check_running",
    "company_only",
    "csrf_failed",
    "empty_comment",
    "empty_source",
    "empty_title",
    "empty_upload",
    "encoded_body",
    "exercise_exists",
    "export_failed",
    "field_too_large",
    "header_too_large",
    "input_too_large",
    "internal_error",
    "invalid_account",
    "invalid_package",
    "invalid_set",
    "invalid_upload",
    "judge_down",
    "link_not_valid",
    "login_required",
    "missing_field",
    "nested_too_deeply",
    "no_check",
    "no_request",
    "no_such_route",
    "no_version",
    "not_a_member",
    "not_a_service",
    "not_a_trainer",
    "not_found",
    "not_in_workshop",
    "not_owner",
    "not_shared",
    "not_solved",
    "not_validated",
    "not_your_member",
    "not_your_workshop",
    "out_of_range",
    "read_only_set",
    "request_timeout",
    "scoreboard_off",
    "set_exists",
    "share_lost",
    "source_too_large",
    "stale_version",
    "storage_down",
    "team_full",
    "team_size",
    "too_many_attempts",
    "too_many_connections",
    "too_many_exercises",
    "too_many_queued",
    "too_many_streams",
    "trainer_only",
    "unknown_company",
    "unknown_exercise",
    "unknown_help_request",
    "unknown_join_code",
    "unknown_language",
    "unknown_member",
    "unknown_project",
    "unknown_role",
    "unknown_set",
    "unknown_share",
    "unknown_submission",
    "unknown_team",
    "unknown_team_code",
    "unknown_trial",
    "unknown_user",
    "unknown_version",
    "unknown_workshop",
    "unproven_skill",
    "unsupported_language",
    "username_taken",
    "workers_disabled",
    "wrong_credentials",
    "wrong_password",
    "wrong_worker_token",
};

}  // namespace

std::span<const std::string_view> ErrorWords() { return kErrorWords; }

tl::unexpected<ApiError> InternalFailure(const koodikoe::Error& error) {
  LogError("internal: " + error.Describe());
  return Reject(Fault::kInternal, "internal_error",
                "Something went wrong on the server. Try again in a moment; if it keeps "
                "happening, tell the workshop's trainer.");
}

}  // namespace web
