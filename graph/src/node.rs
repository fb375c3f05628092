//! Nodes: a unique id and attributes, immutable once created.

use std::sync::Arc;

use crate::alloc::try_arc;
use crate::attrs::{Attrs, Value};
use crate::error::GraphError;
use crate::hint::Hint;
use crate::uuid::next_uuid;

/// Shared, immutable node. The same node may be in several views.
pub type NodeRef = Arc<NodeData>;

/// `repr(C)`: the fields read when a view looks a node up (uuid, hint) come first, next to the
/// `Arc`'s reference counts, so that cloning and looking up usually touch one cache line.
#[derive(Debug)]
#[repr(C)]
pub struct NodeData {
    uuid: u64,
    pub(crate) hint: Hint,
    attrs: Attrs,
}

impl NodeData {
    /// A new node; `OutOfMemory` instead of aborting when memory runs out.
    pub fn new(attrs: Attrs) -> Result<NodeRef, GraphError> {
        try_arc(NodeData { uuid: next_uuid(), hint: Hint::default(), attrs })
    }

    /// The data of a node a view created without any (see `table.rs`), made when first asked
    /// for: no attributes, and the creating view as its first view.
    pub(crate) fn placed(uuid: u64, view: u32, ix: u32) -> Result<NodeRef, GraphError> {
        try_arc(NodeData { uuid, hint: Hint::new(view, ix), attrs: Attrs::new() })
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
