//! Typed views: a Python object of a declared KiCad type is its file (a `Py<Document>`) plus a node.
//! Every property is served by the same generic getter and setter, told by the field's declaration
//! what to read or write; nothing is decoded until it is read, and every write is an edit of the tree.

use std::cell::Cell;
use std::sync::OnceLock;

use pyzig::rt::{ClassSpec, GetSetEntry, Kind as SigKind, MethodEntry, Sig, Slf};
use pyzig::{Borrowed, IntoPy, Obj, Py, PyClass, PyErr, PyResult};
use pyzig_kicad::read::{self, Value};
use pyzig_kicad::sexp::{NodeId, Tree};
use pyzig_kicad::write::{self, Item, Scalar, Style};
use pyzig_kicad::{Count, FieldDecl, Key, TypeDecl, ValueKind};
use smallvec::SmallVec;

use crate::document::Document;
use crate::errors::{field_error, write_error};
use crate::read_cache::ReadCache;

/// Where a typed object's data is.
#[derive(Clone)]
pub struct View {
    pub doc: Py<Document>,
    pub node: NodeId,
    pub decl: &'static TypeDecl,
    /// The lists from the root down to the node's parent, to tell that the node was removed
    /// (inline up to the depth of a board's pad primitives, so taking `pad.at` allocates nothing).
    pub path: SmallVec<[NodeId; 6]>,
    /// The document's edit count when the node was last found attached.
    checked: Cell<u64>,
    /// What this view's properties returned last (see `read_cache`).
    cache: ReadCache,
}

impl View {
    pub fn root(doc: Py<Document>, node: NodeId, decl: &'static TypeDecl) -> View {
        View { doc, node, decl, path: SmallVec::new(), checked: Cell::new(0), cache: ReadCache::default() }
    }

    /// The view of `node` (a child of this view's node, or the node itself) as `decl`.
    pub fn child(&self, node: NodeId, decl: &'static TypeDecl) -> View {
        let path = if node == self.node {
            self.path.clone()
        } else {
            let mut p = self.path.clone();
            p.push(self.node);
            p
        };
        View {
            doc: self.doc.clone(),
            node,
            decl,
            path,
            checked: Cell::new(self.checked.get()),
            cache: ReadCache::default(),
        }
    }

    /// The error of a document that cannot be borrowed, naming this object rather than the internal
    /// document class when the file was freed.
    #[cold]
    fn freed(&self, e: PyErr) -> PyErr {
        if self.doc.is_released() {
            return PyErr::reference_error(format!(
                "the file of this {} was freed (free()); its data is gone",
                self.decl.name
            ));
        }
        e
    }

    fn check(&self, d: &Document) -> PyResult<()> {
        if self.checked.get() != d.edits {
            if !write::attached(&d.tree, &self.path, self.node) {
                return Err(PyErr::reference_error(format!("this {} was removed from its file", self.decl.name)));
            }
            self.checked.set(d.edits);
        }
        Ok(())
    }

    /// Runs `f` on the document (`ReferenceError` once it was freed or this node removed).
    pub fn with<R>(&self, f: impl FnOnce(&Document) -> PyResult<R>) -> PyResult<R> {
        let d = self.doc.borrow().map_err(|e| self.freed(e))?;
        self.check(&d)?;
        f(&d)
    }

    /// Runs `f` on the document to edit it; counts the edit.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Document) -> PyResult<R>) -> PyResult<R> {
        let mut d = self.doc.borrow_mut().map_err(|e| self.freed(e))?;
        self.check(&d)?;
        d.edits += 1;
        let r = f(&mut d);
        self.checked.set(d.edits);
        r
    }
}

/// A Python class of a declared type (implemented by `views!`).
pub trait ViewClass: PyClass {
    fn decl() -> &'static TypeDecl;
    fn view(&self) -> &View;
    fn from_view(v: View) -> Self;
}

/// For each declared type: make its Python object from a view, and get the view back out of one.
pub struct Binding {
    pub wrap: fn(View) -> PyResult<Obj>,
    pub unwrap: fn(&Obj) -> Option<PyResult<View>>,
}

pub fn wrap_as<T: ViewClass>(v: View) -> PyResult<Obj> {
    pyzig::rt::new_owned(T::from_view(v))
}

pub fn unwrap_as<T: ViewClass>(o: &Obj) -> Option<PyResult<View>> {
    let p = Py::<T>::downcast(o.clone(), T::NAME).ok()?;
    Some(p.borrow().map(|r| r.view().clone()))
}

