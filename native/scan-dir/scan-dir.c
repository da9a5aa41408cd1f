// The JavaScript side of the listing (listing.c): one call that lists many directories,
// and the same started on threads of its own, to collect later.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <node_api.h>
#include "digest.h"
#include "listing.h"

// [names joined by NUL, kinds (Uint8Array), sizes (Float64Array), mtimesMs (Float64Array)]
// or null. Names travel as one string (no file name holds a NUL): one string for JavaScript
// to split is much cheaper than one N-API call per name.
static napi_status to_js(napi_env env, const listing_t *listing, napi_value *result) {
  napi_status status;
  if (listing->count < 0) return napi_get_null(env, result);
  size_t count = (size_t)listing->count, total = 1;
  for (size_t i = 0; i < count; i++) total += strlen(listing->entries[i].name) + 1;
  char *joined = malloc(total);
  if (!joined) return napi_generic_failure;
  size_t at = 0;
  for (size_t i = 0; i < count; i++) {
    size_t n = strlen(listing->entries[i].name);
    memcpy(joined + at, listing->entries[i].name, n);
    at += n;
    if (i + 1 < count) joined[at++] = '\0';
  }
  napi_value names, buffer, kinds, sizes, mtimes;
  void *kinds_data, *sizes_data, *mtimes_data;
  status = napi_create_string_utf8(env, joined, at, &names);
  free(joined);
  if (status != napi_ok) return status;
  if ((status = napi_create_arraybuffer(env, count, &kinds_data, &buffer)) != napi_ok) return status;
  if ((status = napi_create_typedarray(env, napi_uint8_array, count, buffer, 0, &kinds)) != napi_ok) return status;
  if ((status = napi_create_arraybuffer(env, count * sizeof(double), &sizes_data, &buffer)) != napi_ok) return status;
  if ((status = napi_create_typedarray(env, napi_float64_array, count, buffer, 0, &sizes)) != napi_ok) return status;
  if ((status = napi_create_arraybuffer(env, count * sizeof(double), &mtimes_data, &buffer)) != napi_ok) return status;
  if ((status = napi_create_typedarray(env, napi_float64_array, count, buffer, 0, &mtimes)) != napi_ok) return status;
  for (size_t i = 0; i < count; i++) {
    ((unsigned char *)kinds_data)[i] = listing->entries[i].kind;
    ((double *)sizes_data)[i] = listing->entries[i].size;
    ((double *)mtimes_data)[i] = listing->entries[i].mtime_ms;
  }
  if ((status = napi_create_array_with_length(env, 4, result)) != napi_ok) return status;
  napi_value parts[4] = {names, kinds, sizes, mtimes};
  for (uint32_t p = 0; p < 4; p++) {
    if ((status = napi_set_element(env, *result, p, parts[p])) != napi_ok) return status;
  }
  return napi_ok;
}

// Copies the paths out of a JavaScript array into work; 0 with an exception pending on failure.
static int take_paths(napi_env env, napi_value array, const char *name, work_t *work) {
  bool is_array = false;
  uint32_t total = 0;
  if (napi_is_array(env, array, &is_array) != napi_ok || !is_array || napi_get_array_length(env, array, &total) != napi_ok) {
    char message[96];
    snprintf(message, sizeof message, "%s expects an array of directory paths", name);
    napi_throw_type_error(env, NULL, message);
    return 0;
  }
  work->listings = calloc(total ? total : 1, sizeof(listing_t));
  work->total = total;
  work->next = 0;
  if (!work->listings) {
    work->total = 0;
    napi_throw_error(env, NULL, "scan-dir: out of memory");
    return 0;
  }
  for (uint32_t i = 0; i < total; i++) work->listings[i].count = -1;
  for (uint32_t i = 0; i < total; i++) {
    napi_value item;
    size_t length;
    if (napi_get_element(env, array, i, &item) != napi_ok || napi_get_value_string_utf8(env, item, NULL, 0, &length) != napi_ok ||
        (work->listings[i].path = malloc(length + 1)) == NULL ||
        napi_get_value_string_utf8(env, item, work->listings[i].path, length + 1, &length) != napi_ok) {
      bool pending = false;
      napi_is_exception_pending(env, &pending);
      if (!pending) napi_throw_type_error(env, NULL, "scan-dir: every directory path must be a string");
      free_work(work);
      return 0;
    }
  }
  return 1;
}

