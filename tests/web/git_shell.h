// Running the real `git` client (and other shell lines) in a test's directory, isolated from
// this machine's configuration and never prompting: for the team project tests.
#pragma once

#include <stdio.h>
#include <sys/wait.h>

#include <fstream>
#include <string>

namespace web_test {

struct Ran {
  int status = -1;
  std::string output;  // standard output and error together
};

// Runs a shell command line in `dir`; git's author and committer are `who`.
inline Ran Shell(const std::string& dir, const std::string& command, const std::string& who = "t") {
  std::string line = "cd '" + dir + "' && HOME='" + dir +
                     "' GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0 GIT_AUTHOR_NAME=" + who +
                     " GIT_AUTHOR_EMAIL=" + who + "@example.com GIT_COMMITTER_NAME=" + who +
                     " GIT_COMMITTER_EMAIL=" + who + "@example.com " + command + " 2>&1";
  Ran ran;
  FILE* pipe = popen(line.c_str(), "r");
  if (!pipe) return ran;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) ran.output.append(buffer, n);
  int status = pclose(pipe);
  ran.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

inline void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// The clone URL with a person's credentials in it.
inline std::string UrlAs(const std::string& clone_url, const std::string& user,
                         const std::string& password) {
  return "http://" + user + ":" + password + "@" + clone_url.substr(7);
}

}  // namespace web_test
