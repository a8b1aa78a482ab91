// Tries to read a host secret through the preprocessor.
#include "/etc/shadow"
int main() {}
