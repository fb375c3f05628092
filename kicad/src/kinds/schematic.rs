//! `schematic`: the types of symbols as symbol libraries hold them (`(symbol …)` with its units, pins,
//! graphics and properties); the rest of a schematic comes with boards and schematics. Positions,
//! sizes and text effects are the `pcb` types, which eeschema writes the same way.

use crate::declare::{Bool, Float, Int, Str, Sym};
use crate::kinds::pcb::{Effects, Xy, Xyr};

crate::declare! {
    /// `(color r g b a)`: 0-255 channels and an alpha from 0 to 1 (all 0: the default colour).
    #[kicad(module = "schematic", head = "color")]
    pub struct Color {
        r: One<Int> = Pos(0),
        g: One<Int> = Pos(1),
        b: One<Int> = Pos(2),
        a: One<Float> = Pos(3),
    }

    /// `(stroke (width 0) (type default) (color 0 0 0 0))` (width 0: the default width).
    #[kicad(module = "schematic", head = "stroke")]
    pub struct Stroke {
        width: One<Float> = Child("width"),
        /// `default`, `solid`, `dash`, `dot`, `dash_dot`, `dash_dot_dot`.
        #[py = "type"]
        kind: One<Sym> = Child("type") default Str("default"),
        color: Optional<Color> = Child("color"),
    }

    /// `(fill (type none|outline|background|color) [(color …)])`.
    #[kicad(module = "schematic", head = "fill")]
    pub struct Fill {
        #[py = "type"]
        kind: One<Sym> = Child("type") default Str("none"),
        color: Optional<Color> = Child("color"),
    }

    /// `(pts (xy x y) …)`.
    #[kicad(module = "schematic", head = "pts")]
    pub struct Pts {
        xys: List<Xy> = Child("xy"),
    }

    /// `(polyline (pts …) (stroke …) (fill …))`.
    #[kicad(module = "schematic", head = "polyline")]
    pub struct Polyline {
        private: Optional<Bool> = Flag("private"),
        pts: One<Pts> = Child("pts"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// `(bezier (pts …four points…) (stroke …) (fill …))`.
    #[kicad(module = "schematic", head = "bezier")]
    pub struct Bezier {
        private: Optional<Bool> = Flag("private"),
        pts: One<Pts> = Child("pts"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// `(circle (center x y) (radius r) (stroke …) (fill …))`.
    #[kicad(module = "schematic", head = "circle")]
    pub struct Circle {
        private: Optional<Bool> = Flag("private"),
        center: One<Xy> = Child("center"),
        radius: One<Float> = Child("radius"),
        /// A point on the circle, as some writers give it instead of `radius`.
        end: Optional<Xy> = Child("end"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// `(rectangle (start …) (end …) (stroke …) (fill …))`.
    #[kicad(module = "schematic", head = "rectangle")]
    pub struct Rect {
        private: Optional<Bool> = Flag("private"),
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
        /// Corner radius (KiCad 10).
        radius: Optional<Float> = Child("radius"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// `(arc (start …) (mid …) (end …) (stroke …) (fill …))`.
    #[kicad(module = "schematic", head = "arc")]
    pub struct Arc {
        private: Optional<Bool> = Flag("private"),
        start: One<Xy> = Child("start"),
        mid: One<Xy> = Child("mid"),
        end: One<Xy> = Child("end"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// `(text "text" (at x y angle) (effects …))` in a symbol.
    #[kicad(module = "schematic", head = "text")]
    pub struct Text {
        private: Optional<Bool> = Flag("private"),
        text: One<Str> = Pos(0),
        exclude_from_sim: Optional<Bool> = Child("exclude_from_sim"),
        at: One<Xyr> = Child("at"),
        effects: One<Effects> = Child("effects"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// `(text_box "text" (at x y angle) (size w h) (margins …) (stroke …) (fill …) (effects …))`
    /// (KiCad 7 and later; KiCad 7 gave `start`/`end`).
    #[kicad(module = "schematic", head = "text_box")]
    pub struct TextBox {
        private: Optional<Bool> = Flag("private"),
        text: One<Str> = Pos(0),
        exclude_from_sim: Optional<Bool> = Child("exclude_from_sim"),
        at: Optional<Xyr> = Child("at"),
        size: Optional<crate::kinds::pcb::Wh> = Child("size"),
        start: Optional<Xy> = Child("start"),
        end: Optional<Xy> = Child("end"),
        margins: Optional<crate::kinds::pcb::Margins> = Child("margins"),
        stroke: One<Stroke> = Child("stroke"),
        fill: One<Fill> = Child("fill"),
        effects: One<Effects> = Child("effects"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// A symbol field: `(property "Reference" "U" (id 0) (at x y angle) (effects …))`; KiCad 7 dropped
    /// `id`, KiCad 9 moved `hide` out of `effects`.
    #[kicad(module = "schematic", head = "property")]
    pub struct Property {
        private: Optional<Bool> = Flag("private"),
        name: One<Str> = Pos(0),
        value: One<Str> = Pos(1),
        id: Optional<Int> = Child("id"),
        at: One<Xyr> = Child("at"),
        hide: Optional<Bool> = Flag("hide"),
        show_name: Optional<Bool> = Flag("show_name"),
        do_not_autoplace: Optional<Bool> = Flag("do_not_autoplace"),
        effects: Optional<Effects> = Child("effects"),
    }

    /// `(pin_names [(offset d)] hide)`: where pin names sit, and whether they show.
    #[kicad(module = "schematic", head = "pin_names")]
    pub struct PinNames {
        offset: Optional<Float> = Child("offset"),
        hide: Optional<Bool> = Flag("hide"),
    }

    /// `(pin_numbers hide)` (KiCad 8: `(pin_numbers (hide yes))`).
    #[kicad(module = "schematic", head = "pin_numbers")]
    pub struct PinNumbers {
        hide: Optional<Bool> = Flag("hide"),
    }

    /// A pin's name: `(name "CLK" (effects …))`.
    #[kicad(module = "schematic", head = "name")]
    pub struct PinName {
        name: One<Str> = Pos(0),
        effects: Optional<Effects> = Child("effects"),
    }

    /// A pin's number: `(number "1" (effects …))`.
    #[kicad(module = "schematic", head = "number")]
    pub struct PinNumber {
        number: One<Str> = Pos(0),
        effects: Optional<Effects> = Child("effects"),
    }

    /// An alternate pin function: `(alternate "name" type style)`.
    #[kicad(module = "schematic", head = "alternate")]
    pub struct PinAlternate {
        name: One<Str> = Pos(0),
        #[py = "type"]
        kind: One<Sym> = Pos(1) default Str("passive"),
        style: One<Sym> = Pos(2) default Str("line"),
    }

    /// `(pin type style (at x y angle) (length l) [hide] (name …) (number …) (alternate …)*)`.
    #[kicad(module = "schematic", head = "pin")]
    pub struct SymbolPin {
        /// `input`, `output`, `bidirectional`, `tri_state`, `passive`, `free`, `unspecified`,
        /// `power_in`, `power_out`, `open_collector`, `open_emitter`, `no_connect`.
        #[py = "type"]
        kind: One<Sym> = Pos(0) default Str("passive"),
        /// `line`, `inverted`, `clock`, `inverted_clock`, `input_low`, `clock_low`, `output_low`,
        /// `edge_clock_high`, `non_logic`.
        style: One<Sym> = Pos(1) default Str("line"),
        at: One<Xyr> = Child("at"),
        length: One<Float> = Child("length"),
        hide: Optional<Bool> = Flag("hide"),
        name: One<PinName> = Child("name"),
        number: One<PinNumber> = Child("number"),
        alternates: List<PinAlternate> = Child("alternate"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// One unit and body style of a symbol: `(symbol "NAME_unit_style" …graphics… (pin …)*)`.
    #[kicad(module = "schematic", head = "symbol")]
    pub struct SymbolUnit {
        name: One<Str> = Pos(0),
        /// The unit's display name (KiCad 8 and later).
        unit_name: Optional<Str> = Child("unit_name"),
        polylines: List<Polyline> = Child("polyline"),
        circles: List<Circle> = Child("circle"),
        rectangles: List<Rect> = Child("rectangle"),
        arcs: List<Arc> = Child("arc"),
        beziers: List<Bezier> = Child("bezier"),
        texts: List<Text> = Child("text"),
        text_boxes: List<TextBox> = Child("text_box"),
        pins: List<SymbolPin> = Child("pin"),
    }

    /// A library symbol: `(symbol "Name" [(extends "Parent")] [(power)] (pin_numbers …) (pin_names …)
    /// (in_bom yes) (on_board yes) (property …)* (symbol "Name_1_1" …)*)`.
    #[kicad(module = "schematic", head = "symbol")]
    pub struct Symbol {
        name: One<Str> = Pos(0),
        /// The symbol this one derives from (its units and pins are the parent's).
        extends: Optional<Str> = Child("extends"),
        /// A power symbol: `(power)` (KiCad 9 also `(power local)`).
        power: One<Bool> = Marker("power"),
        /// Body styles (KiCad 10): `(body_styles demorgan)` or their names.
        body_styles: List<Str> = Child("body_styles"),
        pin_numbers: Optional<PinNumbers> = Child("pin_numbers"),
        pin_names: Optional<PinNames> = Child("pin_names"),
        exclude_from_sim: Optional<Bool> = Child("exclude_from_sim"),
        in_bom: Optional<Bool> = Child("in_bom"),
        on_board: Optional<Bool> = Child("on_board"),
        in_pos_files: Optional<Bool> = Child("in_pos_files"),
        duplicate_pin_numbers_are_jumpers: Optional<Bool> = Child("duplicate_pin_numbers_are_jumpers"),
        propertys: List<Property> = Child("property"),
        symbols: List<SymbolUnit> = Child("symbol"),
        /// The body style of a schematic's placed symbol (`(convert 2)`: De Morgan).
        convert: Optional<Int> = Child("convert"),
        embedded_fonts: Optional<Bool> = Child("embedded_fonts"),
    }
}
