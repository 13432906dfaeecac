// One libyaml parser per thread, kept across parses. yaml_parser_initialize allocates about
// 64 KiB (a 16 KiB raw buffer, a 48 KiB decoded buffer, the token queue and five stacks) and
// yaml_parser_delete frees it: once per page that was eight mallocs and frees of which two are
// large, and the heap churn (consolidation, trimming, fresh pages) grew with the number of pages.
#ifndef FOLIO_YAML_H
#define FOLIO_YAML_H

// The parsers are `yaml_parser_t *` passed as `void *`: yaml.h belongs to the CLibYAML module,
// and a second header including it would give Swift its declarations twice.

// A parser as yaml_parser_initialize leaves it (no input, no encoding set): this thread's kept
// one when it is free, otherwise a new one. NULL when out of memory.
void *folio_yaml_parser_take(void);

// Hands back a parser from folio_yaml_parser_take, whether its parse finished, stopped at an
// error or was left midway: what the parse left (queued tokens, tag directives) is freed as
// yaml_parser_delete frees it, and the parser is reset to its just-initialized state and kept
// for this thread's next parse. One whose buffers grew past their first size (a deeply nested
// text) is deleted instead, so a kept parser never holds more than a fresh one. The kept parser
// is deleted when the thread exits.
void folio_yaml_parser_give_back(void *parser);

#endif
