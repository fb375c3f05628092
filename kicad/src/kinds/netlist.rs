//! `netlist`: eeschema's S-expression netlist (`.net`, `(export (version "E") …)`), the file a
//! schematic exports for pcbnew and other tools. Every value in it is a quoted string; KiCad writes
//! an attribute as `(name "value")` and an element's text as a bare string after its attributes
//! (`(field (name "Footprint") "R_0603")`). Names follow the reference API; what KiCad 8 to 10 added
//! (descriptions, net classes, component classes, text variables, libraries, units) is declared too.

use crate::declare::Str;

crate::declare! {
    /// `(export (version "E") (design …) (components …) (libparts …) (libraries …) (nets …))`.
    #[kicad(module = "netlist", head = "export")]
    pub struct Netlist {
        /// Format version: `"E"` since KiCad 6 (KiCad 5 wrote `"D"`).
        version: One<Str> = Child("version") default Str("E"),
        design: Optional<Design> = Child("design"),
        components: One<Components> = Child("components"),
        libparts: One<Libparts> = Child("libparts"),
        libraries: One<Libraries> = Child("libraries"),
        nets: One<Nets> = Child("nets"),
    }

    /// Where the netlist came from: `(design (source …) (date …) (tool …) (textvar …)* (sheet …)*)`.
    #[kicad(module = "netlist", head = "design")]
    pub struct Design {
        /// Path of the root schematic.
        source: One<Str> = Child("source"),
        /// When it was exported (ISO 8601 since KiCad 8, the locale's format before).
        date: One<Str> = Child("date"),
        /// The writer, e.g. `Eeschema 8.0.3`.
        tool: One<Str> = Child("tool"),
        /// The project's text variables (KiCad 7 and later).
        textvars: List<Textvar> = Child("textvar"),
        /// The first sheet (the root, number "1"), as in the reference API; `sheets` has them all.
        sheet: One<Sheet> = Child("sheet"),
        /// Every sheet of the hierarchy, in order.
        sheets: List<Sheet> = Child("sheet"),
    }

    /// A project text variable: `(textvar (name "REV") "3")`.
    #[kicad(module = "netlist", head = "textvar")]
    pub struct Textvar {
        name: One<Str> = Child("name"),
        value: One<Str> = Pos(0),
    }

    /// One schematic sheet: `(sheet (number "1") (name "/") (tstamps "/") (title_block …))`.
    #[kicad(module = "netlist", head = "sheet")]
    pub struct Sheet {
        number: One<Str> = Child("number"),
        /// Its path in the hierarchy, by sheet names (`/`, `/Power/`).
        name: One<Str> = Child("name"),
        /// Its path by sheet UUIDs.
        tstamps: One<Str> = Child("tstamps"),
        title_block: One<TitleBlock> = Child("title_block"),
    }

    /// The sheet's title block; an empty entry is written `(title)`, and reads `""`.
    #[kicad(module = "netlist", head = "title_block")]
    pub struct TitleBlock {
        title: One<Str> = Child("title"),
        company: One<Str> = Child("company"),
        rev: One<Str> = Child("rev"),
        date: One<Str> = Child("date"),
        /// The sheet's file name.
        source: One<Str> = Child("source"),
        /// KiCad writes all nine, empty or not.
        comment: List<Comment> = Child("comment"),
    }

    /// `(comment (number "1") (value "…"))`.
    #[kicad(module = "netlist", head = "comment")]
    pub struct Comment {
        number: One<Str> = Child("number"),
        value: One<Str> = Child("value"),
    }

    /// `(components (comp …)*)`.
    #[kicad(module = "netlist", head = "components")]
    pub struct Components {
        comps: List<Component> = Child("comp"),
    }

    /// One placed symbol: `(comp (ref "R1") (value "10k") (footprint …) … (tstamps …))`.
    #[kicad(module = "netlist", head = "comp")]
    pub struct Component {
        /// The reference designator (`R1`).
        #[py = "ref"]
        reference: One<Str> = Child("ref"),
        /// `~` when the symbol has none.
        value: One<Str> = Child("value") default Str("~"),
        /// `Library:Footprint`; KiCad leaves it out when empty.
        footprint: Optional<Str> = Child("footprint"),
        datasheet: Optional<Str> = Child("datasheet"),
        /// KiCad 8 and later.
        description: Optional<Str> = Child("description"),
        fields: Optional<Fields> = Child("fields"),
        libsource: Optional<Libsource> = Child("libsource"),
        /// Sheet name and file, KiCad's `ki_…` keys, and name-only flags (`dnp`, `exclude_from_bom`).
        propertys: List<Property> = Child("property"),
        sheetpath: Optional<Sheetpath> = Child("sheetpath"),
        /// Component classes (KiCad 9 and later).
        component_classes: Optional<ComponentClasses> = Child("component_classes"),
        /// UUIDs of the symbol's units (the primary unit last).
        tstamps: List<Str> = Child("tstamps"),
        /// The symbol's units and their pins (KiCad 10).
        units: Optional<Units> = Child("units"),
    }

    /// `(fields (field …)*)`.
    #[kicad(module = "netlist", head = "fields")]
    pub struct Fields {
        fields: List<Field> = Child("field"),
    }

    /// `(field (name "Footprint") "R_0603")`; an empty field has no value: `(field (name "Datasheet"))`.
    #[kicad(module = "netlist", head = "field")]
    pub struct Field {
        name: One<Str> = Child("name"),
        value: Optional<Str> = Pos(0),
    }

    /// `(property (name "Sheetname") (value "Root"))`; a flag such as `(property (name "dnp"))` has no value.
    #[kicad(module = "netlist", head = "property")]
    pub struct Property {
        name: One<Str> = Child("name"),
        value: One<Str> = Child("value"),
    }

    /// The library symbol a component was placed from: `(libsource (lib …) (part …) (description …))`.
    #[kicad(module = "netlist", head = "libsource")]
    pub struct Libsource {
        lib: One<Str> = Child("lib"),
        part: One<Str> = Child("part"),
        description: One<Str> = Child("description"),
    }

    /// `(sheetpath (names "/Power/") (tstamps "/…/"))`: the sheet a component is on.
    #[kicad(module = "netlist", head = "sheetpath")]
    pub struct Sheetpath {
        names: One<Str> = Child("names"),
        tstamps: One<Str> = Child("tstamps"),
    }

    /// `(component_classes (class "…")*)`.
    #[kicad(module = "netlist", head = "component_classes")]
    pub struct ComponentClasses {
        classes: List<ComponentClass> = Child("class"),
    }

    /// `(class "Power")`.
    #[kicad(module = "netlist", head = "class")]
    pub struct ComponentClass {
        name: One<Str> = Pos(0),
    }

    /// `(units (unit (name "A") (pins (pin (num "1")) …))*)` (KiCad 10).
    #[kicad(module = "netlist", head = "units")]
    pub struct Units {
        units: List<Unit> = Child("unit"),
    }

    /// One unit of a component and the numbers of its pins.
    #[kicad(module = "netlist", head = "unit")]
    pub struct Unit {
        name: One<Str> = Child("name"),
        pins: Optional<Pins> = Child("pins"),
    }

    /// `(libparts (libpart …)*)`.
    #[kicad(module = "netlist", head = "libparts")]
    pub struct Libparts {
        libparts: List<Libpart> = Child("libpart"),
    }

    /// A library symbol the design uses: `(libpart (lib …) (part …) (description …) (docs …)
    /// (footprints …) (fields …) (pins …))`.
    #[kicad(module = "netlist", head = "libpart")]
    pub struct Libpart {
        lib: One<Str> = Child("lib"),
        part: One<Str> = Child("part"),
        description: Optional<Str> = Child("description"),
        /// The datasheet.
        docs: Optional<Str> = Child("docs"),
        /// Footprint filters.
        footprints: Optional<Footprints> = Child("footprints"),
        fields: Optional<Fields> = Child("fields"),
        pins: Optional<Pins> = Child("pins"),
    }

    /// `(footprints (fp "SOIC*")*)`: a symbol's footprint filters.
    #[kicad(module = "netlist", head = "footprints")]
    pub struct Footprints {
        fps: List<Fp> = Child("fp"),
    }

    /// `(fp "SOIC*")`.
    #[kicad(module = "netlist", head = "fp")]
    pub struct Fp {
        fp: One<Str> = Pos(0),
    }

    /// `(pins (pin …)*)`.
    #[kicad(module = "netlist", head = "pins")]
    pub struct Pins {
        pin: List<Pin> = Child("pin"),
    }

    /// `(pin (num "1") (name "SCL") (type "open_collector"))`; a unit's pin has only its number.
    #[kicad(module = "netlist", head = "pin")]
    pub struct Pin {
        num: One<Str> = Child("num"),
        name: One<Str> = Child("name"),
        /// Electrical type (`input`, `power_in`, `passive`, …).
        #[py = "type"]
        kind: One<Str> = Child("type"),
    }

    /// `(libraries (library …)*)`.
    #[kicad(module = "netlist", head = "libraries")]
    pub struct Libraries {
        libraries: List<Library> = Child("library"),
    }

    /// `(library (logical "Device") (uri "/usr/share/kicad/symbols/Device.kicad_sym"))`.
    #[kicad(module = "netlist", head = "library")]
    pub struct Library {
        logical: One<Str> = Child("logical"),
        uri: One<Str> = Child("uri"),
    }

    /// `(nets (net …)*)`.
    #[kicad(module = "netlist", head = "nets")]
    pub struct Nets {
        nets: List<Net> = Child("net"),
    }

    /// `(net (code "1") (name "GND") [(class "Default")] (node …)*)`.
    #[kicad(module = "netlist", head = "net")]
    pub struct Net {
        code: One<Str> = Child("code"),
        name: One<Str> = Child("name"),
        /// The net class, `(class "Default")` (KiCad 9 and later).
        #[py = "net_class"]
        class: Optional<Str> = Child("class"),
        nodes: List<Node> = Child("node"),
    }

    /// A pin on a net: `(node (ref "R1") (pin "1") [(pinfunction "SDA")] (pintype "passive"))`.
    #[kicad(module = "netlist", head = "node")]
    pub struct Node {
        #[py = "ref"]
        reference: One<Str> = Child("ref"),
        pin: One<Str> = Child("pin"),
        /// The pin's name (KiCad 10: `name_number`), when it has one.
        pinfunction: Optional<Str> = Child("pinfunction"),
        /// The pin's electrical type; `+no_connect` is appended when the pin is flagged no-connect.
        pintype: Optional<Str> = Child("pintype"),
    }

    /// A loaded `.net` file.
    #[kicad(module = "netlist", head = "")]
    pub struct NetlistFile {
        netlist: One<Netlist> = Root,
    }
}
