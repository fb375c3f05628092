"""Records of the binding layer (``pyzig_testmod``): every field kind, the keyword constructor, repr/eq,
``__field_names__``/``__zig_address__`` and every bad-input case."""

from __future__ import annotations

import decimal
import enum
import fractions
import math

import pytest

import pyzig_testmod as m


def test_point_constructor_keyword_positional_defaults() -> None:
    assert (m.Point(x=1.0, y=2.0).x, m.Point(x=1.0, y=2.0).y) == (1.0, 2.0)
    assert m.Point(3.0, 4.0).y == 4.0
    assert (m.Point().x, m.Point().y) == (0.0, 0.0)
    assert m.Point(1.5, y=2).y == 2.0  # int accepted for a float field
    assert m.Point(**{"x": 1.0}).x == 1.0  # the tp_new (tuple/dict) path
    assert m.Point(*[5.0, 6.0]).y == 6.0


def test_constructor_errors_name_the_field() -> None:
    with pytest.raises(TypeError, match=r"Point\(\) got an unexpected keyword argument 'z'"):
        m.Point(z=1.0)
    with pytest.raises(TypeError, match=r"Point\(\) got an unexpected keyword argument 'z'"):
        m.Point(**{"z": 1.0})
    with pytest.raises(TypeError, match=r"Point\(\) takes at most 2 positional arguments \(3 given\)"):
        m.Point(1.0, 2.0, 3.0)
    with pytest.raises(TypeError, match=r"Point\(\) got multiple values for argument 'x'"):
        m.Point(1.0, x=2.0)
    with pytest.raises(TypeError, match=r"Point\.x must be float, not str"):
        m.Point(x="a")
    with pytest.raises(TypeError, match=r"Everything\(\) missing required argument 'name'"):
        m.Everything()


def test_repr_eq_field_names_address() -> None:
    p = m.Point(x=1.0, y=2.5)
    assert repr(p) == "Point(x=1.0, y=2.5)"
    assert p == m.Point(x=1.0, y=2.5)
    assert p != m.Point(x=1.0, y=2.0)
    assert (p == "Point(x=1.0, y=2.5)") is False
    assert m.Point.__field_names__() == ("x", "y")
    assert p.__zig_address__() == p.__zig_address__() > 0
    assert p.__zig_address__() != m.Point().__zig_address__()
    with pytest.raises(TypeError, match="unhashable"):
        hash(p)


def test_type_is_immutable_and_final() -> None:
    with pytest.raises(TypeError):
        m.Point.x = 3  # type: ignore[misc]
    with pytest.raises(TypeError):

        class Sub(m.Point):  # type: ignore[misc]
            pass


INT_FIELDS = [
    ("i8_", -(2**7), 2**7 - 1),
    ("u8_", 0, 2**8 - 1),
    ("i16_", -(2**15), 2**15 - 1),
    ("u16_", 0, 2**16 - 1),
    ("i32_", -(2**31), 2**31 - 1),
    ("u32_", 0, 2**32 - 1),
    ("i64_", -(2**63), 2**63 - 1),
    ("u64_", 0, 2**64 - 1),
]


@pytest.mark.parametrize(("field", "lo", "hi"), INT_FIELDS)
def test_int_fields_range_checked(field: str, lo: int, hi: int) -> None:
    e = m.Everything(name="e")
    for v in (lo, hi, 0, 1):
        setattr(e, field, v)
        assert getattr(e, field) == v
    for bad in (lo - 1, hi + 1, 2**100, -(2**100)):
        with pytest.raises(OverflowError, match=rf"Everything\.{field} = -?\d+ is out of range"):
            setattr(e, field, bad)
        assert getattr(e, field) == 1  # unchanged, never wrapped
    with pytest.raises(OverflowError):
        m.Everything(name="e", **{field: hi + 1})
    with pytest.raises(TypeError, match=rf"Everything\.{field} must be int, not float"):
        setattr(e, field, 1.0)
    with pytest.raises(TypeError, match=rf"Everything\.{field} must be int, not str"):
        setattr(e, field, "1")


class IntSub(int):
    pass


# Ints of one internal digit (magnitude below 2**30) are read from the int's own layout, larger ones
# through the C-API: values on both sides of that line, of each sign, and ints computed from big ones.
AROUND_ONE_DIGIT = [
    0, 1, -1, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**30 + 1, -(2**30 + 1),
    2**31 - 1, -(2**31), 2**31, 2**32 - 1, 2**32, 2**60, -(2**60), 2**63 - 1, -(2**63),
    (2**100 + 7) - 2**100, (-(2**100) - 7) + 2**100, int("-0"), int("1" * 9),
]


