//! The sharded open-addressing nonce table.

use std::hash::BuildHasher;

use parking_lot::Mutex;

use crate::ReplayError;

/// A 128-bit nonce, as carried by a permit.
pub type Nonce = [u8; 16];

/// Bytes of one table slot, each in its own per-shard array: the one-byte tag, the nonce's
/// 64-bit keyed hash and its 8-byte expiry.
pub const BYTES_PER_SLOT: usize = std::mem::size_of::<Tag>() + 2 * std::mem::size_of::<u64>();

/// Slots examined for expired entries per call: reclamation is spread over calls, so no call
/// pays for a full sweep unless its shard is full.
const SWEEP_PER_CALL: usize = 2;

/// How much faster a shard more than 7/8 full sweeps. Nonces that expire long before the cursor
/// comes round would otherwise pile up until the shard is full and must be swept whole: that
/// measured slower overall (see the README) and stalls one unlucky call for a pass over the
/// whole shard.
const SWEEP_SPEEDUP_WHEN_NEARLY_FULL: usize = 4;

/// Calls to a shard between two rounds of upkeep. A round writes the hashes and expiries of the
/// nonces recorded since the last one (their tags are written at once) and sweeps
/// `SWEEP_PER_CALL` slots per call. Writing a batch lets its cache misses overlap instead of
/// each call waiting for its own: the mutex's atomic instructions wait for pending stores.
const UPKEEP_EVERY: usize = 16;

/// Most shards a guard uses; capacity is split evenly between them.
const MAX_SHARDS: usize = 64;

/// Remembers nonces until they expire and refuses any nonce it has seen: one-time use.
///
/// Quick advice: give it a capacity of at least (permits verified per second) × (longest permit
/// lifetime in seconds), and a window equal to the longest lifetime plus leeway.
///
/// The table is reserved once, up front: [`ReplayGuard::memory_bytes`] is about
/// `capacity × 25.5` bytes (17 bytes a slot, at most 75% full, 12.5% per-shard headroom), and
/// never grows. Up to 64 shards, each behind its own `parking_lot` mutex, so
/// `check_and_record` takes `&self` and threads rarely contend. Each call does O(1) expected
/// work: one probe sequence in one shard, and every 16th call to a shard also writes the slots
/// of the nonces recorded since (see below) and examines 32 slots for expired nonces (128 while
/// the shard is more than 7/8 full). A shard that runs full is swept whole once before the
/// guard gives up with [`ReplayError::CapacityExhausted`]; a nonce is never forgotten before it
/// expires.
///
/// A slot keeps a 64-bit hash of the nonce, keyed with a per-guard random seed, not the nonce
/// itself: that shrinks the table by a third at the price of refusing a fresh nonce as `Replayed`
/// if it shares all 64 bits with a live one — about one call in 2^44 with a million live nonces,
/// and always on the closed side. Without the seed, nobody can aim nonces at one shard or slot.
///
/// A shard keeps a slot in three arrays: one tag byte (0 for empty, else 8 bits of the hash that
/// do not pick the shard or the home slot), the 8-byte hash and the 8-byte expiry. For a million
/// nonces of capacity that is 1.5 MB of tags, 12 MB of hashes and 12 MB of expiries. A probe
/// walks only the tags; a hash is loaded only when its tag matches, and an expiry only by
/// sweeps, which walk the expiries in order. So recording a fresh nonce reads no hash (it passes
/// a matching tag about once per 255 occupied slots) and writes its tag at once and its hash and
/// expiry with the shard's next 15 or so, in one batch whose cache misses overlap (a nonce
/// waiting for its hash to be written is found through the shard's short list of them).
/// Refusing a replay reads the nonce's hash, which for a large guard is one miss to main
/// memory, in an array half the size of one that also held the expiries.
///
/// # Examples
///
/// ```
/// use agentsentinel_replay::{ReplayError, ReplayGuard};
/// let guard = ReplayGuard::new(10_000, 600);
/// let nonce = [7u8; 16];
/// let now = 1_700_000_000;
/// guard.check_and_record(&nonce, now + 60, now)?;
/// assert_eq!(guard.check_and_record(&nonce, now + 60, now + 1), Err(ReplayError::Replayed));
/// # Ok::<(), ReplayError>(())
/// ```
pub struct ReplayGuard {
    shards: Box<[Padded]>,
    shard_shift: u32,
    seed: [u64; 2],
    capacity: usize,
    window: u64,
}

