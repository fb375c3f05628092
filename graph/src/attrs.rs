//! Dynamic attributes: a small map from string keys to scalar values.

use crate::error::GraphError;

/// One attribute value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(Box<str>),
}

/// Attributes of a node or an edge. Kept sorted by key: most carry a handful, for which a sorted
/// vector is smaller and faster than a hash map, and lookups stay logarithmic for large sets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attrs {
    entries: Vec<(Box<str>, Value)>,
}

impl Attrs {
    pub const fn new() -> Self {
        Attrs { entries: Vec::new() }
    }

    /// Sets `key` to `value`; a key set twice keeps the last value.
    pub fn set(&mut self, key: &str, value: Value) -> Result<(), GraphError> {
        match self.search(key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => {
                self.entries.try_reserve(1)?;
                self.entries.insert(i, (key.into(), value));
            }
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.search(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (&**k, v))
    }

    fn search(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| (**k).cmp(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_value_wins_and_keys_stay_sorted() {
        let mut a = Attrs::new();
        a.set("b", Value::Int(1)).unwrap();
        a.set("a", Value::Str("x".into())).unwrap();
        a.set("b", Value::Float(2.5)).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a.get("b"), Some(&Value::Float(2.5)));
        assert_eq!(a.get("a"), Some(&Value::Str("x".into())));
        assert_eq!(a.get("c"), None);
        let keys: Vec<_> = a.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b"]);
    }

    #[test]
    fn no_fixed_cap() {
        let mut a = Attrs::new();
        for i in 0..1000 {
            a.set(&format!("k{i}"), Value::Int(i)).unwrap();
        }
        assert_eq!(a.len(), 1000);
        assert_eq!(a.get("k999"), Some(&Value::Int(999)));
        assert_eq!(a.get("k0"), Some(&Value::Int(0)));
    }
}
