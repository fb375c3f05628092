//! Prints `format_kicad` of a file to stdout (to diff against the file).
fn main() {
    let path = std::env::args().nth(1).expect("usage: fmt FILE");
    let bytes = std::fs::read(&path).expect("read");
    let tree = pyzig_sexp::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"));
    print!("{}", pyzig_sexp::format_kicad(&tree));
}
