//! The board file (`.kicad_pcb`): `(kicad_pcb (version …) (generator …) (general …) (layers …) (setup …)
//! (net …)* (footprint …)* (gr_… …)* (segment …)* (arc …)* (via …)* (zone …)* …)` and the board-level items
//! in it, in the `pcb` submodule beside the types footprints share. Field order is KiCad 8's writing
//! order; KiCad 6 and 7 spellings (`tstamp`, bare flags, `(width …)`) read too. Whatever a declaration does
//! not name stays in the file as it is.

use crate::declare::{Bool, Float, Int, Str, Sym};
use crate::kinds::footprint::Footprint;
use crate::kinds::footprint_v5;
use crate::kinds::pcb::{
    Arc, Circle, Curve, EmbeddedFiles, Group, Line, Net, Polygon, Pts, Rect, Teardrop, Text, TextBox, Wh, Xy,
};

crate::declare! {
    /// `(general (thickness 1.6) (legacy_teardrops no))`.
    #[kicad(module = "pcb", head = "general")]
    pub struct General {
        /// The board thickness, in millimetres.
        thickness: One<Float> = Child("thickness") default Float(1.6),
        /// KiCad 8 and later.
        legacy_teardrops: Optional<Bool> = Child("legacy_teardrops"),
    }

    /// A title block comment: `(comment 1 "text")`.
    #[kicad(module = "pcb", head = "comment")]
    pub struct Comment {
        number: One<Int> = Pos(0) default Int(1),
        text: One<Str> = Pos(1) default Str(""),
    }

    /// `(title_block (title "…") (date "…") (rev "…") (company "…") (comment 1 "…")*)`.
    #[kicad(module = "pcb", head = "title_block")]
    pub struct TitleBlock {
        title: Optional<Str> = Child("title"),
        date: Optional<Str> = Child("date"),
        revision: Optional<Str> = Child("rev"),
        company: Optional<Str> = Child("company"),
        comment: List<Comment> = Child("comment"),
    }

    /// One layer of the board: `(0 "F.Cu" signal "Front")`, its number first (the list's head).
    #[kicad(module = "pcb", head = "0")]
    pub struct Layer {
        /// The layer's number (KiCad 6 to 8: `F.Cu` 0, `B.Cu` 31; KiCad 9 and later: `F.Cu` 0, `B.Cu` 2).
        number: One<Int> = Head default Int(0),
        name: One<Str> = Pos(0) default Str("F.Cu"),
        /// `signal`, `power`, `mixed`, `jumper` (copper) or `user`.
        #[py = "type"]
        kind: One<Sym> = Pos(1) default Str("signal"),
        /// The name the user gave it.
        alias: Optional<Str> = Pos(2),
    }

    /// A dielectric or copper thickness: `(thickness 0.1)` or `(thickness 0.1 locked)`.
    #[kicad(module = "pcb", head = "thickness")]
    pub struct Thickness {
        thickness: One<Float> = Pos(0) default Float(0.0),
        locked: Optional<Bool> = Flag("locked"),
    }

    /// One layer of the stackup: `(layer "F.Cu" (type "copper") (thickness 0.035))`.
    #[kicad(module = "pcb", head = "layer")]
    pub struct StackupLayer {
        name: One<Str> = Pos(0) default Str(""),
        #[py = "type"]
        kind: One<Str> = Child("type") default Str("copper"),
        color: Optional<Str> = Child("color"),
        thickness: Optional<Thickness> = Child("thickness"),
        material: Optional<Str> = Child("material"),
        epsilon_r: Optional<Float> = Child("epsilon_r"),
        loss_tangent: Optional<Float> = Child("loss_tangent"),
    }

    /// `(stackup (layer …)* (copper_finish "…") (dielectric_constraints no) …)`.
    #[kicad(module = "pcb", head = "stackup")]
    pub struct Stackup {
        layers: List<StackupLayer> = Child("layer"),
        copper_finish: Optional<Str> = Child("copper_finish"),
        dielectric_constraints: Optional<Bool> = Child("dielectric_constraints"),
        /// `yes` or `bevelled`.
        edge_connector: Optional<Sym> = Child("edge_connector"),
        castellated_pads: Optional<Bool> = Child("castellated_pads"),
        edge_plating: Optional<Bool> = Child("edge_plating"),
    }

    /// The plot settings of the board: `(pcbplotparams (layerselection …) …)`; the yes/no settings
    /// read `true`/`false` (KiCad 6 and 7) and `yes`/`no` (KiCad 8 and later) alike.
    #[kicad(module = "pcb", head = "pcbplotparams")]
    pub struct PcbPlotParams {
        layerselection: One<Sym> = Child("layerselection") default Str("0x00010fc_ffffffff"),
        plot_on_all_layers_selection: Optional<Sym> = Child("plot_on_all_layers_selection"),
        disableapertmacros: Optional<Bool> = Child("disableapertmacros"),
        usegerberextensions: Optional<Bool> = Child("usegerberextensions"),
        usegerberattributes: Optional<Bool> = Child("usegerberattributes"),
        usegerberadvancedattributes: Optional<Bool> = Child("usegerberadvancedattributes"),
        creategerberjobfile: Optional<Bool> = Child("creategerberjobfile"),
        /// KiCad 6 and 7.
        excludeedgelayer: Optional<Bool> = Child("excludeedgelayer"),
        dashed_line_dash_ratio: Optional<Float> = Child("dashed_line_dash_ratio"),
        dashed_line_gap_ratio: Optional<Float> = Child("dashed_line_gap_ratio"),
        /// KiCad 6.
        svguseinch: Optional<Bool> = Child("svguseinch"),
        svgprecision: Optional<Int> = Child("svgprecision"),
        plotframeref: Optional<Bool> = Child("plotframeref"),
        viasonmask: Optional<Bool> = Child("viasonmask"),
        mode: Optional<Int> = Child("mode"),
        useauxorigin: Optional<Bool> = Child("useauxorigin"),
        hpglpennumber: Optional<Int> = Child("hpglpennumber"),
        hpglpenspeed: Optional<Int> = Child("hpglpenspeed"),
        hpglpendiameter: Optional<Float> = Child("hpglpendiameter"),
        pdf_front_fp_property_popups: Optional<Bool> = Child("pdf_front_fp_property_popups"),
        pdf_back_fp_property_popups: Optional<Bool> = Child("pdf_back_fp_property_popups"),
        pdf_metadata: Optional<Bool> = Child("pdf_metadata"),
        pdf_single_document: Optional<Bool> = Child("pdf_single_document"),
        dxfpolygonmode: Optional<Bool> = Child("dxfpolygonmode"),
        dxfimperialunits: Optional<Bool> = Child("dxfimperialunits"),
        dxfusepcbnewfont: Optional<Bool> = Child("dxfusepcbnewfont"),
        psnegative: Optional<Bool> = Child("psnegative"),
        psa4output: Optional<Bool> = Child("psa4output"),
        plot_black_and_white: Optional<Bool> = Child("plot_black_and_white"),
        plotinvisibletext: Optional<Bool> = Child("plotinvisibletext"),
        sketchpadsonfab: Optional<Bool> = Child("sketchpadsonfab"),
        plotreference: Optional<Bool> = Child("plotreference"),
        plotvalue: Optional<Bool> = Child("plotvalue"),
        plotpadnumbers: Optional<Bool> = Child("plotpadnumbers"),
        hidednponfab: Optional<Bool> = Child("hidednponfab"),
        sketchdnponfab: Optional<Bool> = Child("sketchdnponfab"),
        crossoutdnponfab: Optional<Bool> = Child("crossoutdnponfab"),
        plotfptext: Optional<Bool> = Child("plotfptext"),
        subtractmaskfromsilk: Optional<Bool> = Child("subtractmaskfromsilk"),
        outputformat: Optional<Int> = Child("outputformat"),
        mirror: Optional<Bool> = Child("mirror"),
        drillshape: Optional<Int> = Child("drillshape"),
        scaleselection: Optional<Int> = Child("scaleselection"),
        outputdirectory: Optional<Str> = Child("outputdirectory"),
    }

    /// `(setup (stackup …) (pad_to_mask_clearance 0) … (pcbplotparams …))`.
    #[kicad(module = "pcb", head = "setup")]
    pub struct Setup {
        stackup: Optional<Stackup> = Child("stackup"),
        pad_to_mask_clearance: Optional<Float> = Child("pad_to_mask_clearance"),
        allow_soldermask_bridges_in_footprints: Optional<Bool> = Child("allow_soldermask_bridges_in_footprints"),
        /// KiCad 9: the sides whose vias are tented, `(tenting front back)`.
        tenting: List<Sym> = Child("tenting"),
        /// The origin of drill and place files.
        aux_axis_origin: Optional<Xy> = Child("aux_axis_origin"),
        grid_origin: Optional<Xy> = Child("grid_origin"),
        pcbplotparams: Optional<PcbPlotParams> = Child("pcbplotparams"),
    }

    /// A track: `(segment (start …) (end …) (width …) (layer …) (net …) (uuid …))`.
    #[kicad(module = "pcb", head = "segment")]
    pub struct Segment {
        locked: Optional<Bool> = Flag("locked"),
        start: One<Xy> = Child("start"),
        end: One<Xy> = Child("end"),
        width: One<Float> = Child("width") default Float(0.25),
        layer: Optional<Str> = Child("layer"),
        /// The net's number.
        net: One<Int> = Child("net") default Int(0),
        uuid: Optional<Str> = Child("uuid"),
        /// The KiCad 6 and 7 spelling of `uuid`.
        tstamp: Optional<Sym> = Child("tstamp"),
    }

    /// An arc track through three points: `(arc (start …) (mid …) (end …) (width …) (layer …) (net …))`.
    #[kicad(module = "pcb", head = "arc")]
    pub struct ArcSegment {
        locked: Optional<Bool> = Flag("locked"),
        start: One<Xy> = Child("start"),
        mid: One<Xy> = Child("mid"),
        end: One<Xy> = Child("end"),
        width: One<Float> = Child("width") default Float(0.25),
        layer: Optional<Str> = Child("layer"),
        net: One<Int> = Child("net") default Int(0),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
    }

    /// A via's size on one layer of its padstack: `(layer "In1.Cu" (size 0.6 0.6) …)`.
    #[kicad(module = "pcb", head = "layer")]
    pub struct ViaLayer {
        name: One<Str> = Pos(0) default Str("Inner"),
        size: Optional<Xy> = Child("size"),
        thermal_gap: Optional<Float> = Child("thermal_gap"),
        thermal_bridge_width: Optional<Float> = Child("thermal_bridge_width"),
        thermal_bridge_angle: Optional<Float> = Child("thermal_bridge_angle"),
        zone_connect: Optional<Int> = Child("zone_connect"),
    }

    /// A via's sizes per layer (KiCad 9): `(padstack (mode front_inner_back) (layer …)*)`.
    #[kicad(module = "pcb", head = "padstack")]
    pub struct ViaPadstack {
        /// `normal`, `front_inner_back` or `custom`.
        mode: One<Sym> = Child("mode") default Str("normal"),
        layers: List<ViaLayer> = Child("layer"),
    }

    /// A via's mask tenting override (KiCad 9): `(tenting front back)`, `(tenting none)`, or KiCad 10's
    /// `(tenting (front yes) (back no))`.
    #[kicad(module = "pcb", head = "tenting")]
    pub struct ViaTenting {
        #[py = "type"]
        kind: Optional<Sym> = Pos(0),
        second: Optional<Sym> = Pos(1),
        front: Optional<Sym> = Child("front"),
        back: Optional<Sym> = Child("back"),
    }

    /// A via: `(via [blind|micro] (at x y) (size d) (drill d) (layers "F.Cu" "B.Cu") (net n) (uuid …))`.
    #[kicad(module = "pcb", head = "via")]
    pub struct Via {
        /// `blind` or `micro`; absent for a through via.
        #[py = "type"]
        kind: Optional<Sym> = Word(&["blind", "micro", "through"]),
        locked: Optional<Bool> = Flag("locked"),
        at: One<Xy> = Child("at"),
        size: One<Float> = Child("size") default Float(0.6),
        drill: One<Float> = Child("drill") default Float(0.3),
        layers: List<Str> = Child("layers"),
        remove_unused_layers: Optional<Bool> = Flag("remove_unused_layers"),
        keep_end_layers: Optional<Bool> = Flag("keep_end_layers"),
        zone_layer_connections: List<Str> = Child("zone_layer_connections"),
        padstack: Optional<ViaPadstack> = Child("padstack"),
        teardrops: Optional<Teardrop> = Child("teardrops"),
        tenting: Optional<ViaTenting> = Child("tenting"),
        /// A via not tied to a track's net by the router.
        free: Optional<Bool> = Flag("free"),
        net: One<Int> = Child("net") default Int(0),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
    }

    /// A zone's outline hatching: `(hatch edge 0.508)`.
    #[kicad(module = "pcb", head = "hatch")]
    pub struct Hatch {
        /// `none`, `edge` or `full`.
        mode: One<Sym> = Pos(0) default Str("edge"),
        pitch: One<Float> = Pos(1) default Float(0.5),
    }

    /// How pads join a zone: `(connect_pads [yes|no|thru_hole_only] (clearance 0.508))`.
    #[kicad(module = "pcb", head = "connect_pads")]
    pub struct ConnectPads {
        /// Absent: thermal reliefs.
        mode: Optional<Sym> = Pos(0),
        clearance: Optional<Float> = Child("clearance"),
    }

    /// A zone's fill settings: `(fill yes (thermal_gap 0.508) (thermal_bridge_width 0.508) …)`.
    #[kicad(module = "pcb", head = "fill")]
    pub struct ZoneFill {
        /// `yes` once the zone was filled.
        enable: Optional<Sym> = Pos(0),
        /// `hatch` for a hatched fill (absent: solid).
        mode: Optional<Sym> = Child("mode"),
        hatch_thickness: Optional<Float> = Child("hatch_thickness"),
        hatch_gap: Optional<Float> = Child("hatch_gap"),
        hatch_orientation: Optional<Float> = Child("hatch_orientation"),
        hatch_smoothing_level: Optional<Float> = Child("hatch_smoothing_level"),
        hatch_smoothing_value: Optional<Float> = Child("hatch_smoothing_value"),
        hatch_border_algorithm: Optional<Sym> = Child("hatch_border_algorithm"),
        hatch_min_hole_area: Optional<Float> = Child("hatch_min_hole_area"),
        /// KiCad 6: segments per circle.
        arc_segments: Optional<Int> = Child("arc_segments"),
        thermal_gap: Optional<Float> = Child("thermal_gap"),
        thermal_bridge_width: Optional<Float> = Child("thermal_bridge_width"),
        /// `chamfer` or `fillet`.
        smoothing: Optional<Sym> = Child("smoothing"),
        radius: Optional<Float> = Child("radius"),
        /// `0` remove all islands, `1` keep them, `2` remove those below `island_area_min`.
        island_removal_mode: Optional<Int> = Child("island_removal_mode"),
        island_area_min: Optional<Float> = Child("island_area_min"),
    }

    /// What a keepout zone forbids: `(keepout (tracks not_allowed) (vias allowed) …)`.
    #[kicad(module = "pcb", head = "keepout")]
    pub struct ZoneKeepout {
        tracks: Optional<Sym> = Child("tracks"),
        vias: Optional<Sym> = Child("vias"),
        pads: Optional<Sym> = Child("pads"),
        copperpour: Optional<Sym> = Child("copperpour"),
        footprints: Optional<Sym> = Child("footprints"),
    }

    /// Where a rule area places footprints (KiCad 9): `(placement (enabled no) (sheetname "…"))`.
    #[kicad(module = "pcb", head = "placement")]
    pub struct ZonePlacement {
        source_type: Optional<Sym> = Child("source_type"),
        source: Optional<Str> = Child("source"),
        enabled: One<Bool> = Child("enabled") default Bool(false),
        sheetname: Optional<Str> = Child("sheetname"),
    }

    /// `(teardrop (type padvia))` of a teardrop zone.
    #[kicad(module = "pcb", head = "teardrop")]
    pub struct ZoneTeardrop {
        #[py = "type"]
        kind: One<Sym> = Child("type") default Str("padvia"),
    }

    /// `(attr (teardrop …))`.
    #[kicad(module = "pcb", head = "attr")]
    pub struct ZoneAttr {
        teardrop: Optional<ZoneTeardrop> = Child("teardrop"),
    }

    /// The filled area of a zone on one layer: `(filled_polygon (layer "F.Cu") [(island)] (pts …))`.
    #[kicad(module = "pcb", head = "filled_polygon")]
    pub struct FilledPolygon {
        layer: One<Str> = Child("layer") default Str("F.Cu"),
        /// KiCad 7 and later mark an unconnected piece `(island)`.
        island: Optional<Bool> = Marker("island"),
        pts: One<Pts> = Child("pts"),
    }

    /// A copper zone or rule area: `(zone (net 1) (net_name "GND") (layer "B.Cu") … (polygon (pts …)))`.
    #[kicad(module = "pcb", head = "zone")]
    pub struct Zone {
        locked: Optional<Bool> = Flag("locked"),
        net: One<Int> = Child("net") default Int(0),
        net_name: One<Str> = Child("net_name") default Str(""),
        layer: Optional<Str> = Child("layer"),
        layers: List<Str> = Child("layers"),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
        name: Optional<Str> = Child("name"),
        hatch: Optional<Hatch> = Child("hatch"),
        priority: Optional<Int> = Child("priority"),
        attr: Optional<ZoneAttr> = Child("attr"),
        connect_pads: Optional<ConnectPads> = Child("connect_pads"),
        min_thickness: Optional<Float> = Child("min_thickness"),
        filled_areas_thickness: Optional<Bool> = Child("filled_areas_thickness"),
        keepout: Optional<ZoneKeepout> = Child("keepout"),
        placement: Optional<ZonePlacement> = Child("placement"),
        fill: Optional<ZoneFill> = Child("fill"),
        polygon: Optional<Polygon> = Child("polygon"),
        filled_polygon: List<FilledPolygon> = Child("filled_polygon"),
    }

    /// The points a dimension measures between: `(pts (xy …) (xy …))`.
    #[kicad(module = "pcb", head = "pts")]
    pub struct DimensionPts {
        xys: List<Xy> = Child("xy"),
    }

    /// How a dimension writes its value: `(format (prefix "") (suffix "") (units 3) (units_format 1)
    /// (precision 4) [suppress_zeroes])`.
    #[kicad(module = "pcb", head = "format")]
    pub struct DimensionFormat {
        prefix: Optional<Str> = Child("prefix"),
        suffix: Optional<Str> = Child("suffix"),
        /// `0` inches, `1` mils, `2` millimetres, `3` automatic.
        units: One<Int> = Child("units") default Int(2),
        /// `0` no unit, `1` bare unit, `2` unit in parentheses.
        units_format: One<Int> = Child("units_format") default Int(1),
        precision: One<Int> = Child("precision") default Int(4),
        override_value: Optional<Str> = Child("override_value"),
        /// The bare `suppress_zeroes` of KiCad 6, `(suppress_zeroes yes)` of KiCad 8 and later.
        suppress_zeroes: Optional<Bool> = Flag("suppress_zeroes"),
    }

    /// How a dimension is drawn: `(style (thickness …) (arrow_length …) (text_position_mode 0) …)`.
    #[kicad(module = "pcb", head = "style")]
    pub struct DimensionStyle {
        thickness: Optional<Float> = Child("thickness"),
        arrow_length: Optional<Float> = Child("arrow_length"),
        /// `outward` or `inward` (KiCad 8 and later).
        arrow_direction: Optional<Sym> = Child("arrow_direction"),
        text_position_mode: Optional<Int> = Child("text_position_mode"),
        extension_height: Optional<Float> = Child("extension_height"),
        extension_offset: Optional<Float> = Child("extension_offset"),
        keep_text_aligned: Optional<Bool> = Flag("keep_text_aligned"),
        /// The frame around a leader's text (`0` none, `1` rectangle, `2` circle, `3` rounded rectangle).
        text_frame: Optional<Int> = Child("text_frame"),
    }

    /// A dimension: `(dimension (type aligned) (layer …) (uuid …) (pts …) (height …) (format …) (style …)
    /// (gr_text …))` (KiCad 6 writes the text before `format`).
    #[kicad(module = "pcb", head = "dimension")]
    pub struct Dimension {
        locked: Optional<Bool> = Flag("locked"),
        /// `aligned`, `orthogonal`, `leader`, `center` or `radial`.
        #[py = "type"]
        kind: One<Sym> = Child("type") default Str("aligned"),
        layer: One<Str> = Child("layer") default Str("Cmts.User"),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
        pts: One<DimensionPts> = Child("pts"),
        height: Optional<Float> = Child("height"),
        orientation: Optional<Float> = Child("orientation"),
        leader_length: Optional<Float> = Child("leader_length"),
        format: Optional<DimensionFormat> = Child("format"),
        style: Optional<DimensionStyle> = Child("style"),
        gr_text: Optional<Text> = Child("gr_text"),
    }

    /// An alignment target: `(target plus (at x y) (size 5) (width 0.1) (layer "Edge.Cuts"))`.
    #[kicad(module = "pcb", head = "target")]
    pub struct Target {
        /// `plus` or `x`.
        shape: Optional<Sym> = Pos(0),
        at: One<Xy> = Child("at"),
        size: One<Wh> = Child("size"),
        width: One<Float> = Child("width") default Float(0.1),
        layer: One<Str> = Child("layer") default Str("Edge.Cuts"),
        uuid: Optional<Str> = Child("uuid"),
        tstamp: Optional<Sym> = Child("tstamp"),
    }

    /// A bitmap: `(image (at x y) (layer "F.SilkS") (scale 1) (data "…" …))`.
    #[kicad(module = "pcb", head = "image")]
    pub struct Image {
        at: One<Xy> = Child("at"),
        layer: Optional<Str> = Child("layer"),
        scale: Optional<Float> = Child("scale"),
        /// The PNG, base64-encoded, in the file's chunks.
        data: List<Str> = Child("data"),
        uuid: Optional<Str> = Child("uuid"),
    }

    /// An object a tool generated (KiCad 8 tuning patterns): `(generated (uuid …) (type …) (name …) …)`.
    #[kicad(module = "pcb", head = "generated")]
    pub struct Generated {
        uuid: One<Str> = Child("uuid") default Str(""),
        #[py = "type"]
        kind: One<Sym> = Child("type") default Str("tuning_pattern"),
        name: One<Str> = Child("name") default Str(""),
        layer: One<Str> = Child("layer") default Str("F.Cu"),
        locked: Optional<Bool> = Flag("locked"),
        members: List<Str> = Child("members"),
    }

    /// A board: `(kicad_pcb (version …) (generator …) …)`, in KiCad 8's writing order.
    #[kicad(module = "pcb", head = "kicad_pcb")]
    pub struct KicadPcb {
        /// File format version (a date: `20211014` is KiCad 6, `20240108` KiCad 8, `20241229` KiCad 9).
        version: One<Int> = Child("version") default Int(20241229),
        generator: One<Str> = Child("generator") default Str("pcbnew"),
        generator_version: Optional<Str> = Child("generator_version"),
        general: Optional<General> = Child("general"),
        /// The sheet: `"A4"`, `"User"` (then its size follows), …
        paper: Optional<Str> = Child("paper"),
        /// The KiCad 5 spelling of `paper`.
        page: Optional<Str> = Child("page"),
        title_block: Optional<TitleBlock> = Child("title_block"),
        layers: List<Layer> = Items("layers"),
        setup: Optional<Setup> = Child("setup"),
        nets: List<Net> = Child("net"),
        footprints: List<Footprint> = Child("footprint"),
        /// The footprints of a KiCad 5 board (`(module …)`, as in `footprint_v5` files).
        modules: List<footprint_v5::Footprint> = Child("module"),
        gr_texts: List<Text> = Child("gr_text"),
        gr_text_boxes: List<TextBox> = Child("gr_text_box"),
        gr_lines: List<Line> = Child("gr_line"),
        gr_rects: List<Rect> = Child("gr_rect"),
        gr_circles: List<Circle> = Child("gr_circle"),
        gr_arcs: List<Arc> = Child("gr_arc"),
        gr_polys: List<Polygon> = Child("gr_poly"),
        gr_curves: List<Curve> = Child("gr_curve"),
        images: List<Image> = Child("image"),
        dimensions: List<Dimension> = Child("dimension"),
        targets: List<Target> = Child("target"),
        segments: List<Segment> = Child("segment"),
        arcs: List<ArcSegment> = Child("arc"),
        vias: List<Via> = Child("via"),
        zones: List<Zone> = Child("zone"),
        groups: List<Group> = Child("group"),
        generateds: List<Generated> = Child("generated"),
        embedded_fonts: Optional<Bool> = Child("embedded_fonts"),
        embedded_files: Optional<EmbeddedFiles> = Child("embedded_files"),
    }

    /// A loaded `.kicad_pcb` file.
    #[kicad(module = "pcb", head = "")]
    pub struct PcbFile {
        kicad_pcb: One<KicadPcb> = Root,
    }
}
