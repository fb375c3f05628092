//! pyzig binding layer: hands native Rust data to CPython through the raw C-API (no pyo3 runtime).
//!
//! What it is for: declaring, once per Rust type, the Python class that exposes it — with the fast
//! calling conventions, the ownership rule (below) and the `.pyi` stub generated from the same
//! declaration. Not for: embedding Python, the limited API, subinterpreters or free-threaded builds.
//! All `unsafe` lives here and in `pyzig-ffi`; the macros generate safe code only (plus
//! `#[unsafe(no_mangle)]` on `PyInit_*`, which the `unsafe_code` lint does not see through an external
//! macro), so extension crates can `#![forbid(unsafe_code)]`.
//!
//! # Declarations
//!
//! * [`record!`] — a struct whose fields are all Python properties (ints of every width, range-checked;
//!   `f32`/`f64`; `bool`; `String`; enums; `Option<T>`; nested records; `Box<T>`; `Vec<T>` of any of these;
//!   a type of your own with [`FromPy`] and [`IntoPy`], after [`value_field!`]`(YourType)`), with a
//!   keyword/positional constructor (`tp_vectorcall`), `__repr__`, `__eq__`, `__field_names__()`,
//!   `__zig_address__()`, plus optional methods in an `impl { … }` block. It derives `Clone`, `Debug` and
//!   `PartialEq` unless `#[pyclass(module = "m", derive = false)]` (then derive or implement `Clone` and
//!   `PartialEq` yourself; `__eq__` uses that `PartialEq`); it is unhashable, like a mutable value, unless
//!   `hash = true` (the hash of its field values' tuple, as a dataclass with `unsafe_hash=True`).
//! * [`class!`] — a class for an existing Rust type (handles, engine objects): methods, static methods,
//!   `#[getter]`s (read-only, or writable with a `#[setter(name)] fn set_name(&mut self, value: T)`), an
//!   optional `#[new]` constructor, else not constructible (calling the class raises `TypeError` naming
//!   `factory`). `gc = true` when the value holds Python objects
//!   ([`Obj`], [`Py<T>`]): then implement [`Traverse`].
//! * [`enumeration!`] — a fieldless enum as a `str`-valued `enum.Enum` class, or with `int` and integer
//!   values an `enum.IntEnum`.
//! * [`exception!`] — a module exception class deriving from a built-in one ([`PyException::new_err`]).
//! * [`module!`] — the module: `PyInit_*`, what it exports, module functions, and `_stubs()`.
//!
//! [`SharedStr`] lends a Python `str`'s text to Rust without copying it, for as long as Rust keeps it (on
//! any thread; dropping it takes the GIL): a parser can keep it as its source.
//!
//! Functions (methods, static methods, module functions) are written inside the macro with ordinary
//! Rust syntax; parameters may have defaults (`weight: f64 = 1.0`), and a last parameter
//! `#[kwargs] attrs: Vec<(String, Obj)>` receives the keywords no other parameter takes, in call order
//! (Python's `**attrs`). In `class!`, `fn __eq__(&self, other: T) -> bool` (an `other` that does not
//! convert to `T` compares as NotImplemented), `fn __hash__(&self) -> {integer}`,
//! `fn __repr__(&self) -> String` and `fn __len__(&self) -> usize` become type slots. The calling convention
//! follows the signature: no parameters → `METH_NOARGS`; `#[positional]` with one parameter → `METH_O`, with
//! several → `METH_FASTCALL` (positional-only: CPython refuses keywords); otherwise
//! `METH_FASTCALL | METH_KEYWORDS` (keywords matched by pointer against interned names first). Receivers:
//! `&self`, `&mut self` (borrow-checked at run time: re-entrant mutation from a callback raises
//! `RuntimeError`), or `this: Py<Self>` (a strong reference, e.g. to store in a handle). Parameter types
//! implement [`FromPy`] (`i64`, `f64`, `bool`, `&str`, `String`, `Option<T>`, `Vec<T>`, [`Obj`],
//! [`Py<T>`], records by value, enums); return types implement [`IntoPy`] (the same, `()`, tuples,
//! `PyResult<T>`, `Result<T, E: Into<PyErr>>`, and any declared class or record by value).
//!
//! Constructors run in `tp_new` and the type's vectorcall (so `__init__` is `object`'s and stubs declare
//! `__new__`). A list field reads as a live `pyzig.ListView` (stubs say `list[T]`); slices and `pop()`
//! give detached values. Types are final (`Py_TPFLAGS_IMMUTABLETYPE`, no subclassing).
//!
//! Errors: return `Err(PyErr::value_error(..))`, a module exception (`MyError::new_err(..)`) or any
//! `E: Into<PyErr>`. A panic anywhere below a Python call becomes `PanicException` (a `RuntimeError`,
//! also exported by every module) carrying the panic message.
//!
//! # Ownership
//!
//! A wrapper either owns its value (dropped once, in `tp_dealloc`, or earlier by [`Py::release`]) or is
//! a view into a value inside another wrapper (reading a record, list or optional-record field returns a
//! view; `outer.inner.x = 1` changes `outer`). Views hold a strong reference to the owner and re-walk
//! their path on each access: after the owner is released they raise `ReferenceError`; an element view
//! raises `ReferenceError` once its list lost or reordered elements (`pop`, `remove`, `insert`, `clear`,
//! `del`, slice or item assignment, reassigning the list field); `append`/`extend` keep views valid.
//! `pop()` returns the removed element as a new owning object. Assigning a record or list to a field
//! copies it. Explicit release raises in every wrapper that reaches the data; releasing twice is a no-op.
//!
//! # Example
//!
//! ```ignore
//! #![forbid(unsafe_code)]
//! use pyzig::{Obj, Py, PyException, PyResult, Traverse, Visit};
//!
//! pyzig::enumeration! {
//!     /// A colour.
//!     #[pyenum(module = "mymod")]
//!     pub enum Color { Red = "red", Green = "green" }
//! }
//!
//! pyzig::exception! {
//!     #[pyexception(module = "mymod", base = ValueError)]
//!     pub struct MyError;
//! }
//!
//! pyzig::record! {
//!     /// A 2-D point.
//!     #[pyclass(module = "mymod")]
//!     pub struct Point {
//!         /// Horizontal.
//!         pub x: f64 = 0.0,
//!         pub y: f64 = 0.0,
//!     }
//!     impl {
//!         fn norm(&self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() }   // METH_NOARGS
//!         #[positional]
//!         fn scaled(&self, k: f64) -> Point { Point { x: self.x * k, y: self.y * k } }  // METH_O
//!         fn moved(&self, dx: f64 = 0.0, dy: f64 = 0.0) -> Point {              // FASTCALL|KEYWORDS
//!             Point { x: self.x + dx, y: self.y + dy }
//!         }
//!         #[getter]
//!         fn swapped(&self) -> Point { Point { x: self.y, y: self.x } }
//!     }
//! }
//!
//! /// A handle that stores Python objects: a GC type, not constructible from Python.
//! pub struct Graph { payloads: Vec<Obj> }
//! impl Traverse for Graph {
//!     fn traverse(&self, visit: &mut Visit<'_>) { for o in &self.payloads { visit.obj(o) } }
//!     fn clear(&mut self) { self.payloads.clear() }
//! }
//!
//! pyzig::class! {
//!     /// A graph.
//!     #[pyclass(module = "mymod", name = "GraphView", gc = true, factory = "GraphView.create()")]
//!     impl Graph {
//!         #[staticmethod]
//!         fn create() -> Graph { Graph { payloads: Vec::new() } }
//!         fn add(&mut self, payload: Obj) -> usize { self.payloads.push(payload); self.payloads.len() - 1 }
//!         fn node(this: Py<Self>, index: usize) -> Node { Node { graph: this, index } }
//!         #[stub("(self, callback: Callable[[object], object]) -> None")]  // instead of `callback: object`
//!         fn each(&self, callback: Obj) -> PyResult<()> {
//!             for p in &self.payloads { callback.call1(p.clone())?; }
//!             Ok(())
//!         }
//!         fn destroy(this: Py<Self>) -> PyResult<()> { this.release() }
//!     }
//! }
//!
//! /// Holds its graph alive; after `destroy()` its methods raise `ReferenceError`.
//! pub struct Node { graph: Py<Graph>, index: usize }
//! impl Traverse for Node {
//!     fn traverse(&self, visit: &mut Visit<'_>) { visit.py(&self.graph) }
//!     fn clear(&mut self) {}
//! }
//! pyzig::class! {
//!     #[pyclass(module = "mymod", gc = true, factory = "GraphView.node()")]
//!     impl Node {
//!         fn payload(&self) -> PyResult<Obj> {
//!             let g = self.graph.borrow()?;
//!             g.payloads.get(self.index).cloned().ok_or_else(|| MyError::new_err("no such node"))
//!         }
//!     }
//! }
//!
//! pyzig::module! {
//!     /// My module.
//!     #[pymodule(init = PyInit_mymod, name = "mymod", stub = "mymod.pyi")]
//!     classes [Point, Graph, Node]
//!     enums [Color]
//!     exceptions [MyError]
//!     stub_header "from collections.abc import Callable";  // imports and TypeVars the stubs use
//!     functions {
//!         fn add(a: i64, b: i64 = 0) -> i64 { a + b }
//!         #[positional]
//!         fn neg(a: i64) -> i64 { -a }
//!     }
//! }
//! ```
//!
//! For a package submodule use the dotted `name` (`"pyzig._pyzig"`) and the matching `init`
//! (`PyInit__pyzig`); `module = ` on each type sets its `__module__`.
//! Other entry points: [`wrap`] (any registered native value → its Python class, through the global
//! `TypeId` registry), [`Py::new`], [`Obj`] (calls, attributes, `repr`), [`sys::malloc_trim_now`].
//! The example is compiled as `modules/pyzig_testmod/src/doc_example.rs`; the test module
//! `modules/pyzig_testmod` uses every feature and `tests/test_binding_*.py` exercises them.
//!
//! # Stubs
//!
//! `_stubs()` returns `{stub: text}`, generated from the declarations (types from [`FromPy::hint`] /
//! [`IntoPy::hint`], docstrings from `///`). Where a Rust type says too little (an [`Obj`] that is
//! really a callback, a class, a dict), write the signature by hand next to the function:
//! `#[stub("(self, f: Callable[[_T], object], x: _T) -> None")]`, after its `///` lines and before
//! `#[staticmethod]`/`#[positional]`/`#[getter]`/`#[new]` (not on `__eq__`-style slots). It replaces the
//! generated `(params) -> ret` in the `.pyi` only (`__text_signature__` stays generated); the shape is
//! checked at compile time and `python -m mypy.stubtest` checks the names, kinds and defaults (write
//! defaults as `= ...`). In `module!`, after `exceptions [..]`: `stub_header "…";` adds imports and
//! TypeVars under the generated imports (private names like `_T`, which stubtest does not look for at
//! run time), `stub_extra "…";` appends text at the end.
#![deny(unsafe_op_in_unsafe_fn)]

