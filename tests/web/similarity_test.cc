// Winnowing over normalised tokens: copies survive renaming, reformatting and reordering;
// independent solutions of the same exercise are not flagged.
#include "similarity/similarity.h"

#include <gtest/gtest.h>

namespace web_test {
namespace {

using web::FindSimilarPairs;
using web::NormalisedTokens;
using web::SimilarityProgram;

const char* const kOriginalPython = R"(import sys

def read_graph(lines):
    n, m = map(int, lines[0].split())
    graph = [[] for _ in range(n + 1)]
    for line in lines[1:m + 1]:
        a, b = map(int, line.split())
        graph[a].append(b)
        graph[b].append(a)
    return n, graph

def count_components(n, graph):
    seen = [False] * (n + 1)
    components = 0
    for start in range(1, n + 1):
        if seen[start]:
            continue
        components += 1
        stack = [start]
        seen[start] = True
        while stack:
            node = stack.pop()
            for other in graph[node]:
                if not seen[other]:
                    seen[other] = True
                    stack.append(other)
    return components

n, graph = read_graph(sys.stdin.read().splitlines())
print(count_components(n, graph))
)";

// The same program with every name changed, other spacing, comments added, and the two
// functions in the other order.
const char* const kDisguisedPython = R"(import sys

# count how many islands there are
def islands(total, adj):
    visited = [False]*(total+1)
    result = 0
    for s in range(1, total+1):
        if visited[s]:
            continue
        result += 1   # a new island
        todo = [s]
        visited[s] = True
        while todo:
            cur = todo.pop()
            for nxt in adj[cur]:
                if not visited[nxt]:
                    visited[nxt] = True
                    todo.append(nxt)
    return result

def parse(rows):
    total, edges = map(int, rows[0].split())
    adj = [[] for _ in range(total+1)]
    for row in rows[1:edges+1]:
        x, y = map(int, row.split())
        adj[x].append(y)
        adj[y].append(x)
    return total, adj

total, adj = parse(sys.stdin.read().splitlines())
print(islands(total, adj))
)";

// An independent solution of the same exercise: union-find instead of a search.
const char* const kIndependentPython = R"(import sys
data = sys.stdin.read().split()
n = int(data[0])
m = int(data[1])
parent = list(range(n + 1))

def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x

groups = n
for i in range(m):
    u = find(int(data[2 + 2 * i]))
    v = find(int(data[3 + 2 * i]))
    if u != v:
        parent[u] = v
        groups -= 1
print(groups)
)";

// A third independent one: breadth-first search with a queue, written differently again.
const char* const kIndependentPython2 = R"(from collections import deque
first = input().split()
nodes, edge_count = int(first[0]), int(first[1])
neighbours = {i: [] for i in range(1, nodes + 1)}
for _ in range(edge_count):
    p, q = input().split()
    neighbours[int(p)].append(int(q))
    neighbours[int(q)].append(int(p))
label = {}
count = 0
for root in neighbours:
    if root in label:
        continue
    count = count + 1
    label[root] = count
    queue = deque([root])
    while queue:
        here = queue.popleft()
        for there in neighbours[here]:
            if there not in label:
                label[there] = count
                queue.append(there)
print(count)
)";

const char* const kOriginalCpp = R"(#include <iostream>
#include <vector>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<long long> values(n);
    for (int i = 0; i < n; i++) cin >> values[i];
    long long best = values[0], current = 0;
    for (int i = 0; i < n; i++) {
        current = max(values[i], current + values[i]);
        best = max(best, current);
    }
    cout << best << endl;
    return 0;
}
)";

const char* const kReformattedCpp = R"(#include <iostream>
#include <vector>
using namespace std;
/* maximum subarray */
int main()
{
  int count; cin >> count;
  vector<long long> a(count);
  for (int k = 0; k < count; k++)
    cin >> a[k];
  long long answer = a[0],
            run = 0;
  for (int k = 0; k < count; k++)
  {
    run = max(a[k], run + a[k]);  // extend or restart
    answer = max(answer, run);
  }
  cout << answer << endl;
  return 0;
}
)";