/// Counters of a [`ReplayGuard`], summed over its shards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReplayStats {
    /// Nonces held now (live ones, plus expired ones not yet reclaimed).
    pub stored: usize,
    /// The capacity asked for in [`ReplayGuard::new`].
    pub capacity: usize,
    /// Nonces the table can hold in total, counting per-shard headroom.
    pub slots_usable: usize,
    /// Nonces recorded since creation.
    pub recorded: u64,
    /// Expired nonces reclaimed since creation.
    pub reclaimed: u64,
    /// Replays refused since creation.
    pub replays: u64,
    /// Calls refused with [`ReplayError::CapacityExhausted`] since creation.
    pub exhausted: u64,
    /// Bytes of the table (fixed at creation).
    pub memory_bytes: usize,
}

impl ReplayGuard {
    /// A guard for at least `capacity` live nonces whose expiries lie at most `window_seconds`
    /// ahead of the clock.
    ///
    /// Reserves the whole table now (about 25.5 bytes per nonce of capacity) as zeroed memory
    /// that the OS maps lazily, so this is cheap and resident memory grows with use. A capacity
    /// of 0 refuses every nonce.
    #[must_use]
    pub fn new(capacity: usize, window_seconds: u64) -> Self {
        Self::with_seed(capacity, window_seconds, random_seed())
    }

    /// [`ReplayGuard::new`] with a given hash key; tests use a fixed one to place nonces.
    fn with_seed(capacity: usize, window_seconds: u64, seed: [u64; 2]) -> Self {
        let shard_count = (capacity / 1024).next_power_of_two().clamp(1, MAX_SHARDS);
        let per_shard = if shard_count == 1 {
            capacity
        } else {
            // Random nonces never split exactly evenly: 12.5% headroom per shard means a guard
            // holds at least `capacity` nonces with overwhelming probability.
            let even = capacity.div_ceil(shard_count);
            even + even / 8 + 8
        };
        let slots = (per_shard + per_shard / 3 + 1).max(2);
        let shard_shift = 64 - shard_count.trailing_zeros();
        let shards = (0..shard_count)
            .map(|_| {
                Padded(Mutex::new(Shard {
                    // All-zero tags, hashes and expiries are empty slots: `vec!` of zeros asks the
                    // allocator for zeroed memory, which the OS hands out lazily, so `new` is
                    // cheap and pages are touched only as nonces arrive.
                    tags: vec![EMPTY_TAG; slots].into_boxed_slice(),
                    hashes: vec![UNWRITTEN; slots].into_boxed_slice(),
                    expiries: vec![0; slots].into_boxed_slice(),
                    len: 0,
                    limit: per_shard,
                    cursor: 0,
                    unwritten: Vec::with_capacity(UPKEEP_EVERY),
                    calls_since_upkeep: 0,
                    shift: shard_shift,
                    earliest_expiry: u64::MAX,
                    counters: Counters::default(),
                }))
            })
            .collect();
        ReplayGuard {
            shards,
            shard_shift,
            seed,
            capacity,
            window: window_seconds,
        }
    }

    /// Records `nonce` as used until `expires_at`, or refuses it if it was recorded before.
    ///
    /// `now` and `expires_at` are seconds since the Unix epoch; the caller reads the clock.
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_replay::ReplayGuard;
    /// let guard = ReplayGuard::new(100, 60);
    /// assert!(guard.check_and_record(&[1; 16], 1_030, 1_000).is_ok());
    /// assert!(guard.check_and_record(&[1; 16], 1_030, 1_000).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ReplayError::Replayed`] for a nonce seen before; [`ReplayError::CapacityExhausted`]
    /// when its shard is full of unexpired nonces; [`ReplayError::Expired`] when
    /// `expires_at <= now`; [`ReplayError::ExpiryTooFar`] when `expires_at > now + window`.
    pub fn check_and_record(
        &self,
        nonce: &Nonce,
        expires_at: u64,
        now: u64,
    ) -> Result<(), ReplayError> {
        if expires_at <= now {
            return Err(ReplayError::Expired { expires_at, now });
        }
        if expires_at - now > self.window {
            return Err(ReplayError::ExpiryTooFar {
                expires_at,
                now,
                window: self.window,
            });
        }
        let hash = self.hash(nonce);
        let Some(shard) = self.shards.get(self.shard_index(hash)) else {
            return Err(ReplayError::CapacityExhausted {
                capacity: self.capacity,
            });
        };
        let mut shard = shard.0.lock();
        shard.upkeep_now_and_then(now);
        let result = shard.insert(hash, expires_at, now);
        match result {
            Ok(()) => shard.counters.recorded += 1,
            Err(ReplayError::Replayed) => shard.counters.replays += 1,
            Err(_) => shard.counters.exhausted += 1,
        }
        result.map_err(|err| match err {
            ReplayError::CapacityExhausted { .. } => ReplayError::CapacityExhausted {
                capacity: self.capacity,
            },
            other => other,
        })
    }

