// Storage of candidate evidence and consent: profiles with reflections, shares and their
// revocation, views, shortlists, and deleting an account with everything in it.
#include <gtest/gtest.h>

#include "pg_fixture.h"
#include "server_fixture.h"
#include "storage/storage.h"

namespace web_test {
namespace {

using web::Storage;

// Every test runs against the SQLite and the PostgreSQL store.
class EvidenceStorageTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  std::unique_ptr<Storage> Fresh(const std::string& name) {
    std::string url = NewStoreUrl(GetParam(), dir_.path(), name);
    if (url.empty()) return nullptr;
    auto storage = web::OpenStorage(url);
    EXPECT_TRUE(storage) << storage.error().Describe();
    return storage ? std::move(*storage) : nullptr;
  }
  TempDir dir_;
};

TEST_P(EvidenceStorageTest, ProfileRoundTripReplacesReflections) {
  auto storage = Fresh("evidence-p");
  ASSERT_TRUE(storage);
  int64_t aino = AddStoredUser(*storage, "aino", web::Role::kCandidate);
  EXPECT_FALSE(storage->FindProfile(aino).value());
  web::Profile profile;
  profile.user_id = aino;
  profile.intro = "Hei!\nOpiskelen.";
  profile.intro_language = "fi";
  profile.hidden_exercises = {"sum", "hello"};
  profile.confirmed_skills = {"loops"};
  profile.reflections = {{"hello", "print"}, {"sum", "read two"}};
  profile.updated_at = 5;
  ASSERT_TRUE(storage->PutProfile(profile));
  auto read = storage->FindProfile(aino).value();
  ASSERT_TRUE(read);
  EXPECT_EQ(read->intro, profile.intro);
  EXPECT_EQ(read->hidden_exercises, profile.hidden_exercises);
  EXPECT_EQ(read->confirmed_skills, profile.confirmed_skills);
  EXPECT_EQ(read->reflections, profile.reflections);
  profile.reflections = {{"sum", "changed"}};
  profile.hidden_exercises.clear();
  ASSERT_TRUE(storage->PutProfile(profile));
  read = storage->FindProfile(aino).value();
  EXPECT_EQ(read->reflections, profile.reflections);
  EXPECT_TRUE(read->hidden_exercises.empty());
}

TEST_P(EvidenceStorageTest, SharesRevokeViewsAndShortlist) {
  auto storage = Fresh("evidence-s");
  ASSERT_TRUE(storage);
  int64_t aino = AddStoredUser(*storage, "aino", web::Role::kCandidate);
  int64_t sari = AddStoredUser(*storage, "sari", web::Role::kCompany);
  web::Share share;
  share.candidate_id = aino;
  share.company_id = sari;
  share.created_at = 10;
  int64_t id = storage->AddShare(share).value();
  web::Share link;
  link.candidate_id = aino;
  link.link_nonce = "abc";
  link.created_at = 11;
  int64_t link_id = storage->AddShare(link).value();

  auto found = storage->FindShare(id).value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->company_username, "sari");
  EXPECT_EQ(found->candidate_username, "aino");
  EXPECT_EQ(storage->FindShare(link_id).value()->company_id, 0);
  EXPECT_EQ(storage->FindShare(link_id).value()->link_nonce, "abc");
  EXPECT_EQ(storage->SharesOfCandidate(aino).value().size(), 2u);
  EXPECT_EQ(storage->SharesForCompany(sari).value().size(), 1u);

  ASSERT_TRUE(storage->AddShareView({id, sari, "", "report", 12}));
  ASSERT_TRUE(storage->AddShareView({link_id, 0, "", "report by link", 13}));
  auto views = storage->ShareViewsOfCandidate(aino).value();
  ASSERT_EQ(views.size(), 2u);
  EXPECT_EQ(views[0].viewer_id, 0);
  EXPECT_EQ(views[1].viewer_username, "sari");

