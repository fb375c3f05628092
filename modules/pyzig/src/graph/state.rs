//! What a Python `GraphView` owns: the engine's view and the objects `BoundNode.store` attached to
//! its nodes. Generic over the stored handle so that this part needs no interpreter to test.

use pyzig_graph::{GraphError, GraphView, NodeIx};

pub struct ViewState<P> {
    pub graph: GraphView,
    /// By node index; grown on first store, so views that store nothing pay nothing.
    stored: Vec<Option<P>>,
}

impl<P> ViewState<P> {
    pub fn new() -> Result<Self, GraphError> {
        Ok(Self::from_graph(GraphView::new()?))
    }

    pub fn from_graph(graph: GraphView) -> Self {
        ViewState { graph, stored: Vec::new() }
    }

    /// Attaches `p` to node `n`, returning what was there. The caller drops the old value only
    /// after releasing its borrow of the state: dropping a Python object may run arbitrary code.
    pub fn store(&mut self, n: NodeIx, p: P) -> Result<Option<P>, GraphError> {
        let i = n as usize;
        assert!(i < self.graph.node_count(), "store: node {n} is not in the view");
        if self.stored.len() <= i {
            self.stored.try_reserve(i + 1 - self.stored.len())?;
            self.stored.resize_with(i + 1, || None);
        }
        Ok(self.stored[i].replace(p))
    }

    pub fn load(&self, n: NodeIx) -> Option<&P> {
        self.stored.get(n as usize)?.as_ref()
    }

    /// Every stored object, for the garbage collector's traversal.
    pub fn stored(&self) -> impl Iterator<Item = &P> {
        self.stored.iter().flatten()
    }

    /// Removes every stored object (for the collector's clear), to be dropped by the caller after
    /// its borrow ends.
    pub fn take_stored(&mut self) -> Vec<Option<P>> {
        std::mem::take(&mut self.stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_load_replace_take() {
        let mut s = ViewState::<String>::new().unwrap();
        let n = s.graph.create_and_insert_node().unwrap();
        assert_eq!(s.load(n), None);
        assert_eq!(s.store(n, "a".into()).unwrap(), None);
        assert_eq!(s.store(n, "b".into()).unwrap().as_deref(), Some("a"));
        assert_eq!(s.load(n).map(String::as_str), Some("b"));
        assert_eq!(s.load(s.graph.self_node()), None);
        assert_eq!(s.stored().count(), 1);
        assert_eq!(s.take_stored().into_iter().flatten().count(), 1);
        assert_eq!(s.load(n), None);
    }
}
