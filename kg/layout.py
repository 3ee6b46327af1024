"""Node positions for the page, computed once in Python: the same graph gives the same picture.

A force-directed layout (Fruchterman and Reingold) in numpy, with a fixed seed: edges pull their
ends together, nodes push each other apart, a weak gravity keeps separate components in view, and
the step shrinks every round. Repulsion is exact up to ``_EXACT`` nodes; above, it is computed
for all nodes at once from their density on a grid (one FFT convolution a round), so a round
costs time linear in the graph and 20,000 entities lay out in seconds. The browser runs no physics.

>>> positions = spring_positions(3, [(0, 1), (1, 2)])
>>> len(positions), positions == spring_positions(3, [(0, 1), (1, 2)])
(3, True)
"""

from __future__ import annotations

__all__ = ["spring_positions"]

_EXACT = 600  # nodes: up to here every pair repels exactly
_GRID = 128  # above: repulsion from the node density on a grid of this many cells a side (FFT)
_SPACING = 110.0  # pixels between two joined nodes, roughly
_GRAVITY = 0.4
_NEAR = 4  # nodes of one grid cell that repel each other exactly


def _grid_kernels(size: int):
    """The FFTs of the repulsion kernel (dx / d^2, dy / d^2 in cell units) on a padded grid."""
    import numpy as np

    offsets = np.arange(-size, size)
    di, dj = np.meshgrid(offsets, offsets, indexing="ij")
    d2 = (di**2 + dj**2).astype(float)
    d2[size, size] = np.inf  # a cell does not push itself
    return (np.fft.rfft2(np.fft.ifftshift(di / d2)), np.fft.rfft2(np.fft.ifftshift(dj / d2)))


def _repulsion(pos, kernels):
    """Every node pushed by all others at once: the node density on a grid convolved with the kernel."""
    import numpy as np

    size = _GRID
    low = pos.min(axis=0)
    cell = float((pos.max(axis=0) - low).max()) / (size - 1) + 1e-9
    ci = np.clip(((pos[:, 0] - low[0]) / cell).astype(np.int64), 0, size - 1)
    cj = np.clip(((pos[:, 1] - low[1]) / cell).astype(np.int64), 0, size - 1)
    density = np.bincount(ci * 2 * size + cj, minlength=4 * size * size).reshape(2 * size, 2 * size).astype(float)
    spectrum = np.fft.rfft2(density)
    fx = np.fft.irfft2(spectrum * kernels[0], s=density.shape)
    fy = np.fft.irfft2(spectrum * kernels[1], s=density.shape)
    push = np.stack([fx[ci, cj], fy[ci, cj]], axis=1) / cell
    # nodes sharing a cell push each other exactly (up to _NEAR of them), else they could coincide
    cells = ci * size + cj
    order = np.argsort(cells, kind="stable")
    for k in range(1, _NEAR + 1):
        a, b = order[:-k], order[k:]
        same = cells[a] == cells[b]
        a, b = a[same], b[same]
        if not len(a):
            break
        delta = pos[a] - pos[b]
        force = delta / ((delta**2).sum(axis=1) + 1e-3)[:, None]
        for axis in (0, 1):
            push[:, axis] += np.bincount(a, force[:, axis], minlength=len(pos))
            push[:, axis] -= np.bincount(b, force[:, axis], minlength=len(pos))
    return push


def spring_positions(
    count: int, pairs: list[tuple[int, int]], *, seed: int = 7, iterations: int = 80
) -> list[tuple[int, int]]:
    """Positions (x, y) in whole pixels for nodes ``0..count-1`` joined by ``pairs``."""
    import numpy as np

    if count == 0:
        return []
    rng = np.random.default_rng(seed)
    side = float(np.sqrt(count))
    pos = (rng.random((count, 2)) - 0.5) * side
    if pairs:
        edges = np.array(sorted({(a, b) if a < b else (b, a) for a, b in pairs if a != b}), dtype=np.int64)
    else:
        edges = np.zeros((0, 2), dtype=np.int64)
    kernels = _grid_kernels(_GRID) if count > _EXACT else None
    step = side / 10 + 0.1
    for _ in range(iterations):
        if kernels is None:
            delta = pos[:, None, :] - pos[None, :, :]
            dist2 = (delta**2).sum(axis=-1) + 1e-3
            move = (delta / dist2[..., None]).sum(axis=1)  # repulsion: k^2 / d along the unit vector
        else:
            move = _repulsion(pos, kernels)
        if len(edges):
            pull = pos[edges[:, 1]] - pos[edges[:, 0]]
            force = pull * np.sqrt((pull**2).sum(axis=1))[:, None]  # attraction: d^2 / k along the unit vector
            for axis in (0, 1):  # bincount: np.add.at is ten times slower
                move[:, axis] += np.bincount(edges[:, 0], force[:, axis], minlength=count)
                move[:, axis] -= np.bincount(edges[:, 1], force[:, axis], minlength=count)
        move -= pos * _GRAVITY  # keeps separate components near each other
        norm = np.sqrt((move**2).sum(axis=1))[:, None] + 1e-9
        pos += move / norm * np.minimum(norm, step)
        step = max(step * 0.95, 0.01)
    pos -= pos.mean(axis=0)
    return [(round(float(x) * _SPACING), round(float(y) * _SPACING)) for x, y in pos]
