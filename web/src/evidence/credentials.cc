// Ed25519 through libsodium, JCS, did:key and the eddsa-jcs-2022 Data Integrity proof.
#include "evidence/credentials.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/time_util.h"
#include "koodikoe/try.h"

namespace web {

namespace {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using nlohmann::json;

constexpr const char* kBase58Alphabet =
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr uint8_t kEd25519Multicodec[2] = {0xed, 0x01};
constexpr const char* kCryptosuite = "eddsa-jcs-2022";

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// UTF-8 to UTF-16 code units, for RFC 8785's key order.
std::u16string Utf16(const std::string& text) {
  std::u16string out;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<uint8_t>(text[i]);
    uint32_t code = byte;
    size_t length = 1;
    if (byte >= 0xf0) {
      code = byte & 0x07;
      length = 4;
    } else if (byte >= 0xe0) {
      code = byte & 0x0f;
      length = 3;
    } else if (byte >= 0xc0) {
      code = byte & 0x1f;
      length = 2;
    }
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<uint8_t>(text[i + k]) & 0x3f);
    }
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      out.push_back(static_cast<char16_t>(0xd800 + (code >> 10)));
      out.push_back(static_cast<char16_t>(0xdc00 + (code & 0x3ff)));
    } else {
      out.push_back(static_cast<char16_t>(code));
    }
  }
  return out;
}

// ECMAScript Number::toString for finite doubles.
std::string EcmaNumber(double value) {
  if (value == 0) return "0";
  if (std::trunc(value) == value && std::fabs(value) < 1e21) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
  }
  // The shortest digits that read back as the same double, in ECMAScript's layout.
  char text[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*e", precision - 1, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  std::string mantissa = text;
  size_t e = mantissa.find('e');
  int exponent = std::atoi(mantissa.c_str() + e + 1);
  mantissa = mantissa.substr(0, e);
  bool negative = mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;
  std::string out;
  if (k <= n && n <= 21) {
    out = digits + std::string(n - k, '0');
  } else if (0 < n && n <= 21) {
    out = digits.substr(0, n) + "." + digits.substr(n);
  } else if (-6 < n && n <= 0) {
    out = "0." + std::string(-n, '0') + digits;
  } else {
    out = digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" +
          (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
  }
  return (negative ? "-" : "") + out;
}

Result<void> Canonical(const json& value, std::string& out) {
  switch (value.type()) {
    case json::value_t::null:
    case json::value_t::boolean:
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::string:
      // nlohmann escapes exactly as RFC 8785 asks: \" \\ \b \f \n \r \t, other controls as
      // \u00xx in lowercase, everything else as raw UTF-8.
      out += value.dump(-1, ' ', false, json::error_handler_t::strict);
      return {};
    case json::value_t::number_float: {
      double number = value.get<double>();
      if (!std::isfinite(number)) {
        return Fail(ErrorCode::kInvalidArgument, "JSON numbers must be finite");
      }
      out += EcmaNumber(number);
      return {};
    }
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        KOODIKOE_TRY_VOID(Canonical(item, out));
      }
      out += ']';
      return {};
    }
    case json::value_t::object: {
      std::vector<std::pair<std::u16string, const std::string*>> keys;
      for (const auto& [key, item] : value.items()) keys.push_back({Utf16(key), &key});
      std::sort(keys.begin(), keys.end());
      out += '{';
      bool first = true;
      for (const auto& [sort_key, key] : keys) {
        if (!first) out += ',';
        first = false;
        out += json(*key).dump(-1, ' ', false, json::error_handler_t::strict);
        out += ':';
        KOODIKOE_TRY_VOID(Canonical(value.at(*key), out));
      }
      out += '}';
      return {};
    }
    default:
      return Fail(ErrorCode::kInvalidArgument, "JSON value of a type JCS cannot express");
  }
}

std::array<uint8_t, 32> Sha256(const std::string& text) {
  std::array<uint8_t, 32> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  return digest;
}

// hashData of eddsa-jcs-2022: SHA-256 of the proof configuration, then of the document.
Result<std::string> HashData(const json& proof_config, const json& document) {
  KOODIKOE_TRY(auto config_text, CanonicalJson(proof_config));
  KOODIKOE_TRY(auto document_text, CanonicalJson(document));
  auto a = Sha256(config_text);
  auto b = Sha256(document_text);
  std::string data(a.begin(), a.end());
  data.append(b.begin(), b.end());
  return data;
}

std::string Uuid() {
  std::array<uint8_t, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  bytes[6] = (bytes[6] & 0x0f) | 0x40;  // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80;  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return text;
}

