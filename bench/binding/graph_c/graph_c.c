/* graph_c: hand-written C twins of the two reference-API calls a graph is built with, the limit
 * `pyzig.graph` is measured against on them (bench/graph/calls.py):
 *   Edge(source=, target=, edge_type=)   a tp_vectorcall constructor taking three keywords (or
 *                                        positions), keeping both endpoints and the type, as
 *                                        EdgeReference.create(source=, target=, edge_type=) does;
 *   Sink().insert(edge=)                 a METH_FASTCALL|METH_KEYWORDS method taking one keyword,
 *                                        checking its type and returning a new GC-tracked handle
 *                                        (the sink and an index), as GraphView.insert_edge(edge=)
 *                                        returns a BoundEdge.
 * Keyword names are matched by pointer first, then by value, as in point_c. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *source;
    PyObject *target;
    long edge_type;
} EdgeObject;

typedef struct {
    PyObject_HEAD
    Py_ssize_t count;
} SinkObject;

typedef struct {
    PyObject_HEAD
    PyObject *sink;
    Py_ssize_t index;
} HandleObject;

static PyTypeObject *Edge_Type, *Sink_Type, *Handle_Type;
static PyObject *name_source, *name_target, *name_edge_type, *name_edge;

/* Places the arguments of a vectorcall into slots[0..n] by the n names; every one is required. */
static int
collect(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int n,
        PyObject *const *names, PyObject **slots)
{
    if (nargs > n) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d positional arguments (%zd given)", fname, n,
                     nargs);
        return -1;
    }
    for (int j = 0; j < n; j++) {
        slots[j] = j < nargs ? args[j] : NULL;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int idx = -1;
        for (int j = 0; idx < 0 && j < n; j++) {
            if (key == names[j]) {
                idx = j;
            }
        }
        for (int j = 0; idx < 0 && j < n; j++) {
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
    for (int j = 0; j < n; j++) {
        if (slots[j] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%U'", fname, names[j]);
            return -1;
        }
    }
    return 0;
}

static PyObject *
edge_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    (void)type;
    PyObject *names[3] = {name_source, name_target, name_edge_type};
    PyObject *slots[3];
    if (collect("Edge", args, PyVectorcall_NARGS(nargsf), kwnames, 3, names, slots) < 0) {
        return NULL;
    }
    long t = PyLong_AsLong(slots[2]);
    if (t == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (t < 0 || t > 255) {
        PyErr_SetString(PyExc_OverflowError, "edge_type must be in 0..255");
        return NULL;
    }
    EdgeObject *e = PyObject_New(EdgeObject, Edge_Type);
    if (e == NULL) {
        return NULL;
    }
    e->source = Py_NewRef(slots[0]);
    e->target = Py_NewRef(slots[1]);
    e->edge_type = t;
    return (PyObject *)e;
}

static PyObject *
edge_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "target", "edge_type", NULL};
    PyObject *s, *t, *et;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOO", kwlist, &s, &t, &et)) {
        return NULL;
    }
    PyObject *a[3] = {s, t, et};
    return edge_vectorcall((PyObject *)type, a, 3, NULL);
}

static void
edge_dealloc(PyObject *self)
{
    EdgeObject *e = (EdgeObject *)self;
    PyTypeObject *tp = Py_TYPE(self);
    Py_DECREF(e->source);
    Py_DECREF(e->target);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *
sink_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)args;
    (void)kwds;
    SinkObject *s = PyObject_New(SinkObject, type);
    if (s != NULL) {
        s->count = 0;
    }
    return (PyObject *)s;
}

static void
plain_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *
sink_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *names[1] = {name_edge};
    PyObject *slots[1];
    if (collect("insert", args, nargs, kwnames, 1, names, slots) < 0) {
        return NULL;
    }
    if (Py_TYPE(slots[0]) != Edge_Type) {
        PyErr_Format(PyExc_TypeError, "insert(): 'edge' must be Edge, not %.200s", Py_TYPE(slots[0])->tp_name);
        return NULL;
    }
    HandleObject *h = PyObject_GC_New(HandleObject, Handle_Type);
    if (h == NULL) {
        return NULL;
    }
    SinkObject *s = (SinkObject *)self;
    h->sink = Py_NewRef(self);
    h->index = s->count++;
    PyObject_GC_Track(h);
    return (PyObject *)h;
}

static int
handle_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((HandleObject *)self)->sink);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int
handle_clear(PyObject *self)
{
    Py_CLEAR(((HandleObject *)self)->sink);
    return 0;
}

static void
handle_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    handle_clear(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *
edge_type_get(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromLong(((EdgeObject *)self)->edge_type);
}

static PyObject *
handle_index_get(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromSsize_t(((HandleObject *)self)->index);
}

static PyGetSetDef edge_getset[] = {{"edge_type", edge_type_get, NULL, NULL, NULL}, {NULL}};
static PyGetSetDef handle_getset[] = {{"index", handle_index_get, NULL, NULL, NULL}, {NULL}};
static PyMethodDef sink_methods[] = {
    {"insert", (PyCFunction)(void (*)(void))sink_insert, METH_FASTCALL | METH_KEYWORDS, "Takes edge=."},
    {NULL},
};

static PyType_Slot edge_slots[] = {
    {Py_tp_new, edge_new}, {Py_tp_dealloc, edge_dealloc}, {Py_tp_getset, edge_getset}, {0, NULL}};
static PyType_Slot sink_slots[] = {
    {Py_tp_new, sink_new}, {Py_tp_dealloc, plain_dealloc}, {Py_tp_methods, sink_methods}, {0, NULL}};
static PyType_Slot handle_slots[] = {{Py_tp_dealloc, handle_dealloc}, {Py_tp_traverse, handle_traverse},
                                     {Py_tp_clear, handle_clear},     {Py_tp_getset, handle_getset},
                                     {0, NULL}};

static PyType_Spec edge_spec = {"graph_c.Edge", sizeof(EdgeObject), 0,
                                Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE, edge_slots};
static PyType_Spec sink_spec = {"graph_c.Sink", sizeof(SinkObject), 0,
                                Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE, sink_slots};
static PyType_Spec handle_spec = {"graph_c.Handle", sizeof(HandleObject), 0,
                                  Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_HAVE_GC,
                                  handle_slots};

static struct PyModuleDef graph_module = {
    PyModuleDef_HEAD_INIT, "graph_c", "C twins of the reference graph API's build calls.", -1, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_graph_c(void)
{
    name_source = PyUnicode_InternFromString("source");
    name_target = PyUnicode_InternFromString("target");
    name_edge_type = PyUnicode_InternFromString("edge_type");
    name_edge = PyUnicode_InternFromString("edge");
    if (!name_source || !name_target || !name_edge_type || !name_edge) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&graph_module);
    if (m == NULL) {
        return NULL;
    }
    Edge_Type = (PyTypeObject *)PyType_FromSpec(&edge_spec);
    Sink_Type = (PyTypeObject *)PyType_FromSpec(&sink_spec);
    Handle_Type = (PyTypeObject *)PyType_FromSpec(&handle_spec);
    if (!Edge_Type || !Sink_Type || !Handle_Type) {
        return NULL;
    }
    /* No Py_tp_vectorcall slot before 3.14: set the field directly (not limited API). */
    Edge_Type->tp_vectorcall = edge_vectorcall;
    if (PyModule_AddObjectRef(m, "Edge", (PyObject *)Edge_Type) < 0 ||
        PyModule_AddObjectRef(m, "Sink", (PyObject *)Sink_Type) < 0) {
        return NULL;
    }
    return m;
}
