//! File kinds: which root head each kind has, which class a loaded file is, and loading with a check
//! of the root.

use std::fmt;

use pyzig_sexp::{ParseError, Tree};

use crate::decl::TypeDecl;
use crate::declare::Typed;
use crate::kinds::{footprint, footprint_v5, fp_lib_table, netlist, pcb, sym_lib_table, symbol, symbol_v6};
use crate::read::head;

/// One kind of KiCad file.
pub struct FileKind {
    /// Submodule of the Python API (`fp_lib_table`).
    pub module: &'static str,
    /// Head of the root list (`fp_lib_table`).
    pub root: &'static str,
    /// The file type (`FpLibTableFile`), whose one field is the root.
    pub file: fn() -> &'static TypeDecl,
}

impl fmt::Debug for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileKind({})", self.module)
    }
}

/// Every kind this crate declares.
pub static KINDS: &[FileKind] = &[
    FileKind { module: "footprint", root: "footprint", file: footprint::FootprintFile::decl },
    FileKind { module: "footprint_v5", root: "module", file: footprint_v5::FootprintFile::decl },
    FileKind { module: "symbol", root: "kicad_symbol_lib", file: symbol::SymbolFile::decl },
    // The same root as `symbol`, listed after it: a `.kicad_sym` loads as `symbol` unless asked.
    FileKind { module: "symbol_v6", root: "kicad_symbol_lib", file: symbol_v6::SymbolFile::decl },
    FileKind { module: "fp_lib_table", root: "fp_lib_table", file: fp_lib_table::FpLibTableFile::decl },
    FileKind { module: "sym_lib_table", root: "sym_lib_table", file: sym_lib_table::SymLibTableFile::decl },
    FileKind { module: "netlist", root: "export", file: netlist::NetlistFile::decl },
    FileKind { module: "pcb", root: "kicad_pcb", file: pcb::PcbFile::decl },
];

/// The kind of submodule `module`.
pub fn kind(module: &str) -> Option<&'static FileKind> {
    KINDS.iter().find(|k| k.module == module)
}

/// The kind whose root head is `root`.
pub fn kind_of_root(root: &str) -> Option<&'static FileKind> {
    KINDS.iter().find(|k| k.root == root)
}

/// Why a file could not be loaded as a kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Parse(ParseError),
    /// The root is not the kind's (`expected` root heads, `found` the file's).
    WrongKind {
        expected: String,
        found: String,
        line: usize,
        column: usize,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Parse(e) => write!(f, "{e}"),
            LoadError::WrongKind { expected, found, line, column } => write!(
                f,
                "line {line}, column {column}: expected a file whose root is ({expected} …), found ({found} …)"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<ParseError> for LoadError {
    fn from(e: ParseError) -> Self {
        LoadError::Parse(e)
    }
}

/// The root's head (`"(no head)"` when it has none).
pub fn root_head(tree: &Tree) -> &str {
    head(tree, tree.root()).unwrap_or("(no head)")
}

/// Checks that `tree` is a file of `kind`.
pub fn check_kind(tree: &Tree, kind: &FileKind) -> Result<(), LoadError> {
    let found = root_head(tree);
    if found == kind.root {
        return Ok(());
    }
    let (line, column) = tree.span(tree.root()).map(|r| tree.line_col(r.start)).unwrap_or((1, 1));
    Err(LoadError::WrongKind { expected: kind.root.to_owned(), found: found.to_owned(), line, column })
}

/// Parses `text` as a file of `kind`.
pub fn load(kind: &FileKind, text: String) -> Result<Tree, LoadError> {
    let tree = pyzig_sexp::parse_string(text)?;
    check_kind(&tree, kind)?;
    Ok(tree)
}
