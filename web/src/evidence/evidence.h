// Internal to web/: a candidate's verified results gathered from storage and the catalogue,
// and the JSON views of them (the candidate's own, and what a company or link holder sees).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "http/api.h"

namespace web {

// Everything about one exercise a candidate has submitted to.
struct EvidenceItem {
  std::shared_ptr<const Exercise> exercise;
  bool solved = false;
  double best_score = 0;
  double max_score = 0;
  int64_t first_at = 0;   // first submission
  int64_t solved_at = 0;  // first accepted submission, 0 if none
  std::vector<std::string> languages;
  int64_t final_id = 0;  // the submission that stands for the result (last accepted, else best)
  std::string final_language;
  std::vector<Submission> attempts;  // oldest first, without source
  int minutes_spent = 0;             // estimated from the gaps between attempts
};

struct Evidence {
  User user;
  Profile profile;
  std::vector<EvidenceItem> items;  // catalogue order; only exercises still in the catalogue
};

ApiResult<Evidence> CollectEvidence(Services& services, int64_t user_id);

// Skills the solved exercises show, with how many solved exercises show each, most first.
std::vector<std::pair<std::string, int>> SuggestedSkills(const Evidence& evidence);

// The candidate's own view: every result, hidden or not, with reflections and suggestions.
json EncodeOwnProfile(const Evidence& evidence);

// What a company or a link holder sees: shown solved results, confirmed skills, and per
// exercise the score by test group, the final code, the timeline and the time spent.
// `name` is null while the review is anonymised.
ApiResult<json> EncodeSharedReport(Services& services, const Evidence& evidence, const Share& share,
                                   bool with_identity);

// For demo data: a (language, source) the exercise's package gives as accepted (or, with
// accepted false, as a wrong answer); for the built-in exercises of --fake-judge, sources the
// fake judge accepts or fails. nullopt when there is none.
std::optional<std::pair<std::string, std::string>> DemoSolution(const Exercise& exercise,
                                                                bool accepted);

// "Candidate 12": how a company refers to a candidate before contact is accepted.
std::string Alias(const Share& share);

}  // namespace web
