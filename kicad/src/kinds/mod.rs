//! The KiCad file kinds and their types, one submodule of the Python API each.

mod board;
pub mod footprint;
pub mod footprint_v5;
mod lib_table;
pub mod netlist;
pub mod pcb;
pub mod schematic;
pub mod symbol;
pub mod symbol_v6;

pub use lib_table::{fp_lib_table, sym_lib_table};
