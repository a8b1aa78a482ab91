// Sessions, the caller's own account, and accounts made by an admin.
#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

// Behind a TLS-terminating proxy the browser sees https; the cookie must then be Secure.
bool BehindTls(const ApiRequest& request, const ServerOptions& options) {
  return options.secure_cookies || request.http.get_header_value("X-Forwarded-Proto") == "https";
}

std::string Cookie(const std::string& name, const std::string& value, int64_t max_age,
                   bool http_only, bool secure) {
  std::string cookie =
      name + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age) + "; SameSite=Strict";
  if (http_only) cookie += "; HttpOnly";
  if (secure) cookie += "; Secure";
  return cookie;
}

// The login page's language: the body's "language", else the browser's Accept-Language; the
// UI speaks Finnish first.
bool PrefersFinnish(const ApiRequest& request) {
  if (request.body.is_object() && request.body.contains("language") &&
      request.body["language"].is_string()) {
    return request.body["language"] != "en";
  }
  std::string accept = request.http.get_header_value("Accept-Language");
  return accept.empty() || accept.rfind("fi", 0) == 0;
}

}  // namespace

ApiResult<ApiReply> Login(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto username, RequireString(request.body, "username", 64));
  KOODIKOE_TRY(auto password, RequireString(request.body, "password", 256));

  // Counted before the password is checked, so parallel guesses cannot race past the count.
  const std::string& address = request.http.remote_addr;
  bool finnish = PrefersFinnish(request);
  if (int64_t wait = services.login_limiter.BeginGuess(username, address); wait > 0) {
    std::string seconds = std::to_string(wait);
    ApiError error{Fault::kRateLimited, "too_many_attempts",
                   finnish ? "Liian monta väärää salasanaa. Odota " + seconds +
                                 " sekuntia ja yritä uudelleen, tai pyydä valmentajaa avaamaan "
                                 "tunnuksesi."
                           : "Too many wrong passwords. Wait " + seconds +
                                 " seconds and try again, or ask your trainer to unlock your "
                                 "account.",
                   static_cast<int>(wait)};
    return tl::unexpected(error);
  }
  KOODIKOE_TRY(auto user, Check(services.storage.FindUserByName(username)));
  bool valid = false;
  if (user) {
    valid = VerifyPassword(user->password_hash, password);
  } else {
    VerifyDummyPassword(password);
  }
  if (!valid) {
    return Reject(Fault::kUnauthenticated, "wrong_credentials",
                  finnish ? "Käyttäjätunnus tai salasana on väärin. Tarkista ne ja yritä uudelleen."
                          : "The username or the password is wrong. Check them and try again.");
  }
  services.login_limiter.Succeeded(username, address);

  Session session;
  std::string token = RandomHex(32);
  session.token_hash = TokenHash(token);
  session.user_id = user->id;
  session.csrf = RandomHex(16);
  session.created_at = UnixNow();
  session.expires_at = session.created_at + kSessionSeconds;
  KOODIKOE_TRY_VOID(Check(services.storage.AddSession(session)));
  bool secure = BehindTls(request, services.options);
  ApiReply reply;
  reply.body = {{"token", token},
                {"role", RoleName(user->role)},
                {"username", user->username},
                {"csrf", session.csrf},
                {"language", user->language}};
  reply.set_cookies = {Cookie("kk_session", token, kSessionSeconds, true, secure),
                       Cookie("kk_csrf", session.csrf, kSessionSeconds, false, secure)};
  return reply;
}

ApiResult<ApiReply> Logout(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY_VOID(Check(services.storage.DeleteSession(request.who().token_hash)));
  bool secure = BehindTls(request, services.options);
  ApiReply reply;
  reply.body = {{"ok", true}};
  reply.set_cookies = {Cookie("kk_session", "", 0, true, secure),
                       Cookie("kk_csrf", "", 0, false, secure)};
  return reply;
}

