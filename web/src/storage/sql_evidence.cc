// A candidate's evidence and consent: the profile with reflections, shares (to
// a company or by signed link), who has seen them, and companies' shortlists.
#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {
namespace {

constexpr const char* kShareColumns =
    "s.id, s.candidate_id, c.username, c.nickname, coalesce(s.company_id, 0), "
    "coalesce(k.username, ''), s.link_nonce, s.label, s.contact, "
    "s.contact_message, "
    "s.created_at, s.revoked_at FROM shares s JOIN users c ON c.id = "
    "s.candidate_id "
    "LEFT JOIN users k ON k.id = s.company_id";

Share ReadShare(const sql::Rows& r, size_t row) {
  return sql::Fields(&Share::id, &Share::candidate_id, &Share::candidate_username,
                     &Share::candidate_nickname, &Share::company_id, &Share::company_username,
                     &Share::link_nonce, &Share::label, &Share::contact, &Share::contact_message,
                     &Share::created_at, &Share::revoked_at)(r, row);
}

// A user id column that may be NULL: 0 stands for nobody.
sql::Value UserOrNull(int64_t id) { return id > 0 ? sql::Value(id) : sql::Value(); }

}  // namespace

Result<std::optional<Profile>> SqlStorage::FindProfile(int64_t user_id) {
  KOODIKOE_TRY(auto r, Run("find profile",
                           "SELECT intro, intro_language, hidden_exercises, "
                           "confirmed_skills, updated_at "
                           "FROM profiles WHERE user_id = ?1",
                           {user_id}));
  if (r.empty()) return std::optional<Profile>();
  Profile p;
  p.user_id = user_id;
  p.intro = r.Text(0, 0);
  p.intro_language = r.Text(0, 1);
  p.hidden_exercises = sql::SplitLines(r.Text(0, 2));
  p.confirmed_skills = sql::SplitLines(r.Text(0, 3));
  p.updated_at = r.Int(0, 4);
  KOODIKOE_TRY(
      auto refl,
      Run("reflections", "SELECT exercise, text FROM reflections WHERE user_id = ?1", {user_id}));
  for (size_t i = 0; i < refl.size(); ++i) p.reflections[refl.Text(i, 0)] = refl.Text(i, 1);
  return p;
}

Result<void> SqlStorage::PutProfile(const Profile& p) {
  return InTransaction("put profile", [&](sql::Connection& connection) -> Result<void> {
    KOODIKOE_TRY_VOID(Run(connection, "put profile",
                          "INSERT INTO profiles(user_id, intro, intro_language, "
                          "hidden_exercises, "
                          "confirmed_skills, updated_at) "
                          "VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT(user_id) "
                          "DO UPDATE SET intro = excluded.intro, intro_language = "
                          "excluded.intro_language, hidden_exercises = "
                          "excluded.hidden_exercises, "
                          "confirmed_skills = excluded.confirmed_skills, "
                          "updated_at = excluded.updated_at",
                          {p.user_id, p.intro, p.intro_language, sql::JoinLines(p.hidden_exercises),
                           sql::JoinLines(p.confirmed_skills), p.updated_at}));
    KOODIKOE_TRY_VOID(Run(connection, "clear reflections",
                          "DELETE FROM reflections WHERE user_id = ?1", {p.user_id}));
    for (const auto& [exercise, text] : p.reflections) {
      KOODIKOE_TRY_VOID(Run(connection, "add reflection",
                            "INSERT INTO reflections(user_id, exercise, text) "
                            "VALUES(?1,?2,?3)",
                            {p.user_id, exercise, text}));
    }
    return {};
  });
}

Result<int64_t> SqlStorage::AddShare(const Share& s) {
  return sql::FirstInt(Run("add share",
                           "INSERT INTO shares(candidate_id, company_id, link_nonce, label, "
                           "contact, "
                           "contact_message, created_at, revoked_at) "
                           "VALUES(?1,?2,?3,?4,?5,?6,?7,?8) "
                           "RETURNING id",
                           {s.candidate_id, UserOrNull(s.company_id), s.link_nonce, s.label,
                            s.contact, s.contact_message, s.created_at, s.revoked_at}));
}

