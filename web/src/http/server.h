// `koodikoe serve`, `koodikoe user`: the commands of the web module, and the pieces the
// server is assembled from.
#pragma once

#include <string>
#include <vector>

namespace web {

// One config struct for the server, filled from the command line; defaults documented here.
struct ServerOptions {
  int port = 8080;
  std::string bind_address = "0.0.0.0";
  std::string db = "sqlite:koodikoe.db";
  std::vector<std::string> exercise_dirs;
  int workers = -1;  // judge helpers; -1 = the number of cores, 0 = none (remote workers judge)
  bool demo = false;
  std::string ui_dir;       // "" = the build's web/ui/dist
  std::string data_dir;     // imported packages; "" = koodikoe-data next to the database
  bool fake_judge = false;  // tests of the web layer only: scripted verdicts, built-in exercises
  bool secure_cookies = false;        // also implied per request by X-Forwarded-Proto: https
  int job_timeout_seconds = 600;      // a helper silent for this long on one job is replaced
  size_t max_body_bytes = 32u << 20;  // anything larger gets 413 before a handler sees it
  // Submissions and runs one account may have waiting for their verdicts; one more gets 429
  // too_many_queued. 0 = no cap. Rejudges by trainers are never refused.
  int queued_per_account = 10;
  // Shared with `koodikoe worker`s (GET /api/v1/packages/{hash}); "" = no remote workers.
  // From KOODIKOE_WORKER_TOKEN or --worker-token-file, never from the command line itself.
  std::string worker_token;
};

int ServeCommand(int argc, char** argv);
int UserCommand(int argc, char** argv);
int WorkerCommand(int argc, char** argv);
// `koodikoe verify FILE [--issuer DID | --data DIR]`: checks an Open Badges credential offline.
// Exit 0 when valid (and from the expected issuer, if one was named), 1 with the reason when
// not, 2 for a usage error or an unreadable file.
int VerifyCommand(int argc, char** argv);

}  // namespace web
