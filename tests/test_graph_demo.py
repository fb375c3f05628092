"""The tour `make` prints (`python -m pyzig.graph.demo`) runs and says what the graph holds."""

import pytest

from pyzig.graph import demo


def test_demo_tour(capsys: pytest.CaptureFixture[str]) -> None:
    demo.main()
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "graph: 4 nodes (the view's self node included), 3 edges"
    assert out[1] == "led attributes: {'forward_voltage': 2.1, 'name': 'led'}"
    assert out[2] == "reachable from board over composition edges: ['board', 'led', 'mcu']"
    assert out[3] == "mcu connections: ['PA5']"
    assert out[4].startswith("after destroy(): ReferenceError: ")
