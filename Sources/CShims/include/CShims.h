// C declarations Swift's Glibc module leaves out, wrapped so that Swift calls them by a declared name (not
// @_silgen_name). Nothing else lives here.
#ifndef BORDERKIT_CSHIMS_H
#define BORDERKIT_CSHIMS_H

#if defined(__linux__)
#include <malloc.h>
/// glibc's mallopt(M_MMAP_THRESHOLD, bytes): allocations of `bytes` or more get their own mapping.
static inline int borderkit_set_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
#else
static inline int borderkit_set_mmap_threshold(int bytes) { (void)bytes; return 0; }
#endif

#endif
