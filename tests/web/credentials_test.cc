// Open Badges 3.0 credentials: JCS, did:key, the eddsa-jcs-2022 proof, tampering, share links,
// and `koodikoe verify`.
#include "evidence/credentials.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <functional>

#include "server_fixture.h"

namespace web_test {
namespace {

using web::Achievement;
using web::PlatformKey;

PlatformKey TestKey(uint8_t fill = 7) {
  std::array<uint8_t, 32> seed{};
  seed.fill(fill);
  return PlatformKey::FromSeed(seed);
}

Achievement Sample() {
  Achievement a;
  a.exercise = "frost-days";
  a.title_en = "Frost days";
  a.title_fi = "Pakkaspäivät";
  a.track = "basics";
  a.tier = 2;
  a.skills = {"loops", "conditions"};
  a.language = "python";
  a.score = "100/100";
  a.holder = "Yusuf";
  a.solved_at = 1767225600;  // 2026-01-01
  return a;
}

TEST(CredentialsTest, CanonicalJsonFollowsRfc8785) {
  // Key order by UTF-16 code units, numbers as ECMAScript prints them, minimal escapes.
  json value = json::parse(R"({"b":[1.0,-0.0,1e21,0.000001,1.5e-7,123.456],"a":"\u20ac\n\u0001",
                               "\u00e9":1,"\ud83d\ude00":2,"\ufb33":3})");
  auto text = web::CanonicalJson(value);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text,
            "{\"a\":\"\xe2\x82\xac\\n\\u0001\",\"b\":[1,0,1e+21,0.000001,1.5e-7,123.456],"
            "\"\xc3\xa9\":1,\"\xf0\x9f\x98\x80\":2,\"\xef\xac\xb3\":3}");
}

TEST(CredentialsTest, Base58AndDidKeyRoundTrip) {
  EXPECT_EQ(web::Base58Encode({0, 0, 1, 2, 3}), "11Ldp");
  auto decoded = web::Base58Decode("11Ldp");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, (std::vector<uint8_t>{0, 0, 1, 2, 3}));
  EXPECT_FALSE(web::Base58Decode("0OIl"));
  PlatformKey key = TestKey();
  EXPECT_EQ(key.did().rfind("did:key:z6Mk", 0), 0u) << key.did();
  auto back = web::PublicKeyOfDid(key.did());
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, key.public_key());
}

TEST(CredentialsTest, IssuedCredentialIsAnOpenBadgeAndVerifies) {
  PlatformKey key = TestKey();
  auto credential = web::IssueCredential(key, Sample(), 1767312000);
  ASSERT_TRUE(credential) << credential.error().Describe();
  EXPECT_EQ((*credential)["type"], json::array({"VerifiableCredential", "OpenBadgeCredential"}));
  EXPECT_EQ((*credential)["@context"][0], "https://www.w3.org/ns/credentials/v2");
  EXPECT_EQ((*credential)["issuer"]["id"], key.did());
  EXPECT_EQ((*credential)["validFrom"], "2026-01-01T00:00:00Z");
  EXPECT_EQ((*credential)["credentialSubject"]["achievement"]["name"], "Frost days");
  EXPECT_EQ((*credential)["proof"]["cryptosuite"], "eddsa-jcs-2022");
  auto result = web::VerifyCredential(*credential);
  EXPECT_TRUE(result.valid) << result.reason;
  EXPECT_EQ(result.issuer, key.did());
  // Survives a round trip through text with other whitespace and key order.
  json reparsed = json::parse((*credential).dump(4));
  EXPECT_TRUE(web::VerifyCredential(reparsed).valid);
}

// Every leaf of the credential, the proof included, changed one at a time.
void ForEachLeaf(json& value, const std::function<void(json&, const std::string&)>& visit,
                 const std::string& path = "") {
  if (value.is_object()) {
    for (auto& [key, item] : value.items()) ForEachLeaf(item, visit, path + "/" + key);
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      ForEachLeaf(value[i], visit, path + "/" + std::to_string(i));
    }
  } else {
    visit(value, path);
  }
}

TEST(CredentialsTest, TamperingWithAnyFieldIsDetected) {
  PlatformKey key = TestKey();
  json credential = web::IssueCredential(key, Sample(), 1767312000).value();
  std::vector<std::string> paths;
  ForEachLeaf(credential, [&](json&, const std::string& path) { paths.push_back(path); });
  ASSERT_GT(paths.size(), 30u);
  for (const auto& path : paths) {
    json changed = credential;
    json& leaf = changed[json::json_pointer(path)];
    if (leaf.is_string()) {
      std::string text = leaf.get<std::string>();
      leaf =
          text.empty() ? "x" : text.substr(0, text.size() - 1) + (text.back() == 'A' ? "B" : "A");
    } else if (leaf.is_boolean()) {
      leaf = !leaf.get<bool>();
    } else if (leaf.is_number()) {
      leaf = leaf.get<double>() + 1;
    } else {
      leaf = "x";
    }
    auto result = web::VerifyCredential(changed);
    EXPECT_FALSE(result.valid) << "changing " << path << " went unnoticed";
    EXPECT_FALSE(result.reason.empty()) << path;
  }
  // Added and removed fields too.
  json added = credential;
  added["credentialSubject"]["achievement"]["tier_bonus"] = 5;
  EXPECT_FALSE(web::VerifyCredential(added).valid);
  json removed = credential;
  removed["credentialSubject"].erase("result");
  EXPECT_FALSE(web::VerifyCredential(removed).valid);
  json unsigned_one = credential;
  unsigned_one.erase("proof");
  EXPECT_FALSE(web::VerifyCredential(unsigned_one).valid);
}

