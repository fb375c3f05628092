//! List fields: a live view of the matching children (`libs`, `pads`) or of the tokens of one child
//! (`layers`). Reading an item gives a view (nested types) or a copy (scalars); every change is an
//! edit of the tree, so views of other items stay valid.

use std::cell::RefCell;
use std::rc::Rc;

use pyzig::rt::Slf;
use pyzig::{Borrowed, Obj, PyErr, PyResult, Sequence};
use pyzig_kicad::read;
use pyzig_kicad::sexp::NodeId;
use pyzig_kicad::write;
use pyzig_kicad::{FieldDecl, Key, ValueKind};

use crate::errors::{field_error, write_error};
use crate::view::{View, detach, insert_item, scalar_to_py, wrap};

/// The live list of one list field of one object.
pub struct FieldList {
    owner: View,
    field: &'static FieldDecl,
    /// The items' nodes, as last found (see [`Found`]).
    found: RefCell<Found>,
}

/// The items of a list field as found, and what they were found from: a loop over the list (`for pin in
/// unit.pins`, `pins[i]`, `len`) finds them once, not once per item, and edits elsewhere in the file
/// (moving every footprint of a board while looping over its footprints) keep them.
struct Found {
    /// The document's edit count when they were found or last confirmed (0: not yet found).
    stamp: u64,
    /// The children versions (`Tree::children_version`) of the owner and of the list holding the items
    /// (the owner, or its child list for `(layers …)` and token lists) they were found from. While both
    /// are the same, so are the items: an item's head never changes in place.
    owner_version: u64,
    parent: Option<NodeId>,
    parent_version: u64,
    ids: Rc<[NodeId]>,
}

impl FieldList {
    pub fn new(owner: View, field: &'static FieldDecl) -> FieldList {
        let found = Found { stamp: 0, owner_version: 0, parent: None, parent_version: 0, ids: Rc::from([]) };
        FieldList { owner, field, found: RefCell::new(found) }
    }

    fn items(&self) -> PyResult<Rc<[NodeId]>> {
        self.owner.with(|d| {
            let (t, node) = (&d.tree, self.owner.node);
            let mut f = self.found.borrow_mut();
            if f.stamp == d.edits {
                return Ok(f.ids.clone());
            }
            let same = f.stamp != 0
                && f.owner_version == t.children_version(node)
                && f.parent.is_none_or(|p| t.children_version(p) == f.parent_version);
            if !same {
                let parent = read::list_parent(t, node, self.field);
                f.owner_version = t.children_version(node);
                f.parent = parent.filter(|&p| p != node);
                f.parent_version = f.parent.map_or(0, |p| t.children_version(p));
                f.ids = read::list_items(t, node, self.field).into_iter().map(|(_, i)| i).collect();
            }
            f.stamp = d.edits;
            Ok(f.ids.clone())
        })
    }

    fn item(&self, id: NodeId) -> PyResult<Obj> {
        match self.field.value {
            // The items of `(layers …)` sit one list deeper: their view's path goes through it.
            ValueKind::Node(d) if matches!(self.field.key, Key::Items(_)) => {
                let via = self.owner.with(|doc| Ok(read::list_parent(&doc.tree, self.owner.node, self.field)))?;
                let holder = via.map_or_else(|| self.owner.clone(), |l| self.owner.child(l, self.owner.decl));
                wrap(holder.child(id, d()))
            }
            ValueKind::Node(d) => wrap(self.owner.child(id, d())),
            k => {
                let what = || format!("{}.{}", self.owner.decl.name, self.field.name);
                // Made while the document is borrowed, as `view::get` does (no copy of the text first).
                self.owner.with(|d| scalar_to_py(read::scalar(&d.tree, id, k, what).map_err(|e| field_error(&e))?))
            }
        }
    }

    fn remove_at(&self, index: usize) -> PyResult<()> {
        let (o, f) = (&self.owner, self.field);
        o.with_mut(|d| {
            write::list_remove(&mut d.tree, o.node, o.decl, f, index).map(|_| ()).map_err(|e| write_error(&e))
        })
    }

    fn index(&self, index: i64, len: usize, insert: bool) -> usize {
        let n = len as i64;
        let i = if index < 0 { index + n } else { index };
        let hi = if insert { n } else { n - 1 };
        i.clamp(0, hi.max(0)) as usize
    }
}

