"""Ownership in the binding layer (``pyzig_testmod``): views keep their owner alive, and no sequence of
operations reaches freed memory — removed elements, replaced fields and released owners raise
``ReferenceError`` (or stay valid), never crash."""

from __future__ import annotations

import gc

import pytest

import pyzig_testmod as m


def make() -> m.Everything:
    return m.Everything(
        name="root",
        inner=m.Inner(label="in", value=1),
        items=[m.Inner(label=f"i{k}", value=k) for k in range(4)],
        numbers=[10, 20, 30],
    )


def test_view_keeps_owner_alive() -> None:
    inner = make().inner  # the owner has no other reference
    gc.collect()
    assert inner.label == "in"
    item = make().items[2]
    gc.collect()
    assert item == m.Inner(label="i2", value=2)
    lst = make().items
    gc.collect()
    assert len(lst) == 4


def test_popped_element_view_raises_and_pop_returns_owner() -> None:
    e = make()
    first, last = e.items[0], e.items[3]
    popped = e.items.pop(0)
    assert popped == m.Inner(label="i0", value=0)
    popped.value = 99  # an independent owner now
    assert [i.value for i in e.items] == [1, 2, 3]
    for view in (first, last):
        with pytest.raises(ReferenceError, match="no longer exists in its owner"):
            view.value
        with pytest.raises(ReferenceError):
            view.value = 1
        with pytest.raises(ReferenceError):
            repr(view)
    assert popped.value == 99
    fresh = e.items[0]
    assert fresh.label == "i1"


@pytest.mark.parametrize(
    "op",
    [
        lambda e: e.items.remove(m.Inner(label="i1", value=1)),
        lambda e: e.items.clear(),
        lambda e: e.items.__delitem__(slice(0, 2)),
        lambda e: e.items.__setitem__(slice(0, 4), []),
        lambda e: e.items.__setitem__(1, m.Inner()),
        lambda e: e.items.insert(0, m.Inner()),
        lambda e: setattr(e, "items", []),
        lambda e: e.items.pop(),
    ],
    ids=["remove", "clear", "del-slice", "slice-assign", "item-assign", "insert", "field-assign", "pop"],
)
def test_every_removal_makes_old_element_views_raise(op) -> None:
    e = make()
    views = [e.items[k] for k in range(4)]
    deep = e.items[3]
    op(e)
    gc.collect()
    for v in [*views, deep]:
        with pytest.raises(ReferenceError):
            v.label
    # The owner and the list view itself stay usable.
    assert e.name == "root"
    assert isinstance(len(e.items), int)


def test_append_keeps_element_views_valid_across_reallocation() -> None:
    e = make()
    v = e.items[1]
    lst = e.items
    for k in range(1000):  # forces the Vec to reallocate several times
        lst.append(m.Inner(label="x", value=k))
    assert v.label == "i1"
    v.value = 42
    assert e.items[1].value == 42


def test_reassigned_nested_field_view_follows_the_field() -> None:
    e = make()
    view = e.inner
    e.inner = m.Inner(label="new", value=5)
    assert view.label == "new"  # a view of the field, not of the old value: still valid
    e.maybe_inner = m.Inner(label="opt", value=1)
    opt = e.maybe_inner
    e.maybe_inner = None
    with pytest.raises(ReferenceError):
        opt.label
    e.maybe_inner = m.Inner(label="back", value=2)
    assert opt.label == "back"


def test_list_view_of_reassigned_field() -> None:
    e = make()
    lst = e.items
    e.items = [m.Inner(label="z", value=0)]
    assert len(lst) == 1 and lst[0].label == "z"


def test_explicit_release() -> None:
    e = make()
    inner, item, lst, nums = e.inner, e.items[1], e.items, e.numbers
    e.free()
    for op in (
        lambda: e.name,
        lambda: e.total(),
        lambda: inner.value,
        lambda: item.label,
        lambda: len(lst),
        lambda: lst[0],
        lambda: nums.append(1),
        lambda: repr(e),
        lambda: e.__zig_address__(),
    ):
        with pytest.raises(ReferenceError, match="released"):
            op()
    with pytest.raises(ReferenceError):
        e.name = "x"
    e.free()  # a second release is a no-op, never a double free
    owner = make()
    with pytest.raises(TypeError, match="is a view into another object; release its owner instead"):
        owner.inner.free()
    with pytest.raises(TypeError, match="doesn't apply to"):
        m.Everything.free(owner.items)  # wrong self type is caught by CPython
    standalone = m.Inner(label="s")
    standalone.free()
    with pytest.raises(ReferenceError, match="this Inner was released"):
        standalone.label
    del e, inner, item, lst, nums
    gc.collect()


def test_handle_release_reaches_every_holder() -> None:
    b = m.Bag.create(name="gone")
    t = b.tag("t")
    b.destroy()
    with pytest.raises(ReferenceError, match="released"):
        b.get(0)
    with pytest.raises(ReferenceError, match="released"):
        t.bag_name()
    assert t.label == "t"
    b.destroy()


def test_release_while_in_use_is_refused() -> None:
    b = m.Bag.create()

    def cb(bag: m.Bag) -> None:
        with pytest.raises(RuntimeError, match="while it is in use"):
            bag.destroy()

    b.visit_mut(cb)
    assert b.__len__() == 0


def test_view_equality_and_copy_out() -> None:
    e = make()
    assert e.items[0] == m.Inner(label="i0", value=0)
    assert e.items == [m.Inner(label=f"i{k}", value=k) for k in range(4)]
    copies = e.items[:]  # slices are detached copies
    e.items.clear()
    assert copies[0].label == "i0"
    other = m.Everything(name="o")
    other.items = copies
    other.inner = e.inner  # copy from a view
    assert other.inner == m.Inner(label="in", value=1)


def test_self_assignment_from_own_view() -> None:
    e = make()
    e.inner = e.inner
    e.items = e.items
    e.items.append(e.items[0])
    e.items.extend(e.items)
    assert len(e.items) == 10 and e.items[4] == e.items[0]


def test_views_refused_while_their_owner_is_being_modified() -> None:
    # A slice deletion holds the owner exclusively while CPython asks the slice bounds for __index__:
    # every access through a view of that owner made from there is refused (before its path into the
    # owner's data is walked), and the deletion then completes.
    e = m.Everything(name="e", items=[m.Inner(label="a", value=1), m.Inner(label="b", value=2)], numbers=[1, 2, 3])
    items, numbers, first, inner = e.items, e.numbers, e.items[0], e.inner
    seen = []

    class Bound:
        def __index__(self) -> int:
            for touch in (
                lambda: len(numbers),
                lambda: numbers[0],
                lambda: items[1].label,
                lambda: first.value,
                lambda: inner.value,
            ):
                with pytest.raises(RuntimeError, match="re-entrant"):
                    touch()
            with pytest.raises(RuntimeError, match="re-entrant"):
                first.value = 5
            with pytest.raises(RuntimeError, match="re-entrant"):
                numbers.append(4)
            seen.append("ok")
            return 1

    del numbers[Bound():]
    assert seen == ["ok"]
    assert list(e.numbers) == [1] and len(numbers) == 1
    # Afterwards every view works again (the element view is stale: a list under the owner shrank).
    assert items[1].label == "b" and inner.value == 0
    with pytest.raises(ReferenceError):
        first.value
