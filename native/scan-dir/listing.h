// Reading directories: each visible entry's name, kind, size and modification time.
#ifndef HUB_SCAN_DIR_LISTING_H
#define HUB_SCAN_DIR_LISTING_H

#include <stddef.h>
#include <sys/types.h>

enum { KIND_OTHER = 0, KIND_FILE = 1, KIND_DIR = 2, KIND_LINK = 3, KIND_ERROR = 4 };

typedef struct {
  char *name;
  unsigned char kind;
  double size;
  double mtime_ms;
} entry_t;

typedef struct {
  char *path;
  entry_t *entries;
  // -1 when the directory could not be read.
  ssize_t count;
} listing_t;

typedef struct {
  listing_t *listings;
  size_t total;
  size_t next;
} work_t;

// Lists every directory of work, sharing them among as many threads as there are cores.
void read_all(work_t *work);
// Frees the paths and entries work holds, and its list.
void free_work(work_t *work);

#endif