// The test vector of W3C "Data Integrity EdDSA Cryptosuites v1.0" for eddsa-jcs-2022
// (TestVectors/eddsa-jcs-2022/signedJCS.json and keyPair.json): our JCS, hashing and Ed25519
// reproduce its signature exactly and accept it.
TEST(CredentialsTest, MatchesTheW3cEddsaJcs2022TestVector) {
  json signed_vector = json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://www.w3.org/ns/credentials/examples/v2"],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
    "proof": {
      "type": "DataIntegrityProof",
      "cryptosuite": "eddsa-jcs-2022",
      "created": "2023-02-24T23:36:38Z",
      "verificationMethod":
          "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
      "proofPurpose": "assertionMethod",
      "@context": ["https://www.w3.org/ns/credentials/v2",
                   "https://www.w3.org/ns/credentials/examples/v2"],
      "proofValue":
          "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4"
    }})");
  auto public_key = web::PublicKeyOfDid("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  ASSERT_TRUE(public_key);
  auto verified = web::VerifyDataIntegrityProof(signed_vector, *public_key);
  EXPECT_TRUE(verified.valid) << verified.reason;

  // The private key is multibase: 0x80 0x26 (ed25519-priv) and the 32-byte seed.
  auto secret = web::Base58Decode("3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
  ASSERT_TRUE(secret);
  ASSERT_EQ(secret->size(), 34u);
  std::array<uint8_t, 32> seed{};
  std::copy(secret->begin() + 2, secret->end(), seed.begin());
  PlatformKey key = PlatformKey::FromSeed(seed);
  EXPECT_EQ(key.public_key(), *public_key);
  json unsigned_document = signed_vector;
  unsigned_document.erase("proof");
  auto resigned = web::AddDataIntegrityProof(
      key, unsigned_document, signed_vector["proof"]["verificationMethod"], "2023-02-24T23:36:38Z");
  ASSERT_TRUE(resigned);
  EXPECT_EQ((*resigned)["proof"]["proofValue"], signed_vector["proof"]["proofValue"]);

  json changed = signed_vector;
  changed["credentialSubject"]["alumniOf"] = "Another School";
  EXPECT_FALSE(web::VerifyDataIntegrityProof(changed, *public_key).valid);
}

TEST(CredentialsTest, ResigningWithAnotherKeyUnderTheSameIssuerFails) {
  PlatformKey platform = TestKey(1);
  PlatformKey forger = TestKey(2);
  json genuine = web::IssueCredential(platform, Sample(), 1767312000).value();
  json forged = web::IssueCredential(forger, Sample(), 1767312000).value();
  forged["issuer"] = genuine["issuer"];  // claims the platform, signed by someone else
  auto result = web::VerifyCredential(forged);
  EXPECT_FALSE(result.valid);
}

TEST(CredentialsTest, ShareLinksAreSignedAndTied) {
  PlatformKey key = TestKey();
  std::string token = web::SignShareLink(key, 42, "abcdef");
  auto parsed = web::ParseShareLink(key, token);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->first, 42);
  EXPECT_EQ(parsed->second, "abcdef");
  std::string other_id = "43" + token.substr(2);
  EXPECT_FALSE(web::ParseShareLink(key, other_id));
  EXPECT_FALSE(web::ParseShareLink(TestKey(9), token));
  EXPECT_FALSE(web::ParseShareLink(key, "42.abcdef.1111"));
  EXPECT_FALSE(web::ParseShareLink(key, ""));
}

TEST(CredentialsTest, KeyIsCreatedOnceAndKeptInTheDataDirectory) {
  TempDir dir;
  auto first = PlatformKey::LoadOrCreate(dir.path());
  ASSERT_TRUE(first) << first.error().Describe();
  auto second = PlatformKey::LoadOrCreate(dir.path());
  ASSERT_TRUE(second);
  EXPECT_EQ(first->did(), second->did());
  struct stat info {};
  ASSERT_EQ(::stat((dir.path() + "/keys/ed25519.key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST(CredentialsTest, VerifyCommandExitCodes) {
  TempDir dir;
  auto key = PlatformKey::LoadOrCreate(dir.path() + "/data");
  ASSERT_TRUE(key);
  json credential = web::IssueCredential(*key, Sample(), 1767312000).value();
  std::string good = dir.path() + "/good.json";
  std::ofstream(good) << credential.dump(2);
  auto [ok, out] = RunKoodikoe({"verify", good}, "");
  EXPECT_EQ(ok, 0) << out;
  EXPECT_NE(out.find("VALID"), std::string::npos) << out;
  EXPECT_EQ(RunKoodikoe({"verify", good, "--data", dir.path() + "/data"}, "").first, 0);
  EXPECT_EQ(RunKoodikoe({"verify", good, "--issuer", TestKey(3).did()}, "").first, 1);

  credential["credentialSubject"]["result"][0]["value"] = "99/100";
  std::string bad = dir.path() + "/bad.json";
  std::ofstream(bad) << credential.dump(2);
  auto [status, reason] = RunKoodikoe({"verify", bad}, "");
  EXPECT_EQ(status, 1);
  EXPECT_NE(reason.find("NOT VALID"), std::string::npos) << reason;
  EXPECT_NE(reason.find("signature"), std::string::npos) << reason;
  EXPECT_EQ(RunKoodikoe({"verify", dir.path() + "/missing.json"}, "").first, 2);
}

}  // namespace
}  // namespace web_test