// One listing (see to_js) per path, in order, or NULL with an exception pending.
static napi_value listings_to_js(napi_env env, const work_t *work) {
  napi_value result;
  int ok = napi_create_array_with_length(env, work->total, &result) == napi_ok;
  for (uint32_t i = 0; ok && i < work->total; i++) {
    napi_value listing;
    ok = to_js(env, &work->listings[i], &listing) == napi_ok && napi_set_element(env, result, i, listing) == napi_ok;
  }
  if (ok) return result;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_error(env, NULL, "scan-dir: could not build the listing");
  return NULL;
}

// scanDirs(paths: string[]) -> one listing (see to_js) per path, in order.
static napi_value scan_dirs(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1] = {NULL};
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  work_t work = {NULL, 0, 0};
  if (!take_paths(env, argv[0], "scanDirs", &work)) return NULL;
  read_all(&work);
  napi_value result = listings_to_js(env, &work);
  free_work(&work);
  return result;
}

/*
 * A scan that runs while JavaScript goes on: the caller starts it as soon as it knows the
 * folders and collects it when it needs them. A query has other work to do meanwhile (loading
 * SQLite, opening the index), and the stat calls, about 2 µs each here, then cost it nothing.
 */
typedef struct {
  work_t work;
  pthread_t thread;
  // 1 while a thread may still be reading; 0 once joined (or when it ran on the caller).
  int running;
  int collected;
  // What the digest starts with and each folder's label (see digest.h); NULL for none.
  unsigned char *prefix;
  size_t prefix_length;
  char **labels;
  int digested;
  char digest[41];
} scan_t;

static void free_digest_input(scan_t *scan) {
  if (scan->labels) {
    for (size_t i = 0; i < scan->work.total; i++) free(scan->labels[i]);
    free(scan->labels);
  }
  free(scan->prefix);
  scan->labels = NULL;
  scan->prefix = NULL;
}

static void scan_all(scan_t *scan) {
  read_all(&scan->work);
  if (scan->prefix) scan->digested = digest_listings(&scan->work, scan->prefix, scan->prefix_length, scan->labels, scan->digest);
  free_digest_input(scan);
}

static void *run_scan(void *arg) {
  scan_all(arg);
  return NULL;
}

static void join_scan(scan_t *scan) {
  if (!scan->running) return;
  pthread_join(scan->thread, NULL);
  scan->running = 0;
}

static void finalize_scan(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  scan_t *scan = data;
  join_scan(scan);
  free_digest_input(scan);
  free_work(&scan->work);
  free(scan);
}

// Copies the digest's prefix (a Uint8Array) and one label a path (strings) into scan; 0 with
// an exception pending when they are not that.
static int take_digest_input(napi_env env, napi_value prefix, napi_value labels, scan_t *scan) {
  bool is_typedarray = false, is_array = false;
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  uint32_t total = 0;
  if (napi_is_typedarray(env, prefix, &is_typedarray) != napi_ok || !is_typedarray ||
      napi_get_typedarray_info(env, prefix, &type, &length, &data, NULL, NULL) != napi_ok || type != napi_uint8_array ||
      napi_is_array(env, labels, &is_array) != napi_ok || !is_array || napi_get_array_length(env, labels, &total) != napi_ok ||
      total != scan->work.total) {
    napi_throw_type_error(env, NULL, "startScanDirs expects a Uint8Array prefix and one label a path for the digest");
    return 0;
  }
  scan->prefix = malloc(length ? length : 1);
  scan->labels = calloc(total ? total : 1, sizeof(char *));
  int ok = scan->prefix != NULL && scan->labels != NULL;
  if (ok) memcpy(scan->prefix, data, length);
  scan->prefix_length = length;
  for (uint32_t i = 0; ok && i < total; i++) {
    napi_value item;
    size_t size;
    ok = napi_get_element(env, labels, i, &item) == napi_ok && napi_get_value_string_utf8(env, item, NULL, 0, &size) == napi_ok &&
         (scan->labels[i] = malloc(size + 1)) != NULL && napi_get_value_string_utf8(env, item, scan->labels[i], size + 1, &size) == napi_ok;
  }
  if (ok) return 1;
  free_digest_input(scan);
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_type_error(env, NULL, "startScanDirs: every label must be a string");
  return 0;
}

