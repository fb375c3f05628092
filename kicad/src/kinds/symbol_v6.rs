//! `symbol_v6`: symbol libraries read with KiCad 6's model (the reference's `symbol_v6`): the same
//! file as `symbol`, its symbols and units declared with the fields KiCad 6 writes. `pyzig_sexp.load`
//! picks `symbol`; this module is chosen by calling its `loads`.

use crate::declare::{Bool, Float, Int, Str};
use crate::kinds::pcb::Xy;
use crate::kinds::schematic::{Arc, Fill, PinNames, PinNumbers, Polyline, Property, Rect, Stroke, SymbolPin, Text};

crate::declare! {
    /// `(circle (center x y) (radius r) (stroke …) (fill …))`.
    #[kicad(module = "symbol_v6", head = "circle")]
    pub struct Circle {
        center: One<Xy> = Child("center"),
        radius: One<Float> = Child("radius"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
    }

    /// One unit and body style: `(symbol "NAME_unit_style" …)`.
    #[kicad(module = "symbol_v6", head = "symbol")]
    pub struct SymbolUnit {
        name: One<Str> = Pos(0),
        polylines: List<Polyline> = Child("polyline"),
        circles: List<Circle> = Child("circle"),
        rectangles: List<Rect> = Child("rectangle"),
        arcs: List<Arc> = Child("arc"),
        texts: List<Text> = Child("text"),
        pins: List<SymbolPin> = Child("pin"),
    }

    /// A KiCad 6 library symbol.
    #[kicad(module = "symbol_v6", head = "symbol")]
    pub struct Symbol {
        name: One<Str> = Pos(0),
        extends: Optional<Str> = Child("extends"),
        power: One<Bool> = Marker("power"),
        pin_numbers: Optional<PinNumbers> = Child("pin_numbers"),
        pin_names: Optional<PinNames> = Child("pin_names"),
        in_bom: Optional<Bool> = Child("in_bom"),
        on_board: Optional<Bool> = Child("on_board"),
        propertys: List<Property> = Child("property"),
        symbols: List<SymbolUnit> = Child("symbol"),
        convert: Optional<Int> = Child("convert"),
    }

    /// `(kicad_symbol_lib (version …) (generator …) (symbol …)*)`.
    #[kicad(module = "symbol_v6", head = "kicad_symbol_lib")]
    pub struct SymbolLib {
        version: One<Int> = Child("version") default Int(20211014),
        generator: One<Str> = Child("generator") default Str("kicad_symbol_editor"),
        symbols: List<Symbol> = Child("symbol"),
    }

    /// A loaded `.kicad_sym` file, KiCad 6 model.
    #[kicad(module = "symbol_v6", head = "")]
    pub struct SymbolFile {
        kicad_sym: One<SymbolLib> = Root,
    }
}
