// `koodikoe user add NAME --role ROLE [--db URL]`, password from standard input.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "accounts/auth.h"
#include "http/server.h"

namespace web {

namespace {

constexpr const char* kUserUsage =
    R"(usage: koodikoe user add NAME --role candidate|trainer|company|coordinator|admin [--db URL]
  The password is read from standard input (one line).
)";

// Reads one line; without echo when typed at a terminal.
std::string ReadPassword() {
  bool terminal = ::isatty(0);
  termios old_mode{};
  if (terminal) {
    std::cerr << "Password: " << std::flush;
    tcgetattr(0, &old_mode);
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(0, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(0, TCSANOW, &old_mode);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

int UserCommand(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "add") {
    std::cerr << kUserUsage;
    return 2;
  }
  std::string name = argv[2];
  std::string role_name;
  std::string db = ServerOptions().db;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--role" || arg == "--db") && i + 1 < argc) {
      (arg == "--role" ? role_name : db) = argv[++i];
    } else {
      std::cerr << "koodikoe user: unknown option '" << arg << "'\n\n" << kUserUsage;
      return 2;
    }
  }
  auto role = ParseRole(role_name);
  if (!role) {
    std::cerr
        << "koodikoe user: --role must be candidate, trainer, company, coordinator or admin\n";
    return 2;
  }
  auto storage = OpenStorage(db);
  if (!storage) {
    std::cerr << "koodikoe user: " << storage.error().Describe() << "\n";
    return 1;
  }
  std::string password = ReadPassword();
  auto id = CreateUser(**storage, name, password, *role);
  if (!id) {
    std::cerr << "koodikoe user: " << id.error().context << "\n";
    return 1;
  }
  std::cout << "added " << RoleName(*role) << " " << name << " (id " << *id << ")\n";
  return 0;
}

}  // namespace web
