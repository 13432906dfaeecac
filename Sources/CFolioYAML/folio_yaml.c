#include "folio_yaml.h"
#include <yaml.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// The parser and the capacities its allocations had when it was initialized. `parser` comes
// first: a yaml_parser_t * handed out is a pointer to the whole struct.
typedef struct {
    yaml_parser_t parser;
    size_t capacity[8];
} kept_parser;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_made;

static void delete_kept(void *value) {
    kept_parser *kept = value;
    yaml_parser_delete(&kept->parser);
    free(kept);
}

static void make_key(void) {
    key_made = pthread_key_create(&key, delete_kept) == 0;
}

#define CAPACITY(part) ((size_t)((char *)p->part.end - (char *)p->part.start))

static void capacities(const yaml_parser_t *p, size_t out[8]) {
    out[0] = CAPACITY(raw_buffer);
    out[1] = CAPACITY(buffer);
    out[2] = CAPACITY(tokens);
    out[3] = CAPACITY(indents);
    out[4] = CAPACITY(simple_keys);
    out[5] = CAPACITY(states);
    out[6] = CAPACITY(marks);
    out[7] = CAPACITY(tag_directives);
}

void *folio_yaml_parser_take(void) {
    pthread_once(&key_once, make_key);
    if (key_made) {
        kept_parser *kept = pthread_getspecific(key);
        if (kept && pthread_setspecific(key, NULL) == 0) return &kept->parser;
    }
    kept_parser *kept = malloc(sizeof *kept);
    if (!kept) return NULL;
    if (!yaml_parser_initialize(&kept->parser)) {
        free(kept);
        return NULL;
    }
    capacities(&kept->parser, kept->capacity);
    return &kept->parser;
}

// What yaml_parser_delete (libyaml 0.2.5, src/api.c) frees besides the eight allocations: the
// tokens still queued and the tag directives still on their stack. Then the struct as
// yaml_parser_initialize leaves it: all zero but the eight allocations, each empty
// (pointer, last, head, tail and top at start).
static void reset(yaml_parser_t *p) {
    while (p->tokens.head != p->tokens.tail) {
        yaml_token_delete(p->tokens.head);
        p->tokens.head++;
    }
    while (p->tag_directives.top != p->tag_directives.start) {
        p->tag_directives.top--;
        free(p->tag_directives.top->handle);     // yaml_free is free (libyaml's private api.c)
        free(p->tag_directives.top->prefix);
    }
    yaml_parser_t kept = *p;
    memset(p, 0, sizeof *p);
    p->raw_buffer.start = p->raw_buffer.pointer = p->raw_buffer.last = kept.raw_buffer.start;
    p->raw_buffer.end = kept.raw_buffer.end;
    p->buffer.start = p->buffer.pointer = p->buffer.last = kept.buffer.start;
    p->buffer.end = kept.buffer.end;
    p->tokens.start = p->tokens.head = p->tokens.tail = kept.tokens.start;
    p->tokens.end = kept.tokens.end;
    p->indents.start = p->indents.top = kept.indents.start;
    p->indents.end = kept.indents.end;
    p->simple_keys.start = p->simple_keys.top = kept.simple_keys.start;
    p->simple_keys.end = kept.simple_keys.end;
    p->states.start = p->states.top = kept.states.start;
    p->states.end = kept.states.end;
    p->marks.start = p->marks.top = kept.marks.start;
    p->marks.end = kept.marks.end;
    p->tag_directives.start = p->tag_directives.top = kept.tag_directives.start;
    p->tag_directives.end = kept.tag_directives.end;
}

void folio_yaml_parser_give_back(void *parser) {
    if (!parser) return;
    kept_parser *kept = parser;
    size_t now[8];
    capacities(&kept->parser, now);
    int grown = memcmp(now, kept->capacity, sizeof now) != 0;
    if (!grown && key_made && pthread_getspecific(key) == NULL) {
        reset(&kept->parser);
        if (pthread_setspecific(key, kept) == 0) return;
    }
    delete_kept(kept);
}
