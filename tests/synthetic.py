"""Made-up claim sets for the page's tests and benchmark: any size, the same for the same seed."""

from __future__ import annotations

import random

from kg.claimset import ArticleRow, ClaimRow, ClaimSet, EntityRow

CLASSES = ("Country", "Region", "Company", "Organization", "Person", "Product", "Sector")
PREDICATES = ("supplies", "cooperatesWith", "exportsTo", "investsIn", "produces")
MODALITIES = ("asserted", "asserted", "asserted", "planned", "negated", "past")


def synthetic(n: int, seed: int = 7) -> ClaimSet:
    """n entities ("Entity 12", alias "E12"), a connected tree of claims plus as many random ones, over 50
    dated articles; modalities drawn half asserted, the rest planned, negated and past."""
    rng = random.Random(seed)
    entities = {
        f"urn:e:{i:06d}": EntityRow(f"urn:e:{i:06d}", f"Entity {i}", CLASSES[i % len(CLASSES)], (f"E{i}",), None)
        for i in range(n)
    }
    articles = {
        f"urn:a:{k:02d}": ArticleRow(
            f"urn:a:{k:02d}", f"a{k}", f"Article {k}", f"2023-{k % 12 + 1:02d}-01", f"https://example.org/{k}", "wire"
        )
        for k in range(50)
    }
    pairs = [(i, rng.randrange(i)) for i in range(1, n)]
    pairs += [tuple(rng.sample(range(n), 2)) for _ in range(n)] if n > 1 else []
    claims = tuple(
        ClaimRow(
            f"urn:c:{k:07d}",
            f"urn:e:{s:06d}",
            rng.choice(PREDICATES),
            f"urn:e:{o:06d}",
            rng.choice(MODALITIES),
            round(rng.uniform(0.3, 0.95), 2),
            f"Entity {s} and Entity {o} work together.",
            f"urn:a:{rng.randrange(50):02d}",
            "bench",
        )
        for k, (s, o) in enumerate(pairs)
    )
    return ClaimSet(entities, articles, claims)