pyzig::class! {
    /// A live list field of a KiCad object: indexing, `len`, iteration, `append`, `insert`, `pop`,
    /// `remove`, `clear`, `del`, item assignment; every change edits the file.
    #[pyclass(module = "pyzig_sexp", factory = "a list field of a loaded object", extend = extend)]
    impl FieldList {
        /// Appends an item (after the last one, or where KiCad writes the field when it is empty).
        #[positional]
        fn append(this: Py<Self>, item: Obj) -> PyResult<()> {
            let (owner, field) = { let r = this.borrow()?; (r.owner.clone(), r.field) };
            let n = { this.borrow()?.items()?.len() };
            insert_item(&owner, field, n, item.borrowed())
        }
        /// Inserts an item before position `index`.
        fn insert(this: Py<Self>, index: i64, item: Obj) -> PyResult<()> {
            let (owner, field, len) = { let r = this.borrow()?; (r.owner.clone(), r.field, r.items()?.len()) };
            let at = this.borrow()?.index(index, len, true);
            insert_item(&owner, field, at, item.borrowed())
        }
        /// Removes and returns item `index` (the last by default) as an object of its own.
        fn pop(&self, index: i64 = -1) -> PyResult<Obj> {
            let items = self.items()?;
            if items.is_empty() {
                return Err(PyErr::index_error("pop from empty list"));
            }
            let n = items.len() as i64;
            let i = if index < 0 { index + n } else { index };
            if !(0..n).contains(&i) {
                return Err(PyErr::index_error("pop index out of range"));
            }
            let out = match self.field.value {
                ValueKind::Node(d) => {
                    let (t, id) = detach(&self.owner.child(items[i as usize], d()))?;
                    let tree = pyzig_kicad::sexp::parse_string(print_node(&t, id))
                        .map_err(|e| PyErr::value_error(e.to_string()))?;
                    let root = tree.root();
                    let doc = pyzig::Py::new(crate::document::Document::new(tree))?;
                    wrap(View::root(doc, root, d()))?
                }
                _ => self.item(items[i as usize])?,
            };
            self.remove_at(i as usize)?;
            Ok(out)
        }
        /// Removes the first item equal to `value`, as `list.remove` does: for an object of this very list
        /// (`pads.remove(pads[0])`) that object itself; `ValueError` when no item is.
        #[positional]
        fn remove(&self, value: Obj) -> PyResult<()> {
            let items = self.items()?;
            if let ValueKind::Node(d) = self.field.value
                && let Ok(v) = crate::view::unwrap(&value, d(), "item")
                && v.doc.as_obj().is(self.owner.doc.as_obj())
                && let Some(i) = items.iter().position(|&id| id == v.node)
            {
                return self.remove_at(i);
            }
            for (i, &id) in items.iter().enumerate() {
                if self.item(id)?.eq(&value)? {
                    return self.remove_at(i);
                }
            }
            Err(PyErr::value_error("list.remove(x): x not in list"))
        }
        /// Removes every item.
        fn clear(&self) -> PyResult<()> {
            for i in (0..self.items()?.len()).rev() {
                self.remove_at(i)?;
            }
            Ok(())
        }
        fn __len__(&self) -> PyResult<usize> {
            Ok(self.items()?.len())
        }
        /// Equal to a list (or another list field) with equal items, as a list would be; a list
        /// whose items cannot be read compares unequal.
        fn __eq__(&self, other: Obj) -> bool {
            let mine = self.items().and_then(|v| v.iter().map(|&id| self.item(id)).collect::<PyResult<Vec<Obj>>>());
            mine.and_then(|m| pyzig::IntoPy::into_py(m)?.eq(&other)).unwrap_or(false)
        }
        fn __repr__(&self) -> String {
            let parts: PyResult<Vec<String>> =
                self.items().and_then(|v| v.iter().map(|&id| self.item(id)?.repr()).collect());
            match parts {
                Ok(p) => format!("[{}]", p.join(", ")),
                Err(e) => format!("<list: {}>", e.into_value().str().unwrap_or_default()),
            }
        }
    }
}

/// Text of one node of a small tree (the tree holds only it, under a placeholder root).
fn print_node(t: &pyzig_kicad::sexp::Tree, id: pyzig_kicad::sexp::NodeId) -> String {
    let mut one = pyzig_kicad::sexp::parse("(x)").expect("valid");
    let new = one.import(t, id);
    let root = one.root();
    one.replace_node(root, new).expect("a detached list");
    one.print()
}

fn extend(spec: &mut pyzig::rt::ClassSpec<FieldList>) {
    spec.slots.extend(pyzig::sequence_slots::<FieldList>());
}

impl Sequence for FieldList {
    fn len(slf: Slf<'_, Self>) -> PyResult<usize> {
        slf.get()?.items().map(|v| v.len())
    }
    fn get(slf: Slf<'_, Self>, index: usize) -> PyResult<Obj> {
        let r = slf.get()?;
        let items = r.items()?;
        r.item(items[index])
    }
    fn set(slf: Slf<'_, Self>, index: usize, value: Borrowed<'_>) -> PyResult<()> {
        let (owner, field) = {
            let r = slf.get()?;
            (r.owner.clone(), r.field)
        };
        // Insert the new item first: if it is refused, nothing changed.
        insert_item(&owner, field, index, value)?;
        FieldList::new(owner, field).remove_at(index + 1)
    }
    fn del(slf: Slf<'_, Self>, index: usize) -> PyResult<()> {
        slf.get()?.remove_at(index)
    }
}

/// `obj.field = [items]`: the new items go in after the old ones, then the old ones are removed; if
/// an item is refused, the ones already put in are taken out again and nothing has changed.
pub fn assign(v: &View, f: &'static FieldDecl, value: Borrowed<'_>) -> PyResult<()> {
    let items: Vec<Obj> = pyzig::FromPy::from_py(value, &format!("{}.{}", v.decl.name, f.name))?;
    let list = FieldList::new(v.clone(), f);
    let old = list.items()?.len();
    for (i, item) in items.iter().enumerate() {
        if let Err(e) = insert_item(v, f, old + i, item.borrowed()) {
            for j in (old..old + i).rev() {
                list.remove_at(j)?;
            }
            return Err(e);
        }
    }
    for i in (0..old).rev() {
        list.remove_at(i)?;
    }
    Ok(())
}
