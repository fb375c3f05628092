//! A view's node table: per node, one 16-byte record with what edge insertion and traversal read
//! (the heads of its adjacency chains for its first two edge types), and apart from it the node's
//! shared data ([`NodeRef`]), which for nodes the view created itself is made only when first asked
//! for. The uuid of a node the view created follows from its index (`uuid.rs`); a node inserted
//! from elsewhere brings its data, which holds its uuid.
//!
//! Why 16 bytes: inserting an edge between two random nodes touches one record per endpoint, and a
//! record never straddles two cache lines (the allocator aligns blocks to 16 bytes); 10^5 nodes
//! take 1.6 MB, which stays in one core's L2 cache. Creating a node allocates nothing but amortised
//! vector growth, and the records need no over-alignment, so the vectors grow by `realloc` (which
//! moves large blocks by remapping pages, not copying them).
//!
//! The data cells live in blocks of [`DATA_BLOCK`] nodes, and a block is allocated only when one of
//! its nodes first has data: a view that builds nodes and never asks for their data writes nothing
//! per node but the record (one empty block slot per 1024 nodes), instead of a 16-byte cell each.

use std::sync::OnceLock;

use crate::edge::EdgeType;
use crate::error::GraphError;
use crate::node::{NodeData, NodeRef};
use crate::uuid::UuidBlocks;

/// Index of a node inside one view (dense, in insertion order; the self node is 0).
pub type NodeIx = u32;
/// Index of an edge inside one view (dense, in insertion order).
pub type EdgeIx = u32;

/// End of a chain; also "no spill list".
pub(crate) const NIL: u32 = u32::MAX;

/// The hot record of one node: for each of its first two edge types, the head of the chain of its
/// edges of that type (see `view.rs`). Most nodes touch one or two edge types, which fit inline;
/// the heads of further types live in a spill list of the table.
#[derive(Clone, Copy, Debug)]
struct Entry {
    heads: [EdgeIx; 2],
    /// Index into `NodeTable::spill`, or NIL.
    spill: u32,
    types: [EdgeType; 2],
    used: u8,
}

impl Entry {
    const EMPTY: Entry = Entry { heads: [NIL; 2], spill: NIL, types: [0; 2], used: 0 };

    fn inline(&self, ty: EdgeType) -> Option<usize> {
        self.types[..usize::from(self.used)].iter().position(|&t| t == ty)
    }
}

/// Nodes per block of data cells (see the module doc): the uuid block's length too, so that a node
/// inside a block (not its first) finds both blocks made.
pub(crate) const DATA_BLOCK: usize = UuidBlocks::LEN as usize;

type DataBlock = Box<[OnceLock<NodeRef>]>;

/// A block of empty cells, or `OutOfMemory`.
fn new_block() -> Result<DataBlock, GraphError> {
    let mut cells = Vec::new();
    cells.try_reserve_exact(DATA_BLOCK)?;
    cells.resize_with(DATA_BLOCK, OnceLock::new);
    Ok(cells.into_boxed_slice())
}

#[derive(Clone, Copy, Debug)]
struct Spilled {
    ty: EdgeType,
    head: EdgeIx,
}

#[derive(Debug, Default)]
pub(crate) struct NodeTable {
    entries: Vec<Entry>,
    /// Block `k` holds the data cells of nodes `k * DATA_BLOCK ..`, allocated when the first of them
    /// gets data. A cell is set at insertion for a node that came with data, else on first request;
    /// both levels are `OnceLock`s, so that requests need only `&self`.
    data: Vec<OnceLock<DataBlock>>,
    spill: Vec<Vec<Spilled>>,
    uuids: UuidBlocks,
}

impl NodeTable {
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn reserve(&mut self, n: usize) -> Result<(), GraphError> {
        self.entries.try_reserve(n)?;
        self.data.try_reserve(n / DATA_BLOCK + 1)?;
        Ok(())
    }

