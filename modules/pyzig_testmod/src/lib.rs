//! Extension module `pyzig_testmod`: test-only, exercises every feature of the binding layer
//! (records with every field kind, handle classes, GC wrappers, errors, panics, ownership).
#![forbid(unsafe_code)]

mod doc_example;

use pyzig::{Obj, Py, PyErr, PyException, PyResult, Traverse, Visit};

pyzig::enumeration! {
    /// A colour.
    #[pyenum(module = "pyzig_testmod")]
    pub enum Color {
        Red = "red",
        Green = "green",
        Blue = "blue",
    }
}

pyzig::enumeration! {
    /// A level, with the numbers a file format writes.
    #[pyenum(module = "pyzig_testmod", int)]
    pub enum Level {
        Below = -1,
        Off = 0,
        High = 2,
    }
}

pyzig::exception! {
    /// Raised by `fail()`.
    #[pyexception(module = "pyzig_testmod", base = ValueError)]
    pub struct TestError;
}

pyzig::record! {
    /// A 2-D point.
    #[pyclass(module = "pyzig_testmod")]
    pub struct Point {
        /// Horizontal.
        pub x: f64 = 0.0,
        pub y: f64 = 0.0,
    }
    impl {
        /// Euclidean norm.
        fn norm(&self) -> f64 {
            (self.x * self.x + self.y * self.y).sqrt()
        }
        #[positional]
        fn scaled(&self, factor: f64) -> Point {
            Point { x: self.x * factor, y: self.y * factor }
        }
        fn moved(&self, dx: f64 = 0.0, dy: f64 = 0.0) -> Point {
            Point { x: self.x + dx, y: self.y + dy }
        }
        /// Positional-only, two parameters: METH_FASTCALL without keywords.
        #[positional]
        fn translated(&self, dx: f64, dy: f64) -> Point {
            Point { x: self.x + dx, y: self.y + dy }
        }
        #[positional]
        fn grow(&mut self, kx: f64, ky: f64 = 1.0) {
            self.x *= kx;
            self.y *= ky;
        }
        #[staticmethod]
        #[positional]
        fn between(a: Point, b: Point) -> Point {
            Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 }
        }
        fn shift(&mut self, dx: f64) {
            self.x += dx;
        }
        #[getter]
        fn swapped(&self) -> Point {
            Point { x: self.y, y: self.x }
        }
        #[staticmethod]
        fn origin() -> Point {
            Point { x: 0.0, y: 0.0 }
        }
    }
}

pyzig::record! {
    /// A leaf record nested in `Everything`.
    #[pyclass(module = "pyzig_testmod")]
    pub struct Inner {
        pub label: String = String::new(),
        pub value: i32 = 0,
    }
    impl {
        /// Explicit release (refused on a view: release its owner instead).
        fn free(this: Py<Self>) -> PyResult<()> {
            this.release()
        }
    }
}

pyzig::record! {
    /// One field of every kind.
    #[pyclass(module = "pyzig_testmod")]
    pub struct Everything {
        pub name: String,
        pub i8_: i8 = 0,
        pub u8_: u8 = 0,
        pub i16_: i16 = 0,
        pub u16_: u16 = 0,
        pub i32_: i32 = 0,
        pub u32_: u32 = 0,
        pub i64_: i64 = 0,
        pub u64_: u64 = 0,
        pub f32_: f32 = 0.0,
        pub f64_: f64 = 0.0,
        pub flag: bool = false,
        pub color: Color = Color::Red,
        pub maybe: Option<i64> = None,
        pub maybe_inner: Option<Inner> = None,
        pub inner: Inner = Inner { label: String::new(), value: 0 },
        pub items: Vec<Inner> = Vec::new(),
        pub numbers: Vec<i64> = Vec::new(),
        pub colors: Vec<Color> = Vec::new(),
        pub words: Vec<String> = Vec::new(),
    }
    impl {
        /// Explicit release: drops the native data now.
        fn free(this: Py<Self>) -> PyResult<()> {
            this.release()
        }
        /// Test hook: sets the counter of list edits that element views check (see the binding layer).
        fn _set_epoch(this: Py<Self>, epoch: u64) {
            this.set_epoch_for_tests(epoch)
        }
        /// The sum of the items' values and the numbers; `OverflowError` when it leaves i64.
        fn total(&self) -> PyResult<i64> {
            let mut values = self.items.iter().map(|i| i.value as i64).chain(self.numbers.iter().copied());
            values
                .try_fold(0i64, i64::checked_add)
                .ok_or_else(|| PyErr::overflow_error("the total of the values is out of range for i64"))
        }
    }
}

