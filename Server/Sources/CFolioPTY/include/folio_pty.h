#ifndef FOLIO_PTY_H
#define FOLIO_PTY_H
#include <stddef.h>

/// A new pty master (close-on-exec, no controlling terminal), granted and unlocked, with its
/// slave's path in `name`; -1 with errno set on failure. glibc declares posix_openpt, grantpt,
/// unlockpt and ptsname_r only under _XOPEN_SOURCE, which Swift's Glibc module does not set.
int folio_open_pty(char *name, size_t size);

#endif
