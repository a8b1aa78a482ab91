// Portable, signed evidence: the platform's Ed25519 key, Open Badges 3.0 credentials (W3C
// Verifiable Credentials) with a Data Integrity proof of the eddsa-jcs-2022 cryptosuite, and the
// signed links by which a candidate shares a report. Knows nothing of HTTP or storage.
//
// The proof follows W3C "Data Integrity EdDSA Cryptosuites v1.0", eddsa-jcs-2022:
//   proofConfig   = the proof object without "proofValue" (it carries the document's @context)
//   hashData      = SHA-256(JCS(proofConfig)) || SHA-256(JCS(credential without "proof"))
//   proofValue    = "z" + base58btc(Ed25519 signature of hashData)
// JCS is RFC 8785 canonical JSON. The issuer is a did:key of the platform's public key, and the
// proof's verificationMethod must be that did:key, so a credential verifies offline from its own
// contents; whether the issuer is a platform you trust is a separate question (TrustedIssuer).
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "koodikoe/result.h"

namespace web {

using koodikoe::Result;

// RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, no whitespace,
// numbers as ECMAScript prints them. Fails for NaN and infinities.
Result<std::string> CanonicalJson(const nlohmann::json& value);

std::string Base58Encode(const std::vector<uint8_t>& bytes);
std::optional<std::vector<uint8_t>> Base58Decode(const std::string& text);

// "did:key:z6Mk..." for an Ed25519 public key, and back.
std::string DidKeyOf(const std::array<uint8_t, 32>& public_key);
std::optional<std::array<uint8_t, 32>> PublicKeyOfDid(const std::string& did);

// The platform's signing key. Kept in DATA_DIR/keys/ed25519.key (mode 0600), created on first
// use; several servers sharing the directory agree on one key.
class PlatformKey {
 public:
  static Result<PlatformKey> LoadOrCreate(const std::string& data_dir);
  // A key from a 32-byte seed (tests).
  static PlatformKey FromSeed(const std::array<uint8_t, 32>& seed);

  const std::array<uint8_t, 32>& public_key() const { return public_key_; }
  std::string did() const { return DidKeyOf(public_key_); }
  std::vector<uint8_t> Sign(const std::string& message) const;

 private:
  std::array<uint8_t, 32> public_key_{};
  std::array<uint8_t, 64> secret_key_{};
};

// One verified result, as it goes into a credential.
struct Achievement {
  std::string exercise;  // id
  std::string title_en;  // exercise title
  std::string title_fi;
  std::string track;
  int tier = 0;
  std::vector<std::string> skills;
  std::string language;      // programming language of the accepted submission
  std::string score;         // "100/100"
  std::string holder;        // the candidate's name as they chose it
  int64_t solved_at = 0;     // unix seconds of the first accepted submission
  std::string platform_url;  // "https://koodikoe.example" or "" (then urn: ids only)
};

// An OpenBadgeCredential with its proof.
Result<nlohmann::json> IssueCredential(const PlatformKey& key, const Achievement& achievement,
                                       int64_t now);

struct Verification {
  bool valid = false;
  std::string reason;  // why not, in a sentence; "" when valid
  std::string issuer;  // the issuer's did:key, when it could be read
};

// The eddsa-jcs-2022 steps on their own, for any document and verification method: adds a
// DataIntegrityProof created at `created` (ISO 8601), and checks one against a public key.
Result<nlohmann::json> AddDataIntegrityProof(const PlatformKey& key, nlohmann::json document,
                                             const std::string& verification_method,
                                             const std::string& created);
Verification VerifyDataIntegrityProof(const nlohmann::json& secured,
                                      const std::array<uint8_t, 32>& public_key);

// Checks the structure, that the proof's key is the issuer's, and the signature. Any change to
// any field of the credential or of its proof makes it invalid.
Verification VerifyCredential(const nlohmann::json& credential);

// A signed capability for a share link: "ID.NONCE.SIGNATURE" (signature over "koodikoe-share:
// ID.NONCE"). ParseShareLink returns (id, nonce) only when the signature is the key's.
std::string SignShareLink(const PlatformKey& key, int64_t share_id, const std::string& nonce);
std::optional<std::pair<int64_t, std::string>> ParseShareLink(const PlatformKey& key,
                                                              const std::string& token);

}  // namespace web
