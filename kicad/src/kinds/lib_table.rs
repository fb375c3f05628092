//! `fp-lib-table` and `sym-lib-table`: the footprint and symbol library tables (global, or a
//! project's). Both have the same shape; each has its own classes, as in the reference API.

macro_rules! lib_table {
    ($module:ident, $entry:ident, $table:ident, $file:ident) => {
        pub mod $module {
            use $crate::declare::{Int, Str};

            $crate::declare! {
                /// One library: `(lib (name …)(type …)(uri …)(options …)(descr …))`, written on one line.
                #[kicad(module = ::core::stringify!($module), head = "lib")]
                pub struct $entry {
                    /// The nickname the library's items are referred to by (`Library:Item`).
                    name: One<Str> = Child("name"),
                    /// The plugin that reads it (`KiCad`, `Legacy`, `Eagle`, …).
                    #[py = "type"]
                    kind: One<Str> = Child("type") default Str("KiCad"),
                    /// Where it is: a path, often with `${KIPRJMOD}` or a `${KICADn_…_DIR}` variable.
                    uri: One<Str> = Child("uri"),
                    options: One<Str> = Child("options"),
                    descr: One<Str> = Child("descr"),
                }

                /// The table: `(fp_lib_table (version 7) (lib …) …)` (`sym_lib_table` alike).
                #[kicad(module = ::core::stringify!($module), head = ::core::stringify!($module))]
                pub struct $table {
                    /// Table format version (KiCad 7 and later write `(version 7)`; KiCad 6 tables have none).
                    version: Optional<Int> = Child("version"),
                    libs: List<$entry> = Child("lib"),
                }

                /// A loaded table file.
                #[kicad(module = ::core::stringify!($module), head = "")]
                pub struct $file {
                    $module: One<$table> = Root,
                }
            }
        }
    };
}

lib_table!(fp_lib_table, FpLibEntry, FpLibTable, FpLibTableFile);
lib_table!(sym_lib_table, SymLibEntry, SymLibTable, SymLibTableFile);
