//! The enumerations of the reference API: each a `str`-valued `enum.Enum` class of its submodule
//! (`pyzig_sexp.pcb.E_pad_type.SMD == "smd"`), listing the keywords KiCad writes for one kind of value,
//! or for the two that KiCad writes as numbers an `enum.IntEnum` (`E_zone_connection.FULL == 2`).
//! Fields hold the text or number itself (a member compares equal to it, and can be assigned there).
#![allow(non_camel_case_types)]

use pyzig::PyResult;
use pyzig::rt::Module;

/// Adds the enumerations of submodule `sub` to it.
pub fn add(sub: &str, m: &Module<'_>) -> PyResult<()> {
    match sub {
        "pcb" => pcb::add(m),
        "schematic" => schematic::add(m),
        _ => Ok(()),
    }
}

/// The stubs of the enumerations of submodule `sub` (empty when it has none).
pub fn stubs(sub: &str) -> String {
    match sub {
        "pcb" => pcb::stubs(),
        "schematic" => schematic::stubs(),
        _ => String::new(),
    }
}

/// The enumerations of `pyzig_sexp.pcb`.
pub mod pcb {
    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_stroke_type {
            SOLID = "solid",
            DASH = "dash",
            DASH_DOT = "dash_dot",
            DASH_DOT_DOT = "dash_dot_dot",
            DOT = "dot",
            DEFAULT = "default",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_justify {
            LEFT = "left",
            RIGHT = "right",
            BOTTOM = "bottom",
            TOP = "top",
            MIRROR = "mirror",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_fill {
            YES = "yes",
            NO = "no",
            NONE = "none",
            SOLID = "solid",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_knockout {
            KNOCKOUT = "knockout",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_paper_type {
            A5 = "A5",
            A4 = "A4",
            A3 = "A3",
            A2 = "A2",
            A1 = "A1",
            A0 = "A0",
            A = "A",
            B = "B",
            C = "C",
            D = "D",
            E = "E",
            USLETTER = "USLetter",
            USLEGAL = "USLegal",
            USLEDGER = "USLedger",
            CUSTOM = "Custom",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_paper_orientation {
            PORTRAIT = "portrait",
            LANDSCAPE = "landscape",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_layer_type {
            SIGNAL = "signal",
            USER = "user",
            MIXED = "mixed",
            JUMPER = "jumper",
            POWER = "power",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_fp_text_type {
            USER = "user",
            REFERENCE = "reference",
            VALUE = "value",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_type {
            THRU_HOLE = "thru_hole",
            SMD = "smd",
            NP_THRU_HOLE = "np_thru_hole",
            CONNECT = "connect",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_shape {
            CIRCLE = "circle",
            RECT = "rect",
            OVAL = "oval",
            ROUNDRECT = "roundrect",
            CUSTOM = "custom",
            TRAPEZOID = "trapezoid",
            CHAMFERED_RECT = "chamfered_rect",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_clearance {
            OUTLINE = "outline",
            CONVEXHULL = "convexhull",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_anchor {
            RECT = "rect",
            CIRCLE = "circle",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_property {
            PAD_PROP_BGA = "pad_prop_bga",
            PAD_PROP_FIDUCIAL_GLOB = "pad_prop_fiducial_glob",
            PAD_PROP_FIDUCIAL_LOC = "pad_prop_fiducial_loc",
            PAD_PROP_TESTPOINT = "pad_prop_testpoint",
            PAD_PROP_CASTELLATED = "pad_prop_castellated",
            PAD_PROP_HEATSINK = "pad_prop_heatsink",
            PAD_PROP_MECHANICAL = "pad_prop_mechanical",
            NONE = "none",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_chamfer {
            CHAMFER_TOP_LEFT = "chamfer_top_left",
            CHAMFER_TOP_RIGHT = "chamfer_top_right",
            CHAMFER_BOTTOM_LEFT = "chamfer_bottom_left",
            CHAMFER_BOTTOM_RIGHT = "chamfer_bottom_right",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_drill_shape {
            CIRCLE = "circle",
            OVAL = "oval",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_pad_tenting {
            FRONT = "front",
            BACK = "back",
            NONE = "none",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_padstack_mode {
            FRONT_INNER_BACK = "front_inner_back",
            CUSTOM = "custom",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_hatch_mode {
            EDGE = "edge",
            FULL = "full",
            NONE = "none",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_connect_pads_mode {
            NO = "no",
            YES = "yes",
            THERMAL_RELIEFS = "thermal_reliefs",
            THRU_HOLE_ONLY = "thru_hole_only",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_fill_mode {
            HATCH = "hatch",
            POLYGON = "polygon",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_smoothing {
            FILLET = "fillet",
            CHAMFER = "chamfer",
            NONE = "none",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_hatch_border_algorithm {
            HATCH_THICKNESS = "hatch_thickness",
            MIN_THICKNESS = "min_thickness",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_keepout {
            ALLOWED = "allowed",
            NOT_ALLOWED = "not_allowed",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_placement_source_type {
            SHEETNAME = "sheetname",
            COMPONENT_CLASS = "component_class",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_teardrop_type {
            PADVIA = "padvia",
            TRACK_END = "track_end",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_dimension_type {
            ALIGNED = "aligned",
            ORTHOGONAL = "orthogonal",
            LEADER = "leader",
            CENTER = "center",
            RADIAL = "radial",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_dimension_arrow_direction {
            INWARD = "inward",
            OUTWARD = "outward",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_copper_finish {
            ENIG = "ENIG",
            ENEPIG = "ENEPIG",
            HAL_SNPB = "HAL SnPb",
            HAL_LEAD_FREE = "HAL lead-free",
            HARD_GOLD = "Hard Gold",
            IMMERSION_TIN = "Immersion tin",
            IMMERSION_SILVER = "Immersion silver",
            IMMERSION_NICKEL = "Immersion nickel",
            IMMERSION_GOLD = "Immersion gold",
            OSP = "OSP",
            HT_OSP = "HT_OSP",
            NONE = "None",
            USER_DEFINED = "User defined",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_edge_connector {
            BEVELLED = "bevelled",
            YES = "yes",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_embedded_file_type {
            OTHER = "other",
            MODEL = "model",
            FONT = "font",
            DATASHEET = "datasheet",
            WORKSHEET = "worksheet",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_Attr {
            SMD = "smd",
            DNP = "dnp",
            BOARD_ONLY = "board_only",
            THROUGH_HOLE = "through_hole",
            EXCLUDE_FROM_POS_FILES = "exclude_from_pos_files",
            EXCLUDE_FROM_BOM = "exclude_from_bom",
            ALLOW_MISSING_COURTYARD = "allow_missing_courtyard",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_zone_fill_enable {
            YES = "yes",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.pcb")]
        pub enum E_tenting {
            FRONT = "front",
            BACK = "back",
        }
    }

    pyzig::enumeration! {
        /// How a pad or footprint joins the zones around it: `(zone_connect 2)`, KiCad's own numbers
        /// (the reference's `FULL = 'min_thickness'` is not one of them).
        #[pyenum(module = "pyzig_sexp.pcb", int)]
        pub enum E_zone_connection {
            INHERITED = -1,
            NONE = 0,
            THERMAL = 1,
            FULL = 2,
            /// Thermal reliefs on through-hole pads only (KiCad writes 3).
            THT_THERMAL = 3,
        }
    }

    pyzig::enumeration! {
        /// When a zone's unconnected islands are removed: `(island_removal_mode 2)`.
        #[pyenum(module = "pyzig_sexp.pcb", int)]
        pub enum E_zone_island_removal_mode {
            ALWAYS = 0,
            DO_NOT_REMOVE = 1,
            BELOW_AREA_LIMIT = 2,
        }
    }

    pub(super) fn add(m: &super::Module<'_>) -> super::PyResult<()> {
        m.add_enum::<E_stroke_type>()?;
        m.add_enum::<E_justify>()?;
        m.add_enum::<E_fill>()?;
        m.add_enum::<E_knockout>()?;
        m.add_enum::<E_paper_type>()?;
        m.add_enum::<E_paper_orientation>()?;
        m.add_enum::<E_layer_type>()?;
        m.add_enum::<E_fp_text_type>()?;
        m.add_enum::<E_pad_type>()?;
        m.add_enum::<E_pad_shape>()?;
        m.add_enum::<E_pad_clearance>()?;
        m.add_enum::<E_pad_anchor>()?;
        m.add_enum::<E_pad_property>()?;
        m.add_enum::<E_pad_chamfer>()?;
        m.add_enum::<E_pad_drill_shape>()?;
        m.add_enum::<E_pad_tenting>()?;
        m.add_enum::<E_padstack_mode>()?;
        m.add_enum::<E_zone_hatch_mode>()?;
        m.add_enum::<E_zone_connect_pads_mode>()?;
        m.add_enum::<E_zone_fill_mode>()?;
        m.add_enum::<E_zone_smoothing>()?;
        m.add_enum::<E_zone_hatch_border_algorithm>()?;
        m.add_enum::<E_zone_keepout>()?;
        m.add_enum::<E_zone_placement_source_type>()?;
        m.add_enum::<E_zone_teardrop_type>()?;
        m.add_enum::<E_dimension_type>()?;
        m.add_enum::<E_dimension_arrow_direction>()?;
        m.add_enum::<E_copper_finish>()?;
        m.add_enum::<E_edge_connector>()?;
        m.add_enum::<E_embedded_file_type>()?;
        m.add_enum::<E_Attr>()?;
        m.add_enum::<E_zone_fill_enable>()?;
        m.add_enum::<E_tenting>()?;
        m.add_enum::<E_zone_connection>()?;
        m.add_enum::<E_zone_island_removal_mode>()?;
        Ok(())
    }

    pub(super) fn stubs() -> String {
        let mut s = String::new();
        s.push_str(&pyzig::rt::enum_stub::<E_stroke_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_justify>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_fill>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_knockout>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_paper_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_paper_orientation>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_layer_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_fp_text_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_shape>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_clearance>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_anchor>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_property>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_chamfer>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_drill_shape>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pad_tenting>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_padstack_mode>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_hatch_mode>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_connect_pads_mode>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_fill_mode>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_smoothing>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_hatch_border_algorithm>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_keepout>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_placement_source_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_teardrop_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_dimension_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_dimension_arrow_direction>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_copper_finish>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_edge_connector>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_embedded_file_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_Attr>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_fill_enable>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_tenting>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_connection>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_zone_island_removal_mode>());
        s.push('\n');
        s
    }
}

/// The enumerations of `pyzig_sexp.schematic`.
pub mod schematic {
    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_fill_type {
            BACKGROUND = "background",
            NONE = "none",
            OUTLINE = "outline",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_stroke_type {
            SOLID = "solid",
            DEFAULT = "default",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_pin_type {
            BIDIRECTIONAL = "bidirectional",
            FREE = "free",
            INPUT = "input",
            NO_CONNECT = "no_connect",
            OPEN_COLLECTOR = "open_collector",
            OPEN_EMITTER = "open_emitter",
            OUTPUT = "output",
            PASSIVE = "passive",
            POWER_IN = "power_in",
            POWER_OUT = "power_out",
            TRI_STATE = "tri_state",
            UNSPECIFIED = "unspecified",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_pin_style {
            CLOCK = "clock",
            CLOCK_LOW = "clock_low",
            EDGE_CLOCK_HIGH = "edge_clock_high",
            INPUT_LOW = "input_low",
            INVERTED = "inverted",
            INVERTED_CLOCK = "inverted_clock",
            LINE = "line",
            NON_LOGIC = "non_logic",
            OUTPUT_LOW = "output_low",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_sheet_pin_type {
            BIDIRECTIONAL = "bidirectional",
            INPUT = "input",
            OUTPUT = "output",
            PASSIVE = "passive",
            TRI_STATE = "tri_state",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_global_label_shape {
            INPUT = "input",
            OUTPUT = "output",
            BIDIRECTIONAL = "bidirectional",
            TRI_STATE = "tri_state",
            PASSIVE = "passive",
            DOT = "dot",
            ROUND = "round",
            DIAMOND = "diamond",
            RECTANGLE = "rectangle",
        }
    }

    pyzig::enumeration! {
        #[pyenum(module = "pyzig_sexp.schematic")]
        pub enum E_hide {
            HIDE = "hide",
        }
    }

    pub(super) fn add(m: &super::Module<'_>) -> super::PyResult<()> {
        m.add_enum::<E_fill_type>()?;
        m.add_enum::<E_stroke_type>()?;
        m.add_enum::<E_pin_type>()?;
        m.add_enum::<E_pin_style>()?;
        m.add_enum::<E_sheet_pin_type>()?;
        m.add_enum::<E_global_label_shape>()?;
        m.add_enum::<E_hide>()?;
        Ok(())
    }

    pub(super) fn stubs() -> String {
        let mut s = String::new();
        s.push_str(&pyzig::rt::enum_stub::<E_fill_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_stroke_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pin_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_pin_style>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_sheet_pin_type>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_global_label_shape>());
        s.push('\n');
        s.push_str(&pyzig::rt::enum_stub::<E_hide>());
        s.push('\n');
        s
    }
}
