//! Declarations of the CPython C-API that pyzig calls; nothing else.
