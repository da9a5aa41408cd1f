// A query on an unchanged archive compares one digest of the listing with the one the index
// was last brought up to date with. Hashing it in JavaScript meant loading node:crypto (about
// 3 ms of a 120 ms query) and hashing about 400 KB on the thread the query waits for; here
// it is done on the scan's thread, while the program is still loading. The hash is Node's
// own OpenSSL (an addon may use the symbols Node exports), so both ways give the same SHA-1.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "digest.h"

#if defined(__has_include)
#if __has_include(<openssl/evp.h>)
#include <openssl/evp.h>
#define HAVE_OPENSSL 1
#endif
#endif

#ifdef HAVE_OPENSSL

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF): exactly the
// names that reach JavaScript unchanged.
static int is_utf8(const unsigned char *s) {
  while (*s) {
    unsigned char c = *s;
    size_t extra;
    uint32_t min, cp;
    if (c < 0x80) {
      s++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return 0;
    }
    for (size_t i = 1; i <= extra; i++) {
      if ((s[i] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    s += extra + 1;
  }
  return 1;
}

static int hashable(const work_t *work) {
  for (size_t l = 0; l < work->total; l++) {
    const listing_t *listing = &work->listings[l];
    for (ssize_t i = 0; i < listing->count; i++) {
      if (listing->entries[i].kind == KIND_LINK || !is_utf8((const unsigned char *)listing->entries[i].name)) return 0;
    }
  }
  return 1;
}

// Bytes gathered into blocks: a folder adds four small pieces an entry.
typedef struct {
  EVP_MD_CTX *ctx;
  int ok;
  size_t used;
  unsigned char block[16384];
} feed_t;

static void feed(feed_t *f, const void *data, size_t length) {
  if (f->used + length > sizeof f->block) {
    f->ok = f->ok && EVP_DigestUpdate(f->ctx, f->block, f->used);
    f->used = 0;
    if (length > sizeof f->block) {
      f->ok = f->ok && EVP_DigestUpdate(f->ctx, data, length);
      return;
    }
  }
  memcpy(f->block + f->used, data, length);
  f->used += length;
}

// One listing's bytes, as fingerprintArchive adds a folder. An unreadable folder lists as empty.
static void feed_listing(feed_t *f, const listing_t *listing, const char *label) {
  static const unsigned char nul = 0;
  size_t count = listing->count > 0 ? (size_t)listing->count : 0;
  feed(f, &nul, 1);
  feed(f, label, strlen(label));
  feed(f, &nul, 1);
  for (size_t i = 0; i < count; i++) {
    if (i > 0) feed(f, &nul, 1);
    feed(f, listing->entries[i].name, strlen(listing->entries[i].name));
  }
  feed(f, &nul, 1);
  for (size_t i = 0; i < count; i++) feed(f, &listing->entries[i].kind, 1);
  for (size_t i = 0; i < count; i++) feed(f, &listing->entries[i].size, sizeof(double));
  for (size_t i = 0; i < count; i++) feed(f, &listing->entries[i].mtime_ms, sizeof(double));
}

int digest_listings(const work_t *work, const unsigned char *prefix, size_t prefix_length, char *const *labels, char hex[41]) {
  if (!hashable(work)) return 0;
  feed_t *f = malloc(sizeof(feed_t));
  if (!f) return 0;
  f->ctx = EVP_MD_CTX_new();
  f->used = 0;
  f->ok = f->ctx != NULL && EVP_DigestInit_ex(f->ctx, EVP_sha1(), NULL);
  feed(f, prefix, prefix_length);
  for (size_t l = 0; l < work->total; l++) feed_listing(f, &work->listings[l], labels[l]);
  unsigned char sum[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  int ok = f->ok && EVP_DigestUpdate(f->ctx, f->block, f->used) && EVP_DigestFinal_ex(f->ctx, sum, &length) && length == 20;
  EVP_MD_CTX_free(f->ctx);
  free(f);
  if (!ok) return 0;
  static const char digits[] = "0123456789abcdef";
  for (unsigned int i = 0; i < length; i++) {
    hex[2 * i] = digits[sum[i] >> 4];
    hex[2 * i + 1] = digits[sum[i] & 15];
  }
  hex[40] = '\0';
  return 1;
}

#else

int digest_listings(const work_t *work, const unsigned char *prefix, size_t prefix_length, char *const *labels, char hex[41]) {
  (void)work, (void)prefix, (void)prefix_length, (void)labels, (void)hex;
  return 0;
}

#endif
