// Internal to web/: the built browser UI.
#pragma once

#include <httplib.h>

#include <string>

namespace web {

struct UiPage {
  std::string body;
  std::string content_type;
};

// The UI directory to serve: `configured` if given, else the build's web/ui/dist.
std::string DefaultUiDir(const std::string& configured);

// Serves the files of the UI (if built) at "/".
void MountUi(httplib::Server& server, const std::string& ui_dir);

// index.html of the UI, or a page saying how to build the UI when it is not built.
// Headers on every answer: a Content-Security-Policy that allows nothing inline and no
// framing, nosniff (once), no cross-site referrer.
httplib::Headers SecurityHeaders();
// Strict-Transport-Security on every answer when the site is served over TLS (--secure-cookies,
// or a proxy's X-Forwarded-Proto: https).
void AddHstsOverTls(httplib::Server& server, bool always_tls);

UiPage UiIndex(const std::string& ui_dir);

}  // namespace web
