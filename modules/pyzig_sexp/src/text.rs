//! The text a file is loaded from. A `str` or `bytes` is not copied: the tree keeps the str's own UTF-8
//! form (or the bytes, once checked to be UTF-8) as its source (`pyzig::SharedStr`), so a file is never
//! held twice, and `dumps` of a file loaded from a `str` and not edited since returns that very `str`.
//! `str` subclasses are copied, so that what `dumps` returns is always a plain `str`.

use std::sync::Arc;

use pyzig::{Obj, PyErr, PyResult, SharedStr};
use pyzig_kicad::file::{self, LoadError};
use pyzig_kicad::sexp::{SharedText, Tree};

use crate::errors::load_error;

pub struct PyText(SharedStr);

impl SharedText for PyText {
    fn text(&self) -> &str {
        self.0.as_str()
    }
}

pub enum Text {
    Shared(Arc<PyText>),
    Owned(String),
}

/// Texts from this size on are parsed and printed with the GIL released, so other threads run
/// meanwhile. Below it, the chance of waiting a switch interval (5 ms) for the GIL to come back costs
/// more than the parse (about 2 ms per MiB here); see `bench/kicad` (threads row).
const RELEASE_GIL_BYTES: usize = 1 << 20;

/// Runs `f` with the GIL released when `bytes` is large enough to pay for it.
pub fn maybe_unlocked<T: Send>(bytes: usize, f: impl FnOnce() -> T + Send) -> T {
    if bytes >= RELEASE_GIL_BYTES { pyzig::allow_threads(f) } else { f() }
}

impl Text {
    /// Text from `str` or `bytes` (UTF-8; a bad byte is a `ParseError` at its position).
    pub fn of(text: &Obj) -> PyResult<Text> {
        if let Some(s) = SharedStr::new(text.borrowed())? {
            return Ok(Text::Shared(Arc::new(PyText(s))));
        }
        if let Some(shared) = SharedStr::from_utf8_bytes(text.borrowed()) {
            return match shared {
                Ok(s) => Ok(Text::Shared(Arc::new(PyText(s)))),
                Err(bytes) => Err(match pyzig_kicad::sexp::parse_bytes(&bytes) {
                    Err(p) => load_error(&LoadError::Parse(p)),
                    Ok(_) => PyErr::value_error("text is not UTF-8"),
                }),
            };
        }
        text.extract::<String>("text")
            .map(Text::Owned)
            .map_err(|_| PyErr::type_error(format!("text must be str or bytes, not {}", text.type_name())))
    }

    /// Parses the text (the GIL released when it is large) and checks the tree with `check`; gives
    /// the tree and the `str` it was parsed from, if it was one.
    pub fn parse(self, check: impl FnOnce(&Tree) -> Result<(), LoadError> + Send) -> PyResult<(Tree, Option<Obj>)> {
        let parsed = match self {
            Text::Owned(s) => {
                let r = maybe_unlocked(s.len(), || {
                    let tree = pyzig_kicad::sexp::parse_string(s)?;
                    check(&tree).map(|()| tree)
                });
                (r, None)
            }
            Text::Shared(s) => {
                // The tree gets a second handle, so when it is dropped unlocked (a failed check)
                // only the count falls; the `str` itself is released here, with the GIL.
                let handle: Arc<dyn SharedText> = s.clone();
                let r = maybe_unlocked(s.text().len(), || {
                    let tree = pyzig_kicad::sexp::parse_shared(handle)?;
                    check(&tree).map(|()| tree)
                });
                (r, s.0.is_str().then(|| s.0.to_obj()))
            }
        };
        match parsed {
            (Ok(tree), source) => Ok((tree, source)),
            (Err(e), _) => Err(load_error(&e)),
        }
    }
}

/// A kind check for [`Text::parse`].
pub fn of_kind(kind: &'static file::FileKind) -> impl FnOnce(&Tree) -> Result<(), LoadError> + Send {
    move |tree| file::check_kind(tree, kind)
}
