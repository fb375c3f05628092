/* point_c: the hand-written C twin of the binding benchmark surface — the limit pyzig is measured
 * against. It uses the fastest idioms the C-API offers (see ARCHITECTURE.md, "Calls as cheap as C"):
 * a heap type made with PyType_FromSpec (as pyzig must) that is immutable, not GC-tracked, has a
 * tp_vectorcall constructor, one getset slot per field, METH_NOARGS / METH_O methods, and a
 * METH_FASTCALL|METH_KEYWORDS module function whose keyword names are matched by pointer first. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} PointObject;

static PyTypeObject *Point_Type;       /* owned by the module; the module is never unloaded */
static PyObject *name_x, *name_y;      /* interned: keyword names from code objects match by pointer */
static PyObject *name_a, *name_b;

/* Collects exactly two arguments given positionally and/or by keyword into slots[0..2]. */
static int
collect_two(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
            PyObject *names[2], PyObject *slots[2])
{
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 2 positional arguments (%zd given)",
                     fname, nargs);
        return -1;
    }
    slots[0] = nargs > 0 ? args[0] : NULL;
    slots[1] = nargs > 1 ? args[1] : NULL;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int idx = key == names[0] ? 0 : key == names[1] ? 1 : -1;
        for (int j = 0; idx < 0 && j < 2; j++) {
            /* keyword names are always str in a vectorcall; compare by value after the pointer miss */
            if (PyUnicode_Compare(key, names[j]) == 0) {
                idx = j;
            }
        }
        if (idx < 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
            return -1;
        }
        if (slots[idx] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%U'", fname, key);
            return -1;
        }
        slots[idx] = args[nargs + k];
    }
    for (int j = 0; j < 2; j++) {
        if (slots[j] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%U' (pos %d)", fname,
                         names[j], j + 1);
            return -1;
        }
    }
    return 0;
}

static int
as_double(const char *what, PyObject *name, PyObject *o, double *out)
{
    if (PyFloat_CheckExact(o)) {
        *out = PyFloat_AS_DOUBLE(o);
        return 0;
    }
    double d = PyFloat_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "%s: '%U' must be float, not %.200s", what, name,
                         Py_TYPE(o)->tp_name);
        }
        return -1;
    }
    *out = d;
    return 0;
}

static PyObject *
point_make(double x, double y)
{
    /* PyObject_New: plain allocation plus header init (which also increfs the heap type) — no
     * zeroing and no GC header, the cheapest allocation for a non-GC type. */
    PointObject *p = PyObject_New(PointObject, Point_Type);
    if (p == NULL) {
        return NULL;
    }
    p->x = x;
    p->y = y;
    return (PyObject *)p;
}

static void
point_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);  /* instances of heap types own a reference to their type */
}

static PyObject *
point_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    (void)type;
    PyObject *names[2] = {name_x, name_y};
    PyObject *slots[2];
    double xy[2];
    if (collect_two("Point", args, PyVectorcall_NARGS(nargsf), kwnames, names, slots) < 0 ||
        as_double("Point()", name_x, slots[0], &xy[0]) < 0 ||
        as_double("Point()", name_y, slots[1], &xy[1]) < 0) {
        return NULL;
    }
    return point_make(xy[0], xy[1]);
}

/* tp_new for the paths that bypass the vectorcall (e.g. Point.__new__(Point, ...)). */
static PyObject *
point_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", NULL};
    double x, y;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd:Point", kwlist, &x, &y)) {
        return NULL;
    }
    (void)type;
    return point_make(x, y);
}

static PyObject *
get_x(PyObject *self, void *closure)
{
    (void)closure;
    return PyFloat_FromDouble(((PointObject *)self)->x);
}

static PyObject *
get_y(PyObject *self, void *closure)
{
    (void)closure;
    return PyFloat_FromDouble(((PointObject *)self)->y);
}

static int
set_field(PyObject *name, PyObject *value, double *field)
{
    if (value == NULL) {
        PyErr_Format(PyExc_AttributeError, "cannot delete attribute '%U'", name);
        return -1;
    }
    return as_double("Point", name, value, field);
}

