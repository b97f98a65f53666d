//! The sharded open-addressing nonce table.

use std::hash::BuildHasher;

use parking_lot::Mutex;

use crate::ReplayError;

/// A 128-bit nonce, as carried by a permit.
pub type Nonce = [u8; 16];

/// Bytes of one table slot: the nonce's 64-bit keyed hash and its 8-byte expiry.
pub const BYTES_PER_SLOT: usize = std::mem::size_of::<Slot>();

/// Slots examined for expired entries on every call: reclamation is spread over calls, so no
/// call pays for a full sweep unless its shard is full.
const SWEEP_PER_CALL: usize = 2;

/// Most shards a guard uses; capacity is split evenly between them.
const MAX_SHARDS: usize = 64;

/// Remembers nonces until they expire and refuses any nonce it has seen: one-time use.
///
/// Quick advice: give it a capacity of at least (permits verified per second) × (longest permit
/// lifetime in seconds), and a window equal to the longest lifetime plus leeway.
///
/// The table is reserved once, up front: [`ReplayGuard::memory_bytes`] is about
/// `capacity × 24` bytes (16-byte slots, at most 75% full, 12.5% per-shard headroom), and never
/// grows. Up to 64 shards, each behind its own `parking_lot` mutex, so `check_and_record` takes
/// `&self` and threads rarely contend. Each call does O(1) expected work: one probe sequence in
/// one shard plus reclaiming up to two expired slots. A shard that runs full is swept whole once
/// before the guard gives up with [`ReplayError::CapacityExhausted`]; a nonce is never forgotten
/// before it expires.
///
/// A slot keeps a 64-bit hash of the nonce, keyed with a per-guard random seed, not the nonce
/// itself: that halves the table (the 1 M-nonce table fits in a server's last-level cache) at the
/// price of refusing a fresh nonce as `Replayed` if it shares all 64 bits with a live one — about
/// one call in 2^44 with a million live nonces, and always on the closed side. Without the seed,
/// nobody can aim nonces at one shard or slot.
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
    /// Reserves the whole table now (about 24 bytes per nonce of capacity) as zeroed memory
    /// that the OS maps lazily, so this is cheap and resident memory grows with use. A capacity
    /// of 0 refuses every nonce.
    #[must_use]
    pub fn new(capacity: usize, window_seconds: u64) -> Self {
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
                    // All-zero slots are empty: `vec!` of zeroed words asks the allocator for
                    // zeroed memory, which the OS hands out lazily, so `new` is cheap and pages
                    // are touched only as nonces arrive.
                    slots: vec![[0u64; 2]; slots].into_boxed_slice(),
                    len: 0,
                    limit: per_shard,
                    cursor: 0,
                    shift: shard_shift,
                    earliest_expiry: u64::MAX,
                    counters: Counters::default(),
                }))
            })
            .collect();
        ReplayGuard {
            shards,
            shard_shift,
            seed: random_seed(),
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
        shard.sweep(now);
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

    /// The nonce's keyed 64-bit hash: for a fixed low half a bijection of the high half, and
    /// mixed so every bit of the nonce reaches the top bits that pick the shard.
    fn hash(&self, nonce: &Nonce) -> u64 {
        let mut low = [0u8; 8];
        let mut high = [0u8; 8];
        low.copy_from_slice(&nonce[..8]);
        high.copy_from_slice(&nonce[8..]);
        let low = u64::from_le_bytes(low) ^ self.seed[0];
        let high = u64::from_le_bytes(high) ^ self.seed[1];
        mix64(mix64(low) ^ high)
    }

    fn shard_index(&self, hash: u64) -> usize {
        if self.shard_shift == 64 {
            0
        } else {
            usize::try_from(hash >> self.shard_shift).unwrap_or(0)
        }
    }

    /// Reclaims every expired nonce now, in every shard. Not needed for correctness (each call
    /// reclaims a little, and a full shard is swept before refusing); useful when idle.
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
        let slots: usize = self.shards.iter().map(|s| s.0.lock().slots.len()).sum();
        slots * BYTES_PER_SLOT + self.shards.len() * std::mem::size_of::<Padded>()
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

/// One slot as stored: the nonce's keyed hash, then its expiry (see [`Entry`]).
type Slot = [u64; 2];

/// One slot. `expires_at == 0` marks an empty slot: a recorded nonce always expires after `now`,
/// so it is at least 1.
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
    slots: Box<[Slot]>,
    len: usize,
    limit: usize,
    cursor: usize,
    /// Copy of the guard's shift: the hash bits below it pick the home slot.
    shift: u32,
    /// No entry expires before this (a lower bound): a full shard is swept only when something
    /// may have expired, so a shard full of live nonces refuses in O(1), not O(shard).
    earliest_expiry: u64,
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
        let product = u128::from(slot_bits) * self.slots.len() as u128;
        usize::try_from(product >> 64).unwrap_or(0)
    }

    fn get(&self, i: usize) -> Entry {
        let [hash, expires_at] = self.slots[i];
        Entry { hash, expires_at }
    }

    fn set(&mut self, i: usize, entry: Entry) {
        self.slots[i] = [entry.hash, entry.expires_at];
    }

    fn next(&self, i: usize) -> usize {
        if i + 1 == self.slots.len() { 0 } else { i + 1 }
    }

    /// `Ok(index)` of `hash`, or `Err(index)` of the empty slot where it would go.
    fn find(&self, hash: u64) -> Result<usize, usize> {
        let mut i = self.home(hash);
        loop {
            let entry = self.get(i);
            if entry.is_empty() {
                return Err(i);
            }
            if entry.hash == hash {
                return Ok(i);
            }
            i = self.next(i);
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
        self.set(at, Entry { hash, expires_at });
        self.len += 1;
        self.earliest_expiry = self.earliest_expiry.min(expires_at);
        Ok(())
    }

    /// Examines a few slots at the cursor and removes the expired ones.
    fn sweep(&mut self, now: u64) {
        for _ in 0..SWEEP_PER_CALL {
            let i = self.cursor;
            let entry = self.get(i);
            if !entry.is_empty() && entry.expires_at <= now {
                // Removal may shift a later entry into `i`: look at `i` again next time.
                self.remove_at(i);
                self.counters.reclaimed += 1;
            } else {
                self.cursor = self.next(i);
            }
        }
    }

    fn reclaim_all(&mut self, now: u64) {
        let mut earliest = u64::MAX;
        let mut i = 0;
        while i < self.slots.len() {
            let entry = self.get(i);
            if !entry.is_empty() && entry.expires_at <= now {
                self.remove_at(i);
                self.counters.reclaimed += 1;
            } else {
                if !entry.is_empty() {
                    earliest = earliest.min(entry.expires_at);
                }
                i += 1;
            }
        }
        // An entry that a backward shift moves (forwards into a slot not yet scanned, or from the
        // start of the table to its end) was either folded in already or is scanned later.
        self.earliest_expiry = earliest;
    }

    /// Empties slot `i` and shifts back the entries of the run after it (backward-shift
    /// deletion), keeping the probing invariant.
    fn remove_at(&mut self, mut i: usize) {
        let mut j = i;
        loop {
            j = self.next(j);
            let entry = self.get(j);
            if entry.is_empty() {
                break;
            }
            let home = self.home(entry.hash);
            // The entry at `j` may move to `i` only if its home is not in the cyclic range
            // (i, j]; otherwise moving it would put it before its home.
            let stays = if i <= j {
                i < home && home <= j
            } else {
                i < home || home <= j
            };
            if !stays {
                self.set(i, entry);
                i = j;
            }
        }
        self.set(i, Entry::EMPTY);
        self.len -= 1;
    }
}
