//! `footprint`: a footprint library file (`.kicad_mod`, KiCad 6 and later): `(footprint "name" …)`.
//! The items inside are the `pcb` types.

use crate::declare::{Bool, Float, Int, Str, Sym};
use crate::kinds::pcb::{
    Arc, Circle, Curve, EmbeddedFiles, FpText, Group, Line, Model, Pad, Polygon, Property, Rect, TextBox, Xyr,
};

crate::declare! {
    /// A footprint, in KiCad 8's writing order (KiCad 6's `tedit`/`tstamp` and bare flags read too).
    #[kicad(module = "footprint", head = "footprint")]
    pub struct Footprint {
        name: One<Str> = Pos(0),
        locked: Optional<Bool> = Flag("locked"),
        placed: Optional<Bool> = Flag("placed"),
        /// File format version (a date: `20211014` is KiCad 6, `20240108` KiCad 8).
        version: Optional<Int> = Child("version"),
        generator: One<Str> = Child("generator") default Str("pcbnew"),
        generator_version: Optional<Str> = Child("generator_version"),
        /// The side: `F.Cu` or `B.Cu`.
        layer: One<Str> = Child("layer") default Str("F.Cu"),
        /// Last edit time (KiCad 6 and earlier), hexadecimal seconds.
        tedit: Optional<Sym> = Child("tedit"),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
        /// Position on a board (library footprints have none).
        at: Optional<Xyr> = Child("at"),
        description: Optional<Str> = Child("descr"),
        /// `(tags "…")`: KiCad writes one space-separated string.
        tags: List<Str> = Child("tags"),
        propertys: List<Property> = Child("property"),
        path: Optional<Str> = Child("path"),
        autoplace_cost90: Optional<Int> = Child("autoplace_cost90"),
        autoplace_cost180: Optional<Int> = Child("autoplace_cost180"),
        sheetname: Optional<Str> = Child("sheetname"),
        sheetfile: Optional<Str> = Child("sheetfile"),
        solder_mask_margin: Optional<Float> = Child("solder_mask_margin"),
        solder_paste_margin: Optional<Float> = Child("solder_paste_margin"),
        /// KiCad 9 and later; KiCad 6 to 8 write `solder_paste_ratio`.
        solder_paste_margin_ratio: Optional<Float> = Child("solder_paste_margin_ratio"),
        solder_paste_ratio: Optional<Float> = Child("solder_paste_ratio"),
        clearance: Optional<Float> = Child("clearance"),
        zone_connect: Optional<Int> = Child("zone_connect"),
        thermal_width: Optional<Float> = Child("thermal_width"),
        thermal_gap: Optional<Float> = Child("thermal_gap"),
        /// `smd`, `through_hole`, `board_only`, `exclude_from_pos_files`, `exclude_from_bom`,
        /// `allow_missing_courtyard`, `dnp`, …
        attr: List<Sym> = Child("attr"),
        private_layers: List<Str> = Child("private_layers"),
        net_tie_pad_groups: List<Str> = Child("net_tie_pad_groups"),
        /// KiCad 10 writes it always.
        duplicate_pad_numbers_are_jumpers: Optional<Bool> = Child("duplicate_pad_numbers_are_jumpers"),
        fp_texts: List<FpText> = Child("fp_text"),
        fp_text_boxes: List<TextBox> = Child("fp_text_box"),
        fp_lines: List<Line> = Child("fp_line"),
        fp_rects: List<Rect> = Child("fp_rect"),
        fp_circles: List<Circle> = Child("fp_circle"),
        fp_arcs: List<Arc> = Child("fp_arc"),
        fp_poly: List<Polygon> = Child("fp_poly"),
        fp_curves: List<Curve> = Child("fp_curve"),
        pads: List<Pad> = Child("pad"),
        groups: List<Group> = Child("group"),
        embedded_fonts: Optional<Bool> = Child("embedded_fonts"),
        embedded_files: Optional<EmbeddedFiles> = Child("embedded_files"),
        models: List<Model> = Child("model"),
    }

    /// A loaded `.kicad_mod` file.
    #[kicad(module = "footprint", head = "")]
    pub struct FootprintFile {
        footprint: One<Footprint> = Root,
    }
}
