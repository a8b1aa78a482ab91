// Looks up stats with map::at: an unknown code throws and takes the service down.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <string>

struct Entry {
  std::string url;
  int hits = 0;
};
std::map<std::string, Entry> entries;
int next_code = 1000;

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Response(int status, const std::string& reason, const std::string& body,
                     const std::string& extra = "") {
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + extra +
                     "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n";
  if (!body.empty()) head += "Content-Type: application/json\r\n";
  return head + "\r\n" + body;
}

std::string Handle(const std::string& method, const std::string& path, const std::string& body) {
  static const std::regex url_field(R"re(^\s*\{\s*"url"\s*:\s*"([^"\\]*)"\s*\}\s*$)re");
  if (method == "POST" && path == "/shorten") {
    std::smatch match;
    if (!std::regex_match(body, match, url_field)) return Response(400, "Bad Request", "{}");
    std::string url = match[1];
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
      return Response(400, "Bad Request", "{}");
    }
    std::string code = "c" + std::to_string(next_code++);
    entries[code] = Entry{url, 0};
    return Response(201, "Created", "{\"code\":" + Quote(code) + ",\"url\":" + Quote(url) + "}");
  }
  if (method != "GET") return Response(405, "Method Not Allowed", "");
  if (path.rfind("/stats/", 0) == 0) {
    const Entry& entry = entries.at(path.substr(7));  // throws for an unknown code
    return Response(200, "OK", "{\"url\":" + Quote(entry.url) +
                                   ",\"hits\":" + std::to_string(entry.hits) + "}");
  }
  auto found = entries.find(path.substr(1));
  if (found == entries.end()) return Response(404, "Not Found", "{}");
  ++found->second.hits;
  return Response(302, "Found", "", "Location: " + found->second.url + "\r\n");
}

void Serve(int client) {
  std::string request;
  char buffer[4096];
  size_t header_end = std::string::npos;
  size_t wanted = 0;
  while (true) {
    if (header_end == std::string::npos) {
      header_end = request.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        std::smatch match;
        std::string head = request.substr(0, header_end);
        static const std::regex length(R"(\r\n[Cc]ontent-[Ll]ength:\s*(\d+))");
        wanted = std::regex_search(head, match, length) ? std::stoul(match[1]) : 0;
      }
    }
    if (header_end != std::string::npos && request.size() >= header_end + 4 + wanted) break;
    ssize_t n = read(client, buffer, sizeof buffer);
    if (n <= 0) return;
    request.append(buffer, static_cast<size_t>(n));
  }
  std::string line = request.substr(0, request.find("\r\n"));
  size_t space = line.find(' ');
  std::string method = line.substr(0, space);
  std::string path = line.substr(space + 1, line.find(' ', space + 1) - space - 1);
  std::string reply = Handle(method, path, request.substr(header_end + 4, wanted));
  for (size_t sent = 0; sent < reply.size();) {
    ssize_t n = write(client, reply.data() + sent, reply.size() - sent);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

int main() {
  int server = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(std::atoi(std::getenv("PORT"))));
  address.sin_addr.s_addr = htonl(INADDR_ANY);
  if (bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return 1;
  listen(server, 64);
  while (true) {
    int client = accept(server, nullptr, nullptr);
    if (client < 0) continue;
    Serve(client);
    close(client);
  }
}