mod args;
mod cell;
mod class;
mod conv;
mod enums;
mod err;
mod exception;
mod field;
mod forced_unwind;
mod gil;
mod list;
mod macros;
mod method;
mod module;
mod obj;
mod py;
mod record;
mod registry;
mod sequence;
mod shared_str;
mod sig;
mod stack;
pub mod sys;
mod trampoline;
mod visit;

pub use cell::{Ref, RefMut};
pub use class::{PyClass, Traverse, class_object, type_object};
pub use conv::{FromPy, IntoPy, dict_from};
pub use err::{PyErr, PyResult, builtins, panic_exception};
pub use exception::PyException;
pub use field::{Field, FieldPlace};
pub use gil::allow_threads;
pub use obj::{Borrowed, Obj};
pub use py::Py;
pub use registry::{lookup as registered_class, registered_names, wrap};
pub use sequence::{Sequence, sequence_slots};
pub use shared_str::SharedStr;
pub use visit::Visit;

/// The C-API declarations, for the few signatures generated code must name (`PyInit_*`).
pub use pyzig_ffi as ffi;

/// Items the macros expand to; not a stable API.
#[doc(hidden)]
pub mod rt {
    pub use crate::args::{ArgSpec, Args, has_kwargs};
    pub use crate::class::{ClassSpec, Constructor, IntoResult, LazyType, Slf, class_stub, new_owned};
    pub use crate::conv::tuple_from as tuple;
    pub use crate::enums::{LazyEnum, PyEnum, extract as enum_extract, stub as enum_stub, to_py as enum_to_py};
    pub use crate::exception::LazyException;
    pub use crate::field::extract_record;
    pub use crate::list::ListElem;
    pub use crate::method::{GetSetEntry, HashValue, MethodEntry, merge_setters};
    pub use crate::module::{Module, ModuleDef, module_init};
    pub use crate::record::{Record, field_entry, record_extras};
    pub use crate::sig::{Kind, Param, Sig, checked_stub, docstring, join_doc};
}

pub use enums::PyEnum;
pub use module::Module;