    /// Whether `nonce` is held now (live, or expired and not yet reclaimed). Does not record it.
    #[must_use]
    pub fn contains(&self, nonce: &Nonce) -> bool {
        let hash = self.hash(nonce);
        self.shards
            .get(self.shard_index(hash))
            .is_some_and(|shard| shard.0.lock().find(hash).is_ok())
    }

    /// The nonce's keyed 64-bit hash, never [`UNWRITTEN`]: for a fixed low half a bijection of
    /// the high half (except that 0 becomes 1), and mixed so every bit of the nonce reaches the
    /// top bits that pick the shard.
    ///
    /// The shard, the home slot, the tag and the stored value are all taken from the returned
    /// hash, so the remapping only makes the two nonces whose mixes are 0 and 1 one more pair
    /// that shares all 64 bits (each refused as a replay of the other, on the closed side).
    fn hash(&self, nonce: &Nonce) -> u64 {
        let mut low = [0u8; 8];
        let mut high = [0u8; 8];
        low.copy_from_slice(&nonce[..8]);
        high.copy_from_slice(&nonce[8..]);
        let low = u64::from_le_bytes(low) ^ self.seed[0];
        let high = u64::from_le_bytes(high) ^ self.seed[1];
        mix64(mix64(low) ^ high).max(1)
    }

    fn shard_index(&self, hash: u64) -> usize {
        if self.shard_shift == 64 {
            0
        } else {
            usize::try_from(hash >> self.shard_shift).unwrap_or(0)
        }
    }

    /// Reclaims every expired nonce now, in every shard. Not needed for correctness (calls
    /// reclaim a little as they go, and a full shard is swept before refusing); useful when idle.
    pub fn purge_expired(&self, now: u64) {
        for shard in &self.shards {
            shard.0.lock().reclaim_all(now);
        }
    }

    /// Counters summed over all shards.
    #[must_use]
    pub fn stats(&self) -> ReplayStats {
        let mut stats = ReplayStats {
            capacity: self.capacity,
            memory_bytes: self.memory_bytes(),
            ..ReplayStats::default()
        };
        for shard in &self.shards {
            let shard = shard.0.lock();
            stats.stored += shard.len;
            stats.slots_usable += shard.limit;
            stats.recorded += shard.counters.recorded;
            stats.reclaimed += shard.counters.reclaimed;
            stats.replays += shard.counters.replays;
            stats.exhausted += shard.counters.exhausted;
        }
        stats
    }

    /// Bytes held by the table, fixed at creation.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        let slots: usize = self
            .shards
            .iter()
            .map(|s| {
                let shard = s.0.lock();
                std::mem::size_of_val(&*shard.tags)
                    + std::mem::size_of_val(&*shard.hashes)
                    + std::mem::size_of_val(&*shard.expiries)
                    + shard.unwritten.capacity() * std::mem::size_of::<(usize, Entry)>()
            })
            .sum();
        slots + self.shards.len() * std::mem::size_of::<Padded>()
    }

    /// The capacity asked for in [`ReplayGuard::new`].
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How far ahead of the clock an expiry may lie, in seconds.
    #[must_use]
    pub fn window(&self) -> u64 {
        self.window
    }
}

impl std::fmt::Debug for ReplayGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplayGuard")
            .field("capacity", &self.capacity)
            .field("window", &self.window)
            .field("shards", &self.shards.len())
            .finish_non_exhaustive()
    }
}

/// A shard on its own cache line, so neighbouring locks do not share one.
#[repr(align(64))]
struct Padded(Mutex<Shard>);

#[derive(Debug, Default, Clone, Copy)]
struct Counters {
    recorded: u64,
    reclaimed: u64,
    replays: u64,
    exhausted: u64,
}

/// splitmix64's finaliser: a bijection on 64 bits that spreads every input bit.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Two words from the standard library's per-process random hash keys (seeded from the OS
/// random source), so hashes differ between guards and processes.
fn random_seed() -> [u64; 2] {
    let state = std::collections::hash_map::RandomState::new();
    [state.hash_one(0x5EED_u64), state.hash_one(0x5EED_0001_u64)]
}