/// A handle type: not constructible from Python, made by `Bag.create()`; holds Python objects (GC).
pub struct Bag {
    items: Vec<Obj>,
    name: String,
}

impl Traverse for Bag {
    fn traverse(&self, visit: &mut Visit<'_>) {
        for o in &self.items {
            visit.obj(o);
        }
    }
    fn clear(&mut self) {
        self.items.clear();
    }
}

pyzig::class! {
    /// A bag of Python objects.
    #[pyclass(module = "pyzig_testmod", gc = true, factory = "Bag.create()")]
    impl Bag {
        /// Makes a bag holding the values of any extra keywords.
        #[staticmethod]
        fn create(name: String = String::from("bag"), #[kwargs] items: Vec<(String, Obj)>) -> Bag {
            Bag { items: items.into_iter().map(|(_, v)| v).collect(), name }
        }
        #[positional]
        fn put(&mut self, item: Obj) {
            self.items.push(item);
        }
        fn get(&self, index: usize) -> PyResult<Obj> {
            self.items.get(index).cloned().ok_or_else(|| PyErr::index_error(format!("no item {index}")))
        }
        fn __len__(&self) -> usize {
            self.items.len()
        }
        #[getter]
        fn name(&self) -> String {
            self.name.clone()
        }
        /// Calls `callback(item)` for every item, returns the results.
        #[stub("(self, callback: Callable[[object], _T]) -> list[_T]")]
        fn map(&self, callback: Obj) -> PyResult<Vec<Obj>> {
            self.items.iter().map(|o| callback.call1(o.clone())).collect()
        }
        /// Calls `callback(bag)`: re-entrant mutation must raise, not alias.
        #[stub("(self, callback: Callable[[Bag], _T]) -> _T")]
        fn visit_mut(this: Py<Self>, callback: Obj) -> PyResult<Obj> {
            let _guard = this.borrow_mut()?;
            callback.call1(this.clone())
        }
        /// A tag holding this bag; `ReferenceError` once the bag is destroyed.
        fn tag(this: Py<Self>, label: String) -> PyResult<Tag> {
            drop(this.borrow()?);
            Ok(Tag { bag: this, label })
        }
        fn destroy(this: Py<Self>) -> PyResult<()> {
            this.release()
        }
    }
}

/// A handle that keeps its bag alive (strong reference to the owner).
pub struct Tag {
    bag: Py<Bag>,
    label: String,
}

impl Traverse for Tag {
    fn traverse(&self, visit: &mut Visit<'_>) {
        visit.py(&self.bag);
    }
    fn clear(&mut self) {}
}

pyzig::class! {
    #[pyclass(module = "pyzig_testmod", gc = true)]
    impl Tag {
        fn bag_name(&self) -> PyResult<String> {
            Ok(self.bag.borrow()?.name.clone())
        }
        #[getter]
        fn label(&self) -> String {
            self.label.clone()
        }
        /// Equal when the labels are equal (slot `tp_richcompare`).
        fn __eq__(&self, other: Py<Tag>) -> bool {
            other.borrow().map(|o| o.label == self.label).unwrap_or(false)
        }
        fn __hash__(&self) -> u64 {
            self.label.bytes().fold(1469598103934665603u64, |h, b| (h ^ b as u64).wrapping_mul(1099511628211))
        }
        fn __repr__(&self) -> String {
            format!("Tag({:?})", self.label)
        }
    }
}

/// A constructible class with a `#[new]` constructor.
pub struct Counter {
    count: i64,
    step: i64,
}

pyzig::record! {
    /// A hashable record (`hash = true`): usable as a dict key, equal values hash equal.
    #[pyclass(module = "pyzig_testmod", hash = true)]
    pub struct Key {
        pub name: String = String::new(),
        pub weight: f64 = 1.0,
    }
}

pyzig::record! {
    /// A record whose derives are the user's own (`derive = false`): equality ignores `note`.
    #[pyclass(module = "pyzig_testmod", derive = false)]
    #[derive(Clone)]
    pub struct Loose {
        pub id: i64 = 0,
        pub note: String = String::new(),
    }
}

impl PartialEq for Loose {
    fn eq(&self, other: &Loose) -> bool {
        self.id == other.id
    }
}

/// A type of the user's own, held by value in a record field (`pyzig::value_field!`): metres as a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Meters(pub f64);

