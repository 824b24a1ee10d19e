"""Exact and near-duplicate detection for ingest.

Exact: `content_hash` is the sha1 of the normalised text (NFKC, case-folded, whitespace
collapsed); an item whose id or content hash is already stored, or seen earlier in the run, is
not stored again. Near: MinHash signatures over word 3-grams (datasketch's "affine32" permutation
scheme, computed for a whole batch at once with numpy) in an LSH index banded as datasketch's
MinHashLSH would; an item
whose estimated Jaccard similarity to an earlier original reaches the threshold gets that
original's id in `dup_of` and is kept. Only originals enter the index, so `dup_of` always points
to an original; their signatures are stored next to each batch so later runs see them.
"""

import hashlib
import unicodedata

import numpy as np
import pyarrow as pa
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64  # signature length; fixed for a store (the signatures on disk have it)
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme: h -> a*fmix32(h) + b mod 2**32
SHINGLE = 3  # words per shingle
DEFAULT_THRESHOLD = 0.9
# datasketch's weights of false positives and false negatives when it picks the banding: missing
# a near-duplicate costs more here than marking a slightly less similar one (at 0.9 with 64
# permutations: 5 bands of 12; a pair with Jaccard 0.95 is found 98% of the time, 0.9: 81%,
# 0.8: 30%, 0.7: 7%, 0.5: 0.1%).
_WEIGHTS = (0.1, 0.9)
_EMPTY = np.uint32(0xFFFFFFFF)
_CHUNK_BYTES = 4 * 1024 * 1024  # text per numpy step (bounds memory whatever the texts)
_P = np.uint64(0x100000001B3)  # odd: invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))
_FMIX32 = (16, np.uint32(0x85EBCA6B), 13, np.uint32(0xC2B2AE35), 16)  # MurmurHash3 finaliser


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise(text).encode(), usedforsecurity=False).hexdigest()


_A, _B = (np.asarray(x, dtype=np.uint32)
          for x in MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> np.uint32(s1))
    hv = hv * m1
    hv = hv ^ (hv >> np.uint32(s2))
    hv = hv * m2
    return hv ^ (hv >> np.uint32(s3))


def shingle_hashes(normalised_texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, owners): a 32-bit hash of every word 3-gram (words: runs of non-space in the
    normalised text; a text of one or two words has those words as its shingles) and the index
    of the text it comes from, in order. Computed for all texts at once: a polynomial hash of
    each word from prefix sums over the UTF-8 bytes, then the three words' hashes mixed."""
    with np.errstate(over="ignore"):
        data = np.frombuffer("\n".join(normalised_texts).encode(), dtype=np.uint8)
        if not len(data):
            return np.empty(0, np.uint32), np.empty(0, np.int64)
        word_byte = (data != 32) & (data != 10)
        doc_of_byte = np.cumsum(data == 10)
        edges = np.diff(np.r_[np.int8(0), word_byte.astype(np.int8), np.int8(0)])
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        n = len(data)
        powers = np.empty(n, np.uint64)
        powers[0] = 1
        powers[1:] = _P
        powers = np.cumprod(powers)
        inverse = np.empty(n, np.uint64)
        inverse[0] = 1
        inverse[1:] = _P_INV
        inverse = np.cumprod(inverse)
        prefix = np.r_[np.uint64(0), np.cumsum(data.astype(np.uint64) * powers)]
        words = (prefix[ends] - prefix[starts]) * inverse[starts]
        doc = doc_of_byte[starts].astype(np.int64)
        if len(words) >= SHINGLE:
            k = np.arange(len(words) - SHINGLE + 1)
            tri = words[k] * _MIX[0] + words[k + 1] * _MIX[1] + words[k + 2]
            same = doc[k] == doc[k + 2]
            tri, tri_doc = tri[same], doc[k][same]
        else:
            tri, tri_doc = np.empty(0, np.uint64), np.empty(0, np.int64)
        short = np.ones(len(normalised_texts), bool)
        short[tri_doc] = False
        lone = short[doc]  # texts with fewer than three words: their words are the shingles
        hashes = np.r_[tri, words[lone]]
        owners = np.r_[tri_doc, doc[lone]]
        order = np.argsort(owners, kind="stable")
        return (hashes[order] >> np.uint64(32)).astype(np.uint32), owners[order]