@pytest.mark.parametrize(("field", "lo", "hi"), INT_FIELDS)
def test_int_fields_exact_around_the_one_digit_boundary(field: str, lo: int, hi: int) -> None:
    e = m.Everything(name="e")
    for v in AROUND_ONE_DIGIT:
        for obj in (v, IntSub(v)):
            if lo <= v <= hi:
                setattr(e, field, obj)
                got = getattr(e, field)
                assert got == v and type(got) is int, (field, v)
            else:
                setattr(e, field, lo)
                with pytest.raises(OverflowError, match=rf"Everything\.{field} = {v} is out of range"):
                    setattr(e, field, obj)
                assert getattr(e, field) == lo, (field, v)
    # bool is an int subclass: True is 1, as in PyO3.
    setattr(e, field, True)
    assert getattr(e, field) == 1


class Index:
    """Stands for an int through __index__, as numpy's integers do; raises what it is given."""

    def __init__(self, result: object) -> None:
        self.result = result

    def __index__(self) -> int:
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result  # type: ignore[return-value]


@pytest.mark.parametrize(("field", "lo", "hi"), INT_FIELDS)
def test_int_fields_take_index_objects(field: str, lo: int, hi: int) -> None:
    # As PyO3: an object with __index__ converts to its int, range-checked like an int.
    e = m.Everything(name="e", **{field: Index(hi)})
    assert getattr(e, field) == hi and type(getattr(e, field)) is int
    setattr(e, field, Index(lo))
    assert getattr(e, field) == lo
    with pytest.raises(OverflowError, match=rf"Everything\.{field} = {hi + 1} is out of range"):
        setattr(e, field, Index(hi + 1))
    # An exception raised by __index__ reaches the caller, and the field keeps its value.
    with pytest.raises(ZeroDivisionError):
        setattr(e, field, Index(ZeroDivisionError()))
    with pytest.raises(TypeError, match="returned non-int"):
        setattr(e, field, Index(1.5))
    assert getattr(e, field) == lo


def test_float_bool_str_fields() -> None:
    e = m.Everything(name="e", f64_=1.25, f32_=0.5, flag=True)
    assert (e.f64_, e.f32_, e.flag, e.name) == (1.25, 0.5, True, "e")
    e.f64_ = 3
    assert e.f64_ == 3.0 and isinstance(e.f64_, float)
    e.f64_ = math.inf
    assert e.f64_ == math.inf
    with pytest.raises(OverflowError, match=r"Everything\.f32_ = 1e\+300 is out of range for f32"):
        e.f32_ = 1e300
    with pytest.raises(TypeError, match=r"Everything\.f64_ must be float, not str"):
        e.f64_ = "1"
    # What float() takes without parsing text, as PyFloat_AsDouble and PyO3 take it: __float__, __index__.
    e.f64_ = fractions.Fraction(1, 4)
    assert e.f64_ == 0.25 and isinstance(e.f64_, float)
    e.f32_ = decimal.Decimal("0.5")
    assert e.f32_ == 0.5

    class Bad:
        def __float__(self) -> float:
            raise ArithmeticError("no float for you")

    with pytest.raises(ArithmeticError, match="no float for you"):
        e.f64_ = Bad()  # type: ignore[assignment]
    with pytest.raises(TypeError, match=r"Everything\.f64_ must be float, not bytes"):
        e.f64_ = b"1"
    assert e.f64_ == 0.25
    with pytest.raises(TypeError, match=r"Everything\.flag must be bool, not int"):
        e.flag = 1
    e.name = "héllo ✓"
    assert e.name == "héllo ✓"
    with pytest.raises(TypeError, match=r"Everything\.name must be str, not bytes"):
        e.name = b"x"
    with pytest.raises(AttributeError, match=r"cannot delete Everything\.name"):
        del e.name