/// One byte per slot, kept in an array of its own that is small enough to stay in cache:
/// [`EMPTY_TAG`] for an empty slot, otherwise [`tag_of`] the slot's hash. A probe reads tags and
/// loads a hash from the large array only when its tag matches.
type Tag = u8;

/// The stored hash of an empty slot, or of one whose nonce was recorded since the last upkeep
/// and waits in the shard's list to be written. [`ReplayGuard::hash`] never returns it.
const UNWRITTEN: u64 = 0;

/// The tag of an empty slot; no hash has it.
const EMPTY_TAG: Tag = 0;

/// The tag of `hash`: its lowest byte, which neither the shard (top bits) nor the home slot (the
/// bits below those) depends on, so entries near one home rarely share a tag. Never
/// [`EMPTY_TAG`]: a low byte of 0 becomes 1.
fn tag_of(hash: u64) -> Tag {
    let [low, ..] = hash.to_le_bytes();
    low.max(1)
}

/// One slot, read from or written to the hash and expiry arrays. `expires_at == 0` marks an
/// empty slot: a recorded nonce always expires after `now`, so it is at least 1.
#[derive(Debug, Clone, Copy)]
struct Entry {
    hash: u64,
    expires_at: u64,
}

impl Entry {
    const EMPTY: Entry = Entry {
        hash: 0,
        expires_at: 0,
    };

    fn is_empty(&self) -> bool {
        self.expires_at == 0
    }
}

struct Shard {
    // INVARIANT: linear probing without tombstones: every entry sits at or after its home slot
    // (cyclically) with no empty slot in between; removal shifts later entries back.
    // INVARIANT: `tags`, `hashes` and `expiries` have the same length and move together:
    // `tags[i]` is `EMPTY_TAG` exactly when slot `i` is empty, and `tag_of(hash)` of its
    // entry otherwise; an empty slot has hash `UNWRITTEN` and expiry 0, a written one its
    // entry's hash and expiry (both non-zero).
    tags: Box<[Tag]>,
    hashes: Box<[u64]>,
    expiries: Box<[u64]>,
    len: usize,
    limit: usize,
    cursor: usize,
    /// Copy of the guard's shift: the hash bits below it pick the home slot.
    shift: u32,
    /// No entry expires before this (a lower bound): a full shard is swept only when something
    /// may have expired, so a shard full of live nonces refuses in O(1), not O(shard).
    earliest_expiry: u64,
    // INVARIANT: an entry recorded since the last upkeep has its tag in `tags` and sits here, its
    // hash and expiry still unwritten (zero); at most `UPKEEP_EVERY` of them. Empty before
    // anything reads an expiry or moves an entry.
    unwritten: Vec<(usize, Entry)>,
    calls_since_upkeep: usize,
    counters: Counters,
}

impl Shard {
    /// The home slot of `hash`: the bits left after the shard bits, scaled to the table.
    fn home(&self, hash: u64) -> usize {
        let slot_bits = if self.shift == 64 {
            hash
        } else {
            hash << (64 - self.shift)
        };
        let product = u128::from(slot_bits) * self.hashes.len() as u128;
        usize::try_from(product >> 64).unwrap_or(0)
    }

    fn get(&self, i: usize) -> Entry {
        Entry {
            hash: self.hashes[i],
            expires_at: self.expiries[i],
        }
    }

    /// Writes slot `i`: its tag, hash and expiry (without reading them first).
    fn set(&mut self, i: usize, entry: Entry) {
        self.tags[i] = if entry.is_empty() {
            EMPTY_TAG
        } else {
            tag_of(entry.hash)
        };
        self.hashes[i] = entry.hash;
        self.expiries[i] = entry.expires_at;
    }

    fn next(&self, i: usize) -> usize {
        if i + 1 == self.hashes.len() { 0 } else { i + 1 }
    }

    /// `Ok(index)` of `hash`, or `Err(index)` of the empty slot where it would go.
    ///
    /// Walks the tags only; a hash is loaded just to confirm a matching tag, which for a hash
    /// not in the table happens about once per 255 occupied slots passed.
    fn find(&self, hash: u64) -> Result<usize, usize> {
        let tag = tag_of(hash);
        let mut i = self.home(hash);
        loop {
            let seen = self.tags[i];
            if seen == EMPTY_TAG {
                return Err(i);
            }
            if seen == tag && self.hash_at(i) == hash {
                return Ok(i);
            }
            i = self.next(i);
        }
    }