    /// Appends a node (with its data if it came with some) at `ix`, which the caller checked is
    /// the next index and fits.
    pub(crate) fn push(&mut self, ix: NodeIx, data: Option<NodeRef>) -> Result<(), GraphError> {
        debug_assert_eq!(ix as usize, self.entries.len());
        let (block, at) = (ix as usize / DATA_BLOCK, ix as usize % DATA_BLOCK);
        if at != 0 && data.is_none() {
            // Most nodes: not the first of their block, so its data slot and uuids exist already.
            self.entries.try_reserve(1)?;
            self.entries.push(Entry::EMPTY);
            return Ok(());
        }
        self.entries.try_reserve(1)?;
        if block == self.data.len() {
            self.data.try_reserve(1)?;
        }
        self.uuids.ensure(ix)?;
        // Every fallible step (the block's allocation too) comes before the first change.
        let cells = match &data {
            Some(_) if self.data.get(block).and_then(OnceLock::get).is_none() => Some(new_block()?),
            _ => None,
        };
        if block == self.data.len() {
            self.data.push(OnceLock::new());
        }
        if let Some(d) = data {
            let slot = &mut self.data[block];
            if let Some(cells) = cells {
                let _ = slot.set(cells);
            }
            let cell = &mut slot.get_mut().expect("the block was made above")[at];
            let _ = cell.set(d);
        }
        self.entries.push(Entry::EMPTY);
        Ok(())
    }

    pub(crate) fn uuid(&self, ix: NodeIx) -> u64 {
        match self.data_if_made(ix) {
            Some(d) => d.uuid(),
            // Never asked for, so made here: its uuid is the one its index gives.
            None => self.uuids.get(ix),
        }
    }

    /// The node's data if it exists already.
    pub(crate) fn data_if_made(&self, ix: NodeIx) -> Option<&NodeRef> {
        let ix = ix as usize;
        self.data[ix / DATA_BLOCK].get()?[ix % DATA_BLOCK].get()
    }

    /// The node's data, made now (with `view` as its first view) if it was never asked for.
    pub(crate) fn data(&self, ix: NodeIx, view: u32) -> Result<&NodeRef, GraphError> {
        if let Some(d) = self.data_if_made(ix) {
            return Ok(d);
        }
        let slot = &self.data[ix as usize / DATA_BLOCK];
        let cells = match slot.get() {
            Some(cells) => cells,
            None => {
                let made = new_block()?;
                slot.get_or_init(|| made)
            }
        };
        let made = NodeData::placed(self.uuids.get(ix), view, ix)?;
        Ok(cells[ix as usize % DATA_BLOCK].get_or_init(|| made))
    }

    /// Head of the chain of type-`ty` edges at `ix` (None: no such edge).
    pub(crate) fn head(&self, ix: NodeIx, ty: EdgeType) -> Option<EdgeIx> {
        let e = &self.entries[ix as usize];
        if let Some(i) = e.inline(ty) {
            return Some(e.heads[i]);
        }
        if e.spill == NIL {
            return None;
        }
        self.spill[e.spill as usize].iter().find(|s| s.ty == ty).map(|s| s.head)
    }

    /// Makes sure `head_mut(ix, ty)` will not allocate.
    pub(crate) fn reserve_head(&mut self, ix: NodeIx, ty: EdgeType) -> Result<(), GraphError> {
        let e = &self.entries[ix as usize];
        if usize::from(e.used) < e.types.len() || e.inline(ty).is_some() {
            return Ok(());
        }
        if e.spill == NIL {
            self.spill.try_reserve(1)?;
            let mut list = Vec::new();
            list.try_reserve(1)?;
            // An empty spill list: invisible until a head is put into it.
            self.entries[ix as usize].spill = self.spill.len() as u32;
            self.spill.push(list);
        } else {
            let list = &mut self.spill[e.spill as usize];
            if !list.iter().any(|s| s.ty == ty) {
                list.try_reserve(1)?;
            }
        }
        Ok(())
    }

    /// Head of the type-`ty` chain at `ix`, added (empty) if absent. Call `reserve_head` first, so
    /// that this never allocates (and so cannot fail half-way through an insertion).
    pub(crate) fn head_mut(&mut self, ix: NodeIx, ty: EdgeType) -> &mut EdgeIx {
        let e = &mut self.entries[ix as usize];
        if let Some(i) = e.inline(ty) {
            return &mut e.heads[i];
        }
        let used = usize::from(e.used);
        if used < e.types.len() {
            e.types[used] = ty;
            e.used += 1;
            return &mut e.heads[used];
        }
        let list = &mut self.spill[e.spill as usize];
        let i = match list.iter().position(|s| s.ty == ty) {
            Some(i) => i,
            None => {
                debug_assert!(list.len() < list.capacity(), "reserve_head first");
                list.push(Spilled { ty, head: NIL });
                list.len() - 1
            }
        };
        &mut list[i].head
    }