ApiResult<ApiReply> GetMe(Services&, const ApiRequest& request) {
  ApiReply reply;
  reply.body = EncodeMe(request.user());
  return reply;
}

ApiResult<ApiReply> PutMe(Services& services, const ApiRequest& request) {
  User user = request.user();
  KOODIKOE_TRY(auto language, OptionalString(request.body, "language", 8));
  if (language) {
    if (*language != "fi" && *language != "en") {
      return Reject(Fault::kInvalid, "unknown_language",
                    "The language must be \"fi\" (suomi) or \"en\" (English).");
    }
    user.language = *language;
  }
  KOODIKOE_TRY(auto nickname, OptionalString(request.body, "nickname", 64));
  if (nickname) user.nickname = *nickname;
  KOODIKOE_TRY_VOID(Check(services.storage.UpdateUser(user)));
  ApiReply reply;
  reply.body = EncodeMe(user);
  return reply;
}

ApiResult<ApiReply> CreateUserRoute(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto username, RequireString(request.body, "username", 64));
  KOODIKOE_TRY(auto password, RequireString(request.body, "password", 256));
  KOODIKOE_TRY(auto role_name, RequireString(request.body, "role", 32));
  auto role = ParseRole(role_name);
  if (!role) {
    return Reject(Fault::kInvalid, "unknown_role",
                  "The role must be candidate, trainer, company, coordinator or admin.");
  }
  KOODIKOE_TRY(auto existing, Check(services.storage.FindUserByName(username)));
  if (existing) {
    return Reject(Fault::kConflict, "username_taken",
                  "The username '" + username + "' is taken; choose another.",
                  {{"username", username}});
  }
  auto id = CreateUser(services.storage, username, password, *role);
  if (!id) {
    if (id.error().code == ErrorCode::kInvalidArgument) {
      return Reject(Fault::kInvalid, "invalid_account", id.error().context,
                    {{"detail", id.error().context}});
    }
    return InternalFailure(id.error());
  }
  ApiReply reply;
  reply.body = {{"id", *id}, {"username", username}, {"role", RoleName(*role)}};
  return reply;
}

// An admin changes an account's role, e.g. makes a trainer a programme coordinator.
ApiResult<ApiReply> SetUserRole(Services& services, const ApiRequest& request) {
  const std::string& username = request.params.at("username");
  KOODIKOE_TRY(auto role_name, RequireString(request.body, "role", 32));
  auto role = ParseRole(role_name);
  if (!role) {
    return Reject(Fault::kInvalid, "unknown_role",
                  "The role must be candidate, trainer, company, coordinator or admin.");
  }
  KOODIKOE_TRY(auto user, Check(services.storage.FindUserByName(username)));
  if (!user) {
    return Reject(Fault::kNotFound, "unknown_user", "There is no account '" + username + "'.",
                  {{"username", username}});
  }
  user->role = *role;
  KOODIKOE_TRY_VOID(Check(services.storage.UpdateUser(*user)));
  ApiReply reply;
  reply.body = {{"id", user->id}, {"username", username}, {"role", RoleName(*role)}};
  return reply;
}

// A trainer lets a member of their workshop (an admin: anyone) try passwords again at once.
ApiResult<ApiReply> UnlockLogin(Services& services, const ApiRequest& request) {
  const std::string& username = request.params.at("username");
  KOODIKOE_TRY(auto user, Check(services.storage.FindUserByName(username)));
  bool allowed = user && request.user().role == Role::kAdmin;
  if (user && !allowed) {
    KOODIKOE_TRY(auto trains, Check(services.storage.IsTrainerOf(request.user().id, user->id)));
    allowed = trains;
  }
  if (!allowed) {
    return Reject(Fault::kForbidden, "not_your_member",
                  "Only a trainer of one of " + username +
                      "'s workshops (or an admin) can unlock the account.",
                  {{"username", username}});
  }
  services.login_limiter.Unlock(username);
  ApiReply reply;
  reply.body = {{"username", username}, {"unlocked", true}};
  return reply;
}

}  // namespace web
