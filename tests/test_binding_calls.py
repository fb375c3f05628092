"""Functions, methods, handle classes, errors and panics of the binding layer (``pyzig_testmod``)."""

from __future__ import annotations

import fractions
import gc
import os
import sys
import inspect
import types
import weakref

import pytest

import pyzig_testmod as m


def test_module_functions_positional_and_keyword() -> None:
    assert m.add(1, 2) == 3
    assert m.add(a=1, b=2) == 3
    assert m.add(1, b=2) == 3
    kw = {"a": 5, "b": 6}
    assert m.add(**kw) == 11  # keyword names that are not interned: string compare path
    assert m.neg(4) == -4
    assert m.nothing() is None
    assert m.greet("bob") == "hello bob!"
    assert m.greet(name="bob", punctuation="?") == "hello bob?"
    assert m.maybe_len() is None and m.maybe_len("abc") == 3 and m.maybe_len(s=None) is None
    assert m.sum_list([1, 2, 3]) == 6 and m.sum_list((4,)) == 4


def test_argument_errors() -> None:
    with pytest.raises(TypeError, match=r"add\(\) missing required argument 'b'"):
        m.add(1)
    with pytest.raises(TypeError, match=r"add\(\) got an unexpected keyword argument 'c'"):
        m.add(1, 2, c=3)
    with pytest.raises(TypeError, match=r"add\(\) takes at most 2 positional arguments \(3 given\)"):
        m.add(1, 2, 3)
    with pytest.raises(TypeError, match=r"add\(\) got multiple values for argument 'a'"):
        m.add(1, a=2)
    with pytest.raises(TypeError, match=r"add\(\) argument 'a' must be int, not str"):
        m.add("1", 2)
    with pytest.raises(TypeError, match=r"neg\(\) argument 'a' must be int, not float"):
        m.neg(1.0)
    with pytest.raises(TypeError):
        m.neg(a=1)  # METH_O: positional-only
    with pytest.raises(OverflowError, match=r"small\(\) argument 'v' = 256 is out of range for u8 \(0\.\.=255\)"):
        m.small(256)
    with pytest.raises(OverflowError, match="out of range for u8"):
        m.small(-1)
    with pytest.raises(TypeError, match=r"sum_list\(\) argument 'values'\[1\] must be int, not str"):
        m.sum_list([1, "x"])
    with pytest.raises(TypeError, match=r"greet\(\) argument 'name' must be str, not NoneType"):
        m.greet(None)


def test_text_signatures() -> None:
    assert str(inspect.signature(m.add)) == "(a, b)"
    assert str(inspect.signature(m.greet)) == "(name, punctuation=Ellipsis)"
    assert str(inspect.signature(m.neg)) == "(a, /)"
    assert str(inspect.signature(m.Point)) == "(x=Ellipsis, y=Ellipsis)"
    assert str(inspect.signature(m.Point.moved)) == "(self, /, dx=Ellipsis, dy=Ellipsis)"
    assert m.add.__doc__.strip() == "Adds two ints."


def test_record_methods_static_and_getter() -> None:
    p = m.Point(x=3.0, y=4.0)
    assert p.norm() == 5.0
    assert p.scaled(2.0) == m.Point(x=6.0, y=8.0)
    assert p.moved(dy=1.0) == m.Point(x=3.0, y=5.0)
    assert p.moved(1.0, 1.0) == m.Point(x=4.0, y=5.0)
    assert p.swapped == m.Point(x=4.0, y=3.0)
    assert m.Point.origin() == m.Point()
    p.shift(1.0)
    assert p.x == 4.0
    with pytest.raises(TypeError, match=r"scaled\(\) argument 'factor' must be float, not str"):
        p.scaled("2")
    assert p.scaled(fractions.Fraction(1, 2)) == m.Point(x=2.0, y=2.0)  # __float__, as PyO3 accepts
    with pytest.raises(AttributeError):
        p.swapped = m.Point()  # type: ignore[misc]


def test_positional_methods_of_several_parameters_refuse_keywords() -> None:
    p = m.Point(x=1.0, y=2.0)
    assert p.translated(1.0, 1.0) == m.Point(x=2.0, y=3.0)
    with pytest.raises(TypeError, match="takes no keyword arguments"):
        p.translated(1.0, dy=1.0)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"translated\(\) missing required argument 'dy'"):
        p.translated(1.0)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"translated\(\) takes at most 2 positional arguments \(3 given\)"):
        p.translated(1.0, 2.0, 3.0)  # type: ignore[call-arg]
    p.grow(2.0)
    assert p == m.Point(x=2.0, y=2.0)
    p.grow(1.0, 3.0)
    assert p == m.Point(x=2.0, y=6.0)
    assert m.Point.between(m.Point(x=0.0, y=0.0), p) == m.Point(x=1.0, y=3.0)
    with pytest.raises(TypeError, match="takes no keyword arguments"):
        m.Point.between(a=p, b=p)  # type: ignore[call-arg]
    assert m.sub(5, 3) == 2
    with pytest.raises(TypeError, match="takes no keyword arguments"):
        m.sub(5, b=3)  # type: ignore[call-arg]
    assert str(inspect.signature(m.sub)) == "(a, b, /)"
    assert str(inspect.signature(m.Point.translated)) == "(self, dx, dy, /)"