/// Every declared type's binding, sorted by the address of its declaration (a binary search on
/// each wrap: cheaper than hashing, as a getter of a nested type wraps on every read).
static BINDINGS: OnceLock<Vec<(usize, Binding)>> = OnceLock::new();

/// Registers every declared type's class (once, at module init).
pub fn register(list: Vec<(&'static TypeDecl, Binding)>) {
    let mut table: Vec<(usize, Binding)> = list.into_iter().map(|(d, b)| (d as *const TypeDecl as usize, b)).collect();
    table.sort_by_key(|&(k, _)| k);
    let _ = BINDINGS.set(table);
}

fn binding(decl: &'static TypeDecl) -> PyResult<&'static Binding> {
    let key = decl as *const TypeDecl as usize;
    BINDINGS
        .get()
        .and_then(|t| t.binary_search_by_key(&key, |&(k, _)| k).ok().map(|i| &t[i].1))
        .ok_or_else(|| PyErr::system_error(format!("no Python class for {}", decl.name)))
}

pub fn wrap(v: View) -> PyResult<Obj> {
    (binding(v.decl)?.wrap)(v)
}

/// The view inside `o` if it is a loaded file of any kind, else `TypeError`.
pub fn any_file(o: &Obj) -> PyResult<View> {
    for kind in pyzig_kicad::file::KINDS {
        if let Some(v) = (binding((kind.file)())?.unwrap)(o) {
            return v;
        }
    }
    Err(PyErr::type_error(format!("expected a loaded KiCad file, not {}", o.type_name())))
}

/// The view inside `o` if it is an object of `decl`'s class, else `TypeError` naming `what`.
pub fn unwrap(o: &Obj, decl: &'static TypeDecl, what: &str) -> PyResult<View> {
    match (binding(decl)?.unwrap)(o) {
        Some(v) => v,
        None => Err(PyErr::type_error(format!("{what} must be {}, not {}", decl.name, o.type_name()))),
    }
}

fn what(decl: &TypeDecl, f: &FieldDecl) -> String {
    format!("{}.{}", decl.name, f.name)
}

/// A scalar value as a Python object.
pub fn scalar_to_py(v: Value<'_>) -> PyResult<Obj> {
    match v {
        Value::None => Ok(Obj::none()),
        Value::Str(s) => (&*s).into_py(),
        Value::Int(i) => i.into_py(),
        Value::Float(f) => f.into_py(),
        Value::Bool(b) => b.into_py(),
        Value::Node(_) | Value::List(_) => Err(PyErr::system_error("not a scalar")),
    }
}

/// Reads field `f` of `v` as a Python object: scalars are copied, nested types and lists are views.
pub fn get(v: &View, f: &'static FieldDecl) -> PyResult<Obj> {
    get_with(v, f, false, wrap)
}

/// [`get`], making a nested type's object with `wrap_child` (a property caches its field type's);
/// with `keep`, through the view's [`ReadCache`] (lists are new live lists each time).
fn get_with(
    v: &View,
    f: &'static FieldDecl,
    keep: bool,
    wrap_child: impl FnOnce(View) -> PyResult<Obj>,
) -> PyResult<Obj> {
    if f.count == Count::List {
        // A live list reads its items when asked; only the node's liveness is checked here.
        v.with(|_| Ok(()))?;
        return crate::list::FieldList::new(v.clone(), f).into_py();
    }
    // Liveness is checked first: a freed file or a removed node raises even when its value was kept.
    // A scalar becomes its Python object while the document is borrowed (no copy of its text first);
    // making it runs no Python code that could reach the document.
    let (stamp, found) = v.with(|d| {
        if keep && let Some(o) = v.cache.get(f, d.edits) {
            return Ok((None, Ok(o)));
        }
        let found = match read::read(&d.tree, v.node, v.decl, f).map_err(|e| field_error(&e))? {
            Value::Node(id) => Err(id),
            s => Ok(scalar_to_py(s)?),
        };
        Ok((Some(d.edits), found))
    })?;
    let o = match found {
        Ok(o) => o,
        Err(id) => wrap_child(v.child(id, f.value.decl().expect("node field")))?,
    };
    if keep && let Some(stamp) = stamp {
        v.cache.put(f, stamp, &o);
    }
    Ok(o)
}

/// What a property of a declared field knows: the field, and once read, the wrap of its type.
pub struct Access {
    field: &'static FieldDecl,
    wrap: OnceLock<fn(View) -> PyResult<Obj>>,
}

/// A Python value as a scalar of kind `kind`, or `TypeError` naming the field.
pub fn extract_scalar<R>(
    o: Borrowed<'_>,
    kind: ValueKind,
    what: &str,
    then: impl FnOnce(Scalar<'_>) -> PyResult<R>,
) -> PyResult<R> {
    match kind {
        ValueKind::Str => {
            let s: String = pyzig::FromPy::from_py(o, what)?;
            then(Scalar::Str(&s))
        }
        ValueKind::Sym => {
            let s: String = pyzig::FromPy::from_py(o, what)?;
            then(Scalar::Sym(&s))
        }
        ValueKind::Int => then(Scalar::Int(pyzig::FromPy::from_py(o, what)?)),
        ValueKind::Float => then(Scalar::Float(pyzig::FromPy::from_py(o, what)?)),
        ValueKind::Bool => then(Scalar::Bool(pyzig::FromPy::from_py(o, what)?)),
        ValueKind::Node(_) => Err(PyErr::system_error("not a scalar")),
    }
}

/// A copy of a typed object's subtree in a small tree of its own (so it can be put into any file,
/// its own included).
pub fn detach(v: &View) -> PyResult<(Tree, NodeId)> {
    v.with(|d| {
        let mut t = pyzig_kicad::sexp::parse("(detached)").expect("valid");
        let id = t.import(&d.tree, v.node);
        Ok((t, id))
    })
}

/// Sets field `f` of `v` from a Python value (`None` removes an optional field).
pub fn set(v: &View, f: &'static FieldDecl, value: Borrowed<'_>) -> PyResult<()> {
    let name = what(v.decl, f);
    if f.key == Key::Root {
        return Err(PyErr::attribute_error(format!("{name} cannot be replaced; load another file instead")));
    }
    if f.count == Count::List {
        return crate::list::assign(v, f, value);
    }
    if value.is_none() {
        if f.count != Count::Optional {
            return Err(PyErr::type_error(format!("{name} cannot be None")));
        }
        return v.with_mut(|d| {
            let r = match f.value {
                ValueKind::Node(_) => write::set_node(&mut d.tree, v.node, v.decl, f, None),
                _ => write::set(&mut d.tree, v.node, v.decl, f, None, d.style),
            };
            r.map_err(|e| write_error(&e))
        });
    }
    match f.value {
        ValueKind::Node(decl) => {
            let src = unwrap(&value.to_owned(), decl(), &name)?;
            let (t, id) = detach(&src)?;
            v.with_mut(|d| write::set_node(&mut d.tree, v.node, v.decl, f, Some((&t, id))).map_err(|e| write_error(&e)))
        }
        kind => extract_scalar(value, kind, &name, |s| {
            v.with_mut(|d| {
                let style = d.style;
                write::set(&mut d.tree, v.node, v.decl, f, Some(s), style).map_err(|e| write_error(&e))
            })
        }),
    }
}

/// The other submodules whose classes the fields of `decls` hold (imported by their stub).
pub fn referenced_modules(decls: &[&'static TypeDecl]) -> std::collections::BTreeSet<&'static str> {
    let own = decls.first().map_or("", |d| d.module);
    decls
        .iter()
        .flat_map(|d| d.fields.iter())
        .filter_map(|f| f.value.decl())
        .map(|d| d.module)
        .filter(|m| *m != own)
        .collect()
}

/// The Python type hint of a field.
fn hint(decl: &TypeDecl, f: &FieldDecl) -> String {
    let one = match f.value {
        ValueKind::Str | ValueKind::Sym => "str".to_owned(),
        ValueKind::Int => "int".to_owned(),
        ValueKind::Float => "float".to_owned(),
        ValueKind::Bool => "bool".to_owned(),
        ValueKind::Node(d) => {
            let d = d();
            if d.module == decl.module { d.name.to_owned() } else { format!("{}.{}", d.module, d.name) }
        }
    };
    match f.count {
        Count::One => one,
        Count::Optional => format!("{one} | None"),
        Count::List => format!("list[{one}]"),
    }
}

fn getter<T: ViewClass>(slf: Slf<'_, T>, a: &'static Access) -> PyResult<Obj> {
    get_with(slf.get()?.view(), a.field, true, |child| {
        let wrap = match a.wrap.get() {
            Some(w) => *w,
            None => *a.wrap.get_or_init(|| binding(child.decl).map_or(wrap as fn(View) -> PyResult<Obj>, |b| b.wrap)),
        };
        wrap(child)
    })
}

fn setter<T: ViewClass>(slf: Slf<'_, T>, a: &'static Access, value: Borrowed<'_>) -> PyResult<()> {
    // The view is cloned so that no borrow of the wrapper is held while Python code (`__str__`,
    // `__index__` of the value) runs.
    let v = slf.get()?.view().clone();
    set(&v, a.field, value)
}

/// `class!`'s `extend` hook for every declared type: one property per field, `free()` on files.
pub fn extend<T: ViewClass>(spec: &mut ClassSpec<T>) {
    let decl = T::decl();
    if let pyzig::rt::Constructor::Args { sig, .. } = &mut spec.constructor {
        // Keyword-only, each with its default (the runtime takes `**fields` and checks the names).
        let params: Vec<String> = decl.fields.iter().map(|f| format!("{}: {} = ...", f.name, hint(decl, f))).collect();
        let text = format!("(cls, *, {}) -> {}", params.join(", "), decl.name);
        sig.stub_override = Some(Box::leak(text.into_boxed_str()));
    }
    for f in decl.fields {
        let h = hint(decl, f);
        let stub = if f.key == Key::Root {
            format!("@property\ndef {n}(self) -> {h}: ...\n", n = f.name)
        } else {
            format!(
                "@property\ndef {n}(self) -> {h}: ...\n@{n}.setter\ndef {n}(self, value: {h}) -> None: ...\n",
                n = f.name
            )
        };
        let set = if f.key == Key::Root {
            None
        } else {
            Some(setter::<T> as fn(Slf<'_, T>, &'static Access, Borrowed<'_>) -> PyResult<()>)
        };
        let access: &'static Access = Box::leak(Box::new(Access { field: f, wrap: OnceLock::new() }));
        spec.getsets.push(GetSetEntry::with_data(f.name, f.doc.trim().to_owned(), stub, access, getter::<T>, set));
    }
    spec.methods.push(MethodEntry::fn_noargs(
        Sig::new(
            SigKind::Static,
            "__field_names__",
            vec![],
            "tuple[str, ...]".into(),
            false,
            "The field names, in order.",
        ),
        || {
            let names = T::decl().fields.iter().map(|f| f.name.into_py()).collect::<PyResult<Vec<_>>>()?;
            pyzig::rt::tuple(names)
        },
    ));
    spec.methods.push(MethodEntry::noargs(
        Sig::new(
            SigKind::Method,
            "__zig_address__",
            vec![],
            "int".into(),
            false,
            "Address of the native node (a debugging handle; the name is kept from the Zig original).",
        ),
        |slf: Slf<'_, T>| {
            let r = slf.get()?;
            let v = r.view();
            v.with(|d| ((&d.tree as *const Tree as usize) ^ (v.node.raw() as usize)).into_py())
        },
    ));
    if decl.is_file() {
        spec.methods.push(MethodEntry::noargs(
            Sig::new(
                SigKind::Method,
                "free",
                vec![],
                "None".into(),
                false,
                "Releases the file's memory now; everything taken from it then raises ReferenceError.",
            ),
            |slf: Slf<'_, T>| {
                let doc = slf.get()?.view().doc.clone();
                doc.release()?;
                Ok(Obj::none())
            },
        ));
    }
}

/// `Name(field=value, ...)`, reading every field (an unreadable field shows its error).
pub fn repr(v: &View) -> String {
    let mut s = format!("{}(", v.decl.name);
    for (i, f) in v.decl.fields.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(f.name);
        s.push('=');
        match get(v, f).and_then(|o| o.repr()) {
            Ok(r) => s.push_str(&r),
            Err(e) => s.push_str(&format!("<{}>", e.into_value().str().unwrap_or_default())),
        }
    }
    s.push(')');
    s
}

/// Value equality: the same declared fields with equal values, recursively (text and layout aside).
pub fn eq(a: &View, b: &View) -> PyResult<bool> {
    if !std::ptr::eq(a.decl, b.decl) {
        return Ok(false);
    }
    a.with(|da| {
        if a.doc.as_obj().is(b.doc.as_obj()) {
            return nodes_eq(&da.tree, a.node, &da.tree, b.node, a.decl);
        }
        b.with(|db| nodes_eq(&da.tree, a.node, &db.tree, b.node, a.decl))
    })
}

fn nodes_eq(ta: &Tree, a: NodeId, tb: &Tree, b: NodeId, decl: &'static TypeDecl) -> PyResult<bool> {
    let mut stack = vec![(a, b, decl)];
    while let Some((a, b, decl)) = stack.pop() {
        for f in decl.fields {
            let va = read::read(ta, a, decl, f).map_err(|e| field_error(&e))?;
            let vb = read::read(tb, b, decl, f).map_err(|e| field_error(&e))?;
            match (va, vb) {
                (Value::Node(x), Value::Node(y)) => stack.push((x, y, f.value.decl().expect("node"))),
                (Value::List(x), Value::List(y)) => {
                    if x.len() != y.len() {
                        return Ok(false);
                    }
                    for (x, y) in x.into_iter().zip(y) {
                        match f.value {
                            ValueKind::Node(d) => stack.push((x, y, d())),
                            k => {
                                let w = || what(decl, f);
                                let sx = read::scalar(ta, x, k, w).map_err(|e| field_error(&e))?;
                                let sy = read::scalar(tb, y, k, w).map_err(|e| field_error(&e))?;
                                if sx != sy {
                                    return Ok(false);
                                }
                            }
                        }
                    }
                }
                (x, y) => {
                    if x != y {
                        return Ok(false);
                    }
                }
            }
        }
    }
    Ok(true)
}

/// `Type(**fields)`: a new object in a small tree of its own, every field given or defaulted written
/// in KiCad's order (optional fields only when given).
pub fn construct<T: ViewClass>(kwargs: Vec<(String, Obj)>) -> PyResult<T> {
    let decl = T::decl();
    for (k, _) in &kwargs {
        if decl.field(k).is_none() {
            return Err(PyErr::type_error(format!("{}() got an unexpected keyword argument '{k}'", decl.name)));
        }
    }
    let given = |name: &str| kwargs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let style = Style::for_version(None);
    if decl.is_file() {
        let f = &decl.fields[0];
        let root = given(f.name)
            .ok_or_else(|| PyErr::type_error(format!("{}() missing required argument '{}'", decl.name, f.name)))?;
        let src = unwrap(&root, f.value.decl().expect("node"), &what(decl, f))?;
        let (t, id) = detach(&src)?;
        let mut tree = pyzig_kicad::sexp::parse("(x)").expect("valid");
        let new =
            write::import_as(&mut tree, f.value.decl().expect("node").head, &t, id).map_err(|e| write_error(&e))?;
        let old = tree.root();
        tree.replace_node(old, new).map_err(|e| PyErr::value_error(e.to_string()))?;
        // A file made from nothing is laid out as the current KiCad (9, 10) writes it, which ends
        // every file with a newline.
        let mut text = pyzig_kicad::sexp::format_kicad(&tree);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let tree = pyzig_kicad::sexp::parse_string(text).map_err(|e| PyErr::value_error(e.to_string()))?;
        let node = tree.root();
        let doc = Py::new(Document::new(tree))?;
        return Ok(T::from_view(View::root(doc, node, decl)));
    }
    let tree = pyzig_kicad::sexp::parse(&format!("({})", decl.head)).map_err(|e| PyErr::value_error(e.to_string()))?;
    let root = tree.root();
    let doc = Py::new(Document::new(tree))?;
    {
        let mut d = doc.borrow_mut()?;
        d.style = style;
    }
    let view = View::root(doc, root, decl);
    for f in decl.fields {
        match given(f.name) {
            Some(v) => set(&view, f, v.borrowed())?,
            None => {
                if f.count == Count::One && !matches!(f.value, ValueKind::Node(_) | ValueKind::Bool) {
                    let dv = read::default_value(f);
                    view.with_mut(|d| {
                        let s = match &dv {
                            Value::Str(s) => Scalar::Str(s),
                            Value::Int(i) => Scalar::Int(*i),
                            Value::Float(x) => Scalar::Float(*x),
                            _ => return Ok(()),
                        };
                        write::set(&mut d.tree, root, decl, f, Some(s), style).map_err(|e| write_error(&e))
                    })?;
                }
            }
        }
    }
    Ok(T::from_view(view))
}

/// Puts `item` (a Python object of the list's type, or a scalar) into list field `f` of `v` at `index`.
pub fn insert_item(v: &View, f: &'static FieldDecl, index: usize, item: Borrowed<'_>) -> PyResult<()> {
    let name = what(v.decl, f);
    match f.value {
        ValueKind::Node(decl) => {
            let src = unwrap(&item.to_owned(), decl(), &name)?;
            let (t, id) = detach(&src)?;
            v.with_mut(|d| {
                // `write` puts it in the flag style of this file (KiCad 6 refuses `(hide yes)`).
                write::list_insert(&mut d.tree, v.node, v.decl, f, index, Item::Node(&t, id))
                    .map_err(|e| write_error(&e))
            })
        }
        kind => extract_scalar(item, kind, &name, |s| {
            v.with_mut(|d| {
                write::list_insert(&mut d.tree, v.node, v.decl, f, index, Item::Scalar(s)).map_err(|e| write_error(&e))
            })
        }),
    }
}
