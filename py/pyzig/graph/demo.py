"""A short tour of ``pyzig.graph`` (run by ``make``): ``python -m pyzig.graph.demo``."""

from __future__ import annotations

from pyzig.graph import EdgeReference, GraphView, NodeReference

COMPOSITION, CONNECTION = 1, 2  # edge types are small integers (0–255) chosen by the user


def main() -> None:
    g = GraphView.create()
    board = g.insert_node(node=NodeReference.create(name="board"))
    mcu = g.insert_node(node=NodeReference.create(name="mcu", pins=48))
    led = g.insert_node(node=NodeReference.create(name="led", forward_voltage=2.1))
    for child in (mcu, led):
        g.insert_edge(edge=EdgeReference.create(source=board.node(), target=child.node(),
                                                edge_type=COMPOSITION, directional=True))
    g.insert_edge(edge=EdgeReference.create(source=mcu.node(), target=led.node(),
                                            edge_type=CONNECTION, name="PA5"))
    print(f"graph: {g.get_node_count()} nodes (the view's self node included), {g.get_edge_count()} edges")
    print(f"led attributes: {led.node().get_dynamic_attrs()}")

    names = [p.get_end_node().node().get_attr(key="name") for p in g.bfs(start=board, edge_types=[COMPOSITION])]
    print(f"reachable from board over composition edges: {names}")

    seen: list[str] = []
    mcu.visit_edges_of_type(edge_type=CONNECTION, ctx=seen,
                            f=lambda acc, e: acc.append(str(e.edge().name())))
    print(f"mcu connections: {seen}")

    g.destroy()
    try:
        g.get_node_count()
    except Exception as e:  # every wrapper of a destroyed view raises; none crashes
        print(f"after destroy(): {type(e).__name__}: {e}")


if __name__ == "__main__":
    main()
