// The fingerprint of a finished listing, worked out on the scan's own thread.
#ifndef HUB_SCAN_DIR_DIGEST_H
#define HUB_SCAN_DIR_DIGEST_H

#include <stddef.h>
#include "listing.h"

// SHA-1, as lowercase hex, of prefix and then, for each listing in order, the bytes
// src/core/archive.ts hashes for a folder: "\0" label "\0" names joined by NUL "\0", then
// each entry's kind (a byte), size and modification time (native doubles). 1 when hex was
// written; 0 when the digest is left to JavaScript: the addon was built without OpenSSL's
// headers, a listing holds a link (JavaScript stamps links with their target before
// hashing), or a name is not valid UTF-8 (JavaScript sees it with replacement characters).
int digest_listings(const work_t *work, const unsigned char *prefix, size_t prefix_length, char *const *labels, char hex[41]);

#endif
