#include "http/static_files.h"

#include <filesystem>

#include "koodikoe/files.h"

namespace web {

namespace {

constexpr const char* kNotBuiltPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>koodikoe</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>koodikoe is running</h1>
<p>The API answers at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>, but the
browser interface has not been built.</p>
<p>Build it with <code>cd web/ui &amp;&amp; npm ci &amp;&amp; npm run build</code>
(or configure CMake with <code>-DKOODIKOE_BUILD_UI=ON</code>), or point the server at a built
copy with <code>koodikoe serve --ui DIR</code>.</p>
<p lang="fi">Selainkäyttöliittymää ei ole vielä käännetty: aja
<code>npm ci &amp;&amp; npm run build</code> hakemistossa <code>web/ui</code>.</p>
</body></html>
)";

}  // namespace

std::string DefaultUiDir(const std::string& configured) {
  return configured.empty() ? std::string(KOODIKOE_WEB_UI_DIST) : configured;
}

void MountUi(httplib::Server& server, const std::string& ui_dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::path(ui_dir) / "index.html", ec)) return;
  // X-Content-Type-Options comes with the default headers: once, not twice.
  server.set_mount_point("/", ui_dir, {{"Cache-Control", "public, max-age=300"}});
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
}

httplib::Headers SecurityHeaders() {
  // No inline script anywhere: the built UI is script files only (web/ui/README.md). Styles
  // may be inline: the code editor puts its theme in a <style> element it writes at run time.
  return {{"Content-Security-Policy",
           "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
           "img-src 'self' data:; "
           "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'none'"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "same-origin"},
          {"X-Frame-Options", "DENY"}};
}

void AddHstsOverTls(httplib::Server& server, bool always_tls) {
  server.set_post_routing_handler(
      [always_tls](const httplib::Request& req, httplib::Response& res) {
        if (always_tls || req.get_header_value("X-Forwarded-Proto") == "https") {
          res.set_header("Strict-Transport-Security", "max-age=31536000");
        }
      });
}

UiPage UiIndex(const std::string& ui_dir) {
  auto index = koodikoe::ReadFile(ui_dir + "/index.html", 4u << 20);
  if (index) return {*index, "text/html; charset=utf-8"};
  return {kNotBuiltPage, "text/html; charset=utf-8"};
}

}  // namespace web
