#ifndef CHORUS_CMALLOC_SHIM_H
#define CHORUS_CMALLOC_SHIM_H

// glibc's allocator settings (mallopt), which the Glibc module does not export, and madvise.
#include <malloc.h>
#include <sys/mman.h>

#endif
