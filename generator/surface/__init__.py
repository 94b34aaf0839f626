"""The SDK's public surface: every public name and signature of molam_sdk and molam_sdk_ext (`collect`), and
how two revisions' surfaces differ, as breaking-change findings (`compare`)."""