    /// The hash in occupied slot `i`, written or not yet. Loads the stored hash first, so that
    /// for a written one (the usual case) the load starts at once.
    fn hash_at(&self, i: usize) -> u64 {
        let hash = self.hashes[i];
        if hash != UNWRITTEN {
            return hash;
        }
        // Recorded since the last upkeep: its hash waits in the list.
        self.unwritten
            .iter()
            .find(|(at, _)| *at == i)
            .map_or(hash, |(_, entry)| entry.hash)
    }

    /// Writes the hashes and expiries of the entries recorded since the last upkeep.
    fn write_recorded(&mut self) {
        for k in 0..self.unwritten.len() {
            let (at, entry) = self.unwritten[k];
            self.hashes[at] = entry.hash;
            self.expiries[at] = entry.expires_at;
        }
        self.unwritten.clear();
    }

    /// Every `UPKEEP_EVERY` calls: writes the recorded slots and sweeps, faster when the shard
    /// is more than 7/8 full.
    fn upkeep_now_and_then(&mut self, now: u64) {
        self.calls_since_upkeep += 1;
        if self.calls_since_upkeep >= UPKEEP_EVERY {
            self.calls_since_upkeep = 0;
            self.write_recorded();
            let speed = if self.len >= self.limit - self.limit / 8 {
                SWEEP_SPEEDUP_WHEN_NEARLY_FULL
            } else {
                1
            };
            self.sweep(now, SWEEP_PER_CALL * UPKEEP_EVERY * speed);
        }
    }

    fn insert(&mut self, hash: u64, expires_at: u64, now: u64) -> Result<(), ReplayError> {
        let Err(mut at) = self.find(hash) else {
            return Err(ReplayError::Replayed);
        };
        if self.len >= self.limit {
            if now >= self.earliest_expiry {
                self.reclaim_all(now);
            }
            if self.len >= self.limit {
                return Err(ReplayError::CapacityExhausted { capacity: 0 });
            }
            let Err(free) = self.find(hash) else {
                return Err(ReplayError::Replayed);
            };
            at = free;
        }
        if self.unwritten.len() >= UPKEEP_EVERY {
            self.write_recorded();
        }
        self.tags[at] = tag_of(hash);
        self.unwritten.push((at, Entry { hash, expires_at }));
        self.len += 1;
        self.earliest_expiry = self.earliest_expiry.min(expires_at);
        Ok(())
    }

    /// Examines `budget` slots at the cursor and removes the expired ones.
    fn sweep(&mut self, now: u64, budget: usize) {
        self.write_recorded();
        for _ in 0..budget {
            let i = self.cursor;
            // Reads only the expiry: an empty slot's is 0, which wraps round to the largest
            // value, so one comparison finds the expired entries.
            if self.expiries[i].wrapping_sub(1) < now {
                // Removal may shift a later entry into `i`: look at `i` again next time.
                self.remove_at(i);
                self.counters.reclaimed += 1;
            } else {
                self.cursor = self.next(i);
            }
        }
    }

    /// Removes every expired entry in one pass round the table, starting after an empty slot.
    ///
    /// Removing entries one by one would shift the rest of a run back once per removal; here a
    /// survivor that follows an emptied slot in its run is moved once, to the first empty slot at
    /// or after its home, so the pass costs O(slots) plus the survivors' moves.
    fn reclaim_all(&mut self, now: u64) {
        self.write_recorded();
        // There is always an empty slot: a shard holds at most `limit` < `slots.len()` entries.
        let Some(start) = self.tags.iter().position(|&tag| tag == EMPTY_TAG) else {
            return;
        };
        let mut earliest = u64::MAX;
        // Whether a slot of the current run (the occupied slots since the last empty one seen)
        // has been emptied; until then, every entry of the run stays where it is.
        let mut emptied_in_run = false;
        let mut i = start;
        for _ in 1..self.hashes.len() {
            i = self.next(i);
            if self.tags[i] == EMPTY_TAG {
                emptied_in_run = false;
                continue;
            }
            let entry = self.get(i);
            if entry.expires_at <= now {
                self.set(i, Entry::EMPTY);
                self.len -= 1;
                self.counters.reclaimed += 1;
                emptied_in_run = true;
                continue;
            }
            earliest = earliest.min(entry.expires_at);
            if emptied_in_run {
                // The entry's home lies in this run, before or at `i`: the search stops at `i`.
                let mut to = self.home(entry.hash);
                while to != i && self.tags[to] != EMPTY_TAG {
                    to = self.next(to);
                }
                if to != i {
                    self.tags[to] = self.tags[i];
                    self.hashes[to] = self.hashes[i];
                    self.expiries[to] = self.expiries[i];
                    self.set(i, Entry::EMPTY);
                }
            }
        }
        self.earliest_expiry = earliest;
    }