impl<'a> pyzig::FromPy<'a> for Meters {
    fn from_py(obj: pyzig::Borrowed<'a>, what: &str) -> PyResult<Self> {
        let v = f64::from_py(obj, what)?;
        if v < 0.0 {
            return Err(PyErr::value_error(format!("{what} must not be negative, got {v}")));
        }
        Ok(Meters(v))
    }
    fn hint() -> String {
        "float".into()
    }
}

impl pyzig::IntoPy for Meters {
    fn into_py(self) -> PyResult<Obj> {
        self.0.into_py()
    }
    fn hint() -> String {
        "float".into()
    }
}

pyzig::value_field!(Meters);

pyzig::record! {
    /// A record with a boxed nested record and a field of a user type.
    #[pyclass(module = "pyzig_testmod")]
    pub struct Boxed {
        pub inner: Box<Inner> = Box::new(Inner { label: String::new(), value: 0 }),
        pub maybe: Option<Box<Inner>> = None,
        pub length: Meters = Meters(0.0),
    }
}

pyzig::class! {
    /// Counts.
    #[pyclass(module = "pyzig_testmod")]
    impl Counter {
        #[new]
        fn new(start: i64 = 0, step: i64 = 1) -> PyResult<Counter> {
            if step == 0 {
                return Err(PyErr::value_error("step must not be 0"));
            }
            Ok(Counter { count: start, step })
        }
        fn tick(&mut self) -> i64 {
            self.count += self.step;
            self.count
        }
        #[getter]
        fn count(&self) -> i64 {
            self.count
        }
        /// Makes `count` writable; a step of 0 is refused.
        #[setter(count)]
        fn set_count(&mut self, value: i64) {
            self.count = value;
        }
        #[getter]
        fn step(&self) -> i64 {
            self.step
        }
        #[setter(step)]
        fn set_step(&mut self, value: i64) -> PyResult<()> {
            if value == 0 {
                return Err(PyErr::value_error("step must not be 0"));
            }
            self.step = value;
            Ok(())
        }
    }
}

pyzig::module! {
    /// Test-only module of the pyzig binding layer.
    #[pymodule(init = PyInit_pyzig_testmod, name = "pyzig_testmod", stub = "pyzig_testmod.pyi")]
    classes [Point, Inner, Everything, Bag, Tag, Counter, Key, Loose, Boxed]
    enums [Color, Level]
    exceptions [TestError]
    stub_header "from collections.abc import Callable\nfrom typing import TypeVar\n\n_T = TypeVar(\"_T\")";
    functions {
        /// Adds two ints.
        fn add(a: i64, b: i64) -> i64 {
            a + b
        }
        #[positional]
        fn neg(a: i64) -> i64 {
            -a
        }
        /// Positional-only, two parameters.
        #[positional]
        fn sub(a: i64, b: i64) -> i64 {
            a - b
        }
        fn nothing() {}
        fn greet(name: &str, punctuation: String = String::from("!")) -> String {
            format!("hello {name}{punctuation}")
        }
        fn fail(message: String) -> PyResult<()> {
            Err(TestError::new_err(message))
        }
        fn boom(message: String) -> i64 {
            panic!("{message}")
        }
        fn small(v: u8) -> u8 {
            v
        }
        fn make_point(x: f64, y: f64) -> Point {
            Point { x, y }
        }
        /// Wraps a Point through the global type registry.
        #[stub("(x: float) -> Point")]
        fn registry_point(x: f64) -> PyResult<Obj> {
            pyzig::wrap(Point { x, y: 0.0 })
        }
        fn registry_unknown() -> PyResult<Obj> {
            pyzig::wrap(std::time::Duration::from_secs(1))
        }
        fn pick(color: Color) -> Color {
            color
        }
        fn pick_level(level: Level) -> (Level, i64) {
            (level, level.value())
        }
        fn maybe_len(s: Option<String> = None) -> Option<usize> {
            s.map(|s| s.len())
        }
        fn sum_list(values: Vec<i64>) -> i64 {
            values.iter().sum()
        }
        /// Extra keywords arrive in call order as (name, value) pairs.
        fn collect(first: i64, second: i64 = 0, #[kwargs] rest: Vec<(String, Obj)>) -> PyResult<Vec<(String, Obj)>> {
            let mut out = vec![
                (String::from("first"), pyzig::IntoPy::into_py(first)?),
                (String::from("second"), pyzig::IntoPy::into_py(second)?),
            ];
            out.extend(rest);
            Ok(out)
        }
    }
}
