//! `footprint_v5`: a KiCad 5 footprint (`(module name …)`), with its own graphics (`(width …)` and no
//! uuid) and model (`(at (xyz …))` in inches); texts, pads and polygons are the `pcb` types.

use crate::declare::{Float, Int, Str, Sym};
use crate::kinds::pcb::{FpText, Pad, Polygon, Property, Xy, Xyr, Xyz};

crate::declare! {
    /// `(fp_line (start …) (end …) (layer …) (width …))`.
    #[kicad(module = "footprint_v5", head = "fp_line")]
    pub struct Line {
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
        layer: One<Str> = Child("layer"),
        width: One<Float> = Child("width"),
    }

    /// `(fp_circle (center …) (end …) (layer …) (width …))`.
    #[kicad(module = "footprint_v5", head = "fp_circle")]
    pub struct Circle {
        center: One<Xy> = Child("center"),
        end: One<Xy> = Child("end"),
        layer: One<Str> = Child("layer"),
        width: One<Float> = Child("width"),
        fill: Optional<Sym> = Child("fill"),
    }

    /// `(fp_arc (start centre) (end point) (angle degrees) (layer …) (width …))`.
    #[kicad(module = "footprint_v5", head = "fp_arc")]
    pub struct Arc {
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
        angle: One<Float> = Child("angle"),
        layer: One<Str> = Child("layer"),
        width: One<Float> = Child("width"),
    }

    /// `(fp_rect (start …) (end …) (layer …) (width …))` (KiCad 5.99 nightlies).
    #[kicad(module = "footprint_v5", head = "fp_rect")]
    pub struct Rect {
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
        layer: One<Str> = Child("layer"),
        width: One<Float> = Child("width"),
        fill: Optional<Sym> = Child("fill"),
    }

    /// The `(xyz x y z)` inside a model's `at`, `offset`, `scale`, `rotate`.
    #[kicad(module = "footprint_v5", head = "at")]
    pub struct ModelXyz {
        xyz: One<Xyz> = Child("xyz"),
    }

    /// `(model path (at (xyz …)) (scale (xyz …)) (rotate (xyz …)))`; `at` is in inches.
    #[kicad(module = "footprint_v5", head = "model")]
    pub struct Model {
        path: One<Str> = Pos(0),
        at: Optional<ModelXyz> = Child("at"),
        offset: Optional<ModelXyz> = Child("offset"),
        scale: One<ModelXyz> = Child("scale"),
        rotate: One<ModelXyz> = Child("rotate"),
    }

    /// A KiCad 5 footprint: `(module name (layer F.Cu) (tedit …) (descr …) (tags …) (attr smd) …)`.
    #[kicad(module = "footprint_v5", head = "module")]
    pub struct Footprint {
        name: One<Str> = Pos(0),
        /// Present in KiCad 5.99 nightlies' `(module … (version …))`.
        version: Optional<Int> = Child("version"),
        layer: One<Str> = Child("layer") default Str("F.Cu"),
        tedit: Optional<Sym> = Child("tedit"),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
        at: Optional<Xyr> = Child("at"),
        description: Optional<Str> = Child("descr"),
        tags: List<Str> = Child("tags"),
        propertys: List<Property> = Child("property"),
        path: Optional<Str> = Child("path"),
        autoplace_cost90: Optional<Int> = Child("autoplace_cost90"),
        autoplace_cost180: Optional<Int> = Child("autoplace_cost180"),
        solder_mask_margin: Optional<Float> = Child("solder_mask_margin"),
        solder_paste_margin: Optional<Float> = Child("solder_paste_margin"),
        solder_paste_ratio: Optional<Float> = Child("solder_paste_ratio"),
        clearance: Optional<Float> = Child("clearance"),
        zone_connect: Optional<Int> = Child("zone_connect"),
        thermal_width: Optional<Float> = Child("thermal_width"),
        thermal_gap: Optional<Float> = Child("thermal_gap"),
        attr: List<Sym> = Child("attr"),
        fp_texts: List<FpText> = Child("fp_text"),
        fp_lines: List<Line> = Child("fp_line"),
        fp_arcs: List<Arc> = Child("fp_arc"),
        fp_circles: List<Circle> = Child("fp_circle"),
        fp_rects: List<Rect> = Child("fp_rect"),
        fp_poly: List<Polygon> = Child("fp_poly"),
        pads: List<Pad> = Child("pad"),
        /// The first model (a KiCad 5 footprint rarely has more; `models` lists them all).
        model: Optional<Model> = Child("model"),
        models: List<Model> = Child("model"),
    }

    /// A loaded KiCad 5 `.kicad_mod` file.
    #[kicad(module = "footprint_v5", head = "")]
    pub struct FootprintFile {
        footprint: One<Footprint> = Root,
    }
}
