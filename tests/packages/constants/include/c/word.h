/* Included with every C submission. */
#define WORD "{{word}}"
