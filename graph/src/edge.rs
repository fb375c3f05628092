//! Edges: typed, optionally directional links between two nodes, immutable once created.

use std::sync::Arc;

use crate::alloc::try_arc;
use crate::attrs::{Attrs, Value};
use crate::error::GraphError;
use crate::hint::Hint;
use crate::node::NodeRef;
use crate::uuid::next_uuid;

/// Edge types are 0..=255, so a set of them is a 256-bit mask.
pub type EdgeType = u8;

/// A standalone, immutable edge: what a Python `EdgeReference` holds. Views do not keep these: they
/// copy the few fixed fields into their own compact records (sharing name and attributes), and make
/// a new `EdgeRef` with the same uuid when asked for one. Identity is the uuid.
pub type EdgeRef = Arc<EdgeData>;

#[derive(Debug)]
pub struct EdgeData {
    uuid: u64,
    pub(crate) hint: Hint,
    source: NodeRef,
    target: NodeRef,
    extra: Option<Arc<EdgeExtra>>,
    edge_type: EdgeType,
    directional: Option<bool>,
}

/// The optional, variable-size part of an edge, shared by every copy of the edge.
#[derive(Debug)]
pub struct EdgeExtra {
    name: Option<Box<str>>,
    attrs: Attrs,
}

impl EdgeExtra {
    /// None when there is neither a name nor an attribute: most edges share nothing extra.
    pub(crate) fn new(name: Option<Box<str>>, attrs: Attrs) -> Result<Option<Arc<EdgeExtra>>, GraphError> {
        if name.is_none() && attrs.is_empty() {
            return Ok(None);
        }
        try_arc(EdgeExtra { name, attrs }).map(Some)
    }
}

impl EdgeData {
    pub fn new(
        source: NodeRef,
        target: NodeRef,
        edge_type: EdgeType,
        directional: Option<bool>,
        name: Option<Box<str>>,
        attrs: Attrs,
    ) -> Result<EdgeRef, GraphError> {
        let extra = EdgeExtra::new(name, attrs)?;
        Self::from_parts(next_uuid(), Hint::default(), source, target, edge_type, directional, extra)
    }

    pub(crate) fn from_parts(
        uuid: u64,
        hint: Hint,
        source: NodeRef,
        target: NodeRef,
        edge_type: EdgeType,
        directional: Option<bool>,
        extra: Option<Arc<EdgeExtra>>,
    ) -> Result<EdgeRef, GraphError> {
        try_arc(EdgeData { uuid, hint, source, target, extra, edge_type, directional })
    }

    pub fn uuid(&self) -> u64 {
        self.uuid
    }
    pub fn source(&self) -> &NodeRef {
        &self.source
    }
    pub fn target(&self) -> &NodeRef {
        &self.target
    }
    pub fn edge_type(&self) -> EdgeType {
        self.edge_type
    }
    pub fn directional(&self) -> Option<bool> {
        self.directional
    }
    pub fn name(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|x| x.name.as_deref())
    }
    /// Attributes (empty when none were given).
    pub fn attrs(&self) -> &Attrs {
        static EMPTY: Attrs = Attrs::new();
        self.extra.as_ref().map_or(&EMPTY, |x| &x.attrs)
    }
    pub fn attr(&self, key: &str) -> Option<&Value> {
        self.attrs().get(key)
    }
    pub fn is_same(&self, other: &EdgeData) -> bool {
        self.uuid == other.uuid
    }
    pub(crate) fn extra(&self) -> Option<&Arc<EdgeExtra>> {
        self.extra.as_ref()
    }
}

/// A set of edge types, for traversals over several types at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EdgeTypeSet([u64; 4]);

impl EdgeTypeSet {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn insert(&mut self, t: EdgeType) {
        self.0[usize::from(t >> 6)] |= 1 << (t & 63);
    }
    pub fn contains(&self, t: EdgeType) -> bool {
        self.0[usize::from(t >> 6)] & (1 << (t & 63)) != 0
    }
    pub fn is_empty(&self) -> bool {
        self.0 == [0; 4]
    }
}

impl FromIterator<EdgeType> for EdgeTypeSet {
    fn from_iter<I: IntoIterator<Item = EdgeType>>(iter: I) -> Self {
        let mut s = Self::new();
        for t in iter {
            s.insert(t);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::NodeData;

    #[test]
    fn fields_round_trip() {
        let a = NodeData::new(Attrs::new()).unwrap();
        let b = NodeData::new(Attrs::new()).unwrap();
        let mut attrs = Attrs::new();
        attrs.set("w", Value::Float(1.5)).unwrap();
        let e = EdgeData::new(a.clone(), b.clone(), 255, Some(true), Some("link".into()), attrs).unwrap();
        assert!(e.source().is_same(&a));
        assert!(e.target().is_same(&b));
        assert_eq!(e.edge_type(), 255);
        assert_eq!(e.directional(), Some(true));
        assert_eq!(e.name(), Some("link"));
        assert_eq!(e.attr("w"), Some(&Value::Float(1.5)));
        assert_ne!(e.uuid(), a.uuid());
    }

    #[test]
    fn type_set() {
        let s: EdgeTypeSet = [0u8, 63, 64, 255].into_iter().collect();
        for t in 0..=255u8 {
            assert_eq!(s.contains(t), matches!(t, 0 | 63 | 64 | 255), "{t}");
        }
        assert!(EdgeTypeSet::new().is_empty());
        assert!(!s.is_empty());
    }
}
