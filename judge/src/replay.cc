#include "replay.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "fs_util.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using Json = nlohmann::json;

namespace {

constexpr size_t kMaxTextBytes = 300;
constexpr size_t kMaxMoveBytes = 100;
constexpr size_t kMaxEventsPerFrame = 20;
constexpr int kMaxGridSide = 100;
constexpr size_t kMaxItemsPerFrame = 10000;  // agents, marks or lines of one frame
constexpr double kMaxCoordinate = 1e6;

const std::set<std::string> kMarkKinds = {"item", "apple",   "body", "stone", "x",
                                          "o",    "visited", "wall", "goal",  "target"};
const std::set<std::string> kAgentKinds = {"robot", "snake", "player"};

// Walks one replay, remembering the first fault with the path where it is.
class ReplayChecker {
 public:
  bool Check(const Json& replay);
  const std::string& error() const { return error_; }

 private:
  bool Fault(const std::string& path, const std::string& what) {
    error_ = path + ": " + what;
    return false;
  }
  bool Keys(const Json& object, const std::string& path, const std::set<std::string>& required,
            const std::set<std::string>& optional);
  bool Integer(const Json& object, const std::string& key, const std::string& path, int64_t low,
               int64_t high);
  bool Number(const Json& value, const std::string& path, double low, double high);
  bool Text(const Json& value, const std::string& path);
  bool ShortString(const Json& value, const std::string& path, size_t max_bytes);
  bool Point(const Json& value, const std::string& path);
  bool Segment(const Json& value, const std::string& path);
  bool List(const Json& value, const std::string& path, size_t max_items);
  bool Cell(const Json& object, const std::string& path);

  bool World(const Json& world);
  bool Frame(const Json& frame, const std::string& path);
  bool Event(const Json& event, const std::string& path);
  bool State(const Json& state, const std::string& path);
  bool GridState(const Json& state, const std::string& path);
  bool PlaneState(const Json& state, const std::string& path);
  bool RangeState(const Json& state, const std::string& path);
  bool Outcome(const Json& outcome, size_t frames);