def test_constructible_class_with_new() -> None:
    c = m.Counter(start=10, step=5)
    assert c.tick() == 15 and c.count == 15
    assert m.Counter().tick() == 1
    with pytest.raises(ValueError, match="step must not be 0"):
        m.Counter(step=0)
    with pytest.raises(TypeError, match=r"Counter\(\) argument 'start' must be int, not str"):
        m.Counter(start="1")


def test_class_setters() -> None:
    c = m.Counter(start=1)
    c.count = 41
    assert c.tick() == 42
    c.step = -2
    assert c.tick() == 40 and c.step == -2
    with pytest.raises(ValueError, match="step must not be 0"):
        c.step = 0
    assert c.step == -2
    with pytest.raises(TypeError, match=r"Counter\.count must be int, not str"):
        c.count = "1"  # type: ignore[assignment]
    with pytest.raises(AttributeError, match=r"cannot delete Counter\.count"):
        del c.count
    assert c.count == 40
    assert isinstance(type(c).__dict__["count"], types.GetSetDescriptorType)


def test_handle_not_constructible_names_factory() -> None:
    with pytest.raises(TypeError, match=r"cannot create 'Bag' instances directly; use Bag\.create\(\)"):
        m.Bag()
    with pytest.raises(TypeError, match=r"cannot create 'Tag' instances directly"):
        m.Tag()
    b = m.Bag.create(name="b")
    assert b.name == "b" and m.Bag.create().name == "bag"


def test_handle_methods_and_callbacks() -> None:
    b = m.Bag.create()
    b.put(1)
    b.put("two")
    assert b.__len__() == 2 and b.get(1) == "two" and b.get(index=0) == 1
    with pytest.raises(IndexError, match="no item 5"):
        b.get(5)
    assert b.map(lambda o: o * 2) == [2, "twotwo"]
    with pytest.raises(ZeroDivisionError):
        b.map(lambda o: 1 / 0)  # the callback's exception propagates unchanged
    with pytest.raises(TypeError, match=r"map\(\) missing required argument 'callback'"):
        b.map()


def test_reentrant_mutation_raises_instead_of_aliasing() -> None:
    b = m.Bag.create()

    def cb(bag: m.Bag) -> int:
        with pytest.raises(RuntimeError, match="re-entrant"):
            bag.put(3)
        with pytest.raises(RuntimeError, match="re-entrant"):
            bag.get(0)
        return 7

    assert b.visit_mut(cb) == 7
    b.put(1)  # released after the call
    assert b.__len__() == 1


def test_wrapper_holds_strong_reference_to_owner() -> None:
    b = m.Bag.create(name="owner")
    t = b.tag("t")
    ref = weakref.ref(b) if hasattr(b, "__weakref__") else None
    del b
    gc.collect()
    assert t.bag_name() == "owner" and t.label == "t"
    assert ref is None  # handles are not weak-referenceable; the strong ref is what keeps the bag


def test_gc_collects_cycles_through_stored_objects() -> None:
    class Payload:
        pass

    b = m.Bag.create()
    p = Payload()
    p.bag = b  # cycle: bag -> payload -> bag
    b.put(p)
    alive = weakref.ref(p)
    del b, p
    gc.collect()
    assert alive() is None

    b2 = m.Bag.create()
    t = b2.tag("x")
    b2.put(t)  # cycle: bag -> tag -> bag
    b2.put(b2)  # self cycle
    witness = Payload()
    b2.put(witness)
    alive2 = weakref.ref(witness)
    del b2, t, witness
    gc.collect()
    assert alive2() is None
    assert gc.is_tracked(m.Bag.create())
    assert not gc.is_tracked(m.Point())  # records are not GC types


def test_custom_exception_classes() -> None:
    assert issubclass(m.TestError, ValueError)
    assert m.TestError.__module__ == "pyzig_testmod"
    with pytest.raises(m.TestError, match="went wrong"):
        m.fail("went wrong")


def test_panic_becomes_exception_with_message() -> None:
    assert issubclass(m.PanicException, RuntimeError)
    with pytest.raises(m.PanicException, match="Rust panic: kaboom"):
        m.boom("kaboom")
    assert m.add(1, 1) == 2  # the interpreter is fine afterwards


def test_registry_wraps_native_values() -> None:
    p = m.registry_point(2.5)
    assert type(p) is m.Point and p == m.Point(x=2.5, y=0.0)
    with pytest.raises(TypeError, match="no Python type is registered for the Rust type core::time::Duration"):
        m.registry_unknown()


