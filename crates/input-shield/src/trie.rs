//! The term automaton: a byte trie in double-array form, walked anchored from candidate starts.
//!
//! The engine only ever asks "which terms equal `text[start..end]`, for each `end`?", from a given
//! `start`: an anchored walk that never follows failure links. A trie answers that, and the
//! double-array layout (Aoe 1989) makes each step two loads and a compare from one small table:
//! the child of slot `s` on byte `b` is slot `base[s] + b` if that slot's `check` is `s`. Slots
//! are 8 bytes (whether a string ends at a slot is the top bit of its `check`; which strings, a
//! second array read only then) and most walks stay in the first few hundred, so they stay in
//! cache.

/// Why a trie could not be built: its slots would not fit in `u32` indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

/// One slot of the double array while it is built.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Children of this slot's node are at `base + byte`.
    base: u32,
    /// The slot of the parent node; [`EMPTY`] for a free slot, [`ROOT`] for the root.
    check: u32,
    /// `0`, or one past the index in [`Trie::outputs`] of the term range ending here.
    output: u32,
}

/// How far before the end of the slot array a node with several children looks for room.
const MULTI_CHILD_WINDOW: usize = 256;

/// Levels of the trie laid out breadth first (the root is level 0); deeper nodes depth first.
const BREADTH_FIRST_LEVELS: usize = 3;

/// `check` of a free slot.
const EMPTY: u32 = u32::MAX >> 1;
/// `check` of the root slot: never a valid parent, so nothing walks into the root.
const ROOT: u32 = EMPTY - 1;

/// One slot of the built double array: what every step of a walk loads.
#[derive(Debug, Clone, Copy)]
struct Packed {
    /// Children of this slot's node are at `base + byte`.
    base: u32,
    /// The slot of the parent node (or [`EMPTY`], [`ROOT`]) in the low 31 bits, and
    /// [`ENDS_STRING`] when some string ends here.
    check: u32,
}

/// [`Packed::check`] bit: some string ends at this slot ([`Trie::output_of`] says which).
const ENDS_STRING: u32 = 1 << 31;

/// A set of byte strings, each with an id, for anchored walks.
#[derive(Debug, Default)]
pub(crate) struct Trie {
    slots: Vec<Packed>,
    /// Per slot, [`Slot::output`]: `0`, or one past the index in [`Trie::outputs`].
    output_of: Vec<u32>,
    /// `(start, end)` into [`Trie::ids`] for each slot that ends a string.
    outputs: Vec<(u32, u32)>,
    /// The ids of the strings, grouped by the slot where they end, in increasing order.
    ids: Vec<u32>,
}

/// A [`Trie`] while it is built, with 12-byte slots.
struct Building {
    slots: Vec<Slot>,
    outputs: Vec<(u32, u32)>,
    ids: Vec<u32>,
}

impl Building {
    /// Records `node`'s strings at `slot` and places its children; returns `(child node, slot)`
    /// for each child, in byte order. `free`: no slot from 256 up to it is free.
    fn place(
        &mut self,
        node: &Node,
        slot: usize,
        free: &mut usize,
    ) -> Result<Vec<(usize, usize)>, TooLarge> {
        if !node.ids.is_empty() {
            let start = u32::try_from(self.ids.len()).map_err(|_| TooLarge)?;
            self.ids.extend_from_slice(&node.ids);
            let end = u32::try_from(self.ids.len()).map_err(|_| TooLarge)?;
            self.outputs.push((start, end));
            self.slots[slot].output = u32::try_from(self.outputs.len()).map_err(|_| TooLarge)?;
        }
        let Some(&(first, _)) = node.children.first() else {
            return Ok(Vec::new());
        };
        while self.slots.get(*free).is_some_and(|s| s.check != EMPTY) {
            *free += 1;
        }
        // A single child takes the first free slot. Several children look for room only
        // near the end of the array: scanning the whole array for a fitting gap would make
        // the build quadratic, and the few slots this leaves empty cost less.
        let from = if node.children.len() == 1 {
            *free
        } else {
            (*free).max(self.slots.len().saturating_sub(MULTI_CHILD_WINDOW))
        };
        let mut base = from.max(usize::from(first) + 1) - usize::from(first);
        while !node.children.iter().all(|&(byte, _)| {
            self.slots
                .get(base + usize::from(byte))
                .is_none_or(|s| s.check == EMPTY)
        }) {
            base += 1;
        }
        let last = base + usize::from(node.children[node.children.len() - 1].0);
        if self.slots.len() <= last {
            self.slots.resize(
                last + 1,
                Slot {
                    base: 0,
                    check: EMPTY,
                    output: 0,
                },
            );
        }
        self.slots[slot].base = u32::try_from(base).map_err(|_| TooLarge)?;
        let parent = u32::try_from(slot).map_err(|_| TooLarge)?;
        if parent >= ROOT {
            return Err(TooLarge);
        }
        let mut placed = Vec::with_capacity(node.children.len());
        for &(byte, child) in &node.children {
            let at = base + usize::from(byte);
            self.slots[at].check = parent;
            placed.push((child, at));
        }
        Ok(placed)
    }