  std::string kind_;
  int64_t width_ = 0, height_ = 0;
  int64_t low_ = 0, high_ = 0;
  int64_t last_turn_ = 0;
  std::string error_;
};

std::string At(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

bool ReplayChecker::Keys(const Json& object, const std::string& path,
                         const std::set<std::string>& required,
                         const std::set<std::string>& optional) {
  if (!object.is_object()) return Fault(path, "must be an object");
  for (const std::string& key : required) {
    if (!object.contains(key)) return Fault(path, "needs the key \"" + key + "\"");
  }
  for (const auto& item : object.items()) {
    if (!required.count(item.key()) && !optional.count(item.key())) {
      return Fault(path, "has an unknown key \"" + item.key().substr(0, 40) + "\"");
    }
  }
  return true;
}

bool ReplayChecker::Integer(const Json& object, const std::string& key, const std::string& path,
                            int64_t low, int64_t high) {
  const Json& value = object[key];
  if (!value.is_number_integer() || value.get<int64_t>() < low || value.get<int64_t>() > high) {
    return Fault(path + "." + key, "must be a whole number from " + std::to_string(low) + " to " +
                                       std::to_string(high));
  }
  return true;
}

bool ReplayChecker::Number(const Json& value, const std::string& path, double low, double high) {
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < low ||
      value.get<double>() > high) {
    char range[80];
    std::snprintf(range, sizeof range, "must be a number from %g to %g", low, high);
    return Fault(path, range);
  }
  return true;
}

bool ReplayChecker::ShortString(const Json& value, const std::string& path, size_t max_bytes) {
  if (!value.is_string()) return Fault(path, "must be a string");
  if (value.get_ref<const std::string&>().size() > max_bytes) {
    return Fault(path, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  return true;
}

// A text is a string, or the same text per language: {"en": ..., "fi": ...}.
bool ReplayChecker::Text(const Json& value, const std::string& path) {
  if (value.is_string()) return ShortString(value, path, kMaxTextBytes);
  if (!value.is_object() || value.empty()) {
    return Fault(path, "must be a string or an object {\"en\": ..., \"fi\": ...}");
  }
  if (!Keys(value, path, {}, {"en", "fi"})) return false;
  for (const auto& item : value.items()) {
    if (!ShortString(item.value(), path + "." + item.key(), kMaxTextBytes)) return false;
  }
  return true;
}

bool ReplayChecker::Point(const Json& value, const std::string& path) {
  if (!value.is_array() || value.size() != 2) return Fault(path, "must be a point [x, y]");
  return Number(value[0], At(path, 0), -kMaxCoordinate, kMaxCoordinate) &&
         Number(value[1], At(path, 1), -kMaxCoordinate, kMaxCoordinate);
}

bool ReplayChecker::Segment(const Json& value, const std::string& path) {
  if (!value.is_array() || value.size() != 4) {
    return Fault(path, "must be a line [x1, y1, x2, y2]");
  }
  for (size_t i = 0; i < 4; ++i) {
    if (!Number(value[i], At(path, i), -kMaxCoordinate, kMaxCoordinate)) return false;
  }
  return true;
}

bool ReplayChecker::List(const Json& value, const std::string& path, size_t max_items) {
  if (!value.is_array()) return Fault(path, "must be a list");
  if (value.size() > max_items) {
    return Fault(path, "has more than " + std::to_string(max_items) + " entries");
  }
  return true;
}

bool ReplayChecker::Cell(const Json& object, const std::string& path) {
  return Integer(object, "x", path, 0, width_ - 1) && Integer(object, "y", path, 0, height_ - 1);
}

bool ReplayChecker::World(const Json& world) {
  if (!world.is_object() || !world.contains("kind") || !world["kind"].is_string()) {
    return Fault("world", "must be an object with \"kind\": \"grid\", \"plane\" or \"range\"");
  }
  kind_ = world["kind"].get<std::string>();
  if (kind_ == "grid") {
    if (!Keys(world, "world", {"kind", "width", "height"}, {"cells", "trail"}) ||
        !Integer(world, "width", "world", 1, kMaxGridSide) ||
        !Integer(world, "height", "world", 1, kMaxGridSide)) {
      return false;
    }
    width_ = world["width"].get<int64_t>();
    height_ = world["height"].get<int64_t>();
    if (world.contains("trail") && !world["trail"].is_boolean()) {
      return Fault("world.trail", "must be true (draw where the agents have been) or false");
    }
    if (!world.contains("cells")) return true;
    const Json& cells = world["cells"];
    if (!cells.is_array() || cells.size() != static_cast<size_t>(height_)) {
      return Fault("world.cells", "must be a list of " + std::to_string(height_) + " rows");
    }
    for (size_t y = 0; y < cells.size(); ++y) {
      const Json& row = cells[y];
      if (!row.is_string() || row.get_ref<const std::string&>().size() != size_t(width_) ||
          row.get_ref<const std::string&>().find_first_not_of(".#G") != std::string::npos) {
        return Fault(At("world.cells", y),
                     "must be " + std::to_string(width_) + " characters, each '.', '#' or 'G'");
      }
    }
    return true;
  }
  if (kind_ == "plane") {
    if (!Keys(world, "world", {"kind", "min", "max"}, {"target"}) ||
        !Point(world["min"], "world.min") || !Point(world["max"], "world.max")) {
      return false;
    }
    if (world["min"][0].get<double>() >= world["max"][0].get<double>() ||
        world["min"][1].get<double>() >= world["max"][1].get<double>()) {
      return Fault("world.max", "must be above and to the right of world.min");
    }
    if (!world.contains("target")) return true;
    if (!List(world["target"], "world.target", kMaxItemsPerFrame)) return false;
    for (size_t i = 0; i < world["target"].size(); ++i) {
      if (!Segment(world["target"][i], At("world.target", i))) return false;
    }
    return true;
  }
  if (kind_ == "range") {
    const int64_t limit = 1'000'000'000'000;
    if (!Keys(world, "world", {"kind", "min", "max"}, {}) ||
        !Integer(world, "min", "world", -limit, limit) ||
        !Integer(world, "max", "world", -limit, limit)) {
      return false;
    }
    low_ = world["min"].get<int64_t>();
    high_ = world["max"].get<int64_t>();
    if (low_ > high_) return Fault("world.max", "must not be below world.min");
    return true;
  }
  return Fault("world.kind", "must be \"grid\", \"plane\" or \"range\"");
}

bool ReplayChecker::Event(const Json& event, const std::string& path) {
  if (!Keys(event, path, {"text"}, {"tone"}) || !Text(event["text"], path + ".text")) return false;
  if (event.contains("tone")) {
    const Json& tone = event["tone"];
    if (!tone.is_string() || (tone != "info" && tone != "good" && tone != "bad")) {
      return Fault(path + ".tone", "must be \"info\", \"good\" or \"bad\"");
    }
  }
  return true;
}

bool ReplayChecker::GridState(const Json& state, const std::string& path) {
  if (!Keys(state, path, {}, {"agents", "marks"})) return false;
  if (state.contains("agents")) {
    const Json& agents = state["agents"];
    if (!List(agents, path + ".agents", kMaxItemsPerFrame)) return false;
    for (size_t i = 0; i < agents.size(); ++i) {
      std::string at = At(path + ".agents", i);
      if (!Keys(agents[i], at, {"x", "y"}, {"dir", "kind"}) || !Cell(agents[i], at)) return false;
      if (agents[i].contains("dir")) {
        const Json& dir = agents[i]["dir"];
        if (!dir.is_string() || (dir != "N" && dir != "E" && dir != "S" && dir != "W")) {
          return Fault(at + ".dir", "must be \"N\", \"E\", \"S\" or \"W\"");
        }
      }
      if (agents[i].contains("kind") &&
          (!agents[i]["kind"].is_string() || !kAgentKinds.count(agents[i]["kind"]))) {
        return Fault(at + ".kind", "must be \"robot\", \"snake\" or \"player\"");
      }
    }
  }
  if (state.contains("marks")) {
    const Json& marks = state["marks"];
    if (!List(marks, path + ".marks", kMaxItemsPerFrame)) return false;
    for (size_t i = 0; i < marks.size(); ++i) {
      std::string at = At(path + ".marks", i);
      if (!Keys(marks[i], at, {"x", "y", "kind"}, {}) || !Cell(marks[i], at)) return false;
      if (!marks[i]["kind"].is_string() || !kMarkKinds.count(marks[i]["kind"])) {
        return Fault(at + ".kind",
                     "must be one of item, apple, body, stone, x, o, visited, wall, goal, target");
      }
    }
  }
  return true;
}

bool ReplayChecker::PlaneState(const Json& state, const std::string& path) {
  if (!Keys(state, path, {}, {"turtle", "lines"})) return false;
  if (state.contains("turtle")) {
    const Json& turtle = state["turtle"];
    std::string at = path + ".turtle";
    if (!Keys(turtle, at, {"x", "y"}, {"heading", "pen"}) ||
        !Number(turtle["x"], at + ".x", -kMaxCoordinate, kMaxCoordinate) ||
        !Number(turtle["y"], at + ".y", -kMaxCoordinate, kMaxCoordinate)) {
      return false;
    }
    if (turtle.contains("heading") && !Number(turtle["heading"], at + ".heading", -1e9, 1e9)) {
      return false;
    }
    if (turtle.contains("pen") && !turtle["pen"].is_boolean()) {
      return Fault(at + ".pen", "must be true (down, drawing) or false (up)");
    }
  }
  if (state.contains("lines")) {
    if (!List(state["lines"], path + ".lines", kMaxItemsPerFrame)) return false;
    for (size_t i = 0; i < state["lines"].size(); ++i) {
      if (!Segment(state["lines"][i], At(path + ".lines", i))) return false;
    }
  }
  return true;
}

bool ReplayChecker::RangeState(const Json& state, const std::string& path) {
  if (!Keys(state, path, {}, {"low", "high", "guess"})) return false;
  for (const char* key : {"low", "high", "guess"}) {
    if (state.contains(key) && !Integer(state, key, path, low_, high_)) return false;
  }
  return true;
}

bool ReplayChecker::State(const Json& state, const std::string& path) {
  if (kind_ == "grid") return GridState(state, path);
  if (kind_ == "plane") return PlaneState(state, path);
  return RangeState(state, path);
}

bool ReplayChecker::Frame(const Json& frame, const std::string& path) {
  if (!Keys(frame, path, {"turn", "state"}, {"by", "move", "events"}) ||
      !Integer(frame, "turn", path, 0, 1'000'000)) {
    return false;
  }
  if (frame["turn"].get<int64_t>() < last_turn_) {
    return Fault(path + ".turn", "must not be below the turn of the frame before");
  }
  last_turn_ = frame["turn"].get<int64_t>();
  if (frame.contains("by")) {
    const Json& by = frame["by"];
    if (!by.is_string() || (by != "program" && by != "bot" && by != "world")) {
      return Fault(path + ".by", "must be \"program\", \"bot\" or \"world\"");
    }
  }
  if (frame.contains("move") && !ShortString(frame["move"], path + ".move", kMaxMoveBytes)) {
    return false;
  }
  if (frame.contains("events")) {
    if (!List(frame["events"], path + ".events", kMaxEventsPerFrame)) return false;
    for (size_t i = 0; i < frame["events"].size(); ++i) {
      if (!Event(frame["events"][i], At(path + ".events", i))) return false;
    }
  }
  return State(frame["state"], path + ".state");
}

bool ReplayChecker::Outcome(const Json& outcome, size_t frames) {
  if (!Keys(outcome, "outcome", {"result", "text"}, {"score", "frame", "at"})) return false;
  const Json& result = outcome["result"];
  if (!result.is_string() || (result != "success" && result != "failure" && result != "partial")) {
    return Fault("outcome.result", "must be \"success\", \"partial\" or \"failure\"");
  }
  if (!Text(outcome["text"], "outcome.text")) return false;
  if (outcome.contains("score") && !Number(outcome["score"], "outcome.score", 0, 1)) return false;
  if (outcome.contains("frame") &&
      !Integer(outcome, "frame", "outcome", 0, static_cast<int64_t>(frames) - 1)) {
    return false;
  }
  if (outcome.contains("at")) {
    if (kind_ == "range") return Fault("outcome.at", "is not used in a range world");
    if (!Point(outcome["at"], "outcome.at")) return false;
  }
  return true;
}

bool ReplayChecker::Check(const Json& replay) {
  if (!Keys(replay, "replay", {"format", "version", "world", "frames", "outcome"}, {"title"})) {
    return false;
  }
  if (replay["format"] != "koodikoe-replay") {
    return Fault("format", "must be \"koodikoe-replay\"");
  }
  if (replay["version"] != kReplayVersion) {
    return Fault("version", "must be " + std::to_string(kReplayVersion) +
                                " (the only version this judge reads)");
  }
  if (replay.contains("title") && !Text(replay["title"], "title")) return false;
  if (!World(replay["world"])) return false;
  const Json& frames = replay["frames"];
  if (!List(frames, "frames", kMaxReplayFrames)) return false;
  if (frames.empty()) return Fault("frames", "must hold at least the starting frame");
  for (size_t i = 0; i < frames.size(); ++i) {
    if (!Frame(frames[i], At("frames", i))) return false;
  }
  return Outcome(replay["outcome"], frames.size());
}

}  // namespace

Result<std::string> CheckReplay(const std::string& text) {
  if (text.size() > kMaxReplayBytes) {
    return Fail(ErrorCode::kInvalidArgument,
                "it is larger than the limit of " + std::to_string(kMaxReplayBytes >> 10) + " KiB");
  }
  Json replay = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (replay.is_discarded()) return Fail(ErrorCode::kInvalidArgument, "it is not valid JSON");
  ReplayChecker checker;
  if (!checker.Check(replay)) return Fail(ErrorCode::kInvalidArgument, checker.error());
  return replay.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<std::string> CollectReplay(const TestCase& test, const std::string& feedback_dir,
                                         bool required, TestResult& result) {
  const std::string path = feedback_dir + "/" + kReplayFile;
  if (!PathExists(path)) {
    if (!required) return std::nullopt;
    return std::string("the game simulator wrote no ") + kReplayFile +
           " into its feedback directory";
  }
  // One byte over the limit is enough to tell that it is too large.
  std::string text = ReadBeneath(feedback_dir, kReplayFile, kMaxReplayBytes + 1);
  auto replay = CheckReplay(text);
  if (!replay) {
    return std::string("the game simulator's ") + kReplayFile +
           " was refused: " + replay.error().context + " (the format is in judge/PACKAGES.md)";
  }
  // A secret test's world and moves are hidden data unless its group gives full feedback.
  if (test.is_sample || test.full_feedback) result.replay = std::move(*replay);
  return std::nullopt;
}

void CapReplays(std::vector<TestResult>& tests) {
  size_t total = 0;
  for (TestResult& test : tests) {
    if (test.replay.empty()) continue;
    if (total + test.replay.size() <= kMaxReplayBytesPerReport) {
      total += test.replay.size();
      continue;
    }
    test.replay.clear();
    test.feedback += std::string(test.feedback.empty() ? "" : " ") +
                     "(replay left out: this report's replays reached " +
                     std::to_string(kMaxReplayBytesPerReport >> 10) + " KiB)";
  }
}

}  // namespace judge