// startScanDirs(paths: string[], prefix?: Uint8Array, labels?: string[]) -> a handle for
// finishScan, and, when a prefix and labels are given, for scanDigest.
static napi_value start_scan_dirs(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3] = {NULL, NULL, NULL}, handle;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  scan_t *scan = calloc(1, sizeof(scan_t));
  if (!scan) {
    napi_throw_error(env, NULL, "scan-dir: out of memory");
    return NULL;
  }
  if (!take_paths(env, argv[0], "startScanDirs", &scan->work)) {
    free(scan);
    return NULL;
  }
  // Arguments not given are undefined (N-API fills argv): no prefix, no digest.
  napi_valuetype prefix_type = napi_undefined;
  if (napi_typeof(env, argv[1], &prefix_type) == napi_ok && prefix_type != napi_undefined && !take_digest_input(env, argv[1], argv[2], scan)) {
    free_work(&scan->work);
    free(scan);
    return NULL;
  }
  // No thread to be had: the scan runs here, and finishScan only hands it over.
  if (pthread_create(&scan->thread, NULL, run_scan, scan) == 0) scan->running = 1;
  else scan_all(scan);
  if (napi_create_external(env, scan, finalize_scan, NULL, &handle) != napi_ok) {
    finalize_scan(env, scan, NULL);
    return NULL;
  }
  return handle;
}

// The scan a handle stands for, or NULL with an exception pending.
static scan_t *take_handle(napi_env env, napi_callback_info info, const char *name) {
  size_t argc = 1;
  napi_value argv[1] = {NULL};
  napi_valuetype type = napi_undefined;
  scan_t *scan = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  if (argc < 1 || napi_typeof(env, argv[0], &type) != napi_ok || type != napi_external ||
      napi_get_value_external(env, argv[0], (void **)&scan) != napi_ok || scan == NULL) {
    char message[96];
    snprintf(message, sizeof message, "%s expects what startScanDirs returned", name);
    napi_throw_type_error(env, NULL, message);
    return NULL;
  }
  return scan;
}

// finishScan(handle) -> what scanDirs would have returned for the same paths.
static napi_value finish_scan(napi_env env, napi_callback_info info) {
  scan_t *scan = take_handle(env, info, "finishScan");
  if (!scan) return NULL;
  if (scan->collected) {
    napi_throw_error(env, NULL, "finishScan: this scan was already collected");
    return NULL;
  }
  join_scan(scan);
  scan->collected = 1;
  napi_value result = listings_to_js(env, &scan->work);
  free_work(&scan->work);
  return result;
}

// scanDigest(handle) -> the listing's digest (see digest.h) as hex, or null where it was not
// asked for or is left to JavaScript. It waits for the scan, and may be called at any time.
static napi_value scan_digest(napi_env env, napi_callback_info info) {
  scan_t *scan = take_handle(env, info, "scanDigest");
  if (!scan) return NULL;
  join_scan(scan);
  napi_value result;
  napi_status status = scan->digested ? napi_create_string_utf8(env, scan->digest, 40, &result) : napi_get_null(env, &result);
  return status == napi_ok ? result : NULL;
}

NAPI_MODULE_INIT() {
  const struct { const char *name; napi_callback cb; } functions[] = {
    {"scanDirs", scan_dirs},
    {"startScanDirs", start_scan_dirs},
    {"finishScan", finish_scan},
    {"scanDigest", scan_digest},
  };
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
    napi_value fn;
    if (napi_create_function(env, functions[i].name, NAPI_AUTO_LENGTH, functions[i].cb, NULL, &fn) != napi_ok) return NULL;
    if (napi_set_named_property(env, exports, functions[i].name, fn) != napi_ok) return NULL;
  }
  return exports;
}