Verification Invalid(std::string reason, std::string issuer = "") {
  return Verification{false, std::move(reason), std::move(issuer)};
}

std::string IssuerId(const json& credential) {
  if (!credential.contains("issuer")) return "";
  const json& issuer = credential["issuer"];
  if (issuer.is_string()) return issuer.get<std::string>();
  if (issuer.is_object() && issuer.contains("id") && issuer["id"].is_string()) {
    return issuer["id"].get<std::string>();
  }
  return "";
}

bool HasType(const json& value, const std::string& type) {
  if (!value.contains("type")) return false;
  const json& types = value["type"];
  if (types.is_string()) return types == type;
  if (!types.is_array()) return false;
  return std::find(types.begin(), types.end(), json(type)) != types.end();
}

std::string Hex(const uint8_t* data, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<std::string> CanonicalJson(const json& value) {
  std::string out;
  try {
    KOODIKOE_TRY_VOID(Canonical(value, out));
  } catch (const json::exception& e) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string("JSON cannot be canonicalised: ") + e.what());
  }
  return out;
}

std::string Base58Encode(const std::vector<uint8_t>& bytes) {
  size_t zeros = 0;
  while (zeros < bytes.size() && bytes[zeros] == 0) ++zeros;
  std::vector<uint8_t> digits;  // base 58, least significant first
  for (size_t i = zeros; i < bytes.size(); ++i) {
    int carry = bytes[i];
    for (auto& digit : digits) {
      carry += digit * 256;
      digit = static_cast<uint8_t>(carry % 58);
      carry /= 58;
    }
    while (carry > 0) {
      digits.push_back(static_cast<uint8_t>(carry % 58));
      carry /= 58;
    }
  }
  std::string text(zeros, '1');
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) text += kBase58Alphabet[*it];
  return text;
}

std::optional<std::vector<uint8_t>> Base58Decode(const std::string& text) {
  size_t zeros = 0;
  while (zeros < text.size() && text[zeros] == '1') ++zeros;
  std::vector<uint8_t> bytes;  // base 256, least significant first
  for (size_t i = zeros; i < text.size(); ++i) {
    const char* at = std::strchr(kBase58Alphabet, text[i]);
    if (!at || !*at) return std::nullopt;
    int carry = static_cast<int>(at - kBase58Alphabet);
    for (auto& byte : bytes) {
      carry += byte * 58;
      byte = static_cast<uint8_t>(carry & 0xff);
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push_back(static_cast<uint8_t>(carry & 0xff));
      carry >>= 8;
    }
  }
  std::vector<uint8_t> out(zeros, 0);
  out.insert(out.end(), bytes.rbegin(), bytes.rend());
  return out;
}

std::string DidKeyOf(const std::array<uint8_t, 32>& public_key) {
  std::vector<uint8_t> bytes(kEd25519Multicodec, kEd25519Multicodec + 2);
  bytes.insert(bytes.end(), public_key.begin(), public_key.end());
  return "did:key:z" + Base58Encode(bytes);
}

std::optional<std::array<uint8_t, 32>> PublicKeyOfDid(const std::string& did) {
  const std::string prefix = "did:key:z";
  if (did.rfind(prefix, 0) != 0) return std::nullopt;
  auto bytes = Base58Decode(did.substr(prefix.size()));
  if (!bytes || bytes->size() != 34 || (*bytes)[0] != kEd25519Multicodec[0] ||
      (*bytes)[1] != kEd25519Multicodec[1]) {
    return std::nullopt;
  }
  std::array<uint8_t, 32> key{};
  std::copy(bytes->begin() + 2, bytes->end(), key.begin());
  return key;
}

PlatformKey PlatformKey::FromSeed(const std::array<uint8_t, 32>& seed) {
  SodiumReady();
  PlatformKey key;
  crypto_sign_seed_keypair(key.public_key_.data(), key.secret_key_.data(), seed.data());
  return key;
}

