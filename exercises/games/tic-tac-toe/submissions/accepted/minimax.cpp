// Minimax over every position of the board.
#include <iostream>
#include <string>

namespace {

const int kLines[8][3] = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6},
                          {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}};

char Winner(const std::string& b) {
  for (const auto& l : kLines) {
    if (b[l[0]] != '.' && b[l[0]] == b[l[1]] && b[l[1]] == b[l[2]]) return b[l[0]];
  }
  return 0;
}

// +1 if `me` wins with best play, -1 if `me` loses, 0 for a draw.
int Score(std::string& b, char to_move, char me) {
  char won = Winner(b);
  if (won) return won == me ? 1 : -1;
  if (b.find('.') == std::string::npos) return 0;
  char other = to_move == 'X' ? 'O' : 'X';
  int best = to_move == me ? -2 : 2;
  for (int i = 0; i < 9; ++i) {
    if (b[i] != '.') continue;
    b[i] = to_move;
    int s = Score(b, other, me);
    b[i] = '.';
    best = to_move == me ? std::max(best, s) : std::min(best, s);
  }
  return best;
}

}  // namespace

int main() {
  std::string word, me_text, line;
  std::cin >> word >> me_text;
  std::getline(std::cin, line);
  char me = me_text[0], bot = me == 'X' ? 'O' : 'X';
  std::string board(9, '.');
  bool bot_first = bot == 'X';
  while (true) {
    if (bot_first || board != std::string(9, '.')) {
      if (!std::getline(std::cin, line)) return 0;
      if (line.rfind("BOT", 0) != 0) return 0;  // WIN or DRAW
      int square = std::stoi(line.substr(4)) - 1;
      board[square] = bot;
      if (line.find(' ', 4) != std::string::npos) return 0;  // LOSE or DRAW after the move
      bot_first = false;
    }
    int best_move = -1, best = -2;
    for (int i = 0; i < 9; ++i) {
      if (board[i] != '.') continue;
      board[i] = me;
      int s = Score(board, bot, me);
      board[i] = '.';
      if (s > best) best = s, best_move = i;
    }
    board[best_move] = me;
    std::cout << best_move + 1 << std::endl;
  }
}
