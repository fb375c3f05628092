//! Typed, lossless views of KiCad files over the [`pyzig_sexp`] tree. Pure Rust: knows nothing of
//! Python (the `pyzig_sexp` extension module binds these same declarations).
//!
//! The tree is the only copy of the data: a typed view is a [`NodeId`](sexp::NodeId) and reads its
//! fields from the tree when asked; writes go through the engine's edit API ([`write`]), so what
//! was not changed prints exactly as it was, and a changed value is a one-token diff. Each KiCad type
//! is declared once with [`declare!`]; the declaration ([`TypeDecl`]) says where each field sits
//! ([`Key`]), what it holds ([`ValueKind`]) and how many ([`Count`]).
//!
//! # Typed KiCad access from Rust
//!
//! ```
//! use pyzig_kicad::kinds::fp_lib_table::{FpLibTable, FpLibTableFile};
//! use pyzig_kicad::{Typed, file, write};
//!
//! let text = "(fp_lib_table\n  (version 7)\n  (lib (name \"a\")(type \"KiCad\")(uri \"x\")(options \"\")(descr \"\"))\n)\n";
//! let mut tree = file::load(file::kind("fp_lib_table").unwrap(), text.to_owned()).unwrap();
//! let table = FpLibTable::at(tree.root());
//! assert_eq!(table.version(&tree).unwrap(), Some(7));
//! let lib = table.libs(&tree).unwrap()[0];
//! assert_eq!(lib.name(&tree).unwrap(), "a");
//!
//! // Edit through the declaration: only the one token changes.
//! let decl = pyzig_kicad::kinds::fp_lib_table::FpLibEntry::decl();
//! let style = write::Style::of(&tree);
//! write::set(&mut tree, lib.id, decl, decl.field("uri").unwrap(), Some(write::Scalar::Str("y")), style).unwrap();
//! assert_eq!(tree.print(), text.replace("(uri \"x\")", "(uri \"y\")"));
//! # let _ = FpLibTableFile::decl();
//! ```
#![forbid(unsafe_code)]

mod decl;
pub mod declare;
mod error;
pub mod file;
pub mod kinds;
pub mod read;
pub mod restyle;
pub mod write;

pub use decl::{Count, Default, FieldDecl, Key, TypeDecl, ValueKind};
pub use declare::Typed;
pub use error::{FieldError, WriteError};
pub use pyzig_sexp as sexp;
pub use read::Value;

/// The README's Rust example ("Typed KiCad access from Rust"), compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