const char* const kIndependentCpp = R"(#include <cstdio>
#include <climits>
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long prefix = 0, lowest = 0, result = LLONG_MIN;
    for (int i = 0; i < n; ++i) {
        long long x;
        scanf("%lld", &x);
        prefix += x;
        if (prefix - lowest > result) result = prefix - lowest;
        if (prefix < lowest) lowest = prefix;
    }
    printf("%lld\n", result);
}
)";

TEST(SimilarityTest, TokensIgnoreNamesLayoutAndComments) {
  auto a = NormalisedTokens("total = count + 1  # add one\n", "python");
  auto b = NormalisedTokens("s=n+1\n", "python");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].text, b[i].text);
  auto c = NormalisedTokens("int x = 3; /* c */\n// d\nprintf(\"%d\", x);", "c");
  std::vector<std::string> texts;
  for (const auto& t : c) texts.push_back(t.text);
  EXPECT_EQ(texts,
            (std::vector<std::string>{"int", "V", "=", "N", "printf", "(", "S", ",", "V", ")"}));
  EXPECT_EQ(c.back().line, 3);
}

TEST(SimilarityTest, RenamedAndReorderedCopyIsFlagged) {
  std::vector<SimilarityProgram> programs = {{"original", "python", kOriginalPython},
                                             {"copy", "python", kDisguisedPython}};
  auto pairs = FindSimilarPairs(programs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_GE(pairs[0].score, 0.8);
  ASSERT_FALSE(pairs[0].regions.empty());
  // The search function is lines 12-26 of the original and 4-19 of the copy: some region
  // must pair those parts.
  bool search_matched = false;
  for (const auto& r : pairs[0].regions) {
    if (r.a_first >= 12 && r.a_last <= 27 && r.b_first >= 4 && r.b_last <= 20) {
      search_matched = true;
    }
  }
  EXPECT_TRUE(search_matched);
}

TEST(SimilarityTest, ReformattedCopyIsFlaggedInCpp) {
  std::vector<SimilarityProgram> programs = {{"a", "cpp", kOriginalCpp},
                                             {"b", "cpp", kReformattedCpp}};
  auto pairs = FindSimilarPairs(programs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_GE(pairs[0].score, 0.9);
}

TEST(SimilarityTest, IndependentSolutionsAreNotFlagged) {
  std::vector<SimilarityProgram> python = {{"search", "python", kOriginalPython},
                                           {"union-find", "python", kIndependentPython},
                                           {"bfs", "python", kIndependentPython2}};
  EXPECT_TRUE(FindSimilarPairs(python).empty());
  std::vector<SimilarityProgram> cpp = {{"kadane", "cpp", kOriginalCpp},
                                        {"prefix", "cpp", kIndependentCpp}};
  EXPECT_TRUE(FindSimilarPairs(cpp).empty());
}

TEST(SimilarityTest, OnlyTheCopiedPairIsFlaggedAmongMany) {
  std::vector<SimilarityProgram> programs = {{"search", "python", kOriginalPython},
                                             {"union-find", "python", kIndependentPython},
                                             {"copy", "python", kDisguisedPython},
                                             {"bfs", "python", kIndependentPython2},
                                             {"kadane", "cpp", kOriginalCpp}};
  auto pairs = FindSimilarPairs(programs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(programs[pairs[0].a].id, "search");
  EXPECT_EQ(programs[pairs[0].b].id, "copy");
}

TEST(SimilarityTest, DifferentLanguagesAreNotCompared) {
  std::vector<SimilarityProgram> programs = {{"a", "cpp", kOriginalCpp}, {"b", "c", kOriginalCpp}};
  EXPECT_TRUE(FindSimilarPairs(programs).empty());
}

TEST(SimilarityTest, ShortProgramsAreTooShortToJudge) {
  std::vector<SimilarityProgram> programs = {{"a", "python", "print('Hello, world!')\n"},
                                             {"b", "python", "print('Hello, world!')\n"}};
  EXPECT_TRUE(FindSimilarPairs(programs).empty());
}

}  // namespace
}  // namespace web_test