def test_enum_fields_are_real_enums() -> None:
    assert issubclass(m.Color, enum.Enum) and issubclass(m.Color, str)
    assert [c.name for c in m.Color] == ["Red", "Green", "Blue"]
    assert m.Color.Green.value == "green" and m.Color.Green == "green"
    e = m.Everything(name="e", color=m.Color.Blue)
    assert e.color is m.Color.Blue
    e.color = "green"  # by value
    assert e.color is m.Color.Green
    e.color = "Red"  # by name
    assert e.color is m.Color.Red
    with pytest.raises(ValueError, match=r"Everything\.color: 'purple' is not a valid Color; valid names: Red, Green, Blue"):
        e.color = "purple"
    with pytest.raises(TypeError, match=r"Everything\.color must be Color \(or its str value\), not int"):
        e.color = 3
    assert e.color is m.Color.Red
    assert m.pick("blue") is m.Color.Blue
    with pytest.raises(ValueError, match="valid names: Red, Green, Blue"):
        m.pick(color="nope")


def test_int_enumerations_are_int_enums() -> None:
    assert issubclass(m.Level, enum.IntEnum) and m.Level.__module__ == "pyzig_testmod"
    assert [(lv.name, lv.value) for lv in m.Level] == [("Below", -1), ("Off", 0), ("High", 2)]
    assert m.Level.High == 2 and m.Level(-1) is m.Level.Below
    assert m.pick_level(m.Level.High) == (m.Level.High, 2)
    assert m.pick_level(2)[0] is m.Level.High  # by value
    assert m.pick_level("Off") == (m.Level.Off, 0)  # by name
    with pytest.raises(ValueError, match=r"1 is not a valid Level; valid: Below=-1, Off=0, High=2"):
        m.pick_level(1)
    with pytest.raises(ValueError, match=r"'off' is not a member of Level; valid names: Below, Off, High"):
        m.pick_level("off")
    with pytest.raises(TypeError, match=r"Level \(or its int value\)"):
        m.pick_level(2.0)


def test_option_fields() -> None:
    e = m.Everything(name="e")
    assert e.maybe is None and e.maybe_inner is None
    e.maybe = 5
    assert e.maybe == 5
    e.maybe = None
    assert e.maybe is None
    with pytest.raises(TypeError, match=r"Everything\.maybe must be int, not str"):
        e.maybe = "5"
    e.maybe_inner = m.Inner(label="in", value=3)
    assert e.maybe_inner == m.Inner(label="in", value=3)
    e.maybe_inner.value = 4  # a view: writes into e
    assert e.maybe_inner.value == 4


def test_nested_record_is_a_view() -> None:
    e = m.Everything(name="e", inner=m.Inner(label="a", value=1))
    inner = e.inner
    inner.value = 7
    assert e.inner.value == 7
    e.inner.label = "b"
    assert inner.label == "b"
    with pytest.raises(TypeError, match=r"Everything\.inner must be Inner, not Point"):
        e.inner = m.Point()
    src = m.Inner(label="c", value=9)
    e.inner = src  # assignment copies
    src.value = 10
    assert e.inner.value == 9


def test_list_fields_scalars_records_enums_strings() -> None:
    e = m.Everything(name="e", numbers=[1, 2, 3], words=("a", "b"), colors=["red", m.Color.Blue])
    assert e.numbers == [1, 2, 3] and len(e.numbers) == 3
    assert list(e.words) == ["a", "b"]
    assert list(e.colors) == [m.Color.Red, m.Color.Blue]
    e.numbers.append(4)
    e.numbers.extend([5, 6])
    e.numbers.insert(0, 0)
    assert e.numbers == [0, 1, 2, 3, 4, 5, 6]
    assert e.numbers.pop() == 6 and e.numbers.pop(0) == 0
    e.numbers.remove(3)
    assert e.numbers == [1, 2, 4, 5] and e.numbers.index(4) == 2
    e.numbers[1] = 20
    del e.numbers[0]
    assert e.numbers[:] == [20, 4, 5] and e.numbers[-1] == 5 and e.numbers[::2] == [20, 5]
    e.numbers[0:2] = [7, 8, 9]
    assert e.numbers == [7, 8, 9, 5]
    del e.numbers[::2]
    assert e.numbers == [8, 5]
    e.numbers.clear()
    assert e.numbers == [] and repr(e.numbers) == "[]"
    with pytest.raises(IndexError):
        e.numbers[0]
    with pytest.raises(IndexError, match="pop from empty list"):
        e.numbers.pop()
    with pytest.raises(OverflowError, match="out of range for i64"):
        e.numbers.append(2**64)
    with pytest.raises(TypeError, match=r"Everything\.numbers\[1\] must be int, not str"):
        e.numbers = [1, "2"]
    with pytest.raises(TypeError, match=r"Everything\.numbers must be a sequence of int, not int"):
        e.numbers = 5
    with pytest.raises(TypeError, match=r"Everything\.words must be a sequence of str, not str"):
        e.words = "abc"
    with pytest.raises(ValueError, match="valid names"):
        e.colors.append("mauve")
    assert e.numbers == []  # failed assignments changed nothing
    e.items = [m.Inner(label="x", value=1)]
    e.items.append(m.Inner(label="y", value=2))
    assert [i.label for i in e.items] == ["x", "y"]
    assert e.total() == 3
    with pytest.raises(TypeError, match=r"append\(\) argument must be Inner, not int"):
        e.items.append(1)


