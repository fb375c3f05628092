//! The KiCad file kinds and their types, one submodule of the Python API each.

mod lib_table;

pub use lib_table::{fp_lib_table, sym_lib_table};
