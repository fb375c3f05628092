"""pyzig.graph: a graph of typed edges and dynamic attributes, held natively.

``NodeReference`` and ``EdgeReference`` exist on their own; a ``GraphView`` holds any number of them
(the same node may be in several views). ``BoundNode``/``BoundEdge`` are a node/edge seen through
one view; ``GraphView.bfs`` returns ``BFSPath`` objects. As in rustworkx, nodes can also be named by
integers: ``GraphView.add_node()`` returns a node's index in that view (0 for the first node added, as in
rustworkx; the view's self node has none), ``add_edge(a, b, edge_type)`` and ``node_at(i)`` take such
indices and ``BoundNode.index()`` gives one (only meaningful in its view).
``GraphView.destroy()`` frees a view at once; afterwards everything that reaches it raises
``ReferenceError``. The classes live in the native module
``pyzig._pyzig``; ``python -m pyzig.graph --n N`` runs the allocation/cleanup stress.
"""

from pyzig._pyzig import BFSPath, BoundEdge, BoundNode, EdgeReference, GraphView, NodeReference

__all__ = ["BFSPath", "BoundEdge", "BoundNode", "EdgeReference", "GraphView", "NodeReference"]