    /// Empties slot `i` and shifts back the entries of the run after it (backward-shift
    /// deletion), keeping the probing invariant.
    fn remove_at(&mut self, mut i: usize) {
        debug_assert!(
            self.unwritten.is_empty(),
            "removal reads every slot of its run"
        );
        let mut j = i;
        loop {
            j = self.next(j);
            if self.tags[j] == EMPTY_TAG {
                break;
            }
            let home = self.home(self.hashes[j]);
            // The entry at `j` may move to `i` only if its home is not in the cyclic range
            // (i, j]; otherwise moving it would put it before its home.
            let stays = if i <= j {
                i < home && home <= j
            } else {
                i < home || home <= j
            };
            if !stays {
                // The tag, hash and expiry move together.
                self.tags[i] = self.tags[j];
                self.hashes[i] = self.hashes[j];
                self.expiries[i] = self.expiries[j];
                i = j;
            }
        }
        self.set(i, Entry::EMPTY);
        self.len -= 1;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use proptest::prelude::*;

    use super::*;

    const SEED: [u64; 2] = [0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210];

    fn nonce(i: u64) -> Nonce {
        let mut nonce = [0u8; 16];
        nonce[..8].copy_from_slice(&mix64(i).to_le_bytes());
        nonce[8..].copy_from_slice(&mix64(!i).to_le_bytes());
        nonce
    }

    impl ReplayGuard {
        /// Checks every shard's invariants; panics with the first one broken.
        fn assert_consistent(&self) {
            for (index, shard) in self.shards.iter().enumerate() {
                let shard = shard.0.lock();
                shard.assert_consistent();
                for i in 0..shard.hashes.len() {
                    let entry = shard.get(i);
                    if !entry.is_empty() {
                        assert_eq!(self.shard_index(entry.hash), index, "slot {i}: wrong shard");
                    }
                }
            }
        }
    }

    impl Shard {
        fn assert_consistent(&self) {
            assert_eq!(self.tags.len(), self.hashes.len());
            assert_eq!(self.expiries.len(), self.hashes.len());
            let mut occupied = 0;
            assert!(self.unwritten.len() <= UPKEEP_EVERY);
            for &(at, entry) in &self.unwritten {
                assert_eq!(
                    self.hashes[at], UNWRITTEN,
                    "slot {at}: unwritten hash written"
                );
                assert_eq!(self.expiries[at], 0, "slot {at}: unwritten expiry written");
                assert_ne!(entry.hash, UNWRITTEN, "slot {at}: a recorded hash of 0");
            }
            for i in 0..self.hashes.len() {
                if self.unwritten.iter().all(|(at, _)| *at != i) {
                    assert_eq!(
                        self.hashes[i] == UNWRITTEN,
                        self.expiries[i] == 0,
                        "slot {i}: hash and expiry out of step"
                    );
                }
                let entry = self
                    .unwritten
                    .iter()
                    .find(|(at, _)| *at == i)
                    .map_or_else(|| self.get(i), |&(_, entry)| entry);
                if entry.is_empty() {
                    assert_eq!(self.tags[i], EMPTY_TAG, "slot {i}: empty slot with a tag");
                    assert_eq!(entry.hash, 0, "slot {i}: empty slot with a hash");
                    continue;
                }
                occupied += 1;
                assert_ne!(entry.hash, UNWRITTEN, "slot {i}: a recorded hash of 0");
                assert_eq!(
                    self.tags[i],
                    tag_of(entry.hash),
                    "slot {i}: tag out of step"
                );
                assert!(entry.expires_at >= self.earliest_expiry, "slot {i}: bound");
                // Linear probing: no empty slot between an entry's home and the entry.
                let mut j = self.home(entry.hash);
                while j != i {
                    assert_ne!(self.tags[j], EMPTY_TAG, "slot {i}: gap at {j} after home");
                    j = self.next(j);
                }
                assert_eq!(self.find(entry.hash), Ok(i), "slot {i}: not found");
            }
            assert_eq!(self.len, occupied);
        }
    }

    #[test]
    fn tags_are_never_empty_and_use_the_low_byte() {
        assert_eq!(tag_of(0), 1);
        assert_eq!(tag_of(0x100), 1);
        assert_eq!(tag_of(1), 1);
        assert_eq!(tag_of(0xAB), 0xAB);
        assert_eq!(tag_of(u64::MAX), 0xFF);
    }

    /// Nonces that share a tag, and many that share tag and home slot, are told apart by their
    /// full hashes: recorded ones are refused, the others recorded.
    #[test]
    fn colliding_tags_never_let_a_replay_through_nor_refuse_a_fresh_nonce() {
        let guard = ReplayGuard::with_seed(1_000, 100, SEED);
        assert_eq!(guard.shards.len(), 1);
        let home_and_tag = |n: &Nonce| {
            let hash = guard.hash(n);
            (guard.shards[0].0.lock().home(hash), tag_of(hash))
        };
        // Tags 1 (low bytes 0 and 1) and 0x5A; group by (home, tag).
        let mut groups: HashMap<(usize, Tag), Vec<Nonce>> = HashMap::new();
        for i in 0..400_000 {
            let n = nonce(i);
            let key = home_and_tag(&n);
            if key.1 == 1 || key.1 == 0x5A {
                groups.entry(key).or_default().push(n);
            }
        }
        let mut recorded = Vec::new();
        let mut fresh = Vec::new();
        for group in groups.values().filter(|g| g.len() >= 2) {
            recorded.extend_from_slice(&group[..group.len() / 2]);
            fresh.extend_from_slice(&group[group.len() / 2..]);
        }
        recorded.truncate(350);
        fresh.truncate(350);
        assert!(
            recorded.len() >= 300 && fresh.len() >= 300,
            "{}",
            recorded.len()
        );
        for n in &recorded {
            guard.check_and_record(n, 150, 100).unwrap();
        }
        guard.assert_consistent();
        for n in &recorded {
            assert_eq!(
                guard.check_and_record(n, 150, 101),
                Err(ReplayError::Replayed)
            );
        }
        for n in &fresh {
            assert!(!guard.contains(n));
            guard.check_and_record(n, 150, 101).unwrap();
        }
        for n in recorded.iter().chain(&fresh) {
            assert_eq!(
                guard.check_and_record(n, 150, 102),
                Err(ReplayError::Replayed)
            );
        }
        guard.assert_consistent();
        // All expire; reclaiming them shifts colliding runs back, tags with their slots.
        guard.purge_expired(150);
        guard.assert_consistent();
        assert_eq!(guard.stats().stored, 0);
        assert!(
            guard.shards[0]
                .0
                .lock()
                .tags
                .iter()
                .all(|&t| t == EMPTY_TAG)
        );
    }

    /// The nonce whose keyed mix is 0 (the stored value of an empty slot) is kept as hash 1,
    /// with the shard, home slot and tag of 1: recorded, refused, found, and reclaimed.
    #[test]
    fn a_hash_of_zero_is_stored_as_one() {
        let guard = ReplayGuard::with_seed(1_000, 100, SEED);
        let low = 0x1234_u64;
        let mut zero = [0u8; 16];
        zero[..8].copy_from_slice(&low.to_le_bytes());
        // mix64 is a bijection with mix64(0) == 0, so this high half cancels the low half's mix.
        zero[8..].copy_from_slice(&(mix64(low ^ SEED[0]) ^ SEED[1]).to_le_bytes());
        assert_eq!(guard.hash(&zero), 1);
        // Neighbours at the same home slot (0) and with the same tag (1).
        let crowd: Vec<Nonce> = (0..2_000_000)
            .map(nonce)
            .filter(|n| guard.hash(n) >> 60 == 0 && tag_of(guard.hash(n)) == 1)
            .take(4)
            .collect();
        assert!(!crowd.is_empty());
        for n in &crowd {
            guard.check_and_record(n, 150, 100).unwrap();
        }
        guard.check_and_record(&zero, 120, 100).unwrap();
        guard.assert_consistent();
        assert!(guard.contains(&zero));
        assert_eq!(
            guard.check_and_record(&zero, 150, 101),
            Err(ReplayError::Replayed)
        );
        // Written by the next upkeep, still found.
        guard.shards[0].0.lock().write_recorded();
        guard.assert_consistent();
        assert!(guard.contains(&zero));
        assert_eq!(
            guard.check_and_record(&zero, 150, 102),
            Err(ReplayError::Replayed)
        );
        guard.purge_expired(120);
        guard.assert_consistent();
        assert!(!guard.contains(&zero));
        assert!(crowd.iter().all(|n| guard.contains(n)));
        guard.check_and_record(&zero, 150, 121).unwrap();
        guard.assert_consistent();
    }

    /// A steady stream of short-lived nonces among long-lived ones: the faster sweep of a nearly
    /// full shard reclaims them before they fill it, so no call has to sweep the shard whole.
    #[test]
    fn short_lived_nonces_do_not_fill_a_shard() {
        let guard = ReplayGuard::with_seed(1_000, 100, SEED);
        assert_eq!(guard.shards.len(), 1);
        let mut now = 1_000;
        for i in 0..600 {
            guard.check_and_record(&nonce(i), now + 100, now).unwrap();
        }
        let mut most = 0;
        for i in 600..50_600 {
            if i % 10 == 0 {
                now += 1;
            }
            guard.check_and_record(&nonce(i), now + 1, now).unwrap();
            most = most.max(guard.stats().stored);
        }
        guard.assert_consistent();
        assert!(most < 1_000, "the shard filled up: {most} stored");
    }

    #[test]
    fn memory_counts_slots_tags_and_shards() {
        let guard = ReplayGuard::with_seed(1_000_000, 100, SEED);
        let slots: usize = guard.shards.iter().map(|s| s.0.lock().hashes.len()).sum();
        let batches = guard.shards.len() * UPKEEP_EVERY * std::mem::size_of::<(usize, Entry)>();
        assert_eq!(
            guard.memory_bytes(),
            slots * BYTES_PER_SLOT + batches + guard.shards.len() * std::mem::size_of::<Padded>()
        );
        assert_eq!(BYTES_PER_SLOT, 17);
        assert!(guard.memory_bytes() < 26 * 1_000_000);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Record { nonce: u64, lifetime: u64 },
        Contains { nonce: u64 },
        Advance { seconds: u64 },
        Purge,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            8 => (0u64..96, 1u64..6).prop_map(|(nonce, lifetime)| Op::Record { nonce, lifetime }),
            2 => (0u64..96).prop_map(|nonce| Op::Contains { nonce }),
            3 => (0u64..3).prop_map(|seconds| Op::Advance { seconds }),
            1 => Just(Op::Purge),
        ]
    }