Result<std::vector<Share>> SqlStorage::Shares(std::string_view where, const Params& params) {
  return sql::ReadAll(
      Run("shares", std::string("SELECT ") + kShareColumns + std::string(where), params),
      ReadShare);
}

Result<std::optional<Share>> SqlStorage::FindShare(int64_t id) {
  return sql::First(Shares(" WHERE s.id = ?1", {id}));
}

Result<std::vector<Share>> SqlStorage::SharesOfCandidate(int64_t candidate_id) {
  return Shares(" WHERE s.candidate_id = ?1 ORDER BY s.id DESC", {candidate_id});
}

Result<std::vector<Share>> SqlStorage::SharesForCompany(int64_t company_id) {
  return Shares(" WHERE s.company_id = ?1 AND s.revoked_at = 0 ORDER BY s.id DESC", {company_id});
}

Result<bool> SqlStorage::RevokeShare(int64_t id, int64_t now) {
  KOODIKOE_TRY(
      auto r, Run("revoke share",
                  "UPDATE shares SET revoked_at = ?1 WHERE id = ?2 AND revoked_at = 0", {now, id}));
  return r.changes > 0;
}

Result<void> SqlStorage::SetShareContact(int64_t id, const std::string& contact,
                                         const std::string& message) {
  return Exec("set share contact",
              "UPDATE shares SET contact = ?1, contact_message = ?2 WHERE id = ?3",
              {contact, message, id});
}

Result<void> SqlStorage::AddShareView(const ShareView& v) {
  return Exec("add share view",
              "INSERT INTO share_views(share_id, viewer_id, what, viewed_at) "
              "VALUES(?1,?2,?3,?4)",
              {v.share_id, UserOrNull(v.viewer_id), v.what, v.viewed_at});
}

Result<std::vector<ShareView>> SqlStorage::ShareViewsOfCandidate(int64_t candidate_id) {
  return sql::ReadAll(
      Run("share views",
          "SELECT v.share_id, coalesce(v.viewer_id, 0), coalesce(u.username, "
          "''), v.what, "
          "v.viewed_at FROM share_views v JOIN shares s ON s.id = v.share_id "
          "LEFT JOIN users u ON u.id = v.viewer_id WHERE s.candidate_id = ?1 "
          "ORDER BY v.id DESC LIMIT 500",
          {candidate_id}),
      sql::Fields(&ShareView::share_id, &ShareView::viewer_id, &ShareView::viewer_username,
                  &ShareView::what, &ShareView::viewed_at));
}

Result<void> SqlStorage::PutShortlistEntry(const ShortlistEntry& e) {
  return Exec("put shortlist entry",
              "INSERT INTO shortlist(company_id, share_id, note, updated_at) "
              "VALUES(?1,?2,?3,?4) "
              "ON CONFLICT(company_id, share_id) DO UPDATE SET note = excluded.note, "
              "updated_at = excluded.updated_at",
              {e.company_id, e.share_id, e.note, e.updated_at});
}

Result<void> SqlStorage::RemoveShortlistEntry(int64_t company_id, int64_t share_id) {
  return Exec("remove shortlist entry",
              "DELETE FROM shortlist WHERE company_id = ?1 AND share_id = ?2",
              {company_id, share_id});
}

Result<std::vector<ShortlistEntry>> SqlStorage::Shortlist(int64_t company_id) {
  return sql::ReadAll(Run("shortlist",
                          "SELECT company_id, share_id, note, updated_at FROM shortlist "
                          "WHERE company_id = ?1 ORDER BY updated_at DESC",
                          {company_id}),
                      sql::Fields(&ShortlistEntry::company_id, &ShortlistEntry::share_id,
                                  &ShortlistEntry::note, &ShortlistEntry::updated_at));
}

}  // namespace web