def signatures(normalised_texts: list[str]) -> np.ndarray:
    """MinHash signatures (uint32, shape (n, NUM_PERM)) of texts already normalised, the same
    as datasketch's MinHash(scheme="affine32") fed `shingle_hashes`; a text without words gets
    a row of 2**32-1 (it never matches)."""
    out = np.full((len(normalised_texts), NUM_PERM), _EMPTY, dtype=np.uint32)
    start = 0
    while start < len(normalised_texts):  # chunks of about _CHUNK_BYTES of text
        size, stop = 0, start
        while stop < len(normalised_texts) and (size < _CHUNK_BYTES or stop == start):
            size += len(normalised_texts[stop]) + 1
            stop += 1
        hv, owner = shingle_hashes(normalised_texts[start:stop])
        if len(hv):
            with np.errstate(over="ignore"):
                phv = _fmix32(hv)[:, None] * _A + _B
            bounds = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
            out[start + owner[bounds]] = np.minimum.reduceat(phv, bounds, axis=0)
        start = stop
    return out


class NearDuplicates:
    """A MinHash LSH index of originals; `check` marks near-duplicates in a batch.

    The banding (b bands of r rows) is datasketch MinHashLSH's own choice for the threshold and
    NUM_PERM (minimising false positives and negatives); the index itself is b plain dicts whose
    keys are computed for a whole batch at once with numpy, because MinHashLSH's per-item
    insert and query cost about ten times more than everything else ingest does per item."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD):
        if not 0 < threshold <= 1:
            raise ValueError("the near-duplicate threshold must be above 0 and at most 1")
        self.threshold = threshold
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=_WEIGHTS)
        self.ranges = list(lsh.hashranges)
        self.bands: list[dict[int, str]] = [{} for _ in self.ranges]
        self.size = 0

    def band_keys(self, sigs: np.ndarray) -> np.ndarray:
        """(n, b) uint64: one key per band, a mix of the band's values (collisions ~2**-64)."""
        keys = np.empty((len(sigs), len(self.ranges)), np.uint64)
        with np.errstate(over="ignore"):
            wide = sigs.astype(np.uint64)
            for band, (start, end) in enumerate(self.ranges):
                keys[:, band] = (wide[:, start:end] * _BAND_MIX[: end - start]).sum(axis=1)
        return keys

    def add_stored(self, ids: list[str], sigs: list[bytes]) -> None:
        rows = [i for i, sig in enumerate(sigs) if sig is not None]
        if not rows:
            return
        matrix = np.frombuffer(b"".join(sigs[i] for i in rows), dtype=np.uint32).reshape(len(rows), NUM_PERM)
        keys = self.band_keys(matrix)
        kept = [ids[i] for i in rows]
        for band, index in enumerate(self.bands):
            for key, item_id in zip(keys[:, band].tolist(), kept, strict=True):
                index.setdefault(key, item_id)
        self.size += len(rows)

    def check(self, ids: list[str], sigs: np.ndarray) -> list[str | None]:
        """For each item in order: the id of an earlier original it nearly duplicates, or None
        (then it becomes an original itself and enters the index)."""
        result: list[str | None] = []
        empty = np.all(sigs == _EMPTY, axis=1).tolist()
        keys = self.band_keys(sigs).tolist()
        bands = self.bands
        for item_id, row, blank in zip(ids, keys, empty, strict=True):
            if blank:
                result.append(None)
                continue
            found = [hit for index, key in zip(bands, row, strict=True)
                     if (hit := index.get(key)) is not None]
            if found:
                result.append(min(found))
            else:
                for index, key in zip(bands, row, strict=True):
                    index[key] = item_id
                self.size += 1
                result.append(None)
        return result


_BAND_MIX = (np.random.RandomState(SEED).randint(0, 1 << 62, NUM_PERM, dtype=np.uint64) * np.uint64(2)
             + np.uint64(1))


def signature_table(ids: list[str], sigs: np.ndarray, dup_of: list[str | None]) -> pa.Table:
    """The signatures of the originals of a batch, as stored next to it."""
    blank = np.all(sigs == _EMPTY, axis=1) if len(sigs) else []
    keep = [i for i, d in enumerate(dup_of) if d is None and not blank[i]]
    return pa.table({"id": pa.array([ids[i] for i in keep], pa.string()),
                     "sig": pa.array([sigs[i].tobytes() for i in keep], pa.binary())})