    /// Edge types with a chain at `ix` (each with at least one edge).
    pub(crate) fn types(&self, ix: NodeIx) -> impl Iterator<Item = EdgeType> + '_ {
        let e = &self.entries[ix as usize];
        let spilled: &[Spilled] = match e.spill {
            NIL => &[],
            s => &self.spill[s as usize],
        };
        e.types[..usize::from(e.used)].iter().copied().chain(spilled.iter().map(|s| s.ty))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_a_quarter_cache_line_without_over_alignment() {
        assert_eq!(size_of::<Entry>(), 16);
        assert!(align_of::<Entry>() <= 8, "plain realloc growth needs the default alignment");
    }

    #[test]
    fn heads_inline_then_spilled() {
        let mut t = NodeTable::default();
        t.push(0, None).unwrap();
        assert_eq!(t.types(0).count(), 0);
        for ty in [3u8, 9, 200, 4] {
            assert_eq!(t.head(0, ty), None);
            t.reserve_head(0, ty).unwrap();
            *t.head_mut(0, ty) = u32::from(ty);
        }
        t.reserve_head(0, 9).unwrap();
        *t.head_mut(0, 9) = 1;
        assert_eq!(t.head(0, 9), Some(1));
        assert_eq!(t.head(0, 4), Some(4));
        assert_eq!(t.head(0, 5), None);
        assert_eq!(t.types(0).collect::<Vec<_>>(), [3, 9, 200, 4]);
    }

    #[test]
    fn data_is_made_once_on_request_with_the_index_uuid() {
        let mut t = NodeTable::default();
        t.push(0, None).unwrap();
        t.push(1, None).unwrap();
        let before = t.uuid(0);
        assert_ne!(before, t.uuid(1));
        assert!(t.data_if_made(0).is_none());
        let a = t.data(0, 5).unwrap().clone();
        assert_eq!(a.uuid(), before);
        assert_eq!(t.uuid(0), before);
        assert_eq!(a.hint.get(), Some((5, 0)));
        assert!(std::sync::Arc::ptr_eq(&a, t.data(0, 5).unwrap()));
        assert!(t.data_if_made(0).is_some());
        // A node that came with data keeps its own uuid.
        let n = NodeData::new(crate::Attrs::new()).unwrap();
        t.push(2, Some(n.clone())).unwrap();
        assert_eq!(t.uuid(2), n.uuid());
    }

    #[test]
    fn data_blocks_are_made_only_for_nodes_with_data() {
        let mut t = NodeTable::default();
        let n = 3 * DATA_BLOCK as u32 + 5;
        let given = NodeData::new(crate::Attrs::new()).unwrap();
        for ix in 0..n {
            let data = (ix == 2 * DATA_BLOCK as u32 + 7).then(|| given.clone());
            t.push(ix, data).unwrap();
        }
        assert_eq!(t.data.len(), 4);
        let made: Vec<bool> = t.data.iter().map(|b| b.get().is_some()).collect();
        assert_eq!(made, [false, false, true, false]);
        assert!(std::sync::Arc::ptr_eq(t.data_if_made(2 * DATA_BLOCK as u32 + 7).unwrap(), &given));
        assert!(t.data_if_made(2 * DATA_BLOCK as u32 + 8).is_none());
        // Asking for data in a block never made makes that block and only that cell.
        let last = n - 1;
        let uuid = t.uuid(last);
        assert_eq!(t.data(last, 1).unwrap().uuid(), uuid);
        assert!(t.data_if_made(last - 1).is_none());
        assert!(t.data[3].get().is_some());
        assert!(t.data[0].get().is_none());
        // Every uuid is still distinct.
        let all: std::collections::HashSet<u64> = (0..n).map(|i| t.uuid(i)).collect();
        assert_eq!(all.len(), n as usize);
    }
}