    proptest! {
        /// A small single-shard guard (it fills, wraps and sweeps a lot) against a `HashMap` of
        /// nonce -> expiry, with the table's invariants checked after every step.
        #[test]
        fn matches_a_model_with_expiry_sweeps_and_shifts(
            capacity in 1usize..48,
            ops in proptest::collection::vec(op(), 1..400),
        ) {
            let guard = ReplayGuard::with_seed(capacity, 5, SEED);
            let mut model: HashMap<u64, u64> = HashMap::new();
            let mut now = 1_000u64;
            for op in ops {
                match op {
                    Op::Record { nonce: i, lifetime } => {
                        let live = model.values().filter(|&&e| e > now).count();
                        let held = model.get(&i).copied();
                        let result = guard.check_and_record(&nonce(i), now + lifetime, now);
                        match held {
                            Some(expiry) if expiry > now => {
                                prop_assert_eq!(result, Err(ReplayError::Replayed));
                            }
                            // Expired but maybe not reclaimed yet: either answer is safe.
                            Some(_) => {
                                let safe = matches!(
                                    result,
                                    Ok(())
                                        | Err(
                                            ReplayError::Replayed
                                                | ReplayError::CapacityExhausted { .. }
                                        )
                                );
                                prop_assert!(safe, "{:?}", result);
                            }
                            None if live >= capacity => prop_assert_eq!(
                                result,
                                Err(ReplayError::CapacityExhausted { capacity })
                            ),
                            None => prop_assert_eq!(result, Ok(())),
                        }
                        if result.is_ok() {
                            model.insert(i, now + lifetime);
                        }
                    }
                    Op::Contains { nonce: i } => {
                        if model.get(&i).is_some_and(|&e| e > now) {
                            prop_assert!(guard.contains(&nonce(i)));
                        }
                        if !model.contains_key(&i) {
                            prop_assert!(!guard.contains(&nonce(i)));
                        }
                    }
                    Op::Advance { seconds } => now += seconds,
                    Op::Purge => {
                        guard.purge_expired(now);
                        model.retain(|_, &mut e| e > now);
                        prop_assert_eq!(guard.stats().stored, model.len());
                    }
                }
                guard.assert_consistent();
                let live: HashSet<u64> =
                    model.iter().filter(|&(_, &e)| e > now).map(|(&i, _)| i).collect();
                for &i in &live {
                    prop_assert!(guard.contains(&nonce(i)), "live nonce {} forgotten", i);
                }
                prop_assert!(guard.stats().stored >= live.len());
            }
        }
    }
}
