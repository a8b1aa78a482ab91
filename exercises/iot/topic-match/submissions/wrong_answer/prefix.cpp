// Compares only as many levels as the topic has: "home/kitchen/temp" also matches "home/kitchen".
#include <iostream>
#include <sstream>
#include <string>
#include <vector>
using namespace std;

vector<string> levels(const string& s) {
  vector<string> out;
  string part;
  stringstream in(s);
  while (getline(in, part, '/')) out.push_back(part);
  return out;
}

bool matches(const vector<string>& f, const vector<string>& t) {
  for (size_t i = 0; i < f.size() && i < t.size(); ++i) {
    if (f[i] == "#") return true;
    if (f[i] != "+" && f[i] != t[i]) return false;
  }
  return true;
}

int main() {
  int nf, nt;
  string line;
  cin >> nf;
  vector<vector<string>> filters(nf);
  for (auto& f : filters) cin >> line, f = levels(line);
  cin >> nt;
  while (nt--) {
    cin >> line;
    vector<string> t = levels(line);
    string out;
    for (int i = 0; i < nf; ++i)
      if (matches(filters[i], t)) out += (out.empty() ? "" : " ") + to_string(i + 1);
    cout << (out.empty() ? "-" : out) << '\n';
  }
}
