"""The bounded record of created calls."""

from __future__ import annotations

import pytest

from mock_server import CallStore, StoredCall


def call(n: int, size: int = 10) -> StoredCall:
    return StoredCall(f"id{n}", "makeThing", "/v1/things", b"x" * size)


def test_oldest_calls_are_forgotten_beyond_max_calls() -> None:
    store = CallStore(max_calls=3)
    for n in range(5):
        store.add(call(n))
    assert len(store) == 3
    assert "id0" not in store
    assert "id1" not in store
    assert [store.get(f"id{n}") for n in (2, 3, 4)] == [call(2), call(3), call(4)]


def test_oldest_calls_are_forgotten_beyond_max_bytes() -> None:
    store = CallStore(max_calls=100, max_bytes=25)
    for n in range(3):
        store.add(call(n))
    assert "id0" not in store
    assert len(store) == 2


def test_clear_empties_the_store() -> None:
    store = CallStore()
    store.add(call(1))
    store.clear()
    assert len(store) == 0


@pytest.mark.parametrize(("max_calls", "max_bytes"), [(0, 1), (1, 0)])
def test_bounds_must_be_positive(max_calls: int, max_bytes: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        CallStore(max_calls=max_calls, max_bytes=max_bytes)
