/* The header under test comes in through -include: this file only gives the compiler a translation unit. */
typedef int header_only_translation_unit;
