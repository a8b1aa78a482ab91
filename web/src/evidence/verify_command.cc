// `koodikoe verify`: an Open Badges 3.0 credential checked offline, from its own contents.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "evidence/credentials.h"
#include "http/server.h"

namespace web {

namespace {

constexpr const char* kVerifyUsage = R"(usage: koodikoe verify FILE [--issuer DID | --data DIR]
  Checks the credential's eddsa-jcs-2022 Data Integrity proof against its issuer's did:key.
  --issuer DID   also require this issuer (e.g. the did:key a platform publishes at
                 /api/v1/credentials/issuer)
  --data DIR     also require the issuer to be the platform whose data directory this is
  Exit 0: valid. Exit 1: not valid (the reason is printed). Exit 2: usage or unreadable file.
)";

}  // namespace

int VerifyCommand(int argc, char** argv) {
  std::string file;
  std::string issuer;
  std::string data_dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kVerifyUsage;
      return 0;
    }
    if ((arg == "--issuer" || arg == "--data") && i + 1 < argc) {
      (arg == "--issuer" ? issuer : data_dir) = argv[++i];
    } else if (!arg.empty() && arg[0] != '-' && file.empty()) {
      file = arg;
    } else {
      std::cerr << "koodikoe verify: unexpected argument '" << arg << "'\n\n" << kVerifyUsage;
      return 2;
    }
  }
  if (file.empty()) {
    std::cerr << kVerifyUsage;
    return 2;
  }
  if (!data_dir.empty()) {
    std::ifstream key_file(data_dir + "/keys/ed25519.key");
    if (!key_file) {
      std::cerr << "koodikoe verify: " << data_dir
                << "/keys/ed25519.key does not exist: no platform key in that data directory\n";
      return 2;
    }
    auto key = PlatformKey::LoadOrCreate(data_dir);
    if (!key) {
      std::cerr << "koodikoe verify: " << key.error().Describe() << "\n";
      return 2;
    }
    issuer = key->did();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "koodikoe verify: cannot read " << file << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto credential = nlohmann::json::parse(text.str(), nullptr, false);
  if (credential.is_discarded()) {
    std::cout << "NOT VALID: " << file << " is not JSON.\n";
    return 1;
  }
  Verification result = VerifyCredential(credential);
  if (!result.valid) {
    std::cout << "NOT VALID: " << result.reason << "\n";
    return 1;
  }
  if (!issuer.empty() && result.issuer != issuer) {
    std::cout << "NOT VALID: the signature is sound, but the issuer is " << result.issuer
              << ", not " << issuer << ".\n";
    return 1;
  }
  std::string name;
  if (credential.contains("credentialSubject") &&
      credential["credentialSubject"].contains("achievement")) {
    name = credential["credentialSubject"]["achievement"].value("name", "");
  }
  std::cout << "VALID: \"" << name << "\" issued by " << result.issuer << " on "
            << credential.value("validFrom", "?") << "\n";
  return 0;
}

}  // namespace web