    /// The trie with packed slots; too large if a slot index would reach the flag bit.
    fn pack(self) -> Result<Trie, TooLarge> {
        if self.slots.len() >= (ROOT & !ENDS_STRING) as usize {
            return Err(TooLarge);
        }
        let slots = self
            .slots
            .iter()
            .map(|s| Packed {
                base: s.base,
                check: (s.check & !ENDS_STRING) | if s.output != 0 { ENDS_STRING } else { 0 },
            })
            .collect();
        Ok(Trie {
            slots,
            output_of: self.slots.iter().map(|s| s.output).collect(),
            outputs: self.outputs,
            ids: self.ids,
        })
    }
}

/// A node of the pointer trie built first.
#[derive(Default)]
struct Node {
    /// Sorted by byte.
    children: Vec<(u8, usize)>,
    ids: Vec<u32>,
}

impl Trie {
    /// The trie of `strings`; string `i` has id `i`. Empty strings are never reported.
    pub fn new<S: AsRef<[u8]>>(strings: &[S]) -> Result<Trie, TooLarge> {
        let mut nodes = vec![Node::default()];
        for (id, string) in strings.iter().enumerate() {
            let mut node = 0;
            for &byte in string.as_ref() {
                node = match nodes[node]
                    .children
                    .binary_search_by_key(&byte, |&(b, _)| b)
                {
                    Ok(i) => nodes[node].children[i].1,
                    Err(i) => {
                        nodes.push(Node::default());
                        let child = nodes.len() - 1;
                        nodes[node].children.insert(i, (byte, child));
                        child
                    }
                };
            }
            if node != 0 {
                nodes[node]
                    .ids
                    .push(u32::try_from(id).map_err(|_| TooLarge)?);
            }
        }
        let mut trie = Building {
            slots: vec![Slot {
                base: 0,
                check: ROOT,
                output: 0,
            }],
            outputs: Vec::new(),
            ids: Vec::new(),
        };
        // Breadth first for the first levels, so the slots of short prefixes (where every walk
        // starts) sit together; then depth first below them, so each deeper node's children sit
        // right after its parent's siblings and a walk down one word stays within a few cache
        // lines instead of touching one line per level.
        let mut queue = std::collections::VecDeque::from([(0usize, 0usize, 0usize)]);
        let mut deep = Vec::new();
        // No slot from 256 up to `free` is free. Starting at 256 means `free - byte` is a valid
        // base for any byte, so a single child always lands on `free` at once (the low slots a
        // large byte cannot reach would otherwise pin `free` and make every search scan the
        // whole array).
        let mut free = 256;
        while let Some((node, slot, depth)) = queue.pop_front() {
            for (child, at) in trie.place(&nodes[node], slot, &mut free)? {
                if depth + 1 < BREADTH_FIRST_LEVELS {
                    queue.push_back((child, at, depth + 1));
                } else {
                    deep.push((child, at));
                }
            }
        }
        let mut stack = Vec::new();
        for top in deep {
            stack.push(top);
            while let Some((node, slot)) = stack.pop() {
                let children = trie.place(&nodes[node], slot, &mut free)?;
                stack.extend(children.into_iter().rev());
            }
        }
        trie.pack()
    }