static int
set_x(PyObject *self, PyObject *value, void *closure)
{
    (void)closure;
    return set_field(name_x, value, &((PointObject *)self)->x);
}

static int
set_y(PyObject *self, PyObject *value, void *closure)
{
    (void)closure;
    return set_field(name_y, value, &((PointObject *)self)->y);
}

static PyObject *
get_swapped(PyObject *self, void *closure)
{
    (void)closure;
    PointObject *p = (PointObject *)self;
    return point_make(p->y, p->x);
}

static PyObject *
point_norm(PyObject *self, PyObject *unused)
{
    (void)unused;
    PointObject *p = (PointObject *)self;
    return PyFloat_FromDouble(sqrt(p->x * p->x + p->y * p->y));
}

static PyObject *
point_dot(PyObject *self, PyObject *other)
{
    if (!Py_IS_TYPE(other, Point_Type)) {
        PyErr_Format(PyExc_TypeError, "dot(): 'other' must be Point, not %.200s",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    PointObject *p = (PointObject *)self, *q = (PointObject *)other;
    return PyFloat_FromDouble(p->x * q->x + p->y * q->y);
}

static PyObject *
point_scaled(PyObject *self, PyObject *arg)
{
    static PyObject *name_f;
    if (name_f == NULL && (name_f = PyUnicode_InternFromString("f")) == NULL) {
        return NULL;
    }
    double f;
    if (as_double("scaled()", name_f, arg, &f) < 0) {
        return NULL;
    }
    PointObject *p = (PointObject *)self;
    return point_make(p->x * f, p->y * f);
}

static PyObject *
mod_add(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    PyObject *names[2] = {name_a, name_b};
    PyObject *slots[2];
    if (collect_two("add", args, nargs, kwnames, names, slots) < 0) {
        return NULL;
    }
    long long a = PyLong_AsLongLong(slots[0]);
    if (a == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long long b = PyLong_AsLongLong(slots[1]);
    if (b == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long long sum;
    if (__builtin_add_overflow(a, b, &sum)) {
        PyErr_SetString(PyExc_OverflowError, "add(): result does not fit in a 64-bit integer");
        return NULL;
    }
    return PyLong_FromLongLong(sum);
}

static PyGetSetDef point_getset[] = {
    {"x", get_x, set_x, "x coordinate", NULL},
    {"y", get_y, set_y, "y coordinate", NULL},
    {"swapped", get_swapped, NULL, "a new Point with x and y exchanged", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef point_methods[] = {
    {"norm", point_norm, METH_NOARGS, "Euclidean length."},
    {"dot", point_dot, METH_O, "Dot product with another Point."},
    {"scaled", point_scaled, METH_O, "A new Point scaled by f."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot point_slots[] = {
    {Py_tp_dealloc, point_dealloc},
    {Py_tp_new, point_new},
    {Py_tp_getset, point_getset},
    {Py_tp_methods, point_methods},
    {Py_tp_doc, "Point(x, y): a 2-D point (C twin)."},
    {0, NULL},
};

static PyType_Spec point_spec = {
    .name = "point_c.Point",
    .basicsize = sizeof(PointObject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = point_slots,
};

static PyMethodDef module_methods[] = {
    {"add", (PyCFunction)(void (*)(void))mod_add, METH_FASTCALL | METH_KEYWORDS, "a + b"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef point_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "point_c",
    .m_doc = "Hand-written C twin of the binding-overhead benchmark surface.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit_point_c(void)
{
    if ((name_x = PyUnicode_InternFromString("x")) == NULL ||
        (name_y = PyUnicode_InternFromString("y")) == NULL ||
        (name_a = PyUnicode_InternFromString("a")) == NULL ||
        (name_b = PyUnicode_InternFromString("b")) == NULL) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&point_module);
    if (m == NULL) {
        return NULL;
    }
    Point_Type = (PyTypeObject *)PyType_FromSpec(&point_spec);
    if (Point_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    /* No Py_tp_vectorcall slot before 3.14: set the field directly (not limited API). */
    Point_Type->tp_vectorcall = point_vectorcall;
    Py_INCREF(Point_Type);
    if (PyModule_AddObject(m, "Point", (PyObject *)Point_Type) < 0) {
        Py_DECREF(Point_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
