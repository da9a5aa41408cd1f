{
  "targets": [
    {
      "target_name": "scan_dir",
      "sources": ["scan-dir.c", "listing.c", "digest.c"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "conditions": [["OS=='win'", { "type": "none" }]]
    }
  ]
}