Result<PlatformKey> PlatformKey::LoadOrCreate(const std::string& data_dir) {
  if (!SodiumReady()) return Fail(ErrorCode::kInternal, "libsodium could not start");
  std::filesystem::path dir = std::filesystem::path(data_dir) / "keys";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail(ErrorCode::kSystem, "creating " + dir.string() + ": " + ec.message());
  ::chmod(dir.c_str(), 0700);
  std::string path = (dir / "ed25519.key").string();
  if (!std::filesystem::exists(path)) {
    // A new seed goes to a temporary file that is linked into place: if two servers start
    // at once, one link wins and both read the winner's key.
    std::array<uint8_t, 32> seed{};
    randombytes_buf(seed.data(), seed.size());
    std::string temp = path + ".new." + std::to_string(::getpid());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return koodikoe::FailErrno("creating " + temp);
    std::string text = Hex(seed.data(), seed.size()) + "\n";
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    bool synced = ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(seed.data(), seed.size());
    if (!written || !synced) {
      ::unlink(temp.c_str());
      return koodikoe::FailErrno("writing " + temp);
    }
    int linked = ::link(temp.c_str(), path.c_str());
    int link_errno = errno;
    ::unlink(temp.c_str());
    if (linked != 0 && link_errno != EEXIST) {
      return koodikoe::FailErrno(link_errno, "storing the platform key at " + path);
    }
  }
  std::ifstream file(path);
  std::string hex;
  if (!(file >> hex)) return Fail(ErrorCode::kSystem, "reading the platform key " + path);
  std::array<uint8_t, 32> seed{};
  size_t length = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(seed.data(), seed.size(), hex.c_str(), hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != 32) {
    return Fail(ErrorCode::kInvalidArgument,
                path + " is not a koodikoe key (64 hex digits of an Ed25519 seed)");
  }
  PlatformKey key = FromSeed(seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

std::vector<uint8_t> PlatformKey::Sign(const std::string& message) const {
  std::vector<uint8_t> signature(crypto_sign_BYTES);
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_key_.data());
  return signature;
}

Result<json> IssueCredential(const PlatformKey& key, const Achievement& a, int64_t now) {
  std::string did = key.did();
  std::string base = a.platform_url.empty() ? std::string() : a.platform_url;
  json achievement = {
      {"id",
       base.empty() ? "urn:koodikoe:exercise:" + a.exercise : base + "/exercises/" + a.exercise},
      {"type", json::array({"Achievement"})},
      {"achievementType", "Competency"},
      {"name", a.title_en},
      {"description", "Solved the programming exercise \"" + a.title_en + "\" (" + a.title_fi +
                          "), track " + a.track + ", tier " + std::to_string(a.tier) +
                          ", in koodikoe's sandbox; every hidden test was passed."},
      {"criteria",
       {{"narrative",
         "A submission judged accepted on all of the exercise's tests by the "
         "koodikoe judge."}}},
      {"tag", a.skills},
  };
  json credential = {
      {"@context", json::array({"https://www.w3.org/ns/credentials/v2",
                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"})},
      {"id", "urn:uuid:" + Uuid()},
      {"type", json::array({"VerifiableCredential", "OpenBadgeCredential"})},
      {"issuer", {{"id", did}, {"type", json::array({"Profile"})}, {"name", "koodikoe"}}},
      {"validFrom", IsoTime(a.solved_at > 0 ? a.solved_at : now)},
      {"name", a.title_en + " — koodikoe"},
      {"credentialSubject",
       {{"type", json::array({"AchievementSubject"})},
        {"identifier", json::array({{{"type", "IdentityObject"},
                                     {"identityHash", a.holder},
                                     {"identityType", "name"},
                                     {"hashed", false}}})},
        {"achievement", achievement},
        {"result", json::array({{{"type", json::array({"Result"})}, {"value", a.score}}})},
        {"koodikoe",
         {{"exercise", a.exercise},
          {"track", a.track},
          {"tier", a.tier},
          {"language", a.language},
          {"score", a.score}}}}},
  };
  return AddDataIntegrityProof(key, std::move(credential),
                               did + "#" + did.substr(std::string("did:key:").size()),
                               IsoTime(now));
}

Result<json> AddDataIntegrityProof(const PlatformKey& key, json document,
                                   const std::string& verification_method,
                                   const std::string& created) {
  json proof = {{"type", "DataIntegrityProof"},
                {"cryptosuite", kCryptosuite},
                {"created", created},
                {"verificationMethod", verification_method},
                {"proofPurpose", "assertionMethod"}};
  if (document.contains("@context")) proof["@context"] = document["@context"];
  KOODIKOE_TRY(auto data, HashData(proof, document));
  proof["proofValue"] = "z" + Base58Encode(key.Sign(data));
  document["proof"] = proof;
  return document;
}

Verification VerifyDataIntegrityProof(const json& secured,
                                      const std::array<uint8_t, 32>& public_key) {
  if (!SodiumReady()) return Invalid("libsodium could not start");
  if (!secured.is_object() || !secured.contains("proof") || !secured["proof"].is_object()) {
    return Invalid("The document has no proof: it was never signed.");
  }
  const json& proof = secured["proof"];
  auto text = [&](const char* field) {
    return proof.contains(field) && proof[field].is_string() ? proof[field].get<std::string>()
                                                             : std::string();
  };
  if (text("type") != "DataIntegrityProof" || text("cryptosuite") != kCryptosuite) {
    return Invalid("The proof is not a DataIntegrityProof of the eddsa-jcs-2022 cryptosuite.");
  }
  if (text("proofPurpose") != "assertionMethod") {
    return Invalid("The proof's purpose is not assertionMethod.");
  }
  if (proof.contains("@context") && proof["@context"] != secured.value("@context", json())) {
    return Invalid("The proof's @context differs from the document's.");
  }
  std::string value = text("proofValue");
  if (value.size() < 2 || value[0] != 'z') {
    return Invalid("The proofValue is not base58btc multibase.");
  }
  auto signature = Base58Decode(value.substr(1));
  if (!signature || signature->size() != crypto_sign_BYTES) {
    return Invalid("The proofValue is not an Ed25519 signature.");
  }
  json document = secured;
  document.erase("proof");
  json config = proof;
  config.erase("proofValue");
  auto data = HashData(config, document);
  if (!data) return Invalid("The document is not canonical JSON: " + data.error().context);
  if (crypto_sign_verify_detached(signature->data(),
                                  reinterpret_cast<const unsigned char*>(data->data()),
                                  data->size(), public_key.data()) != 0) {
    return Invalid(
        "The signature does not match: the credential was changed after it was signed, or "
        "signed by another key.");
  }
  return Verification{true, "", ""};
}

Verification VerifyCredential(const json& credential) {
  if (!SodiumReady()) return Invalid("libsodium could not start");
  if (!credential.is_object()) return Invalid("A credential is a JSON object.");
  if (!HasType(credential, "VerifiableCredential") || !HasType(credential, "OpenBadgeCredential")) {
    return Invalid("This is not an OpenBadgeCredential (its \"type\" lacks it).");
  }
  std::string issuer = IssuerId(credential);
  if (issuer.empty()) return Invalid("The credential names no issuer.");
  if (!credential.contains("proof") || !credential["proof"].is_object()) {
    return Invalid("The credential has no proof: it was never signed.", issuer);
  }
  const json& proof = credential["proof"];
  auto text = [&](const char* field) {
    return proof.contains(field) && proof[field].is_string() ? proof[field].get<std::string>()
                                                             : std::string();
  };
  if (text("type") != "DataIntegrityProof" || text("cryptosuite") != kCryptosuite) {
    return Invalid("The proof is not a DataIntegrityProof of the eddsa-jcs-2022 cryptosuite.",
                   issuer);
  }
  if (text("proofPurpose") != "assertionMethod") {
    return Invalid("The proof's purpose is not assertionMethod.", issuer);
  }
  std::string method = text("verificationMethod");
  std::string method_did = method.substr(0, method.find('#'));
  if (method_did != issuer) {
    return Invalid("The proof was made with a key that is not the issuer's.", issuer);
  }
  auto public_key = PublicKeyOfDid(issuer);
  if (!public_key) return Invalid("The issuer is not an Ed25519 did:key.", issuer);
  if (method != issuer + "#" + issuer.substr(std::string("did:key:").size())) {
    return Invalid("The proof's verificationMethod is not the issuer's key.", issuer);
  }
  Verification result = VerifyDataIntegrityProof(credential, *public_key);
  result.issuer = issuer;
  return result;
}

std::string SignShareLink(const PlatformKey& key, int64_t share_id, const std::string& nonce) {
  std::string body = std::to_string(share_id) + "." + nonce;
  auto signature = key.Sign("koodikoe-share:" + body);
  return body + "." + Base58Encode(signature);
}

std::optional<std::pair<int64_t, std::string>> ParseShareLink(const PlatformKey& key,
                                                              const std::string& token) {
  if (!SodiumReady() || token.size() > 300) return std::nullopt;
  size_t first = token.find('.');
  size_t second = first == std::string::npos ? first : token.find('.', first + 1);
  if (second == std::string::npos) return std::nullopt;
  std::string id_text = token.substr(0, first);
  std::string nonce = token.substr(first + 1, second - first - 1);
  if (id_text.empty() || id_text.size() > 18 || nonce.empty() ||
      id_text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  auto signature = Base58Decode(token.substr(second + 1));
  if (!signature || signature->size() != crypto_sign_BYTES) return std::nullopt;
  std::string message = "koodikoe-share:" + token.substr(0, second);
  if (crypto_sign_verify_detached(signature->data(),
                                  reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size(), key.public_key().data()) != 0) {
    return std::nullopt;
  }
  return std::make_pair(std::stoll(id_text), nonce);
}

}  // namespace web
