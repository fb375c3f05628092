//! `symbol`: a symbol library file (`.kicad_sym`, KiCad 6 and later): `(kicad_symbol_lib …)`; the
//! symbols in it are `schematic.Symbol`.

use crate::declare::{Int, Str};
use crate::kinds::schematic::Symbol;

crate::declare! {
    /// `(kicad_symbol_lib (version …) (generator …) [(generator_version …)] (symbol …)*)`.
    #[kicad(module = "symbol", head = "kicad_symbol_lib")]
    pub struct SymbolLib {
        /// File format version (`20211014` KiCad 6, `20220914` KiCad 7, `20231120` KiCad 8, `20241209` KiCad 9).
        version: One<Int> = Child("version") default Int(20211014),
        generator: One<Str> = Child("generator") default Str("kicad_symbol_editor"),
        generator_version: Optional<Str> = Child("generator_version"),
        symbols: List<Symbol> = Child("symbol"),
    }

    /// A loaded `.kicad_sym` file.
    #[kicad(module = "symbol", head = "")]
    pub struct SymbolFile {
        kicad_sym: One<SymbolLib> = Root,
    }
}