  ASSERT_TRUE(storage->PutShortlistEntry({sari, id, "good", 14}));
  ASSERT_TRUE(storage->PutShortlistEntry({sari, id, "very good", 15}));
  auto list = storage->Shortlist(sari).value();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].note, "very good");

  ASSERT_TRUE(storage->SetShareContact(id, "requested", "hi"));
  EXPECT_EQ(storage->FindShare(id).value()->contact, "requested");
  EXPECT_TRUE(storage->RevokeShare(id, 20).value());
  EXPECT_FALSE(storage->RevokeShare(id, 21).value()) << "revoked once";
  EXPECT_TRUE(storage->SharesForCompany(sari).value().empty());
  EXPECT_EQ(storage->FindShare(id).value()->revoked_at, 20);
  ASSERT_TRUE(storage->RemoveShortlistEntry(sari, id));
  EXPECT_TRUE(storage->Shortlist(sari).value().empty());
  EXPECT_EQ(storage->ListUsersByRole(web::Role::kCompany).value().size(), 1u);
}

TEST_P(EvidenceStorageTest, DeletingAnAccountDeletesEverythingInIt) {
  auto storage = Fresh("evidence-d");
  ASSERT_TRUE(storage);
  int64_t aino = AddStoredUser(*storage, "aino", web::Role::kCandidate);
  int64_t mikko = AddStoredUser(*storage, "mikko", web::Role::kTrainer);
  int64_t sari = AddStoredUser(*storage, "sari", web::Role::kCompany);
  web::Submission submission;
  submission.user_id = aino;
  submission.exercise = "hello";
  submission.language = "python";
  submission.source = "print(1)";
  submission.created_at = 1;
  int64_t sid = storage->AddSubmission(submission).value();
  web::Comment comment;
  comment.submission_id = sid;
  comment.user_id = mikko;
  comment.line = 1;
  comment.text = "ok";
  ASSERT_TRUE(storage->AddComment(comment));
  web::Workshop workshop;
  workshop.title = "Monday";
  workshop.trainer_id = mikko;
  workshop.join_code = "ABC123";
  workshop.exercises = {"hello"};
  int64_t wid = storage->AddWorkshop(workshop).value();
  ASSERT_TRUE(storage->AddMember(wid, aino, "Aino", 2));
  ASSERT_TRUE(storage->AddHelpRequest({0, wid, aino, "", "", "hello", "help", 3, false}));
  ASSERT_TRUE(storage->AddSession({"token", aino, "csrf", 1, 1000}));
  web::Profile profile;
  profile.user_id = aino;
  profile.reflections = {{"hello", "x"}};
  ASSERT_TRUE(storage->PutProfile(profile));
  web::Share share;
  share.candidate_id = aino;
  share.company_id = sari;
  int64_t share_id = storage->AddShare(share).value();
  ASSERT_TRUE(storage->AddShareView({share_id, sari, "", "report", 4}));
  ASSERT_TRUE(storage->PutShortlistEntry({sari, share_id, "note", 5}));

  ASSERT_TRUE(storage->DeleteUser(aino).value());
  EXPECT_FALSE(storage->FindUser(aino).value());
  EXPECT_FALSE(storage->FindSubmission(sid).value());
  EXPECT_TRUE(storage->Comments(sid).value().empty());
  EXPECT_TRUE(storage->Members(wid).value().empty());
  EXPECT_TRUE(storage->HelpRequests(wid).value().empty());
  EXPECT_FALSE(storage->FindSession("token", 10).value());
  EXPECT_FALSE(storage->FindProfile(aino).value());
  EXPECT_FALSE(storage->FindShare(share_id).value());
  EXPECT_TRUE(storage->Shortlist(sari).value().empty());
  EXPECT_FALSE(storage->DeleteUser(aino).value()) << "nothing left to delete";

  // A trainer's account takes their workshops with it.
  ASSERT_TRUE(storage->DeleteUser(mikko).value());
  EXPECT_FALSE(storage->FindWorkshop(wid).value());
  EXPECT_TRUE(storage->FindUser(sari).value());
}

INSTANTIATE_TEST_SUITE_P(Stores, EvidenceStorageTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