def test_rejected_values_leave_record_unchanged() -> None:
    e = m.Everything(name="keep", u8_=7)
    for bad in (-1, 256, "x", None, 1.5):
        with pytest.raises((TypeError, OverflowError)):
            e.u8_ = bad
    assert e.u8_ == 7 and e.name == "keep"


def test_list_view_matches_python_list_semantics() -> None:
    """Differential check: the same random operations on a list field and on a Python list."""
    import random

    rng = random.Random(1234)
    e = m.Everything(name="d", numbers=[])
    model: list[int] = []
    for _ in range(3000):
        op = rng.randrange(9)
        i = rng.randrange(-8, 9)
        j = rng.randrange(-8, 9)
        step = rng.choice([None, 1, 2, -1, -2, 3])
        vals = [rng.randrange(100) for _ in range(rng.randrange(4))]
        for target in (model, e.numbers):
            try:
                if op == 0:
                    target.append(i)
                elif op == 1:
                    target.insert(i, j)
                elif op == 2:
                    r = target.pop(i) if target else None
                    if target is model:
                        expect = r
                    else:
                        assert r == expect
                elif op == 3:
                    del target[i:j:step]
                elif op == 4:
                    target[i:j] = vals
                elif op == 5:
                    target[i:j:step] = vals
                elif op == 6:
                    target[i] = j
                elif op == 7:
                    del target[i]
                else:
                    got = target[i:j:step]
                    if target is model:
                        expect = got
                    else:
                        assert got == expect
                err = None
            except (IndexError, ValueError) as exc:
                err = type(exc)
            if target is model:
                model_err = err
            else:
                assert err == model_err, (op, i, j, step, vals)
        assert e.numbers == model
        assert len(e.numbers) == len(model)


def test_hash_opt_in_and_own_derives() -> None:
    a, b = m.Key(name="x", weight=2.0), m.Key(name="x", weight=2.0)
    assert a == b and hash(a) == hash(b) and hash(a) == hash(("x", 2.0))
    assert {a: 1}[b] == 1 and len({a, b, m.Key(name="y")}) == 2
    with pytest.raises(TypeError, match="unhashable"):
        hash(m.Point())  # records are unhashable unless they opt in, as mutable values should be
    # derive = false: the user's PartialEq decides equality.
    assert m.Loose(id=1, note="a") == m.Loose(id=1, note="b")
    assert m.Loose(id=1) != m.Loose(id=2)
    assert repr(m.Loose(id=3, note="n")) == "Loose(id=3, note='n')"


def test_boxed_and_user_type_fields() -> None:
    b = m.Boxed(inner=m.Inner(label="a", value=1), length=2.5)
    assert b.inner == m.Inner(label="a", value=1) and b.maybe is None and b.length == 2.5
    view = b.inner
    view.value = 5  # a boxed record is a live view, like an unboxed one
    assert b.inner.value == 5
    b.inner = m.Inner(label="z", value=9)
    assert view.label == "z"  # the view follows the field, whatever box it now holds
    b.maybe = m.Inner(label="m")
    b.maybe.value = 3
    assert b.maybe == m.Inner(label="m", value=3)
    b.length = fractions.Fraction(3, 4)
    assert b.length == 0.75 and isinstance(b.length, float)
    with pytest.raises(ValueError, match=r"Boxed\.length must not be negative"):
        b.length = -1.0
    with pytest.raises(TypeError, match=r"Boxed\.inner must be Inner, not int"):
        b.inner = 3  # type: ignore[assignment]
    assert repr(b) == "Boxed(inner=Inner(label='z', value=9), maybe=Inner(label='m', value=3), length=0.75)"
    assert m.Boxed.__field_names__() == ("inner", "maybe", "length")
