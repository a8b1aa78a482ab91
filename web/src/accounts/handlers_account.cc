// Sessions, the caller's own account, and accounts made by an admin.
#include "base/time_util.h"
#include "http/api.h"

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

}  // namespace

ApiResult<ApiReply> Login(Services& services, const ApiRequest& request) {
  auto username = RequireString(request.body, "username", 64);
  if (!username) return tl::unexpected(username.error());
  auto password = RequireString(request.body, "password", 256);
  if (!password) return tl::unexpected(password.error());

  std::string limit_key = *username + "|" + request.http.remote_addr;
  if (int64_t wait = services.login_limiter.SecondsUntilAllowed(limit_key); wait > 0) {
    ApiError error{Fault::kRateLimited, "too_many_attempts",
                   "Too many wrong passwords for this name. Wait " +
                       std::to_string((wait + 59) / 60) +
                       " minutes and try again, or ask the trainer to check your password.",
                   static_cast<int>(wait)};
    return tl::unexpected(error);
  }
  auto user = Check(services.storage.FindUserByName(*username));
  if (!user) return tl::unexpected(user.error());
  bool valid = false;
  if (*user) {
    valid = VerifyPassword((*user)->password_hash, *password);
  } else {
    VerifyDummyPassword(*password);
  }
  if (!valid) {
    services.login_limiter.RecordFailure(limit_key);
    return Reject(Fault::kUnauthenticated, "wrong_credentials",
                  "The username or the password is wrong. Check them and try again.");
  }
  services.login_limiter.RecordSuccess(limit_key);

  Session session;
  std::string token = RandomHex(32);
  session.token_hash = TokenHash(token);
  session.user_id = (*user)->id;
  session.csrf = RandomHex(16);
  session.created_at = UnixNow();
  session.expires_at = session.created_at + kSessionSeconds;
  if (auto added = Check(services.storage.AddSession(session)); !added) {
    return tl::unexpected(added.error());
  }
  bool secure = BehindTls(request, services.options);
  ApiReply reply;
  reply.body = {{"token", token},
                {"role", RoleName((*user)->role)},
                {"username", (*user)->username},
                {"csrf", session.csrf},
                {"language", (*user)->language}};
  reply.set_cookies = {Cookie("kk_session", token, kSessionSeconds, true, secure),
                       Cookie("kk_csrf", session.csrf, kSessionSeconds, false, secure)};
  return reply;
}

ApiResult<ApiReply> Logout(Services& services, const ApiRequest& request) {
  if (auto deleted = Check(services.storage.DeleteSession(request.who().token_hash)); !deleted) {
    return tl::unexpected(deleted.error());
  }
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
  auto language = OptionalString(request.body, "language", 8);
  if (!language) return tl::unexpected(language.error());
  if (*language) {
    if (**language != "fi" && **language != "en") {
      return Reject(Fault::kInvalid, "unknown_language",
                    "The language must be \"fi\" (suomi) or \"en\" (English).");
    }
    user.language = **language;
  }
  auto nickname = OptionalString(request.body, "nickname", 64);
  if (!nickname) return tl::unexpected(nickname.error());
  if (*nickname) user.nickname = **nickname;
  if (auto updated = Check(services.storage.UpdateUser(user)); !updated) {
    return tl::unexpected(updated.error());
  }
  ApiReply reply;
  reply.body = EncodeMe(user);
  return reply;
}

ApiResult<ApiReply> CreateUserRoute(Services& services, const ApiRequest& request) {
  auto username = RequireString(request.body, "username", 64);
  if (!username) return tl::unexpected(username.error());
  auto password = RequireString(request.body, "password", 256);
  if (!password) return tl::unexpected(password.error());
  auto role_name = RequireString(request.body, "role", 32);
  if (!role_name) return tl::unexpected(role_name.error());
  auto role = ParseRole(*role_name);
  if (!role) {
    return Reject(Fault::kInvalid, "unknown_role",
                  "The role must be candidate, trainer, company or admin.");
  }
  auto existing = Check(services.storage.FindUserByName(*username));
  if (!existing) return tl::unexpected(existing.error());
  if (*existing) {
    return Reject(Fault::kConflict, "username_taken",
                  "The username '" + *username + "' is taken; choose another.");
  }
  auto id = CreateUser(services.storage, *username, *password, *role);
  if (!id) {
    if (id.error().code == ErrorCode::kInvalidArgument) {
      return Reject(Fault::kInvalid, "invalid_account", id.error().context);
    }
    return InternalFailure(id.error());
  }
  ApiReply reply;
  reply.body = {{"id", *id}, {"username", *username}, {"role", RoleName(*role)}};
  return reply;
}

}  // namespace web