    /// Calls `found(id, end)` for every string equal to `haystack[start..end]`, in increasing
    /// `end`, then id. Stops as soon as no string continues the walk.
    #[inline]
    pub fn walk(&self, haystack: &[u8], start: usize, mut found: impl FnMut(u32, usize)) {
        let mut slot = 0usize;
        let mut end = start;
        while let Some(&byte) = haystack.get(end) {
            let Some(current) = self.slots.get(slot) else {
                return;
            };
            let next = current.base as usize + usize::from(byte);
            match self.slots.get(next) {
                Some(s) if (s.check & !ENDS_STRING) as usize == slot => {
                    slot = next;
                    end += 1;
                    if s.check & ENDS_STRING != 0
                        && let Some(&output) = self.output_of.get(next)
                        && let Some(&(from, to)) =
                            self.outputs.get((output as usize).wrapping_sub(1))
                    {
                        for &id in self.ids.get(from as usize..to as usize).unwrap_or(&[]) {
                            found(id, end);
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Heap bytes held (for tests and size reports).
    #[cfg(test)]
    pub fn memory_usage(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Packed>()
            + self.output_of.len() * 4
            + self.outputs.len() * 8
            + self.ids.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(trie: &Trie, text: &str, start: usize) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        trie.walk(text.as_bytes(), start, |id, end| out.push((id, end)));
        out
    }

    #[test]
    fn reports_every_string_that_starts_at_the_start() {
        let trie = Trie::new(&["he", "her", "hers", "she", "", "her"]).unwrap();
        assert_eq!(walk(&trie, "hers", 0), [(0, 2), (1, 3), (5, 3), (2, 4)]);
        assert_eq!(walk(&trie, "ushers", 1), [(3, 4)]);
        assert_eq!(walk(&trie, "ushers", 2), [(0, 4), (1, 5), (5, 5), (2, 6)]);
        assert!(walk(&trie, "x", 0).is_empty());
        assert!(walk(&trie, "h", 5).is_empty());
    }

    #[test]
    fn agrees_with_a_naive_search_on_many_strings() {
        let words: Vec<String> = (0..300u32)
            .map(|i| format!("{:x}é", i.wrapping_mul(2_654_435_761) % 9973))
            .chain((0..50u32).map(|i| format!("w{i}")))
            .collect();
        let trie = Trie::new(&words).unwrap();
        let text = words
            .iter()
            .step_by(7)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        for start in 0..text.len() {
            let mut expected = Vec::new();
            for end in start + 1..=text.len().min(start + 8) {
                for (id, w) in words.iter().enumerate() {
                    if text.as_bytes()[start..end] == *w.as_bytes() {
                        expected.push((u32::try_from(id).unwrap(), end));
                    }
                }
            }
            assert_eq!(walk(&trie, &text, start), expected, "at {start}");
        }
        assert!(trie.memory_usage() > 0);
    }

    proptest::proptest! {
        /// Walks agree with comparing every string at every start, whatever mix of levels laid
        /// out breadth first and depth first the strings' lengths give.
        #[test]
        fn walks_agree_with_a_naive_search(
            strings in proptest::collection::vec("[abc\u{e9}]{0,7}", 0..40),
            text in "[abc\u{e9} ]{0,30}",
        ) {
            let trie = Trie::new(&strings).unwrap();
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                let mut expected = Vec::new();
                for end in start + 1..=bytes.len() {
                    for (id, s) in (0u32..).zip(&strings) {
                        if bytes[start..end] == *s.as_bytes() {
                            expected.push((id, end));
                        }
                    }
                }
                let mut found = Vec::new();
                trie.walk(bytes, start, |id, end| found.push((id, end)));
                proptest::prop_assert_eq!(found, expected, "at {}", start);
            }
        }
    }

    #[test]
    fn the_double_array_stays_close_to_the_number_of_nodes() {
        // Strings with large bytes (UTF-8) used to pin the free-slot cursor low, which made the
        // build scan the whole array for every node.
        let words: Vec<String> = (0..20_000u32)
            .map(|i| format!("{}ж{}", char::from_u32(0x4E00 + i % 3000).unwrap(), i))
            .collect();
        let bytes: usize = words.iter().map(String::len).sum();
        let trie = Trie::new(&words).unwrap();
        assert!(
            trie.slots.len() <= bytes + 4096,
            "{} slots",
            trie.slots.len()
        );
        assert_eq!(walk(&trie, &words[7], 0), [(7, words[7].len())]);
    }
}
