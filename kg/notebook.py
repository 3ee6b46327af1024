"""The page inline in Jupyter: ``kg.show(store)`` draws the graph in an isolated iframe.

The page is a whole HTML document with its own styles; put straight into a notebook it would
restyle the notebook. Here it is the ``srcdoc`` of a sandboxed iframe (scripts allowed, no
same-origin access), so neither side sees the other's styles or scripts.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["show", "InlinePage"]


@dataclass(frozen=True)
class InlinePage:
    """A page that Jupyter displays inline (``_repr_html_``); ``html`` is the whole page document."""

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;height:{int(self.height)}px;'
            f'border:1px solid #ddd" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'title="kg graph"></iframe>'
        )


def show(graph_or_store, *, focus: str | None = None, hops: int = 2, height: int = 640) -> InlinePage:
    """The page of a store, a claim set or an entity network, for inline display in a notebook.

    Parameters
    ----------
    graph_or_store : store, ClaimSet or networkx.MultiDiGraph
        What to draw: every claim of a store (:func:`kg.open_store`), a claim set
        (:func:`kg.read_claims`) or an entity network (:func:`kg.entity_graph`).
    focus : str, optional
        Draw only this entity's neighbourhood (a label, alias or IRI).
    hops : int, default 2
        The neighbourhood's radius with ``focus``.
    height : int, default 640
        The frame's height in pixels.

    Returns
    -------
    InlinePage
        Shown by Jupyter in a sandboxed ``srcdoc`` iframe, so the page's styles
        and the notebook's stay apart.

    Raises
    ------
    NodeNotFound
        When ``focus`` names no entity.

    Examples
    --------
    >>> import networkx as nx
    >>> shown = show(nx.MultiDiGraph())
    >>> shown._repr_html_().startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    from .claimset import ClaimSet, read_claims
    from .viz import network_html

    source = graph_or_store
    if not isinstance(source, ClaimSet) and hasattr(source, "query") and hasattr(source, "quads"):
        source = read_claims(source)
    return InlinePage(network_html(source, focus=focus, hops=hops), height)
