//! `pcb`: the board-level types that footprints use (the footprint's own graphics, texts, pads and
//! models; a board's `gr_*` items are the same types under other heads). Field order is KiCad 8's writing
//! order; KiCad 6 and 7 spellings (`(width …)` before `stroke`, `tstamp` before `uuid`, bare flags) are
//! declared beside them, so every file of every version reads.

use crate::declare::{Bool, Float, Int, Str, Sym};

/// The board file and its board-level items (`kinds/board.rs`), in this submodule too.
pub use crate::kinds::board::*;

/// The fields every graphic item (`fp_line`, `gr_circle`, `gr_poly` inside a pad, …) has after its
/// geometry, in KiCad's order.
macro_rules! graphic {
    ($(#[doc = $doc:literal])* $name:ident, $head:literal { $($geometry:tt)* }) => {
        crate::declare! {
            $(#[doc = $doc])*
            #[kicad(module = "pcb", head = $head)]
            pub struct $name {
                $($geometry)*
                /// `(angle …)`: the KiCad 5 arc's sweep, in degrees (KiCad 6 and later give `mid`).
                angle: Optional<Float> = Child("angle"),
                /// Line width and style (KiCad 7 and later).
                stroke: Optional<Stroke> = Child("stroke"),
                /// `(fill yes|no|solid|none)`.
                fill: Optional<Sym> = Child("fill"),
                /// `(locked yes)`, or the bare `locked` of KiCad 6.
                locked: Optional<Bool> = Flag("locked"),
                layer: Optional<Str> = Child("layer"),
                /// `(layers …)`: the layers of an item on several (KiCad 9 and later).
                layers: List<Str> = Child("layers"),
                /// `(width …)`: the line width as KiCad 6 and earlier write it (later files use `stroke`).
                width: Optional<Float> = Child("width"),
                solder_mask_margin: Optional<Float> = Child("solder_mask_margin"),
                /// `(net n)` of a board graphic on copper.
                net: Optional<Int> = Child("net"),
                uuid: Optional<Str> = Child("uuid"),
                /// The KiCad 6 and 7 spelling of `uuid`.
                tstamp: Optional<Sym> = Child("tstamp"),
            }
        }
    };
}

crate::declare! {
    /// A point: `(xy x y)`, `(start x y)`, `(end x y)`, `(center x y)`, `(mid x y)`, `(offset x y)`.
    #[kicad(module = "pcb", head = "xy")]
    pub struct Xy {
        x: One<Float> = Pos(0),
        y: One<Float> = Pos(1),
    }

    /// A point in space: `(xyz x y z)` (3D model placement).
    #[kicad(module = "pcb", head = "xyz")]
    pub struct Xyz {
        x: One<Float> = Pos(0),
        y: One<Float> = Pos(1),
        z: One<Float> = Pos(2),
    }

    /// A position with an optional rotation in degrees: `(at x y [r])`.
    #[kicad(module = "pcb", head = "at")]
    pub struct Xyr {
        x: One<Float> = Pos(0),
        y: One<Float> = Pos(1),
        r: Optional<Float> = Pos(2),
        /// The KiCad 6 and 7 `(at x y r unlocked)` of a text that does not turn with its footprint.
        unlocked: Optional<Bool> = Flag("unlocked"),
    }

    /// A size: `(size w h)` (a text's height comes first in KiCad's font size: `(size h w)`).
    #[kicad(module = "pcb", head = "size")]
    pub struct Wh {
        w: One<Float> = Pos(0),
        h: Optional<Float> = Pos(1),
    }

    /// Line width and style: `(stroke (width 0.12) (type solid))`.
    #[kicad(module = "pcb", head = "stroke")]
    pub struct Stroke {
        width: One<Float> = Child("width"),
        /// `solid`, `dash`, `dot`, `dash_dot`, `dash_dot_dot`, `default`.
        #[py = "type"]
        kind: One<Sym> = Child("type") default Str("solid"),
    }

    /// `(font (face …) (size h w) (thickness t) bold italic)`; KiCad 8 writes `(bold yes)`.
    #[kicad(module = "pcb", head = "font")]
    pub struct Font {
        face: Optional<Str> = Child("face"),
        size: One<Wh> = Child("size"),
        thickness: Optional<Float> = Child("thickness"),
        bold: Optional<Bool> = Flag("bold"),
        italic: Optional<Bool> = Flag("italic"),
        line_spacing: Optional<Float> = Child("line_spacing"),
    }

    /// `(justify left|right top|bottom mirror)`: up to three words, in the file's order.
    #[kicad(module = "pcb", head = "justify")]
    pub struct Justify {
        justify1: Optional<Sym> = Pos(0),
        justify2: Optional<Sym> = Pos(1),
        justify3: Optional<Sym> = Pos(2),
    }

    /// How a text is drawn: `(effects (font …) (justify …) hide)`.
    #[kicad(module = "pcb", head = "effects")]
    pub struct Effects {
        font: One<Font> = Child("font"),
        justify: Optional<Justify> = Child("justify"),
        hide: Optional<Bool> = Flag("hide"),
        /// A link (schematic texts; pcbnew never writes it).
        href: Optional<Str> = Child("href"),
    }

    /// A text's layer: `(layer "F.SilkS" knockout)`.
    #[kicad(module = "pcb", head = "layer")]
    pub struct TextLayer {
        layer: One<Str> = Pos(0),
        /// `knockout` when the text is cut out of a filled box.
        knockout: Optional<Sym> = Word(&["knockout"]),
    }

    /// A footprint text of KiCad 6 and 7: `(fp_text reference|value|user "text" (at …) (layer …) …)`.
    #[kicad(module = "pcb", head = "fp_text")]
    pub struct FpText {
        /// `reference`, `value` or `user`.
        #[py = "type"]
        kind: One<Sym> = Pos(0) default Str("user"),
        text: One<Str> = Pos(1),
        at: One<Xyr> = Child("at"),
        unlocked: Optional<Bool> = Flag("unlocked"),
        layer: One<TextLayer> = Child("layer"),
        hide: Optional<Bool> = Flag("hide"),
        uuid: Optional<Str> = Child("uuid"),
        effects: One<Effects> = Child("effects"),
        tstamp: Optional<Sym> = Child("tstamp"),
        render_cache: Optional<RenderCache> = Child("render_cache"),
    }

    /// A board text: `(gr_text "text" (at …) (layer …) (uuid …) (effects …))`.
    #[kicad(module = "pcb", head = "gr_text")]
    pub struct Text {
        locked: Optional<Bool> = Flag("locked"),
        text: One<Str> = Pos(0),
        at: One<Xyr> = Child("at"),
        layer: One<TextLayer> = Child("layer"),
        uuid: Optional<Str> = Child("uuid"),
        effects: One<Effects> = Child("effects"),
        tstamp: Optional<Sym> = Child("tstamp"),
        render_cache: Optional<RenderCache> = Child("render_cache"),
    }

    /// A footprint property (KiCad 8 and later also place and draw it):
    /// `(property "Reference" "R1" (at …) (layer …) (hide yes) (uuid …) (effects …))`. KiCad 6 and 7
    /// footprints have bare `(property "name" "value")` entries.
    #[kicad(module = "pcb", head = "property")]
    pub struct Property {
        name: One<Str> = Pos(0),
        value: One<Str> = Pos(1),
        at: Optional<Xyr> = Child("at"),
        unlocked: Optional<Bool> = Flag("unlocked"),
        layer: Optional<Str> = Child("layer"),
        hide: Optional<Bool> = Flag("hide"),
        uuid: Optional<Str> = Child("uuid"),
        effects: Optional<Effects> = Child("effects"),
    }

    /// A polygon's corners: `(pts (xy x y) … (arc (start …) (mid …) (end …)))`.
    #[kicad(module = "pcb", head = "pts")]
    pub struct Pts {
        xys: List<Xy> = Child("xy"),
        /// Arcs among the corners (KiCad 7 and later); their place among the `xy`s is kept in the file.
        arcs: List<Arc> = Child("arc"),
    }

    /// Text rendered to polygons, cached in the file for fonts KiCad may not have:
    /// `(render_cache "text" angle (polygon (pts …)) …)`.
    #[kicad(module = "pcb", head = "render_cache")]
    pub struct RenderCache {
        text: One<Str> = Pos(0),
        rotation: One<Float> = Pos(1),
        polygons: List<Polygon> = Child("polygon"),
    }

    /// A text box's inner margins: `(margins left top right bottom)`.
    #[kicad(module = "pcb", head = "margins")]
    pub struct Margins {
        left: One<Float> = Pos(0),
        top: One<Float> = Pos(1),
        right: One<Float> = Pos(2),
        bottom: One<Float> = Pos(3),
    }

    /// A text in a box (KiCad 7 and later): `(fp_text_box "text" (start …) (end …) (margins …) (layer …)
    /// (uuid …) (effects …) (border yes) (stroke …))`; a turned box gives `(pts …)` instead of start/end.
    #[kicad(module = "pcb", head = "fp_text_box")]
    pub struct TextBox {
        locked: Optional<Bool> = Flag("locked"),
        text: One<Str> = Pos(0),
        start: Optional<Xy> = Child("start"),
        end: Optional<Xy> = Child("end"),
        pts: Optional<Pts> = Child("pts"),
        margins: Optional<Margins> = Child("margins"),
        angle: Optional<Float> = Child("angle"),
        layer: One<Str> = Child("layer"),
        uuid: Optional<Str> = Child("uuid"),
        effects: One<Effects> = Child("effects"),
        border: Optional<Bool> = Child("border"),
        stroke: Optional<Stroke> = Child("stroke"),
        render_cache: Optional<RenderCache> = Child("render_cache"),
    }

    /// A pad's drill: `(drill d)`, `(drill oval w h)`, `(drill d (offset x y))`.
    #[kicad(module = "pcb", head = "drill")]
    pub struct PadDrill {
        /// `oval`, or absent for a round hole.
        shape: Optional<Sym> = Word(&["oval"]),
        size_x: Optional<Float> = Pos(0),
        size_y: Optional<Float> = Pos(1),
        offset: Optional<Xy> = Child("offset"),
    }

    /// A custom pad's options: `(options (clearance outline|convexhull) (anchor rect|circle))`.
    #[kicad(module = "pcb", head = "options")]
    pub struct PadOptions {
        clearance: Optional<Sym> = Child("clearance"),
        anchor: Optional<Sym> = Child("anchor"),
    }

    /// A custom pad's shapes: `(primitives (gr_poly …) (gr_line …) … (width w) (fill yes))`.
    #[kicad(module = "pcb", head = "primitives")]
    pub struct PadPrimitives {
        gr_polys: List<Polygon> = Child("gr_poly"),
        gr_lines: List<Line> = Child("gr_line"),
        gr_arcs: List<Arc> = Child("gr_arc"),
        gr_circles: List<Circle> = Child("gr_circle"),
        gr_rects: List<Rect> = Child("gr_rect"),
        gr_curves: List<Curve> = Child("gr_curve"),
        gr_bbox: List<Rect> = Child("gr_bbox"),
        gr_vectors: List<Line> = Child("gr_vector"),
        width: Optional<Float> = Child("width"),
        fill: Optional<Bool> = Child("fill"),
    }

    /// A pad's mask tenting override (KiCad 9): `(tenting front back)` or `(tenting none)`.
    #[kicad(module = "pcb", head = "tenting")]
    pub struct PadTenting {
        /// The first side named (`front`, `back`, `none`).
        #[py = "type"]
        kind: One<Sym> = Pos(0) default Str("none"),
        /// The second side named, if any.
        second: Optional<Sym> = Pos(1),
        /// KiCad 10: `(tenting (front yes|no|none) (back yes|no|none))`.
        front: Optional<Sym> = Child("front"),
        back: Optional<Sym> = Child("back"),
    }

    /// A pad's net on a board: `(net 3 "GND")` (KiCad 10 may name it alone).
    #[kicad(module = "pcb", head = "net")]
    pub struct Net {
        number: One<Int> = Pos(0),
        name: Optional<Str> = Pos(1),
    }

    /// Teardrop settings of a pad or via (KiCad 8 and later), in KiCad's order.
    #[kicad(module = "pcb", head = "teardrops")]
    pub struct Teardrop {
        best_length_ratio: One<Float> = Child("best_length_ratio"),
        max_length: One<Float> = Child("max_length"),
        best_width_ratio: One<Float> = Child("best_width_ratio"),
        max_width: One<Float> = Child("max_width"),
        /// KiCad 8: the number of points of a curved teardrop (`0`: straight).
        curve_points: Optional<Int> = Child("curve_points"),
        /// KiCad 9 and later.
        curved_edges: Optional<Bool> = Child("curved_edges"),
        filter_ratio: One<Float> = Child("filter_ratio"),
        enabled: One<Bool> = Child("enabled"),
        allow_two_segments: One<Bool> = Child("allow_two_segments"),
        prefer_zone_connections: One<Bool> = Child("prefer_zone_connections"),
    }

    /// A pad: `(pad "1" smd roundrect (at x y [r]) (size w h) (layers …) (roundrect_rratio 0.25) …)`.
    #[kicad(module = "pcb", head = "pad")]
    pub struct Pad {
        /// The pad number (`"1"`, `"A3"`, `""` for a mechanical pad).
        name: One<Str> = Pos(0),
        /// `thru_hole`, `smd`, `connect`, `np_thru_hole`.
        #[py = "type"]
        kind: One<Sym> = Pos(1) default Str("smd"),
        /// `circle`, `rect`, `oval`, `trapezoid`, `roundrect`, `chamfered_rect`, `custom`.
        shape: One<Sym> = Pos(2) default Str("rect"),
        locked: Optional<Bool> = Flag("locked"),
        at: One<Xyr> = Child("at"),
        size: One<Wh> = Child("size"),
        /// `(rect_delta dx dy)` of a trapezoid.
        rect_delta: Optional<Xy> = Child("rect_delta"),
        drill: Optional<PadDrill> = Child("drill"),
        /// `(property pad_prop_bga|pad_prop_fiducial_glob|…|pad_prop_heatsink)`.
        properties: Optional<Sym> = Child("property"),
        layers: List<Str> = Child("layers"),
        remove_unused_layers: Optional<Bool> = Flag("remove_unused_layers"),
        keep_end_layers: Optional<Bool> = Flag("keep_end_layers"),
        /// The copper layers a through-hole pad is flashed on (a board's; KiCad 7 and later).
        zone_layer_connections: List<Str> = Child("zone_layer_connections"),
        roundrect_rratio: Optional<Float> = Child("roundrect_rratio"),
        chamfer_ratio: Optional<Float> = Child("chamfer_ratio"),
        /// The chamfered corners: `(chamfer top_left bottom_right)`.
        chamfer: List<Sym> = Child("chamfer"),
        net: Optional<Net> = Child("net"),
        pinfunction: Optional<Str> = Child("pinfunction"),
        pintype: Optional<Str> = Child("pintype"),
        die_length: Optional<Float> = Child("die_length"),
        solder_mask_margin: Optional<Float> = Child("solder_mask_margin"),
        solder_paste_margin: Optional<Float> = Child("solder_paste_margin"),
        solder_paste_margin_ratio: Optional<Float> = Child("solder_paste_margin_ratio"),
        clearance: Optional<Float> = Child("clearance"),
        /// `0` none, `1` thermal relief, `2` solid, `3` thermal relief for through holes only.
        zone_connect: Optional<Int> = Child("zone_connect"),
        thermal_bridge_width: Optional<Float> = Child("thermal_bridge_width"),
        /// The KiCad 6 spelling of `thermal_bridge_width`.
        thermal_width: Optional<Float> = Child("thermal_width"),
        thermal_bridge_angle: Optional<Float> = Child("thermal_bridge_angle"),
        thermal_gap: Optional<Float> = Child("thermal_gap"),
        options: Optional<PadOptions> = Child("options"),
        primitives: Optional<PadPrimitives> = Child("primitives"),
        tenting: Optional<PadTenting> = Child("tenting"),
        teardrops: Optional<Teardrop> = Child("teardrops"),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
    }

    /// The `(xyz x y z)` inside a model's `offset`, `scale`, `rotate` (or KiCad 5 `at`).
    #[kicad(module = "pcb", head = "offset")]
    pub struct ModelXyz {
        xyz: One<Xyz> = Child("xyz"),
    }

    /// A 3D model: `(model "path" (offset (xyz …)) (scale (xyz …)) (rotate (xyz …)))`.
    #[kicad(module = "pcb", head = "model")]
    pub struct Model {
        path: One<Str> = Pos(0),
        hide: Optional<Bool> = Flag("hide"),
        opacity: Optional<Float> = Child("opacity"),
        /// In millimetres (KiCad 6 and later); KiCad 5 files give `at`, in inches.
        offset: Optional<ModelXyz> = Child("offset"),
        at: Optional<ModelXyz> = Child("at"),
        scale: One<ModelXyz> = Child("scale"),
        rotate: One<ModelXyz> = Child("rotate"),
    }

    /// A group of items, by uuid: `(group "name" (uuid …) (members …))` (`(id …)` in KiCad 6).
    #[kicad(module = "pcb", head = "group")]
    pub struct Group {
        name: Optional<Str> = Pos(0),
        locked: Optional<Bool> = Flag("locked"),
        id: Optional<Str> = Child("id"),
        uuid: Optional<Str> = Child("uuid"),
        members: List<Str> = Child("members"),
    }

    /// A file embedded in a footprint or board (KiCad 9): `(file (name …) (type …) (data …) (checksum …))`.
    #[kicad(module = "pcb", head = "file")]
    pub struct EmbeddedFile {
        name: One<Str> = Child("name"),
        #[py = "type"]
        kind: One<Sym> = Child("type"),
        /// The compressed, base64-encoded content, in the file's chunks.
        data: List<Str> = Child("data"),
        checksum: Optional<Str> = Child("checksum"),
    }

    /// `(embedded_files (file …) …)`.
    #[kicad(module = "pcb", head = "embedded_files")]
    pub struct EmbeddedFiles {
        files: List<EmbeddedFile> = Child("file"),
    }
}

graphic! {
    /// A line: `(fp_line (start …) (end …) (stroke …) (layer …) (uuid …))`; `gr_line` on a board.
    Line, "fp_line" {
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
    }
}

graphic! {
    /// An arc through three points: `(fp_arc (start …) (mid …) (end …) …)`; KiCad 5 gives a centre as
    /// `start`, an end point and an `angle`.
    Arc, "fp_arc" {
        start: One<Xy> = Child("start"),
        mid: Optional<Xy> = Child("mid"),
        end: One<Xy> = Child("end"),
    }
}

graphic! {
    /// A circle: `(fp_circle (center …) (end …) …)`, `end` a point on it.
    Circle, "fp_circle" {
        center: One<Xy> = Child("center"),
        end: One<Xy> = Child("end"),
    }
}

graphic! {
    /// A rectangle by two corners: `(fp_rect (start …) (end …) …)`.
    Rect, "fp_rect" {
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
        /// Corner radius (KiCad 10).
        radius: Optional<Float> = Child("radius"),
    }
}

graphic! {
    /// A polygon: `(fp_poly (pts …) …)`.
    Polygon, "fp_poly" {
        pts: One<Pts> = Child("pts"),
    }
}

graphic! {
    /// A Bézier curve by four points: `(fp_curve (pts …) …)`.
    Curve, "fp_curve" {
        pts: One<Pts> = Child("pts"),
    }
}
