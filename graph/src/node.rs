//! Nodes: a unique id and attributes, immutable once created.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::alloc::try_arc;
use crate::attrs::{Attrs, Value};
use crate::error::GraphError;
use crate::hint::Hint;

/// Shared, immutable node. The same node may be in several views.
pub type NodeRef = Arc<NodeData>;

#[derive(Debug)]
pub struct NodeData {
    uuid: u64,
    pub(crate) hint: Hint,
    attrs: Attrs,
}

/// One counter for nodes and edges, so a uuid names exactly one object in the process.
static NEXT_UUID: AtomicU64 = AtomicU64::new(1);

pub(crate) fn next_uuid() -> u64 {
    NEXT_UUID.fetch_add(1, Ordering::Relaxed)
}

impl NodeData {
    /// A new node; `OutOfMemory` instead of aborting when memory runs out.
    pub fn new(attrs: Attrs) -> Result<NodeRef, GraphError> {
        try_arc(NodeData {
            uuid: next_uuid(),
            hint: Hint::default(),
            attrs,
        })
    }

    pub fn uuid(&self) -> u64 {
        self.uuid
    }

    pub fn attrs(&self) -> &Attrs {
        &self.attrs
    }

    pub fn attr(&self, key: &str) -> Option<&Value> {
        self.attrs.get(key)
    }

    pub fn is_same(&self, other: &NodeData) -> bool {
        self.uuid == other.uuid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_unique_and_attrs_kept() {
        let mut a = Attrs::new();
        a.set("name", Value::Str("r1".into())).unwrap();
        let n1 = NodeData::new(a).unwrap();
        let n2 = NodeData::new(Attrs::new()).unwrap();
        assert_ne!(n1.uuid(), n2.uuid());
        assert!(n1.is_same(&n1.clone()));
        assert!(!n1.is_same(&n2));
        assert_eq!(n1.attr("name"), Some(&Value::Str("r1".into())));
        assert_eq!(n2.attr("name"), None);
    }
}
