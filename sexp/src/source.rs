//! The text a tree was parsed from: its own copy, or text kept alive by another owner behind
//! [`SharedText`] (a Python `str` lent without copying), so a large file is never held twice.

use std::ops::Deref;
use std::sync::Arc;

use yoke::Yoke;

/// Text owned elsewhere that a tree can keep as its source instead of a copy (read once, when the tree
/// is made; the text must stay the same while the owner lives).
pub trait SharedText: Send + Sync {
    fn text(&self) -> &str;
}

/// A `String` behind an `Arc` can be lent as it is: `parse_shared(Arc::new(text))` parses it without a copy,
/// and the tree and every other holder of the `Arc` share it.
impl SharedText for String {
    fn text(&self) -> &str {
        self
    }
}

/// The tree's text. Lent text is held as a [`Yoke`]: the `&str` is taken from its owner once, so a
/// read of the source is a field read whichever kind it is (no call through the owner's vtable,
/// which cost walks of a lent file 30%).
#[derive(Clone)]
pub(crate) enum Source {
    Owned(Box<str>),
    Shared(Yoke<&'static str, Arc<dyn SharedText>>),
}

impl Source {
    pub(crate) fn shared(owner: Arc<dyn SharedText>) -> Source {
        Source::Shared(Yoke::<&'static str, Arc<dyn SharedText>>::attach_to_cart(owner, text_of))
    }
}

fn text_of<'a>(owner: &'a (dyn SharedText + 'static)) -> &'a str {
    owner.text()
}

impl Deref for Source {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        match self {
            Source::Owned(s) => s,
            Source::Shared(y) => y.get(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Lent(String);

    impl SharedText for Lent {
        fn text(&self) -> &str {
            &self.0
        }
    }

    #[test]
    fn a_tree_over_shared_text_reads_prints_and_edits_as_over_its_own() {
        let text = "(kicad_sym (version 20211014)\n  (symbol \"R\" (pin_names (offset 0)))\n)\n";
        let shared: Arc<dyn SharedText> = Arc::new(Lent(text.to_owned()));
        let mut t = crate::parse_shared(shared.clone()).unwrap();
        let own = crate::parse(text).unwrap();
        assert_eq!(t.print(), text);
        assert_eq!(t.source().as_ptr(), shared.text().as_ptr(), "the text is not copied");
        assert_eq!(t.heap_size(), own.heap_size());
        let v = t.node(t.root()).find("version").unwrap().child(1).unwrap().id();
        t.set_atom(v, "20231120").unwrap();
        let copy = t.clone();
        drop(t);
        assert_eq!(copy.print(), text.replace("20211014", "20231120"));
        assert_eq!(Arc::strong_count(&shared), 2, "the clone shares the text");
        drop(copy);
        assert_eq!(Arc::strong_count(&shared), 1);
        let bad: Arc<dyn SharedText> = Arc::new(Lent("(a (b)".into()));
        assert!(crate::parse_shared(bad.clone()).is_err());
        assert_eq!(Arc::strong_count(&bad), 1, "a failed parse keeps nothing");
    }
}
