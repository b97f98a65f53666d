//! Sorting, with one small stable sort for builds that count bytes.
//!
//! The standard library's sorts are fast but each element type and comparator gets its own copy
//! of a large algorithm (a few KB of WebAssembly per call site). With the crate feature
//! `small-sort` (the WebAssembly text module) every call here uses [`merge_sort`] instead: a few
//! hundred bytes per call site. A stable sort's result is fully determined by its comparator, so
//! [`by`] and [`by_key`] give exactly what `slice::sort_by` / `sort_by_key` give; [`unstable`]
//! and [`unstable_by_key`] are only called where elements with equal keys are equal, so any sort
//! leaves the same order.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, like `slice::sort_by`.
pub(crate) fn by<T: Copy>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(feature = "small-sort")]
    {
        let mut compare = compare;
        merge_sort(v, &mut |a, b| compare(a, b) == Ordering::Less);
    }
    #[cfg(not(feature = "small-sort"))]
    v.sort_by(compare);
}

/// Sorts `v` stably by `key`, like `slice::sort_by_key`.
pub(crate) fn by_key<T: Copy, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    #[cfg(feature = "small-sort")]
    {
        let mut key = key;
        merge_sort(v, &mut |a, b| key(a) < key(b));
    }
    #[cfg(not(feature = "small-sort"))]
    v.sort_by_key(key);
}

/// Sorts `v` like `slice::sort_unstable`. Equal elements are identical, so the order is the same
/// with any sort.
pub(crate) fn unstable<T: Copy + Ord>(v: &mut [T]) {
    #[cfg(feature = "small-sort")]
    merge_sort(v, &mut |a, b| a < b);
    #[cfg(not(feature = "small-sort"))]
    v.sort_unstable();
}

/// Sorts `v` like `slice::sort_unstable_by_key`. Only for elements that are equal when their keys
/// are (or whose order among equal keys does not matter to the caller): the order is then the
/// same with any sort.
pub(crate) fn unstable_by_key<T: Copy, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    #[cfg(feature = "small-sort")]
    {
        let mut key = key;
        merge_sort(v, &mut |a, b| key(a) < key(b));
    }
    #[cfg(not(feature = "small-sort"))]
    v.sort_unstable_by_key(key);
}

/// Runs of this many elements are insertion-sorted before merging.
#[cfg(any(test, feature = "small-sort"))]
const RUN: usize = 16;

/// A stable sort in little code: insertion sort of short runs, then bottom-up merges through one
/// buffer. Adjacent runs already in order are copied without comparing element by element, so a
/// nearly sorted slice (hits arrive in start order) takes about linear time.
#[cfg(any(test, feature = "small-sort"))]
fn merge_sort<T: Copy>(v: &mut [T], less: &mut impl FnMut(&T, &T) -> bool) {
    for run in v.chunks_mut(RUN) {
        for i in 1..run.len() {
            let item = run[i];
            let mut j = i;
            while j > 0 && less(&item, &run[j - 1]) {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = item;
        }
    }
    if v.len() <= RUN {
        return;
    }
    let mut buffer = v.to_vec();
    let mut width = RUN;
    // INVARIANT: the sorted runs of `width` are in `v` when `in_v`, else in `buffer`.
    let mut in_v = true;
    while width < v.len() {
        if in_v {
            merge_pass(v, &mut buffer, width, less);
        } else {
            merge_pass(&buffer, v, width, less);
        }
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        v.copy_from_slice(&buffer);
    }
}

/// Merges each pair of adjacent sorted runs of `width` in `from` into `to`.
#[cfg(any(test, feature = "small-sort"))]
fn merge_pass<T: Copy>(
    from: &[T],
    to: &mut [T],
    width: usize,
    less: &mut impl FnMut(&T, &T) -> bool,
) {
    for (from, to) in from.chunks(2 * width).zip(to.chunks_mut(2 * width)) {
        if from.len() <= width || !less(&from[width], &from[width - 1]) {
            to.copy_from_slice(from);
            continue;
        }
        let (left, right) = from.split_at(width);
        let (mut i, mut j) = (0, 0);
        for slot in to.iter_mut() {
            // Take from the right only when strictly less: equal elements keep their order.
            if j < right.len() && (i == left.len() || less(&right[j], &left[i])) {
                *slot = right[j];
                j += 1;
            } else {
                *slot = left[i];
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::merge_sort;

    proptest! {
        /// The small sort orders like the standard stable sort, ties included (keys collide often
        /// in a small range, and each element carries its position to show the order of ties).
        #[test]
        fn merge_sort_is_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            let mut sorted = items;
            merge_sort(&mut sorted, &mut |a, b| a.0 < b.0);
            prop_assert_eq!(sorted, expected);
        }

        /// Nearly sorted input (runs already in order, the hit lists' usual shape).
        #[test]
        fn merge_sort_sorts_nearly_sorted_input(
            mut values in prop::collection::vec(0u32..1000, 0..500),
            swaps in prop::collection::vec((0usize..500, 0usize..500), 0..4),
        ) {
            values.sort_unstable();
            for (a, b) in swaps {
                if a < values.len() && b < values.len() {
                    values.swap(a, b);
                }
            }
            let mut expected = values.clone();
            expected.sort_unstable();
            merge_sort(&mut values, &mut |a, b| a < b);
            prop_assert_eq!(values, expected);
        }
    }
}
