// Guesses the middle of what is left, and halves the range with each answer.
#include <iostream>
#include <string>

int main() {
  std::string word, answer;
  long long low = 0, high = 0, tries = 0;
  std::cin >> word >> low >> high >> word >> tries;
  while (true) {
    long long guess = low + (high - low) / 2;
    std::cout << guess << std::endl;
    std::cin >> answer;
    if (answer == "CORRECT") break;
    if (answer == "HIGHER") {
      low = guess + 1;
    } else {
      high = guess - 1;
    }
  }
}