def test_module_metadata_and_stubs() -> None:
    assert m.Point.__module__ == "pyzig_testmod" and m.Point.__qualname__ == "Point"
    assert m.Color.__module__ == "pyzig_testmod"
    stubs = m._stubs()
    assert list(stubs) == ["pyzig_testmod.pyi"]
    text = stubs["pyzig_testmod.pyi"]
    assert "def add(a: int, b: int) -> int:" in text
    assert "def neg(a: int, /) -> int: ..." in text
    assert "def __new__(cls, x: float = ..., y: float = ...) -> Point: ..." in text
    assert "def u8_(self) -> int: ..." in text
    assert "class TestError(ValueError):" in text
    assert "def _stubs() -> dict[str, str]:" in text
    assert m._stubs() == stubs  # deterministic


@pytest.mark.skipif(sys.version_info < (3, 12), reason="Py_mod_multiple_interpreters exists from 3.12")
def test_subinterpreters_are_refused_not_misbehaving() -> None:
    path = os.path.dirname(m.__file__)
    code = f"import sys; sys.path.insert(0, {path!r}); import pyzig_testmod"
    if sys.version_info >= (3, 13):
        import _interpreters as interp

        iid = interp.create()
        try:
            err = interp.run_string(iid, code)
        finally:
            interp.destroy(iid)
        assert err is not None and err.type.__name__ == "ImportError"
        assert "does not support loading in subinterpreters" in err.msg
    else:
        import _xxsubinterpreters as interp

        iid = interp.create()
        try:
            with pytest.raises(interp.RunFailedError, match="does not support loading in subinterpreters"):
                interp.run_string(iid, code)
        finally:
            interp.destroy(iid)


def test_crate_doc_example_works() -> None:
    """The worked example of the crate docs is compiled into the test module as `PyInit_mymod`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("mymod", m.__file__)
    mymod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mymod)
    p = mymod.Point(x=3.0, y=4.0)
    assert p.norm() == 5.0 and p.scaled(2.0).x == 6.0 and p.moved(dy=1.0).y == 5.0 and p.swapped.x == 4.0
    g = mymod.GraphView.create()
    assert g.add("payload") == 0
    node = g.node(0)
    assert node.payload() == "payload"
    seen: list[object] = []
    g.each(seen.append)
    assert seen == ["payload"]
    with pytest.raises(TypeError, match=r"use GraphView\.create\(\)"):
        mymod.GraphView()
    with pytest.raises(mymod.MyError, match="no such node"):
        g.node(5).payload()
    g.destroy()
    with pytest.raises(ReferenceError, match="released"):
        node.payload()
    assert mymod.add(2) == 2 and mymod.neg(3) == -3 and mymod.Color.Green.value == "green"
    assert "mymod.pyi" in mymod._stubs()


def test_extra_keywords_parameter() -> None:
    assert m.collect(1, z=3, a=4, second=2) == [("first", 1), ("second", 2), ("z", 3), ("a", 4)]
    assert m.collect(first=1) == [("first", 1), ("second", 0)]
    # Every keyword names a parameter (none left for **rest), and one is left among named ones.
    assert m.collect(second=2, first=1) == [("first", 1), ("second", 2)]
    assert m.collect(1, second=2) == [("first", 1), ("second", 2)]
    assert m.collect(1, q=7, second=2) == [("first", 1), ("second", 2), ("q", 7)]
    assert m.collect(**{"first": 1, "x": 9}) == [("first", 1), ("second", 0), ("x", 9)]
    assert m.collect(1, rest=5) == [("first", 1), ("second", 0), ("rest", 5)]  # like Python's **rest
    with pytest.raises(TypeError, match=r"collect\(\) takes at most 2 positional arguments \(3 given\)"):
        m.collect(1, 2, 3)
    with pytest.raises(TypeError, match=r"collect\(\) missing required argument 'first'"):
        m.collect(x=1)
    with pytest.raises(TypeError, match=r"collect\(\) got multiple values for argument 'first'"):
        m.collect(1, first=2)
    assert str(inspect.signature(m.collect)) == "(first, second=Ellipsis, **rest)"
    b = m.Bag.create(name="kw", x=1, y="two")
    assert (b.name, len(b), b.get(1)) == ("kw", 2, "two")
    assert len(m.Bag.create()) == 0


def test_special_methods_of_classes() -> None:
    b = m.Bag.create()
    t1, t2, t3 = b.tag("x"), b.tag("x"), b.tag("y")
    assert t1 == t2 and not (t1 != t2) and t1 != t3
    assert (t1 == 5) is False and (t1 != "x") is True  # other types compare as NotImplemented
    assert hash(t1) == hash(t2) and len({t1, t2, t3}) == 2
    assert repr(t1) == 'Tag("x")'
    with pytest.raises(TypeError):
        t1 < t2  # noqa: B015 — ordering is not defined
    b.put(1)
    assert len(b) == 1 and bool(b)
